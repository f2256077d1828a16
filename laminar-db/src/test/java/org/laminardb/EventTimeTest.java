package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laminardb.error.LaminarDBException;

/** Watermarks through the Java API, multi-input watermarks, idle sources and late-data routing. */
class EventTimeTest extends DatabaseTestBase {
  private static final LocalDateTime T0 = LocalDateTime.of(2026, 1, 1, 0, 0);
  private static final long MICROS0 = T0.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L;
  private static LocalDateTime at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  private static List<String> drain(Subscription s, int expected) throws InterruptedException {
    List<String> out = new ArrayList<>();
    while (out.size() < expected) {
      Row r = s.poll(Duration.ofSeconds(10));
      if (r == null) {
        break;
      }
      StringBuilder sb = new StringBuilder(r.kind().toString());
      for (int i = 0; i < r.size(); i++) {
        sb.append(' ').append(r.get(i));
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void explicitWatermarkClosesWindowsAndNeverGoesBack() throws Exception {
    db.execute("CREATE SOURCE t (k VARCHAR, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' "
        + "MINUTE)");
    db.execute("CREATE STREAM w AS SELECT window_end, k, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE "
        + "t, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, k");
    try (Subscription sub = db.subscribe("w"); SourceWriter w = db.source("t")) {
      w.insert("a", at(1));
      w.insert("a", at(2));
      assertThat(db.watermark("t")).contains(at(2).minusMinutes(1));
      assertThat(sub.poll(Duration.ofMillis(100))).isNull();
      w.watermark(at(10));
      assertThat(drain(sub, 1)).containsExactly("INSERT " + at(10) + " a 2");
      assertThat(db.watermark("t")).contains(at(10));
      assertThat(db.watermark("w")).contains(at(10));
      w.watermark(at(5));
      assertThat(db.watermark("t")).contains(at(10));
      w.insert("a", at(3));
      assertThat(db.lateRows("w")).isEqualTo(1);
    }
  }

  @Test
  void generatedRowsCloseWindowsAsTheyGo() throws Exception {
    db.execute("CREATE SOURCE g (id BIGINT, ts TIMESTAMP, WATERMARK FOR ts) FROM DATAGEN ("
        + "'rows_per_second' = '2000', 'fields.id.kind' = 'sequence', "
        + "'fields.ts.step' = '10 ms')");
    db.execute("CREATE MATERIALIZED VIEW w AS SELECT window_start, COUNT(*) AS n FROM TABLE("
        + "TUMBLE(TABLE g, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY window_start, "
        + "window_end EMIT ON WINDOW CLOSE");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String sql = "SELECT n FROM w WHERE window_start > (SELECT MIN(window_start) FROM w)";
    List<Row> rows = db.query(sql).rows();
    while (rows.size() < 30 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      rows = db.query(sql).rows();
    }
    // 2000 rows per second, 10 ms of event time apart: 20 windows per second of running. The
    // view may miss the first rows (it starts after the source), so its first window is left
    // out. Windows close while the generator runs, since each flushed burst ends a batch.
    assertThat(rows).hasSizeGreaterThanOrEqualTo(30)
        .allSatisfy(r -> assertThat(r.getLong(0)).isEqualTo(100));
  }

  /** A row for the typed writer. */
  record Tick(String k, LocalDateTime ts) {}

  @Test
  void typedWritersAdvanceTheWatermarkToo() {
    db.execute("CREATE SOURCE t (k VARCHAR, ts TIMESTAMP, WATERMARK FOR ts)");
    try (TypedSourceWriter<Tick> w = db.source("t", Tick.class)) {
      w.insert(new Tick("a", at(3)));
      w.watermark(at(7));
    }
    assertThat(db.watermark("t")).contains(at(7));
  }

  @Test
  void explicitWatermarkNeedsAWatermarkClause() {
    db.execute("CREATE SOURCE plain (k VARCHAR, ts TIMESTAMP)");
    try (SourceWriter w = db.source("plain")) {
      assertThatThrownBy(() -> w.watermark(at(1))).isInstanceOf(LaminarDBException.class)
          .hasMessageContaining("WATERMARK FOR")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("55000");
    }
  }

  @Test
  void bulkRowsMoveTheWatermarkOnlyAtFlush() throws Exception {
    db.execute("CREATE SOURCE t (k BIGINT, ts TIMESTAMP, WATERMARK FOR ts)");
    db.execute("CREATE STREAM w AS SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE t, "
        + "DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY window_start, window_end");
    try (Subscription sub = db.subscribe("w"); SourceWriter w = db.source("t")) {
      BulkAppender b = w.bulk();
      // 3000 rows (several chunks) in descending time order, as one batch: none is late.
      for (int i = 2999; i >= 0; i--) {
        b.beginRow();
        b.setLong(0, i);
        b.setLong(1, MICROS0 + i * 1000L);
        b.endRow();
      }
      b.flush();
      w.watermark(at(10));
      assertThat(drain(sub, 3)).containsExactlyInAnyOrder(
          "INSERT " + at(0) + " 1000", "INSERT " + at(1) + " 1000", "INSERT " + at(2) + " 1000");
      assertThat(db.lateRows("w")).isZero();
    }
  }

  @Test
  void unionTakesTheMinimumWatermark() throws Exception {
    db.execute("CREATE SOURCE a (ts TIMESTAMP, WATERMARK FOR ts)");
    db.execute("CREATE SOURCE b (ts TIMESTAMP, WATERMARK FOR ts)");
    db.execute("CREATE STREAM u AS SELECT ts FROM a UNION ALL SELECT ts FROM b");
    db.execute("CREATE STREAM w AS SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE u, "
        + "DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end");
    try (Subscription sub = db.subscribe("w"); SourceWriter wa = db.source("a");
        SourceWriter wb = db.source("b")) {
      wa.insert(at(1));
      wa.insert(at(30));
      // b has no watermark yet: the union holds back.
      assertThat(sub.poll(Duration.ofMillis(300))).isNull();
      assertThat(db.watermark("u")).isEmpty();
      wb.insert(at(25));
      assertThat(drain(sub, 1)).containsExactly("INSERT " + at(0) + " 1");
      assertThat(db.watermark("u")).contains(at(25));
      assertThat(sub.poll(Duration.ofMillis(100))).isNull();
    }
  }

  @Test
  void anIdleInputStopsHoldingTheWatermarkBack() throws Exception {
    db.execute("CREATE SOURCE a (ts TIMESTAMP, WATERMARK FOR ts)");
    db.execute("CREATE SOURCE b (ts TIMESTAMP, WATERMARK FOR ts) "
        + "WITH ('watermark.idle_timeout' = '300ms')");
    db.execute("CREATE STREAM w AS SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(("
        + "SELECT ts FROM a UNION ALL SELECT ts FROM b), DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
        + "GROUP BY window_start, window_end");
    try (Subscription sub = db.subscribe("w"); SourceWriter wa = db.source("a")) {
      wa.insert(at(1));
      wa.insert(at(30));
      assertThat(drain(sub, 1)).containsExactly("INSERT " + at(0) + " 1");
    }
  }

  @Test
  void lateDataIsRoutedToAStream() throws Exception {
    db.execute("CREATE SOURCE t (k VARCHAR, v INT, ts TIMESTAMP, WATERMARK FOR ts)");
    db.execute("CREATE MATERIALIZED VIEW m AS SELECT window_start, k, SUM(v) AS s FROM "
        + "TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
        + "GROUP BY window_start, window_end, k EMIT ON WINDOW CLOSE ALLOW LATENESS INTERVAL '5' "
        + "SECOND LATE DATA TO too_late");
    db.execute("CREATE MATERIALIZED VIEW lv AS SELECT k, v, ts FROM too_late");
    try (SourceWriter w = db.source("t")) {
      w.insert("a", 1, at(1));
      w.insert("a", 2, at(12));
      // Within the lateness: still counted in window [0, 10).
      w.insert("a", 3, at(2));
      w.insert("a", 4, at(15));
      // Window [0, 10) closed at 15: this row is late.
      w.insert("a", 100, at(3));
    }
    assertThat(db.query("SELECT s FROM m").rows()).extracting(r -> r.getLong(0))
        .containsExactly(4L);
    assertThat(db.query("SELECT k, v FROM lv").rows()).extracting(r -> r.get(0) + "" + r.get(1))
        .containsExactly("a100");
    assertThat(db.lateRows("m")).isEqualTo(1);
    assertThat(db.query("SHOW STREAMS").rows()).extracting(r -> r.getString(0))
        .contains("too_late");
    assertThatThrownBy(() -> db.execute("DROP MATERIALIZED VIEW m"))
        .hasMessageContaining("too_late");
    // Dropping the late stream alone leaves the query running; late rows are then only counted.
    db.execute("DROP STREAM too_late CASCADE");
    try (SourceWriter w = db.source("t")) {
      w.insert("a", 200, at(4));
    }
    assertThat(db.lateRows("m")).isEqualTo(2);
    db.execute("DROP MATERIALIZED VIEW m CASCADE");
    assertThat(db.query("SHOW MATERIALIZED VIEWS").rows()).isEmpty();
  }

  @Test
  void explainShowsTheWindowOperator() {
    db.execute("CREATE SOURCE t (k VARCHAR, v INT, ts TIMESTAMP, WATERMARK FOR ts)");
    List<String> plan = new ArrayList<>();
    for (Row r : db.query("EXPLAIN CREATE STREAM s AS SELECT hop(ts, INTERVAL '5' SECOND, "
        + "INTERVAL '10' SECOND) AS ws, k, COUNT(*) AS n FROM t "
        + "GROUP BY hop(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND), k EMIT EVERY INTERVAL "
        + "'1' SECOND").rows()) {
      plan.add(r.getString(0));
    }
    assertThat(String.join("\n", plan)).contains("WindowAggregate(HOP(slide=5s, size=10s)")
        .contains("emit=PERIODIC every 1000ms");
  }

  @Test
  void clausesThatDoNotApplyAreRejected() {
    db.execute("CREATE SOURCE t (k VARCHAR, v INT, ts TIMESTAMP, WATERMARK FOR ts)");
    db.execute("CREATE SOURCE keyed (k VARCHAR, ts TIMESTAMP, WATERMARK FOR ts, PRIMARY KEY (k))");
    String window = " FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
        + "GROUP BY window_start, window_end";
    for (String sql : List.of(
        "CREATE STREAM a AS SELECT k FROM t EMIT ON WINDOW CLOSE",
        "CREATE STREAM a AS SELECT k, COUNT(*) FROM t GROUP BY k EMIT FINAL",
        "CREATE STREAM a AS SELECT k FROM t ALLOW LATENESS INTERVAL '1' SECOND",
        "CREATE STREAM a AS SELECT k FROM t LATE DATA TO l",
        "CREATE STREAM a AS SELECT window_start, COUNT(*) AS n" + window
            + " EMIT FINAL ALLOW LATENESS INTERVAL '1' SECOND",
        "CREATE STREAM a AS SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE keyed, "
            + "DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end",
        "CREATE STREAM a AS SELECT window_start, COUNT(*) AS n FROM TABLE(SESSION(TABLE t "
            + "PARTITION BY k, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, "
            + "window_end",
        "CREATE STREAM a AS SELECT window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE t, "
            + "DESCRIPTOR(ts), INTERVAL '10' SECOND)) WHERE window_start > ts GROUP BY "
            + "window_start, window_end")) {
      assertThatThrownBy(() -> db.execute(sql)).as(sql).isInstanceOf(LaminarDBException.class)
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("0A000");
    }
    assertThatThrownBy(() -> db.execute("CREATE STREAM a AS SELECT window_start, COUNT(*) AS n"
        + " FROM TABLE(HOP(TABLE t, DESCRIPTOR(ts), INTERVAL '3' SECOND, INTERVAL '10' SECOND))"
        + " GROUP BY window_start, window_end"))
        .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("22023");
  }
}
