package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laminardb.error.LaminarDBException;

/** Interval joins: planning, EXPLAIN, padding on the watermark, late rows, rejections. */
class IntervalJoinTest {
  private static final String SOURCES_A = "CREATE SOURCE a (k INT, ts TIMESTAMP, v INT, "
      + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)";
  private static final String SOURCES_B = "CREATE SOURCE b (k INT, ts TIMESTAMP, w INT, "
      + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)";

  private static List<List<Object>> rows(LaminarDB db, String sql) {
    return ResultComparison.query(db, sql);
  }

  private static LocalDateTime at(int seconds) {
    return LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(seconds);
  }

  @Test
  void shouldPlanAnIntervalJoinForTimeBoundsBetweenWatermarkedColumns() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute(SOURCES_A);
      db.execute(SOURCES_B);
      String[] conditions = {
        "b.ts BETWEEN a.ts - INTERVAL '1' SECOND AND a.ts + INTERVAL '2' SECOND",
        "b.ts >= a.ts - INTERVAL '1' SECOND AND b.ts <= a.ts + INTERVAL '2' SECOND",
        "a.ts <= b.ts + INTERVAL '1' SECOND AND a.ts + INTERVAL '2' SECOND >= b.ts",
      };
      for (String c : conditions) {
        String plan = ResultComparison.explain(db, "SELECT a.k, b.w FROM a JOIN b ON a.k = b.k AND " + c);
        assertThat(plan).as(c).contains("IntervalJoin(kind=INNER",
            "bounds=right.ts - left.ts BETWEEN INTERVAL '-1' SECOND AND INTERVAL '2' SECOND",
            "state: bounded by watermarks");
      }
      assertThat(ResultComparison.explain(db, "SELECT a.k, b.w FROM a, b WHERE a.k = b.k AND b.ts "
          + "BETWEEN a.ts - INTERVAL '1' SECOND AND a.ts + INTERVAL '2' SECOND"))
          .as("bounds in WHERE").contains("IntervalJoin(kind=INNER");
      assertThat(ResultComparison.explain(db, "SELECT a.k, b.w FROM a JOIN b ON a.k = b.k AND b.ts > a.ts - "
          + "INTERVAL '1' SECOND AND b.ts < a.ts + INTERVAL '2' SECOND")).as("strict bounds")
          .contains("BETWEEN INTERVAL '-0.999999' SECOND AND INTERVAL '1.999999' SECOND");
      assertThat(ResultComparison.explain(db, "SELECT a.k, b.w FROM a LEFT JOIN b ON a.k = b.k AND b.ts "
          + "BETWEEN a.ts AND a.ts + INTERVAL '1' MINUTE")).contains("IntervalJoin(kind=LEFT",
          "AND INTERVAL '60' SECOND");
      assertThat(ResultComparison.explain(db, "SELECT a.k, b.w FROM a JOIN b ON a.k = b.k AND b.ts >= a.ts"))
          .as("one bound only").contains("Join(kind=INNER", "state: unbounded")
          .doesNotContain("IntervalJoin");
      assertThat(ResultComparison.explain(db, "SELECT a.k, b.w FROM a JOIN b ON a.k = b.k AND b.ts "
          + "BETWEEN a.ts AND a.ts + INTERVAL '1' MONTH")).as("not a fixed length")
          .doesNotContain("IntervalJoin");
      db.execute("CREATE SOURCE c (k INT, ts TIMESTAMP)");
      assertThat(ResultComparison.explain(db, "SELECT a.k FROM a JOIN c ON a.k = c.k AND c.ts "
          + "BETWEEN a.ts AND a.ts + INTERVAL '1' SECOND")).as("no watermark on c")
          .doesNotContain("IntervalJoin");
    }
  }

  @Test
  void shouldPadUnmatchedRowsOnceTheWatermarkPassesTheirBound() throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute(SOURCES_A);
      db.execute(SOURCES_B);
      db.execute("CREATE MATERIALIZED VIEW j AS SELECT a.k, a.v, b.w FROM a LEFT JOIN b "
          + "ON a.k = b.k AND b.ts BETWEEN a.ts AND a.ts + INTERVAL '10' SECOND");
      try (SourceWriter wa = db.source("a"); SourceWriter wb = db.source("b")) {
        wa.insert(1, at(0), 10);
        wa.insert(2, at(0), 20);
        wb.insert(1, at(5), 100);
        assertThat(rows(db, "SELECT * FROM j")).hasToString("[[1, 10, 100]]");
        wb.watermark(at(9));
        assertThat(rows(db, "SELECT * FROM j")).hasSize(1);
        wb.watermark(at(10));
        assertThat(rows(db, "SELECT * FROM j ORDER BY k"))
            .hasToString("[[1, 10, 100], [2, 20, null]]");
        wa.watermark(at(30));
        wa.insert(1, at(20), 30);
        assertThat(db.lateRows("j")).isEqualTo(1);
        assertThat(rows(db, "SELECT * FROM j")).hasSize(2);
      }
    }
  }

  @Test
  void shouldWindowAnInnerIntervalJoinOnTheLeftTimeAndRejectWindowsOverAFullOne()
      throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute(SOURCES_A);
      db.execute(SOURCES_B);
      db.execute("CREATE STREAM j AS SELECT a.k, a.ts, b.w FROM a JOIN b "
          + "ON a.k = b.k AND b.ts BETWEEN a.ts AND a.ts + INTERVAL '10' SECOND");
      db.execute("CREATE MATERIALIZED VIEW w AS SELECT window_start, COUNT(*) AS n, SUM(w) AS sw "
          + "FROM TABLE(TUMBLE(TABLE j, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) "
          + "GROUP BY window_start, window_end EMIT ON WINDOW CLOSE");
      try (SourceWriter wa = db.source("a"); SourceWriter wb = db.source("b")) {
        wa.insert(1, at(50), 1);
        wa.insert(1, at(59), 2);
        wb.insert(1, at(65), 10);
        wa.watermark(at(70));
        wb.watermark(at(69));
        assertThat(rows(db, "SELECT n, sw FROM w")).as("window [0, 60) open: the output "
            + "watermark is the right one minus 10 s, 59 s").isEmpty();
        assertThat(db.watermark("j")).contains(at(59));
        wb.watermark(at(70));
        assertThat(rows(db, "SELECT n, sw FROM w")).hasToString("[[1, 10]]");
        assertThat(db.lateRows("w")).isZero();
      }
      assertThatThrownBy(() -> db.execute("CREATE MATERIALIZED VIEW w2 AS SELECT window_start, "
          + "COUNT(*) AS n FROM TABLE(TUMBLE((SELECT a.k, a.ts, b.w FROM a FULL JOIN b "
          + "ON a.k = b.k AND b.ts BETWEEN a.ts AND a.ts + INTERVAL '10' SECOND), "
          + "DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end"))
          .isInstanceOf(LaminarDBException.class).hasMessageContaining("FULL interval join")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("0A000");
    }
  }

  @Test
  void shouldRunTimeBoundedSubqueriesAsIntervalSemiAndAntiJoins() throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute(SOURCES_A);
      db.execute(SOURCES_B);
      String bound = "b.k = a.k AND b.ts BETWEEN a.ts AND a.ts + INTERVAL '10' SECOND";
      assertThat(ResultComparison.explain(db, "SELECT a.k, a.v FROM a WHERE EXISTS "
          + "(SELECT 1 FROM b WHERE " + bound + ")")).contains("IntervalJoin(kind=SEMI",
          "state: bounded by watermarks").doesNotContain("GroupAggregate");
      assertThat(ResultComparison.explain(db, "SELECT a.k, a.v FROM a WHERE NOT EXISTS "
          + "(SELECT 1 FROM b WHERE " + bound + " AND b.w > a.v)")).contains(
          "IntervalJoin(kind=ANTI", "residual=").doesNotContain("GroupAggregate");
      assertThat(ResultComparison.explain(db, "SELECT a.k FROM a WHERE a.k IN (SELECT b.k FROM b "
          + "WHERE b.ts BETWEEN a.ts AND a.ts + INTERVAL '10' SECOND)"))
          .contains("IntervalJoin(kind=SEMI");
      assertThat(ResultComparison.explain(db, "SELECT a.k FROM a WHERE EXISTS (SELECT 1 FROM b "
          + "WHERE b.k = a.k AND b.ts >= a.ts)")).as("one bound only: decorrelated")
          .contains("Join(kind=INNER", "GroupAggregate", "state: unbounded")
          .doesNotContain("IntervalJoin");
      assertThat(ResultComparison.explain(db, "SELECT a.k, (SELECT MAX(w) FROM b WHERE b.k = a.k) "
          + "AS m FROM a WHERE EXISTS (SELECT 1 FROM b WHERE " + bound + ")"))
          .as("with a scalar subquery: all decorrelated").doesNotContain("IntervalJoin");
      String bounded = " WITH ('state.bounded' = 'true')";
      db.execute("CREATE MATERIALIZED VIEW semi AS SELECT a.k, a.v FROM a WHERE EXISTS "
          + "(SELECT 1 FROM b WHERE " + bound + ")" + bounded);
      db.execute("CREATE MATERIALIZED VIEW anti AS SELECT a.k, a.v FROM a WHERE NOT EXISTS "
          + "(SELECT 1 FROM b WHERE " + bound + ")" + bounded);
      assertThatThrownBy(() -> db.execute("CREATE MATERIALIZED VIEW x AS SELECT a.k FROM a "
          + "WHERE EXISTS (SELECT 1 FROM b WHERE b.k = a.k)" + bounded))
          .isInstanceOf(LaminarDBException.class).hasMessageContaining("without bound");
      try (SourceWriter wa = db.source("a"); SourceWriter wb = db.source("b")) {
        wa.insert(1, at(0), 10);
        wa.insert(2, at(0), 20);
        wa.insert(1, at(0), 30);
        wa.insert(null, at(0), 40);
        wb.insert(1, at(5), 100);
        wb.insert(1, at(6), 100);
        assertThat(rows(db, "SELECT * FROM semi ORDER BY v")).as("each row once, at its first "
            + "match").hasToString("[[1, 10], [1, 30]]");
        assertThat(rows(db, "SELECT * FROM anti ORDER BY v")).as("a NULL key never matches")
            .hasToString("[[null, 40]]");
        wb.watermark(at(10));
        assertThat(rows(db, "SELECT * FROM anti ORDER BY v")).as("2 waits for the watermark")
            .hasToString("[[2, 20], [null, 40]]");
        wb.insert(2, at(11), 100);
        assertThat(rows(db, "SELECT * FROM semi ORDER BY v")).hasSize(2);
      }
      assertThat(db.lateRows("semi")).isZero();
    }
  }
}
