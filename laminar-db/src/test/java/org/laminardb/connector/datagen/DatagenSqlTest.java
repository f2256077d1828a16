package org.laminardb.connector.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

  private static QueryResult awaitCount(LaminarDB db, String query, long expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    QueryResult r = db.query(query);
    while (r.rows().get(0).getLong(0) != expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
      r = db.query(query);
    }
    assertThat(r.rows().get(0).getLong(0)).isEqualTo(expected);
    return r;
  }

  @Test
  void boundedSourceDeliversEveryRowToAView() throws Exception {
    LaminarDB db = open();
    db.execute(String.format(TRADES, "0", "2000"));
    db.execute("CREATE MATERIALIZED VIEW totals AS SELECT COUNT(*) AS n, SUM(id) AS ids, "
        + "MIN(user_id) AS lo, MAX(user_id) AS hi, COUNT(DISTINCT symbol) AS symbols FROM s");
    Row r = awaitCount(db, "SELECT n, ids, lo, hi, symbols FROM totals", 2000).rows().get(0);
    assertThat(r.getLong(1)).isEqualTo(2000L * 2001 / 2);
    assertThat(r.getInt(2)).isEqualTo(1);
    assertThat(r.getInt(3)).isEqualTo(50);
    assertThat(r.getLong(4)).isEqualTo(3);
  }

  @Test
  void sameOptionsGiveTheSameResultsInTwoDatabases() throws Exception {
    List<List<String>> results = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      LaminarDB db = open();
      db.execute(String.format(TRADES, "0", "500"));
      db.execute("CREATE MATERIALIZED VIEW per_symbol AS SELECT symbol, COUNT(*) AS n, "
          + "SUM(price) AS p, MAX(ts) AS last_ts FROM s GROUP BY symbol");
      db.execute("CREATE MATERIALIZED VIEW total AS SELECT COUNT(*) AS n FROM s");
      awaitCount(db, "SELECT n FROM total", 500);
      List<String> rows = new ArrayList<>();
      for (Row row : db.query("SELECT symbol, n, p, last_ts FROM per_symbol")) {
        rows.add(row.get(0) + "|" + row.get(1) + "|" + row.get(2) + "|" + row.get(3));
      }
      rows.sort(Comparator.naturalOrder());
      results.add(rows);
    }
    assertThat(results.get(0)).hasSize(3).isEqualTo(results.get(1));
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
