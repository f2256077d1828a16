package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.laminardb.error.LaminarDBException;

class LaminarDBTest extends DatabaseTestBase {
  record Trade(String symbol, double price, long qty, LocalDateTime ts) {}

  @Test
  void shouldSeeWritesInQueriesStartedAfterTheyReturn() {
    db.execute("CREATE SOURCE t (k BIGINT, v DOUBLE)");
    db.execute("CREATE MATERIALIZED VIEW s AS SELECT COUNT(*) AS n, SUM(v) AS total FROM t");
    try (SourceWriter w = db.source("t")) {
      for (int i = 0; i < 20; i++) {
        w.insert(i, 1.5);
        assertThat(db.query("SELECT n FROM s").rows().get(0).getLong(0)).isEqualTo(i + 1);
      }
    }
  }

  @Test
  void shouldStreamUpdatesAsRetractionPairsToSubscribers() throws Exception {
    db.execute("CREATE SOURCE t (k VARCHAR, v INT)");
    db.execute("CREATE MATERIALIZED VIEW g AS SELECT k, SUM(v) AS s FROM t GROUP BY k");
    db.execute("INSERT INTO t VALUES ('a', 1)");
    try (Subscription sub = db.subscribe("g")) {
      Row first = sub.poll(Duration.ofSeconds(5));
      assertThat(first.kind()).isEqualTo(ChangeKind.INSERT);
      assertThat(first.get("s")).isEqualTo(1L);
      db.execute("INSERT INTO t VALUES ('a', 2), ('b', 5)");
      List<String> changes = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Row r = sub.poll(Duration.ofSeconds(5));
        changes.add(r.kind().shortString() + r.getString(0) + "=" + r.getLong(1));
      }
      assertThat(changes).containsExactlyInAnyOrder("-Ua=1", "+Ua=3", "+Ib=5");
      assertThat(changes.indexOf("-Ua=1")).isLessThan(changes.indexOf("+Ua=3"));
      assertThat(sub.poll(Duration.ofMillis(50))).isNull();
    }
  }

  @Test
  void shouldDeliverOnlyLaterRowsToStreamSubscribers() throws Exception {
    db.execute("CREATE SOURCE t (k INT)");
    db.execute("CREATE STREAM evens AS SELECT k FROM t WHERE k % 2 = 0");
    db.execute("INSERT INTO t VALUES (2)");
    try (Subscription sub = db.subscribe("evens")) {
      db.execute("INSERT INTO t VALUES (3), (4), (6)");
      assertThat(sub.poll(Duration.ofSeconds(5)).getInt(0)).isEqualTo(4);
      assertThat(sub.poll(Duration.ofSeconds(5)).getInt(0)).isEqualTo(6);
      assertThat(sub.poll(Duration.ofMillis(50))).isNull();
    }
  }

  @Test
  void shouldCallListenersOnTheReactorThreadWithFlyweightRows() throws Exception {
    db.execute("CREATE SOURCE t (k BIGINT)");
    db.execute("CREATE STREAM doubled AS SELECT k * 2 AS k2 FROM t");
    AtomicLong sum = new AtomicLong();
    CountDownLatch done = new CountDownLatch(100);
    try (Subscription sub = db.subscribe("doubled", row -> {
      sum.addAndGet(row.getLong(0));
      done.countDown();
    })) {
      try (SourceWriter w = db.source("t")) {
        for (int i = 1; i <= 100; i++) {
          w.insert((long) i);
        }
      }
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(sum.get()).isEqualTo(100 * 101);
      assertThat(sub.isClosed()).isFalse();
    }
  }

  @Test
  void shouldMapRecordsToColumnsByName() {
    db.execute("CREATE SOURCE trades (ts TIMESTAMP, symbol VARCHAR, qty BIGINT, price DOUBLE)");
    db.execute("CREATE MATERIALIZED VIEW v AS SELECT symbol, SUM(qty) AS q, MAX(ts) AS last "
        + "FROM trades GROUP BY symbol");
    LocalDateTime t0 = LocalDateTime.of(2024, 5, 1, 12, 0);
    try (TypedSourceWriter<Trade> w = db.source("trades", Trade.class)) {
      w.insert(new Trade("ACME", 1.0, 10, t0));
      w.insertAll(List.of(new Trade("ACME", 2.0, 5, t0.plusMinutes(1))));
    }
    Row r = db.query("SELECT * FROM v").rows().get(0);
    assertThat(r.getString("symbol")).isEqualTo("ACME");
    assertThat(r.getLong("q")).isEqualTo(15);
    assertThat(r.get("last")).isEqualTo(t0.plusMinutes(1));
  }

  record Wrong(String symbol, String qty) {}

  @Test
  void shouldRejectRecordsThatDoNotFitTheSource() {
    db.execute("CREATE SOURCE trades (symbol VARCHAR, qty BIGINT)");
    assertThatThrownBy(() -> db.source("trades", Wrong.class))
        .isInstanceOf(LaminarDBException.class)
        .hasMessageContaining("qty")
        .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("42804");
    assertThatThrownBy(() -> db.source("trades", Trade.class))
        .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("42703");
  }

  @Test
  void shouldAppendColumnarRowsThroughTheBulkPath() {
    db.execute("CREATE SOURCE t (k BIGINT NOT NULL, v DOUBLE, s VARCHAR)");
    db.execute("CREATE MATERIALIZED VIEW c AS SELECT COUNT(*) AS n, SUM(k) AS sk, COUNT(s) AS ns "
        + "FROM t WHERE v > 0");
    try (SourceWriter w = db.source("t")) {
      BulkAppender a = w.bulk();
      for (int i = 0; i < 10_000; i++) {
        a.beginRow();
        a.setLong(0, i).setDouble(1, i % 2 == 0 ? 1.0 : -1.0);
        if (i % 4 == 0) {
          a.setString(2, "x");
        }
        a.endRow();
      }
      a.flush();
      assertThatThrownBy(() -> {
        a.beginRow();
        a.endRow();
      }).extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("23502");
      assertThatThrownBy(() -> {
        a.beginRow();
        a.setNull(0).setDouble(1, 1.0);
        a.endRow();
      }).extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("23502");
      a.beginRow();
      assertThatThrownBy(() -> a.setString(0, "x"))
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("42804");
      a.setLong(0, 0).setDouble(1, -1.0).endRow();
      a.flush();
    }
    Row r = db.query("SELECT * FROM c").rows().get(0);
    assertThat(r.getLong("n")).isEqualTo(5000);
    assertThat(r.getLong("sk")).isEqualTo(2L * (4999L * 5000L / 2));
    assertThat(r.getLong("ns")).isEqualTo(2500);
  }

  @Test
  void shouldKeepEveryRowFromConcurrentWriters() throws Exception {
    db.execute("CREATE SOURCE t (w INT, i INT)");
    db.execute("CREATE MATERIALIZED VIEW c AS SELECT w, COUNT(*) AS n, MAX(i) AS last "
        + "FROM t GROUP BY w");
    List<Thread> threads = new ArrayList<>();
    List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
    for (int w = 0; w < 4; w++) {
      int id = w;
      threads.add(new Thread(() -> {
        try (SourceWriter writer = db.source("t")) {
          for (int i = 0; i < 2000; i++) {
            writer.insert(id, i);
          }
        } catch (Throwable t) {
          errors.add(t);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(errors).isEmpty();
    QueryResult r = db.query("SELECT w, n, last FROM c ORDER BY w");
    assertThat(r.size()).isEqualTo(4);
    for (Row row : r) {
      assertThat(row.getLong("n")).isEqualTo(2000);
      assertThat(row.getInt("last")).isEqualTo(1999);
    }
  }

  @Test
  void shouldKeepOneWritersOrderThroughStatelessQueries() throws Exception {
    db.execute("CREATE SOURCE t (i INT)");
    db.execute("CREATE STREAM p AS SELECT i + 1 AS j FROM t WHERE i >= 0");
    try (Subscription sub = db.subscribe("p"); SourceWriter w = db.source("t")) {
      for (int i = 0; i < 500; i++) {
        w.insert(i);
      }
      for (int i = 0; i < 500; i++) {
        assertThat(sub.poll(Duration.ofSeconds(5)).getInt(0)).isEqualTo(i + 1);
      }
    }
  }

  @Test
  void shouldExplainTheOperatorPlan() {
    db.execute("CREATE SOURCE t (k INT, v INT)");
    List<String> plan = new ArrayList<>();
    for (Row r : db.query("EXPLAIN SELECT k, COUNT(*) AS n FROM t WHERE v > 1 GROUP BY k")) {
      plan.add(r.getString(0));
    }
    assertThat(String.join("\n", plan)).contains("GroupAggregate", "Calc", "Scan(source=t)",
        "changelog");
  }

  @Test
  void shouldTrackTheSourceWatermark() {
    db.execute("CREATE SOURCE t (ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)");
    db.execute("INSERT INTO t VALUES (TIMESTAMP '2024-01-01 00:00:10'), "
        + "(TIMESTAMP '2024-01-01 00:00:03')");
    Row r = db.query("SHOW SOURCES").rows().get(0);
    assertThat(r.get("watermark")).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0, 5));
    db.execute("INSERT INTO t VALUES (TIMESTAMP '2024-01-01 00:00:08')");
    assertThat(db.query("SHOW SOURCES").rows().get(0).get("watermark"))
        .isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0, 5));
  }

  @Test
  void shouldReportARuntimeFailureOnTheQueryThatFailed() {
    db.execute("CREATE SOURCE t (a INT, b INT)");
    db.execute("CREATE MATERIALIZED VIEW ratio AS SELECT a / b AS r FROM t");
    db.execute("CREATE MATERIALIZED VIEW ok AS SELECT a FROM t");
    db.execute("INSERT INTO t VALUES (1, 0)");
    assertThatThrownBy(() -> db.query("SELECT * FROM ratio"))
        .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("55000");
    assertThat(db.query("SELECT * FROM ok").size()).isEqualTo(1);
    assertThat(db.query("SHOW MATERIALIZED VIEWS").rows())
        .filteredOn(r -> r.getString("name").equals("ratio"))
        .singleElement().extracting(r -> r.getString("status")).asString()
        .startsWith("FAILED").contains("division by zero");
  }

  @Test
  void shouldConvertDecimalsAndTimestampsFromJavaValues() {
    db.execute("CREATE SOURCE t (d DECIMAL(8, 3), ts TIMESTAMP, dt DATE)");
    db.execute("CREATE MATERIALIZED VIEW v AS SELECT * FROM t");
    db.source("t").insert(new BigDecimal("12.3456"), "2024-02-29 23:59:59.123",
        java.time.LocalDate.of(2024, 2, 29));
    Row r = db.query("SELECT * FROM v").rows().get(0);
    assertThat(r.getBigDecimal(0)).isEqualByComparingTo("12.346");
    assertThat(r.getTimestamp(1)).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_000_000));
    assertThat(r.getDate(2)).isEqualTo(java.time.LocalDate.of(2024, 2, 29));
  }

  @Test
  void shouldEndSubscriptionsWhenTheirObjectIsDropped() throws Exception {
    db.execute("CREATE SOURCE t (k INT)");
    db.execute("CREATE STREAM s AS SELECT k FROM t");
    Subscription sub = db.subscribe("s");
    db.execute("DROP STREAM s");
    assertThat(sub.isClosed()).isTrue();
    assertThat(sub.poll(Duration.ofMillis(10))).isNull();
  }

  @Test
  void shouldRejectConnectorsThatCannotResumeInDurableMode(
      @org.junit.jupiter.api.io.TempDir Path dir) {
    try (LaminarDB durable = LaminarDB.open(dir)) {
      assertThatThrownBy(() -> durable.execute(
          "CREATE SOURCE g (id BIGINT) FROM TEST_IDLE ()"))
          .hasMessageContaining("durable")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("0A000");
    }
  }

  @Test
  void shouldRefuseWorkAfterClose() {
    db.close();
    assertThatThrownBy(() -> db.execute("SHOW SOURCES"))
        .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("55000");
  }

  @Test
  void shouldMoveInputGroupsOntoOneReactorWhenAQueryJoinsThem() throws Exception {
    try (LaminarDB multi = LaminarDB.builder().reactorThreads(2).open()) {
      multi.execute("CREATE SOURCE a (k INT)");
      multi.execute("CREATE SOURCE b (k INT)");
      multi.execute("CREATE MATERIALIZED VIEW ca AS SELECT COUNT(*) AS n FROM a");
      multi.execute("INSERT INTO a VALUES (1), (2)");
      multi.execute("INSERT INTO b VALUES (3)");
      multi.execute("CREATE MATERIALIZED VIEW ab AS SELECT k FROM a UNION ALL SELECT k FROM b");
      multi.execute("INSERT INTO a VALUES (4)");
      multi.execute("INSERT INTO b VALUES (5)");
      assertThat(multi.query("SELECT k FROM ab ORDER BY k").rows())
          .extracting(r -> r.getInt(0)).containsExactly(4, 5);
      assertThat(multi.query("SELECT n FROM ca").rows().get(0).getLong(0)).isEqualTo(3);
    }
  }
}
