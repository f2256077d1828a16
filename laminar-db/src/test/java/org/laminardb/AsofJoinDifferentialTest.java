package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.ResultComparison.assertSameRows;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test of ASOF joins: two sources with {@code WATERMARK FOR ts AS ts - INTERVAL '1'
 * SECOND}, rows out of order within that bound (never late), NULL keys and values, written in
 * random batches; after a final watermark each view must equal H2's batch query, which finds the
 * matching row with correlated MIN/MAX subqueries (the right input's times are distinct, so
 * there are no ties to break).
 */
class AsofJoinDifferentialTest {
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);
  private static final String BEFORE =
      "(SELECT MAX(b2.ts) FROM b b2 WHERE b2.k = a.k AND b2.ts <= a.ts)";
  private static final String AFTER =
      "(SELECT MIN(b2.ts) FROM b b2 WHERE b2.k = a.k AND b2.ts > a.ts)";

  /** Query and H2's equivalent. */
  private static final String[][] QUERIES = {
    {"SELECT a.k, a.v, b.w FROM a ASOF JOIN b MATCH_CONDITION(a.ts >= b.ts) ON a.k = b.k",
        "SELECT a.k, a.v, b.w FROM a JOIN b ON a.k = b.k AND b.ts = " + BEFORE},
    {"SELECT a.k, a.v, b.w FROM a LEFT ASOF JOIN b MATCH_CONDITION(b.ts <= a.ts) ON a.k = b.k "
        + "AND a.ts - b.ts <= INTERVAL '1' SECOND",
        "SELECT a.k, a.v, b.w FROM a LEFT JOIN b ON a.k = b.k AND b.ts = " + BEFORE
        + " AND b.ts >= a.ts - INTERVAL '1' SECOND"},
    {"SELECT a.k, a.v, b.w FROM a LEFT ASOF JOIN b MATCH_CONDITION(a.ts < b.ts) ON a.k = b.k "
        + "AND b.ts <= a.ts + INTERVAL '2' SECOND",
        "SELECT a.k, a.v, b.w FROM a LEFT JOIN b ON a.k = b.k AND b.ts = " + AFTER
        + " AND b.ts <= a.ts + INTERVAL '2' SECOND"},
    {"SELECT a.k, a.v, b.w FROM a ASOF JOIN b MATCH_CONDITION(NEAREST(a.ts, b.ts)) ON a.k = b.k",
        "SELECT a.k, a.v, b.w FROM a JOIN b ON a.k = b.k AND b.ts = CASE WHEN " + BEFORE
        + " IS NULL THEN " + AFTER + " WHEN " + AFTER + " IS NULL THEN " + BEFORE
        + " WHEN DATEDIFF('MILLISECOND', a.ts, " + AFTER + ") < DATEDIFF('MILLISECOND', "
        + BEFORE + ", a.ts) THEN " + AFTER + " ELSE " + BEFORE + " END"},
    {"SELECT a.k, a.v, b.w FROM a ASOF JOIN b ON a.k = b.k AND a.ts >= b.ts",
        "SELECT a.k, a.v, b.w FROM a JOIN b ON a.k = b.k AND b.ts = " + BEFORE},
    {"SELECT COUNT(*) AS c, SUM(w) AS sw FROM TABLE(TUMBLE((SELECT a.ts, a.v, b.w FROM a "
        + "LEFT ASOF JOIN b ON a.k = b.k AND a.ts >= b.ts), DESCRIPTOR(ts), "
        + "INTERVAL '1' SECOND)) GROUP BY window_start, window_end",
        "SELECT COUNT(*) AS c, SUM(b.w) AS sw FROM a LEFT JOIN b ON a.k = b.k AND b.ts = "
        + BEFORE + " GROUP BY DATE_TRUNC('SECOND', a.ts)"},
  };

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void asofJoinViewsShouldEqualBatchQueries(long seed) throws Exception {
    Random random = new Random(seed);
    int reactors = 1 + (int) (seed % 2);
    try (LaminarDB db = LaminarDB.builder().reactorThreads(reactors).open();
        H2Oracle h2 = new H2Oracle("asof" + seed)) {
      db.execute("CREATE SOURCE a (k INT, ts TIMESTAMP, v BIGINT, "
          + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
      db.execute("CREATE SOURCE b (k INT, ts TIMESTAMP, w BIGINT, "
          + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
      h2.execute("CREATE TABLE a (k INT, ts TIMESTAMP, v BIGINT)",
          "CREATE TABLE b (k INT, ts TIMESTAMP, w BIGINT)");
      for (int q = 0; q < QUERIES.length; q++) {
        assertThat(ResultComparison.explain(db, "CREATE MATERIALIZED VIEW x AS " + QUERIES[q][0])).as(QUERIES[q][0]).contains("AsofJoin(");
        db.execute("CREATE MATERIALIZED VIEW q" + q + " AS " + QUERIES[q][0]);
      }
      long[] clock = {0, 0};
      Set<Long> used = new HashSet<>();
      for (int batch = 0; batch < 12; batch++) {
        insert(db, h2, "a", random, random.nextInt(30), clock, 0, null);
        insert(db, h2, "b", random, random.nextInt(30), clock, 1, used);
      }
      for (String source : new String[] {"a", "b"}) {
        try (SourceWriter w = db.source(source)) {
          w.watermark(EPOCH.plusDays(1));
        }
      }
      for (int q = 0; q < QUERIES.length; q++) {
        assertSameRows(ResultComparison.query(db, "SELECT * FROM q" + q),
            h2.query(QUERIES[q][1]), "query " + q + ": " + QUERIES[q][0]);
        assertThat(db.lateRows("q" + q)).as("late rows of " + QUERIES[q][0]).isZero();
      }
    }
  }

  /**
   * Rows whose times trail a per-source clock by less than the watermark bound, so that none is
   * late; with {@code used}, every time is distinct.
   */
  private static void insert(LaminarDB db, H2Oracle h2, String table, Random random, int rows,
      long[] clock, int side, Set<Long> used) throws Exception {
    List<Object[]> batch = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      clock[side] += random.nextInt(300);
      long millis = clock[side] - random.nextInt(1000);
      if (used != null && !used.add(millis)) {
        continue;
      }
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
