package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
    try (LaminarDB db = LaminarDB.open();
        Connection h2 = DriverManager.getConnection("jdbc:h2:mem:diff" + seed)) {
      db.execute("CREATE SOURCE t (k INT, v BIGINT, d DOUBLE, s VARCHAR)");
      try (Statement st = h2.createStatement()) {
        st.execute("CREATE TABLE t (k INT, v BIGINT, d DOUBLE, s VARCHAR)");
      }
      for (int q = 0; q < QUERIES.length; q++) {
        db.execute("CREATE MATERIALIZED VIEW q" + q + " AS " + QUERIES[q]);
      }
      for (int batch = 0; batch < 5; batch++) {
        insertBatch(db, h2, random, 1 + random.nextInt(200));
        for (int q = 0; q < QUERIES.length; q++) {
          assertSameRows(laminar(db, "SELECT * FROM q" + q), h2(h2, QUERIES[q]),
              "query " + q + " after batch " + batch + ": " + QUERIES[q]);
        }
      }
    }
  }

  private static void insertBatch(LaminarDB db, Connection h2, Random random, int rows)
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
    try (PreparedStatement ps = h2.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?)")) {
      for (Object[] r : batch) {
        for (int c = 0; c < 4; c++) {
          ps.setObject(c + 1, r[c]);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static List<List<Object>> laminar(LaminarDB db, String sql) {
    List<List<Object>> out = new ArrayList<>();
    for (Row r : db.query(sql)) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        row.add(normalize(r.get(i)));
      }
      out.add(row);
    }
    return out;
  }

  private static List<List<Object>> h2(Connection h2, String sql) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Statement st = h2.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(normalize(rs.getObject(i)));
        }
        out.add(row);
      }
    }
    return out;
  }

  /** Numbers as BigDecimal (compared with a tolerance below), everything else as text. */
  private static Object normalize(Object v) {
    if (v instanceof Number) {
      return new BigDecimal(v.toString());
    }
    return v == null ? null : v.toString();
  }

  /** Same multiset of rows; numbers equal within 1e-9 relative (AVG is rounded differently). */
  private static void assertSameRows(List<List<Object>> actual, List<List<Object>> expected,
      String what) {
    List<List<Object>> left = new ArrayList<>(actual);
    List<List<Object>> missing = new ArrayList<>();
    for (List<Object> want : expected) {
      int match = -1;
      for (int i = 0; i < left.size() && match < 0; i++) {
        if (sameRow(left.get(i), want)) {
          match = i;
        }
      }
      if (match < 0) {
        missing.add(want);
      } else {
        left.remove(match);
      }
    }
    assertThat(missing).as(what + "; rows LaminarDB has that H2 does not: " + left).isEmpty();
    assertThat(left).as(what + "; unexpected rows").isEmpty();
  }

  private static boolean sameRow(List<Object> a, List<Object> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Object x = a.get(i);
      Object y = b.get(i);
      if (x instanceof BigDecimal && y instanceof BigDecimal) {
        BigDecimal diff = ((BigDecimal) x).subtract((BigDecimal) y).abs();
        BigDecimal scale = ((BigDecimal) y).abs().max(BigDecimal.ONE);
        if (diff.compareTo(scale.multiply(new BigDecimal("1e-9"))) > 0) {
          return false;
        }
      } else if (x == null ? y != null : !x.equals(y)) {
        return false;
      }
    }
    return true;
  }
}
