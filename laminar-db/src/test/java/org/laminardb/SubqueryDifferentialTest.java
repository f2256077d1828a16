package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.ResultComparison.assertSameRows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.laminardb.error.LaminarDBException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test of subqueries in continuous queries: correlated {@code EXISTS}, {@code NOT
 * EXISTS}, {@code IN (subquery)} and scalar subqueries are decorrelated into joins with
 * aggregates (semi and anti joins), uncorrelated scalar subqueries into joins with a one-row
 * aggregate on a constant key; after every batch of random rows (NULL keys included, and
 * deletes on a table) each view must equal H2's answer to the same query.
 */
class SubqueryDifferentialTest {
  private static final String[] QUERIES = {
    "SELECT a.k, a.v FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.k = a.k)",
    "SELECT a.k, a.v FROM a WHERE NOT EXISTS (SELECT 1 FROM b WHERE b.k = a.k AND b.w > a.v)",
    "SELECT a.k, a.v FROM a WHERE a.k IN (SELECT k FROM b WHERE w > 50)",
    "SELECT a.k, a.v, (SELECT MAX(w) FROM b WHERE b.k = a.k) AS mw FROM a",
    "SELECT a.k, a.v FROM a WHERE EXISTS (SELECT 1 FROM t WHERE t.id = a.k)",
    "SELECT a.k, COUNT(*) AS n FROM a WHERE NOT EXISTS (SELECT 1 FROM t WHERE t.id = a.k) "
        + "GROUP BY a.k",
    // Uncorrelated subqueries of one row: joins on a constant key.
    "SELECT a.k, a.v FROM a WHERE a.v * 2 > (SELECT MAX(w) FROM b)",
    "SELECT a.k, a.v, s.n FROM a, (SELECT COUNT(*) AS n FROM t) s WHERE a.v < 50",
  };

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void subqueryViewsShouldEqualBatchQueries(long seed) throws Exception {
    Random random = new Random(seed);
    try (LaminarDB db = LaminarDB.builder().reactorThreads(1 + (int) (seed % 2)).open();
        H2Oracle h2 = new H2Oracle("subq" + seed)) {
      db.execute("CREATE SOURCE a (k INT, v INT)");
      db.execute("CREATE SOURCE b (k INT, w INT)");
      db.execute("CREATE TABLE t (id INT, name VARCHAR, PRIMARY KEY (id))");
      h2.execute("CREATE TABLE a (k INT, v INT)", "CREATE TABLE b (k INT, w INT)",
          "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR)");
      for (int q = 0; q < QUERIES.length; q++) {
        db.execute("CREATE MATERIALIZED VIEW q" + q + " AS " + QUERIES[q]);
      }
      for (int batch = 0; batch < 10; batch++) {
        for (String table : new String[] {"a", "b"}) {
          List<Object[]> rows = new ArrayList<>();
          for (int i = random.nextInt(12); i > 0; i--) {
            rows.add(new Object[] {random.nextInt(8) == 0 ? null : random.nextInt(6),
                random.nextInt(100)});
          }
          try (SourceWriter w = db.source(table)) {
            w.insertAll(rows);
          }
          h2.insert(table, rows);
        }
        int id = random.nextInt(6);
        if (random.nextBoolean()) {
          db.execute("UPSERT INTO t VALUES (" + id + ", 'x" + batch + "')");
          h2.execute("MERGE INTO t KEY (id) VALUES (" + id + ", 'x" + batch + "')");
        } else {
          db.execute("DELETE FROM t WHERE id = " + id);
          h2.execute("DELETE FROM t WHERE id = " + id);
        }
        for (int q = 0; q < QUERIES.length; q++) {
          assertSameRows(ResultComparison.query(db, "SELECT * FROM q" + q),
              h2.query(QUERIES[q]), "query " + q + " after batch " + batch + ": " + QUERIES[q]);
        }
      }
      assertThat(ResultComparison.explain(db, "CREATE STREAM x AS " + QUERIES[0])).contains("Join(kind=INNER", "GroupAggregate(keys=[k]");
    }
  }

  @Test
  void shouldRejectNotInWithASubqueryAndAcceptNotInLists() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE a (k INT, v INT)");
      db.execute("CREATE SOURCE b (k INT, w INT)");
      for (String q : new String[] {"SELECT k FROM a WHERE k NOT IN (SELECT k FROM b)",
          "SELECT k FROM a WHERE k NOT IN (SELECT b.k FROM b WHERE b.w = a.v)"}) {
        assertThatThrownBy(() -> db.execute("CREATE STREAM x AS " + q))
            .isInstanceOf(LaminarDBException.class).hasMessageContaining("NOT EXISTS")
            .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("0A000");
      }
      db.execute("CREATE MATERIALIZED VIEW y AS SELECT k FROM a WHERE k NOT IN (1, 2)");
    }
  }
}
