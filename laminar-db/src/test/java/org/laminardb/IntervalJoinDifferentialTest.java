package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.ResultComparison.assertSameRows;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test of interval joins: two sources with {@code WATERMARK FOR ts AS ts - INTERVAL
 * '1' SECOND}, rows out of order within that bound (never late), duplicates and NULL keys and
 * values, written in random batches; views over interval joins (INNER, LEFT, RIGHT, FULL, with a
 * residual, aggregated) must equal H2's batch query after a final watermark past every row, and
 * the inner ones equal it after every batch too (a pair is emitted as soon as both rows arrived;
 * padded rows wait for the watermark). Self-joins and windows over interval joins too, and
 * interval semi and anti joins from time-bounded {@code EXISTS}, {@code NOT EXISTS} and {@code
 * IN} (a semi join's row is emitted at its first match, an anti join's when the watermark rules
 * out any match).
 */
class IntervalJoinDifferentialTest {
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

  /** Query, H2's equivalent (or null when the same), whether it is inner (comparable anytime). */
  private static final String[][] QUERIES = {
    {"SELECT a.k, a.v, b.w FROM a JOIN b ON a.k = b.k "
        + "AND b.ts BETWEEN a.ts - INTERVAL '2' SECOND AND a.ts + INTERVAL '1' SECOND", null, "y"},
    {"SELECT a.k, a.v, b.w FROM a LEFT JOIN b ON a.k = b.k "
        + "AND b.ts >= a.ts AND b.ts < a.ts + INTERVAL '3' SECOND", null, "n"},
    {"SELECT a.v, b.k, b.w FROM a RIGHT JOIN b ON a.k = b.k AND a.v < b.w "
        + "AND a.ts BETWEEN b.ts - INTERVAL '1.5' SECOND AND b.ts + INTERVAL '0.5' SECOND",
        null, "n"},
    {"SELECT a.k AS ak, a.v, b.k AS bk, b.w FROM a FULL JOIN b ON a.k = b.k "
        + "AND b.ts > a.ts - INTERVAL '1' SECOND AND b.ts <= a.ts + INTERVAL '2' SECOND",
        "SELECT a.k AS ak, a.v, b.k AS bk, b.w FROM a LEFT JOIN b ON a.k = b.k "
        + "AND b.ts > a.ts - INTERVAL '1' SECOND AND b.ts <= a.ts + INTERVAL '2' SECOND "
        + "UNION ALL SELECT NULL, NULL, b.k, b.w FROM b WHERE NOT EXISTS (SELECT 1 FROM a "
        + "WHERE a.k = b.k AND b.ts > a.ts - INTERVAL '1' SECOND "
        + "AND b.ts <= a.ts + INTERVAL '2' SECOND)", "n"},
    {"SELECT a.k, COUNT(*) AS c, SUM(b.w) AS sw FROM a JOIN b ON a.k = b.k "
        + "AND a.ts BETWEEN b.ts - INTERVAL '1' SECOND AND b.ts + INTERVAL '1' SECOND "
        + "GROUP BY a.k", null, "y"},
    {"SELECT x.k, x.v, y.v AS v2 FROM a x JOIN a y ON x.k = y.k "
        + "AND y.ts BETWEEN x.ts AND x.ts + INTERVAL '1' SECOND", null, "y"},
    {"SELECT x.k, x.v, y.v AS v2 FROM a x LEFT JOIN a y ON x.k = y.k "
        + "AND y.ts > x.ts AND y.ts <= x.ts + INTERVAL '0.5' SECOND", null, "n"},
    {"SELECT COUNT(*) AS c, SUM(v) AS sv, SUM(w) AS sw FROM TABLE(TUMBLE((SELECT a.ts, a.v, "
        + "b.w FROM a JOIN b ON a.k = b.k AND b.ts BETWEEN a.ts - INTERVAL '1' SECOND "
        + "AND a.ts + INTERVAL '2' SECOND), DESCRIPTOR(ts), INTERVAL '1' SECOND)) "
        + "GROUP BY window_start, window_end",
        "SELECT COUNT(*) AS c, SUM(a.v) AS sv, SUM(b.w) AS sw FROM a JOIN b ON a.k = b.k "
        + "AND b.ts BETWEEN a.ts - INTERVAL '1' SECOND AND a.ts + INTERVAL '2' SECOND "
        + "GROUP BY DATE_TRUNC('SECOND', a.ts)", "n"},
    {"SELECT COUNT(*) AS c, COUNT(w) AS cw, SUM(w) AS sw FROM TABLE(TUMBLE((SELECT b.ts, "
        + "a.v, b.w FROM a RIGHT JOIN b ON a.k = b.k AND a.ts BETWEEN b.ts AND b.ts "
        + "+ INTERVAL '1.5' SECOND), DESCRIPTOR(ts), INTERVAL '1' SECOND)) "
        + "GROUP BY window_start, window_end EMIT ON WINDOW CLOSE",
        "SELECT COUNT(*) AS c, COUNT(b.w) AS cw, SUM(b.w) AS sw FROM a RIGHT JOIN b "
        + "ON a.k = b.k AND a.ts BETWEEN b.ts AND b.ts + INTERVAL '1.5' SECOND "
        + "GROUP BY DATE_TRUNC('SECOND', b.ts)", "n"},
    // Interval semi and anti joins, from subqueries.
    {"SELECT a.k, a.v FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.k = a.k "
        + "AND b.ts BETWEEN a.ts - INTERVAL '1' SECOND AND a.ts + INTERVAL '2' SECOND)",
        null, "y"},
    {"SELECT a.k, a.v FROM a WHERE NOT EXISTS (SELECT 1 FROM b WHERE b.k = a.k "
        + "AND b.w > a.v AND a.v > 20 AND b.ts >= a.ts AND b.ts < a.ts + INTERVAL '1.5' SECOND)",
        null, "n"},
    {"SELECT x.k, x.v FROM a x WHERE NOT EXISTS (SELECT 1 FROM a y WHERE y.k = x.k "
        + "AND y.v > x.v AND y.ts > x.ts AND y.ts <= x.ts + INTERVAL '1' SECOND)", null, "n"},
    {"SELECT a.k, a.ts, a.v FROM a WHERE a.k IN (SELECT b.k FROM b "
        + "WHERE b.ts BETWEEN a.ts AND a.ts + INTERVAL '1' SECOND AND b.w < 80)", null, "y"},
    {"SELECT a.k, a.v FROM a WHERE a.v > 10 AND EXISTS (SELECT 1 FROM b WHERE b.k = a.k "
        + "AND b.ts BETWEEN a.ts - INTERVAL '0.5' SECOND AND a.ts + INTERVAL '0.5' SECOND) "
        + "AND NOT EXISTS (SELECT 1 FROM b WHERE b.k = a.k AND b.w < 10 "
        + "AND b.ts BETWEEN a.ts - INTERVAL '2' SECOND AND a.ts)", null, "n"},
    {"SELECT COUNT(*) AS c, SUM(v) AS sv FROM TABLE(TUMBLE((SELECT a.ts, a.v FROM a "
        + "WHERE NOT EXISTS (SELECT 1 FROM b WHERE b.k = a.k AND b.ts BETWEEN a.ts "
        + "AND a.ts + INTERVAL '1' SECOND)), DESCRIPTOR(ts), INTERVAL '1' SECOND)) "
        + "GROUP BY window_start, window_end EMIT ON WINDOW CLOSE",
        "SELECT COUNT(*) AS c, SUM(a.v) AS sv FROM a WHERE NOT EXISTS (SELECT 1 FROM b "
        + "WHERE b.k = a.k AND b.ts BETWEEN a.ts AND a.ts + INTERVAL '1' SECOND) "
        + "GROUP BY DATE_TRUNC('SECOND', a.ts)", "n"},
  };

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void intervalJoinViewsShouldEqualBatchJoins(long seed) throws Exception {
    Random random = new Random(seed);
    int reactors = 1 + (int) (seed % 2);
    try (LaminarDB db = LaminarDB.builder().reactorThreads(reactors).open();
        H2Oracle h2 = new H2Oracle("ijoin" + seed)) {
      db.execute("CREATE SOURCE a (k INT, ts TIMESTAMP, v BIGINT, "
          + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
      db.execute("CREATE SOURCE b (k INT, ts TIMESTAMP, w BIGINT, "
          + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
      h2.execute("CREATE TABLE a (k INT, ts TIMESTAMP, v BIGINT)",
          "CREATE TABLE b (k INT, ts TIMESTAMP, w BIGINT)");
      for (int q = 0; q < QUERIES.length; q++) {
        assertThat(ResultComparison.explain(db, "CREATE MATERIALIZED VIEW x AS " + QUERIES[q][0])).as(QUERIES[q][0]).contains("IntervalJoin(",
            "state: bounded by watermarks");
        db.execute("CREATE MATERIALIZED VIEW q" + q + " AS " + QUERIES[q][0]);
      }
      long[] clock = {0, 0};
      for (int batch = 0; batch < 12; batch++) {
        insert(db, h2, "a", random, random.nextInt(30), clock, 0);
        insert(db, h2, "b", random, random.nextInt(30), clock, 1);
        for (int q = 0; q < QUERIES.length; q++) {
          if (QUERIES[q][2].equals("y")) {
            compare(db, h2, q, "after batch " + batch);
          }
        }
      }
      for (String source : new String[] {"a", "b"}) {
        try (SourceWriter w = db.source(source)) {
          w.watermark(EPOCH.plusDays(1));
        }
      }
      for (int q = 0; q < QUERIES.length; q++) {
        compare(db, h2, q, "after the final watermark");
        assertThat(db.lateRows("q" + q)).as("late rows of " + QUERIES[q][0]).isZero();
      }
    }
  }

  private static void compare(LaminarDB db, H2Oracle h2, int q, String when) throws SQLException {
    String[] query = QUERIES[q];
    assertSameRows(ResultComparison.query(db, "SELECT * FROM q" + q),
        h2.query(query[1] == null ? query[0] : query[1]), "query " + q + " " + when + ": "
            + query[0]);
  }

  /**
   * Rows whose times trail a per-source clock by less than the watermark bound, so that none is
   * late: the clock only moves forward, and the watermark is at most the clock minus 1 s.
   */
  private static void insert(LaminarDB db, H2Oracle h2, String table, Random random, int rows,
      long[] clock, int side) throws SQLException {
    List<Object[]> batch = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      clock[side] += random.nextInt(300);
      long millis = clock[side] - random.nextInt(1000);
      batch.add(new Object[] {
        random.nextInt(8) == 0 ? null : random.nextInt(4),
        EPOCH.plusNanos(millis * 1_000_000L),
        random.nextInt(8) == 0 ? null : (long) random.nextInt(100)
      });
    }
    try (SourceWriter w = db.source(table)) {
      w.insertAll(batch);
    }
    h2.insert(table, batch);
  }
}
