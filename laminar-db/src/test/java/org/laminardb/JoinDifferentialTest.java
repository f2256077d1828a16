package org.laminardb;

import static org.laminardb.ResultComparison.assertSameRows;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test of regular joins: materialized views joining sources (with duplicates and
 * NULL keys), an upsert source and aggregated views (whose updates retract joined rows), written
 * in several batches, must equal H2's batch join of the same rows after every batch; with one
 * reactor and with two (the sources start on different reactors and move together).
 */
class JoinDifferentialTest {
  /** Views both engines define, so that the queries read the same text. */
  private static final String[] VIEWS = {
    "CREATE VIEW ga AS SELECT k, COUNT(*) AS n, SUM(v) AS sv FROM a GROUP BY k",
    "CREATE VIEW gb AS SELECT k, SUM(w) AS sw, MAX(s) AS ms FROM b GROUP BY k",
  };

  /** The queries; H2 has no FULL JOIN, so those come with H2's equivalent text after them. */
  private static final String[][] QUERIES = {
    {"SELECT a.k, a.v, b.w FROM a JOIN b ON a.k = b.k"},
    {"SELECT a.k, a.v, b.w, b.s FROM a LEFT JOIN b ON a.k = b.k AND a.s = b.s"},
    {"SELECT a.v, b.w FROM a RIGHT JOIN b ON a.k = b.k AND a.v < b.w"},
    {"SELECT a.k AS ak, b.k AS bk, a.v, b.w FROM a FULL JOIN b ON a.k = b.k AND a.s = b.s",
        "SELECT a.k AS ak, b.k AS bk, a.v, b.w FROM a LEFT JOIN b ON a.k = b.k AND a.s = b.s "
            + "UNION ALL SELECT NULL, b.k, NULL, b.w FROM b "
            + "WHERE NOT EXISTS (SELECT 1 FROM a WHERE a.k = b.k AND a.s = b.s)"},
    {"SELECT a.k, b.w FROM a, b WHERE a.k = b.k AND a.v > 50"},
    {"SELECT x.k, x.v, y.v AS v2 FROM a x JOIN a y ON x.k = y.k AND x.s = y.s"},
    {"SELECT ga.k AS gk, ga.n, gb.k AS bk, gb.sw FROM ga FULL JOIN gb ON ga.k = gb.k",
        "SELECT ga.k AS gk, ga.n, gb.k AS bk, gb.sw FROM ga LEFT JOIN gb ON ga.k = gb.k "
            + "UNION ALL SELECT NULL, NULL, gb.k, gb.sw FROM gb "
            + "WHERE NOT EXISTS (SELECT 1 FROM ga WHERE ga.k = gb.k)"},
    {"SELECT gb.k, COUNT(*) AS c, SUM(a.v) AS sv FROM a JOIN gb ON a.k = gb.k AND gb.sw > 100 "
        + "GROUP BY gb.k"},
    {"SELECT u.id, u.x, a.v FROM u LEFT JOIN a ON u.k = a.k AND u.x > a.v"},
    {"SELECT u.id, ga.n, ga.sv FROM ga RIGHT JOIN u ON ga.k = u.k AND ga.n > 2"},
    {"SELECT a.k, b.w, u.id FROM a JOIN b ON a.k = b.k AND a.s = b.s LEFT JOIN u ON b.w = u.x"},
    {"SELECT b.s, u.id FROM b FULL JOIN u ON b.k = u.k AND b.w = u.x",
        "SELECT b.s, u.id FROM b LEFT JOIN u ON b.k = u.k AND b.w = u.x "
            + "UNION ALL SELECT NULL, u.id FROM u "
            + "WHERE NOT EXISTS (SELECT 1 FROM b WHERE b.k = u.k AND b.w = u.x)"},
  };

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void joinViewsShouldEqualBatchJoins(long seed) throws Exception {
    Random random = new Random(seed);
    int reactors = 1 + (int) (seed % 2);
    try (LaminarDB db = LaminarDB.builder().reactorThreads(reactors).open();
        H2Oracle h2 = new H2Oracle("join" + seed)) {
      db.execute("CREATE SOURCE a (k INT, v BIGINT, s VARCHAR)");
      db.execute("CREATE SOURCE b (k INT, w BIGINT, s VARCHAR)");
      db.execute("CREATE SOURCE u (id INT NOT NULL, k INT, x BIGINT, PRIMARY KEY (id))");
      h2.execute("CREATE TABLE a (k INT, v BIGINT, s VARCHAR)",
          "CREATE TABLE b (k INT, w BIGINT, s VARCHAR)",
          "CREATE TABLE u (id INT NOT NULL PRIMARY KEY, k INT, x BIGINT)");
      for (String v : VIEWS) {
        db.execute(v.replace("CREATE VIEW", "CREATE MATERIALIZED VIEW"));
        h2.execute(v);
      }
      for (int q = 0; q < QUERIES.length; q++) {
        db.execute("CREATE MATERIALIZED VIEW q" + q + " AS " + QUERIES[q][0]);
      }
      for (int batch = 0; batch < 6; batch++) {
        insert(db, h2, "a", random, random.nextInt(40));
        insert(db, h2, "b", random, random.nextInt(40));
        upsert(db, h2, random, random.nextInt(15));
        for (int q = 0; q < QUERIES.length; q++) {
          String[] query = QUERIES[q];
          assertSameRows(ResultComparison.query(db, "SELECT * FROM q" + q),
              h2.query(query[query.length - 1]),
              "query " + q + " after batch " + batch + ": " + query[0]);
        }
      }
    }
  }

  private static void insert(LaminarDB db, H2Oracle h2, String table, Random random, int rows)
      throws SQLException {
    List<Object[]> batch = new ArrayList<>();
    String[] strings = {"a", "b", null};
    for (int i = 0; i < rows; i++) {
      batch.add(new Object[] {
        random.nextInt(8) == 0 ? null : random.nextInt(6),
        random.nextInt(8) == 0 ? null : (long) random.nextInt(100),
        strings[random.nextInt(strings.length)]
      });
    }
    try (SourceWriter w = db.source(table)) {
      w.insertAll(batch);
    }
    h2.insert(table, batch);
  }

  private static void upsert(LaminarDB db, H2Oracle h2, Random random, int rows)
      throws SQLException {
    try (SourceWriter w = db.source("u")) {
      for (int i = 0; i < rows; i++) {
        Object[] r = {random.nextInt(10), random.nextInt(6) == 0 ? null : random.nextInt(6),
            random.nextInt(6) == 0 ? null : (long) random.nextInt(100)};
        w.insert(r);
        h2.execute("MERGE INTO u KEY (id) VALUES (" + r[0] + ", " + r[1] + ", " + r[2] + ")");
      }
    }
  }
}
