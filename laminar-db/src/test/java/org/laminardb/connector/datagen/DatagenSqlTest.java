package org.laminardb.connector.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.laminardb.LaminarDB;
import org.laminardb.QueryResult;
import org.laminardb.Row;
import org.laminardb.Subscription;
import org.laminardb.error.LaminarDBException;

class DatagenSqlTest {
  private static final String TRADES = "CREATE SOURCE s (id BIGINT, user_id INT, price DOUBLE, "
      + "symbol VARCHAR, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
      + "FROM DATAGEN ('rows_per_second' = '%s', 'number_of_rows' = '%s', 'seed' = '42', "
      + "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', "
      + "'fields.user_id.min' = '1', 'fields.user_id.max' = '50', "
      + "'fields.symbol.values' = 'AAPL,MSFT,GOOG', "
      + "'fields.price.min' = '10', 'fields.price.max' = '500', "
      + "'fields.ts.kind' = 'event_time', 'fields.ts.max_out_of_orderness' = '500 ms')";
  private final List<LaminarDB> dbs = new ArrayList<>();

  @AfterEach
  void close() {
    dbs.forEach(LaminarDB::close);
  }

  private LaminarDB open() {
    LaminarDB db = LaminarDB.open();
    dbs.add(db);
    return db;
  }

  private static Row awaitRow(LaminarDB db, String query, long firstColumn)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    QueryResult r = db.query(query);
    while ((r.size() == 0 || r.rows().get(0).getLong(0) != firstColumn)
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
      r = db.query(query);
    }
    assertThat(r.rows()).isNotEmpty();
    assertThat(r.rows().get(0).getLong(0)).isEqualTo(firstColumn);
    return r.rows().get(0);
  }

  private static Map<Long, String> collect(LaminarDB db, long untilId) throws Exception {
    Map<Long, String> rows = new HashMap<>();
    try (Subscription sub = db.subscribe("all_rows")) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      long last = 0;
      while (last < untilId && System.nanoTime() < deadline) {
        Row r = sub.poll(Duration.ofMillis(100));
        if (r != null) {
          last = r.getLong(0);
          rows.put(last, r.get(1) + "|" + r.get(2) + "|" + r.get(3) + "|" + r.get(4));
        }
      }
    }
    return rows;
  }

  @Test
  void boundedSourceDeliversAnExactSequenceThenEnds() throws Exception {
    LaminarDB db = open();
    db.execute(String.format(TRADES, "1000", "3000"));
    // Rows generated before the view exists are not seen: check what it sees is contiguous.
    db.execute("CREATE MATERIALIZED VIEW totals AS SELECT MAX(id) AS last_id, COUNT(*) AS n, "
        + "MIN(id) AS first_id, SUM(id) AS ids, MIN(user_id) AS lo, MAX(user_id) AS hi, "
        + "COUNT(DISTINCT symbol) AS symbols FROM s");
    Row r = awaitRow(db, "SELECT last_id, n, first_id, ids, lo, hi, symbols FROM totals", 3000);
    long n = r.getLong(1);
    long first = r.getLong(2);
    assertThat(n).isPositive().isEqualTo(3000 - first + 1);
    assertThat(r.getLong(3)).isEqualTo((first + 3000) * n / 2);
    assertThat(r.getInt(4)).isGreaterThanOrEqualTo(1);
    assertThat(r.getInt(5)).isLessThanOrEqualTo(50);
    assertThat(r.getLong(6)).isEqualTo(3);
    Thread.sleep(200);
    assertThat(db.query("SELECT n FROM totals").rows().get(0).getLong(0)).isEqualTo(n);
  }

  @Test
  void sameOptionsGiveTheSameRowsInTwoDatabases() throws Exception {
    List<Map<Long, String>> results = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      LaminarDB db = open();
      db.execute(String.format(TRADES, "500", "100000"));
      db.execute("CREATE STREAM all_rows AS SELECT id, user_id, price, symbol, ts FROM s");
      results.add(collect(db, 1500));
    }
    Set<Long> common = new HashSet<>(results.get(0).keySet());
    common.retainAll(results.get(1).keySet());
    assertThat(common).hasSizeGreaterThan(100);
    for (Long id : common) {
      assertThat(results.get(1).get(id)).as("row %d", id).isEqualTo(results.get(0).get(id));
    }
  }

  @Test
  void throttledSourceShowsRowsLive() throws Exception {
    LaminarDB db = open();
    db.execute(String.format(TRADES, "20", "1000000"));
    db.execute("CREATE STREAM picked AS SELECT id, symbol FROM s WHERE price > 0");
    try (Subscription sub = db.subscribe("picked")) {
      List<Row> rows = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (rows.size() < 3 && System.nanoTime() < deadline) {
        Row r = sub.poll(Duration.ofMillis(100));
        if (r != null) {
          rows.add(r);
        }
      }
      assertThat(rows).hasSize(3);
      assertThat(rows.get(1).getLong(0)).isEqualTo(rows.get(0).getLong(0) + 1);
    }
  }

  @Test
  void badOptionFailsCreateSourceWith22023() {
    LaminarDB db = open();
    assertThatThrownBy(() -> db.execute("CREATE SOURCE t (id BIGINT) FROM DATAGEN "
        + "('fields.id.kind' = 'zipf')"))
        .isInstanceOfSatisfying(LaminarDBException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22023"))
        .hasMessageContaining("fields.id.kind");
    assertThatThrownBy(() -> db.execute("CREATE SOURCE t (id BIGINT) FROM DATAGEN "
        + "('rows_per_sec' = '5')"))
        .isInstanceOf(LaminarDBException.class)
        .hasMessageContaining("rows_per_second");
  }

  @Test
  void droppingTheSourceStopsItsThread() throws Exception {
    LaminarDB db = open();
    db.execute("CREATE SOURCE gen (v INT) FROM DATAGEN ('rows_per_second' = '0')");
    assertThat(datagenThreadAlive("datagen-gen")).isTrue();
    db.execute("DROP SOURCE gen");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (datagenThreadAlive("datagen-gen") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(datagenThreadAlive("datagen-gen")).isFalse();
  }

  private static boolean datagenThreadAlive(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }
}
