package org.laminardb;

import static org.laminardb.ResultComparison.assertSameRows;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test: materialized views over random rows with NULLs, written in several batches
 * interleaved with queries, must equal what H2 (a batch engine) returns for the same query over
 * the same rows.
 */
class DifferentialTest {
  /**
   * The queries. PERCENTILE_DISC only at fractions 0, 0.5 and 1: H2 rounds {@code (n - 1) * f} to
   * the nearest rank, where LaminarDB, like PostgreSQL and the SQL standard, takes the first value
   * whose cumulative distribution reaches f; both agree at these fractions.
   */
  private static final String[] QUERIES = {
    "SELECT k, COUNT(*) AS n, COUNT(v) AS nv, SUM(v) AS sv, MIN(v) AS mn, MAX(v) AS mx, "
        + "AVG(v) AS av FROM t GROUP BY k",
    "SELECT COUNT(*) AS n, SUM(v) AS s, MIN(s) AS ms, MAX(d) AS md, AVG(d) AS ad FROM t",
    "SELECT s, COUNT(DISTINCT k) AS dk, SUM(d) AS sd FROM t GROUP BY s",
    "SELECT k, v * 2 + 1 AS w, CASE WHEN v > 50 THEN 'hi' WHEN v IS NULL THEN 'none' ELSE 'lo' "
        + "END AS band, COALESCE(s, '?') AS s2 FROM t WHERE k % 3 = 0 OR d > 0.5",
    "SELECT k, s, SUM(v) AS sv FROM t WHERE v IS NOT NULL GROUP BY k, s HAVING COUNT(*) > 1",
    "SELECT mx, COUNT(*) AS c FROM (SELECT k, MAX(v) AS mx FROM t GROUP BY k) AS m GROUP BY mx",
    "SELECT k, v FROM t WHERE s LIKE 'b%' UNION ALL SELECT k, v FROM t WHERE v BETWEEN 10 AND 20",
    "SELECT DISTINCT s FROM t",
    "SELECT k / 3 AS bucket, MIN(s) AS first_s, MAX(s) AS last_s, COUNT(s) AS ns "
        + "FROM t GROUP BY k / 3",
    "SELECT k % 5 AS g, VAR_POP(d) AS vp, VAR_SAMP(v) AS vs, STDDEV_POP(v) AS sp, "
        + "STDDEV_SAMP(d) AS ss FROM t GROUP BY k % 5",
    "SELECT k % 5 AS g, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY d) AS med, "
        + "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY d) AS p90, "
        + "PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY d) AS dmed, "
        + "PERCENTILE_DISC(0) WITHIN GROUP (ORDER BY v) AS vmin, "
        + "PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY v) AS vmed FROM t GROUP BY k % 5",
    "SELECT k % 4 AS g, COUNT(*) AS n, COUNT(*) FILTER (WHERE v > 10) AS c, "
        + "SUM(d) FILTER (WHERE s LIKE 'a%') AS sd, MIN(v) FILTER (WHERE d > 0.5) AS mn, "
        + "COUNT(DISTINCT s) FILTER (WHERE v IS NOT NULL) AS ds FROM t GROUP BY k % 4",
    "SELECT VAR_SAMP(mx) AS vs, STDDEV_POP(mx) AS sp, "
        + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY mx) AS med, COUNT(*) FILTER (WHERE mx > 0.5) "
        + "AS hi FROM (SELECT k, MAX(d) AS mx FROM t GROUP BY k) AS m",
  };

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void viewsShouldEqualBatchResults(long seed) throws Exception {
    Random random = new Random(seed);
    try (LaminarDB db = LaminarDB.open(); H2Oracle h2 = new H2Oracle("diff" + seed)) {
      db.execute("CREATE SOURCE t (k INT, v BIGINT, d DOUBLE, s VARCHAR)");
      h2.execute("CREATE TABLE t (k INT, v BIGINT, d DOUBLE, s VARCHAR)");
      for (int q = 0; q < QUERIES.length; q++) {
        db.execute("CREATE MATERIALIZED VIEW q" + q + " AS " + QUERIES[q]);
      }
      for (int batch = 0; batch < 5; batch++) {
        insertBatch(db, h2, random, 1 + random.nextInt(200));
        for (int q = 0; q < QUERIES.length; q++) {
          assertSameRows(ResultComparison.query(db, "SELECT * FROM q" + q), h2.query(QUERIES[q]),
              "query " + q + " after batch " + batch + ": " + QUERIES[q]);
        }
      }
    }
  }

  private static void insertBatch(LaminarDB db, H2Oracle h2, Random random, int rows)
      throws SQLException {
    List<Object[]> batch = new ArrayList<>();
    String[] strings = {"a", "b", "bb", "c", null};
    for (int i = 0; i < rows; i++) {
      batch.add(new Object[] {
        random.nextInt(10) == 0 ? null : random.nextInt(20),
        random.nextInt(8) == 0 ? null : (long) random.nextInt(100),
        random.nextInt(8) == 0 ? null : random.nextInt(1000) / 1000.0,
        strings[random.nextInt(strings.length)]
      });
    }
    try (SourceWriter w = db.source("t")) {
      w.insertAll(batch);
    }
    h2.insert("t", batch);
  }
}
