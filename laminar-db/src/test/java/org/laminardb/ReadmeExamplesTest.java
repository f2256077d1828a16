package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the code of the README's quick starts and checks that the README shows exactly this code,
 * so that the examples cannot rot.
 */
class ReadmeExamplesTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path SELF =
      Path.of("src", "test", "java", "org", "laminardb", "ReadmeExamplesTest.java");

  @Test
  void javaApiExampleShouldRun() throws Exception {
    // BEGIN java-api
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE trades (symbol VARCHAR, price DOUBLE, qty BIGINT)");
      db.execute("CREATE MATERIALIZED VIEW volume AS "
          + "SELECT symbol, SUM(qty) AS qty, AVG(price) AS avg_price FROM trades GROUP BY symbol");

      try (Subscription changes = db.subscribe("volume");
          SourceWriter trades = db.source("trades")) {
        trades.insert("ACME", 12.5, 100L);
        trades.insert("ACME", 13.5, 50L);

        // Ad-hoc SQL over the view sees every write that returned before it.
        Row acme = db.query("SELECT * FROM volume WHERE symbol = 'ACME'").rows().get(0);
        System.out.println(acme.getLong("qty") + " @ " + acme.getDouble("avg_price")); // 150 @ 13.0

        // The changelog: +I ACME 100, then -U ACME 100 / +U ACME 150.
        for (int i = 0; i < 3; i++) {
          Row change = changes.poll(Duration.ofSeconds(1));
          System.out.println(change.kind().shortString() + " " + change.get("qty"));
        }
      }
    }
    // END java-api
  }

  @Test
  void windowExampleShouldRun() throws Exception {
    // BEGIN windows
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE trades (symbol VARCHAR, price DOUBLE, ts TIMESTAMP, "
          + "WATERMARK FOR ts AS ts - INTERVAL '2' SECOND)");
      // One row per symbol and minute, emitted once when the watermark closes the minute.
      db.execute("CREATE STREAM ohlc AS SELECT window_start, symbol, FIRST_VALUE(price) AS first, "
          + "MAX(price) AS high, MIN(price) AS low, LAST_VALUE(price) AS last "
          + "FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) "
          + "GROUP BY window_start, window_end, symbol");

      try (Subscription bars = db.subscribe("ohlc");
          SourceWriter trades = db.source("trades")) {
        LocalDateTime t = LocalDateTime.parse("2026-01-05T09:30:00");
        trades.insert("ACME", 12.0, t.plusSeconds(5));
        trades.insert("ACME", 12.5, t.plusSeconds(50));
        trades.insert("ACME", 11.5, t.plusSeconds(20)); // out of order, within 2 s: still counted
        trades.insert("ACME", 13.0, t.plusSeconds(65)); // watermark 09:31:03 closes 09:30

        Row bar = bars.poll(Duration.ofSeconds(5));
        System.out.println(bar.get("window_start") + " " + bar.get("first") + " "
            + bar.get("high") + " " + bar.get("low") + " " + bar.get("last"));
        // 2026-01-05T09:30 12.0 12.5 11.5 12.5
      }
    }
    // END windows
  }

  @Test
  void jdbcExampleShouldRun() throws Exception {
    // BEGIN jdbc
    try (Connection conn = DriverManager.getConnection("jdbc:laminar:mem:demo");
        Statement st = conn.createStatement()) {
      st.execute("CREATE SOURCE clicks (user_id BIGINT, url VARCHAR)");
      st.execute("CREATE MATERIALIZED VIEW per_user AS "
          + "SELECT user_id, COUNT(*) AS clicks FROM clicks GROUP BY user_id");
      try (PreparedStatement insert = conn.prepareStatement("INSERT INTO clicks VALUES (?, ?)")) {
        insert.setLong(1, 42);
        insert.setString(2, "/home");
        insert.addBatch();
        insert.setLong(1, 42);
        insert.setString(2, "/cart");
        insert.addBatch();
        insert.executeBatch();
      }
      try (ResultSet rs = st.executeQuery("SELECT user_id, clicks FROM per_user")) {
        while (rs.next()) {
          System.out.println(rs.getLong("user_id") + " clicked " + rs.getLong("clicks") + " times");
        }
      }
    }
    // END jdbc
  }

  @Test
  void durableExampleShouldRun(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    // BEGIN durable
    // dir: the database's directory, e.g. Path.of("data", "shop")
    try (LaminarDB db = LaminarDB.open(dir)) {
      db.execute("CREATE SOURCE IF NOT EXISTS orders (id BIGINT, amount DOUBLE)");
      db.execute("CREATE MATERIALIZED VIEW IF NOT EXISTS revenue AS "
          + "SELECT COUNT(*) AS n, SUM(amount) AS total FROM orders");
      db.execute("CREATE SINK IF NOT EXISTS big_orders INTO FILES (path = '"
          + dir.resolve("out") + "', format = 'json') AS SELECT id, amount FROM orders "
          + "WHERE amount > 100");
      db.source("orders").insert(1L, 250.0); // logged and forced to disk before it returns
      db.checkpoint(); // state to disk; the sink's rows appear in out/ exactly once
    }
    try (LaminarDB db = LaminarDB.open(dir)) { // the same after a crash or kill -9
      Row r = db.query("SELECT n, total FROM revenue").rows().get(0);
      System.out.println(r.getLong("n") + " orders, " + r.getDouble("total")); // 1 orders, 250.0
    }
    // END durable
  }

  @Test
  void readmeShouldShowTheTestedCode() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String self = Files.readString(SELF, StandardCharsets.UTF_8);
    for (String name : List.of("java-api", "windows", "durable", "jdbc")) {
      assertThat(block(readme, "<!-- BEGIN " + name, "<!-- END " + name))
          .as("README block %s", name)
          .isEqualTo(block(self, "// BEGIN " + name, "// END " + name));
    }
  }

  /** Lines between two markers, without code fences, with common indentation removed. */
  private static List<String> block(String text, String begin, String end) {
    List<String> lines = new ArrayList<>();
    boolean in = false;
    for (String line : text.split("\n")) {
      if (line.strip().startsWith(begin)) {
        in = true;
      } else if (line.strip().startsWith(end)) {
        break;
      } else if (in && !line.strip().startsWith("```")) {
        lines.add(line);
      }
    }
    int indent = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isBlank()) {
        indent = Math.min(indent, l.length() - l.stripLeading().length());
      }
    }
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(l.isBlank() ? "" : l.substring(indent).stripTrailing());
    }
    return out;
  }
}
