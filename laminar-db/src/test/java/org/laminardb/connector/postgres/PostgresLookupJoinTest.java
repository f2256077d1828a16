package org.laminardb.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.laminardb.LaminarDB;
import org.laminardb.Row;
import org.laminardb.Subscription;
import org.laminardb.error.LaminarDBException;

/**
 * Lookup tables FROM POSTGRES against a real PostgreSQL server (zonky's binaries, see {@link
 * EmbeddedPostgresServer}): enrichment checked against PostgreSQL's own join of the same rows,
 * LEFT joins with missing keys, the cache TTL and size limit, order of output, an outage of the
 * database, DDL and durable reopen.
 */
@Timeout(300)
class PostgresLookupJoinTest {
  @TempDir
  static Path dir;
  private static EmbeddedPostgresServer pg;

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = EmbeddedPostgresServer.start(dir.resolve("pg"));
    pg.execute("CREATE TABLE customers (id INT PRIMARY KEY, name TEXT, tier INT, "
        + "balance NUMERIC(10, 2), since TIMESTAMP)");
    StringBuilder sql = new StringBuilder("INSERT INTO customers VALUES ");
    for (int i = 1; i <= 50; i++) {
      sql.append(i > 1 ? ", " : "").append('(').append(i).append(", 'c").append(i).append("', ")
          .append(i % 3 == 0 ? "NULL" : Integer.toString(i % 4)).append(", ").append(i)
          .append(".25, TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '").append(i)
          .append(" hours')");
    }
    pg.execute(sql.toString());
    pg.execute("CREATE TABLE accounts (region TEXT, num INT, owner TEXT, "
        + "PRIMARY KEY (region, num))",
        "INSERT INTO accounts VALUES ('eu', 1, 'ann'), ('eu', 2, 'bob'), ('us', 1, 'cid')");
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  private static String lookupDdl(String name, String table, String extra) {
    return "CREATE LOOKUP TABLE " + name + " (id INT, name VARCHAR, tier INT, "
        + "balance DECIMAL(10, 2), since TIMESTAMP, PRIMARY KEY (id)) FROM POSTGRES (url = '"
        + pg.url() + "', user = 'postgres', password = '', table = '" + table + "'"
        + extra + ")";
  }

  private static List<List<Object>> rows(LaminarDB db, String sql) {
    List<List<Object>> out = new ArrayList<>();
    for (Row r : db.query(sql)) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < r.columns().size(); i++) {
        row.add(r.get(i));
      }
      out.add(row);
    }
    return out;
  }

  /** PostgreSQL's answer: the same stream rows joined there. */
  private static List<List<Object>> oracle(String streamValues, String join) throws Exception {
    List<List<Object>> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(pg.url(), "postgres", "");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("WITH s(k, v) AS (VALUES " + streamValues + ") "
            + "SELECT s.v, d.name, d.tier, d.balance FROM s " + join + " customers d "
            + "ON s.k = d.id ORDER BY s.v")) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        row.add(rs.getInt(1));
        row.add(rs.getString(2));
        row.add(rs.getObject(3));
        row.add(rs.getBigDecimal(4));
        out.add(row);
      }
    }
    return out;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private static int count(LaminarDB db, String view) {
    return ((Number) rows(db, "SELECT COUNT(*) FROM " + view).get(0).get(0)).intValue();
  }

  private static Row lookupStatus(LaminarDB db, String name) {
    for (Row r : db.query("SHOW LOOKUP TABLES")) {
      if (r.getString("name").equalsIgnoreCase(name)) {
        return r;
      }
    }
    throw new AssertionError("no lookup table " + name);
  }

  @Test
  void shouldEnrichRowsLikePostgresJoinsThem() throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE s (k INT, v INT)");
      db.execute(lookupDdl("dim", "customers", ""));
      db.execute("CREATE MATERIALIZED VIEW inner_j AS SELECT s.v, d.name, d.tier, d.balance "
          + "FROM s JOIN dim FOR SYSTEM_TIME AS OF PROCTIME() AS d ON s.k = d.id");
      db.execute("CREATE MATERIALIZED VIEW left_j AS SELECT s.v, d.name, d.tier, d.balance "
          + "FROM s LEFT JOIN dim FOR SYSTEM_TIME AS OF PROCTIME() AS d ON s.k = d.id");
      db.execute("CREATE MATERIALIZED VIEW plain_j AS SELECT s.v, dim.name, dim.tier, "
          + "dim.balance FROM s JOIN dim ON s.k = dim.id");
      StringBuilder values = new StringBuilder();
      StringBuilder pgValues = new StringBuilder();
      for (int v = 0; v < 300; v++) {
        int k = (v * 7) % 70; // keys 0..69: 1..50 exist, the rest do not
        values.append(v > 0 ? ", " : "").append('(').append(k).append(", ").append(v).append(')');
        pgValues.append(v > 0 ? ", " : "").append('(').append(k).append(", ").append(v)
            .append(')');
      }
      values.append(", (NULL, 300)");
      pgValues.append(", (NULL::int, 300)");
      db.execute("INSERT INTO s VALUES " + values);
      await("all rows", () -> count(db, "left_j") == 301);
      assertThat(rows(db, "SELECT * FROM left_j ORDER BY v"))
          .isEqualTo(oracle(pgValues.toString(), "LEFT JOIN"));
      int innerRows = oracle(pgValues.toString(), "JOIN").size();
      await("inner rows", () -> count(db, "inner_j") == innerRows);
      assertThat(rows(db, "SELECT * FROM inner_j ORDER BY v"))
          .isEqualTo(oracle(pgValues.toString(), "JOIN"));
      assertThat(rows(db, "SELECT * FROM plain_j ORDER BY v"))
          .isEqualTo(oracle(pgValues.toString(), "JOIN"));
      Row status = lookupStatus(db, "dim");
      assertThat(status.getString("status")).isEqualTo("RUNNING");
      assertThat(status.getString("key")).isEqualTo("id");
      assertThat(status.getLong("errors")).isZero();
    }
  }

  @Test
  void shouldReadTimestampsAndCompositeKeysAndQueries() throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE s (k INT, v INT)");
      db.execute(lookupDdl("dim", "customers", ""));
      db.execute("CREATE MATERIALIZED VIEW j AS SELECT s.v, d.since FROM s JOIN dim "
          + "FOR SYSTEM_TIME AS OF PROCTIME() AS d ON s.k = d.id");
      db.execute("CREATE SOURCE a (region VARCHAR, num INT, v INT)");
      db.execute("CREATE LOOKUP TABLE acc (region VARCHAR, num INT, owner VARCHAR, "
          + "PRIMARY KEY (region, num)) FROM POSTGRES (url = '" + pg.url() + "', user = "
          + "'postgres', table = 'accounts')");
      db.execute("CREATE LOOKUP TABLE acc_q (region VARCHAR, num INT, owner VARCHAR, "
          + "PRIMARY KEY (region, num)) FROM POSTGRES (url = '" + pg.url() + "', user = "
          + "'postgres', query = 'SELECT region, num, upper(owner) FROM accounts WHERE "
          + "region = ? AND num = ?')");
      db.execute("CREATE MATERIALIZED VIEW aj AS SELECT a.v, x.owner FROM a LEFT JOIN acc "
          + "FOR SYSTEM_TIME AS OF PROCTIME() AS x ON a.num = x.num AND a.region = x.region");
      db.execute("CREATE MATERIALIZED VIEW qj AS SELECT a.v, x.owner FROM a JOIN acc_q "
          + "FOR SYSTEM_TIME AS OF PROCTIME() AS x ON a.region = x.region AND a.num = x.num");
      db.execute("INSERT INTO s VALUES (2, 1)");
      db.execute("INSERT INTO a VALUES ('eu', 2, 1), ('us', 2, 2), ('us', 1, 3), (NULL, 1, 4)");
      await("rows", () -> count(db, "j") == 1 && count(db, "aj") == 4 && count(db, "qj") == 2);
      assertThat(rows(db, "SELECT * FROM j")).hasToString("[[1, 2024-01-01T02:00]]");
      assertThat(rows(db, "SELECT * FROM aj ORDER BY v"))
          .hasToString("[[1, bob], [2, null], [3, cid], [4, null]]");
      assertThat(rows(db, "SELECT * FROM qj ORDER BY v")).hasToString("[[1, BOB], [3, CID]]");
    }
  }

  @Test
  void shouldSeeAnUpdatedRowOnlyAfterTheCacheTtl() throws Exception {
    pg.execute("CREATE TABLE ttl_t (id INT PRIMARY KEY, name TEXT, tier INT, "
        + "balance NUMERIC(10, 2), since TIMESTAMP)", "INSERT INTO ttl_t VALUES (1, 'old', 1, "
        + "0, NULL)");
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE s (k INT, v INT)");
      db.execute(lookupDdl("dim", "ttl_t", ", cache_ttl = '3s'"));
      db.execute("CREATE MATERIALIZED VIEW j AS SELECT s.v, d.name FROM s JOIN dim "
          + "FOR SYSTEM_TIME AS OF PROCTIME() AS d ON s.k = d.id");
      db.execute("INSERT INTO s VALUES (1, 1)");
      await("first row", () -> count(db, "j") == 1);
      long loaded = System.nanoTime();
      pg.execute("UPDATE ttl_t SET name = 'new' WHERE id = 1");
      db.execute("INSERT INTO s VALUES (1, 2)");
      await("second row", () -> count(db, "j") == 2);
      boolean withinTtl = System.nanoTime() - loaded < Duration.ofMillis(2500).toNanos();
      Thread.sleep(3100);
      db.execute("INSERT INTO s VALUES (1, 3)");
      await("third row", () -> count(db, "j") == 3);
      List<List<Object>> out = rows(db, "SELECT * FROM j ORDER BY v");
      if (withinTtl) {
        assertThat(out.get(1)).hasToString("[2, old]");
      }
      assertThat(out.get(0)).hasToString("[1, old]");
      assertThat(out.get(2)).hasToString("[3, new]");
    }
  }

  @Test
  void shouldEvictBeyondTheCacheSizeLimit() throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE s (k INT, v INT)");
      db.execute(lookupDdl("small", "customers", ", cache_max_rows = 2"));
      db.execute(lookupDdl("big", "customers", ", cache_max_rows = 100"));
      db.execute("CREATE MATERIALIZED VIEW js AS SELECT s.v, d.name FROM s JOIN small "
          + "FOR SYSTEM_TIME AS OF PROCTIME() AS d ON s.k = d.id");
      db.execute("CREATE MATERIALIZED VIEW jb AS SELECT s.v, d.name FROM s JOIN big "
          + "FOR SYSTEM_TIME AS OF PROCTIME() AS d ON s.k = d.id");
      int[] keys = {1, 2, 3, 1, 2, 3};
      for (int i = 0; i < keys.length; i++) {
        db.execute("INSERT INTO s VALUES (" + keys[i] + ", " + i + ")");
        int n = i + 1;
        await("row " + i, () -> count(db, "js") == n && count(db, "jb") == n);
      }
      // FIFO eviction with room for 2: every key was evicted before it came back.
      assertThat(lookupStatus(db, "small").getLong("fetched_keys")).isEqualTo(6);
      assertThat(lookupStatus(db, "big").getLong("fetched_keys")).isEqualTo(3);
      assertThat(rows(db, "SELECT * FROM js ORDER BY v")).isEqualTo(rows(db,
          "SELECT * FROM jb ORDER BY v"));
    }
  }

  @Test
  void shouldEmitInInputOrderWhenHitsFollowMisses() throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE s (k INT, v INT)");
      db.execute(lookupDdl("dim", "customers", ""));
      db.execute("CREATE STREAM j AS SELECT s.v, d.name FROM s LEFT JOIN dim "
          + "FOR SYSTEM_TIME AS OF PROCTIME() AS d ON s.k = d.id");
      try (Subscription sub = db.subscribe("j")) {
        db.execute("INSERT INTO s VALUES (1, 0)");
        assertThat(sub.poll(Duration.ofSeconds(30))).isNotNull();
        StringBuilder values = new StringBuilder();
        for (int v = 1; v <= 200; v++) {
          int k = v % 2 == 0 ? 1 : v; // key 1 is cached: hits between misses
          values.append(values.length() > 0 ? ", " : "").append('(').append(k).append(", ").append(v)
              .append(')');
          if (v % 50 == 0) {
            db.execute("INSERT INTO s VALUES " + values);
            values.setLength(0);
          }
        }
        for (int v = 1; v <= 200; v++) {
          Row r = sub.poll(Duration.ofSeconds(30));
          assertThat(r).isNotNull();
          assertThat(r.getInt("v")).isEqualTo(v);
          assertThat(r.getString("name")).isEqualTo(v % 2 == 0 ? "c1" : v <= 50 ? "c" + v : null);
        }
      }
    }
  }

  @Test
  void shouldHoldRowsDuringAnOutageAndResumeWhenTheDatabaseIsBack() throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE s (k INT, v INT)");
      db.execute(lookupDdl("dim", "customers", ", cache_ttl = '0ms', retry_backoff_min = "
          + "'20ms', retry_backoff_max = '200ms', connect_timeout_ms = 1000"));
      db.execute("CREATE STREAM j AS SELECT s.v, d.name FROM s JOIN dim "
          + "FOR SYSTEM_TIME AS OF PROCTIME() AS d ON s.k = d.id");
      try (Subscription sub = db.subscribe("j")) {
        db.execute("INSERT INTO s VALUES (1, 1)");
        assertThat(sub.poll(Duration.ofSeconds(30)).getInt("v")).isEqualTo(1);
        pg.stopServer();
        try {
          db.execute("INSERT INTO s VALUES (2, 2), (3, 3), (1, 4)");
          await("fetch errors", () -> lookupStatus(db, "dim").getLong("errors") >= 2);
          Row status = lookupStatus(db, "dim");
          assertThat(status.getString("status")).startsWith("RETRYING");
          assertThat(status.getString("last_error")).isNotNull();
          boolean waiting = false;
          for (Row r : db.query("SHOW STREAMS")) {
            waiting |= r.getString("name").equals("j")
                && r.getString("status").startsWith("RUNNING, waiting for RETRYING");
          }
          assertThat(waiting).isTrue();
          assertThat(sub.poll(Duration.ofMillis(300))).isNull();
        } finally {
          pg.startServer();
        }
        for (int v = 2; v <= 4; v++) {
          Row r = sub.poll(Duration.ofSeconds(60));
          assertThat(r).isNotNull();
          assertThat(r.getInt("v")).isEqualTo(v);
          assertThat(r.getString("name")).isEqualTo(v == 4 ? "c1" : "c" + v);
        }
        await("running again", () -> lookupStatus(db, "dim").getString("status")
            .equals("RUNNING"));
        assertThat(sub.poll(Duration.ofMillis(200))).isNull();
      }
    }
  }

  @Test
  void shouldListDescribeDropAndRejectScans() throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE s (k INT, v INT)");
      db.execute(lookupDdl("dim", "customers", ", cache_ttl = '30s', cache_max_rows = 500"));
      assertThat(rows(db, "DESCRIBE dim")).hasSize(5);
      assertThat(rows(db, "SHOW CREATE LOOKUP TABLE dim").get(0).get(1).toString())
          .startsWith("CREATE LOOKUP TABLE dim").contains("password = '***'");
      assertThat(lookupStatus(db, "dim").getString("cache"))
          .isEqualTo("ttl=30000ms max_rows=500");
      db.execute("CREATE MATERIALIZED VIEW j AS SELECT s.v, d.name FROM s JOIN dim "
          + "FOR SYSTEM_TIME AS OF PROCTIME() AS d ON s.k = d.id");
      StringBuilder plan = new StringBuilder();
      for (Row r : db.query("EXPLAIN SELECT s.v, d.name FROM s JOIN dim FOR SYSTEM_TIME AS OF "
          + "PROCTIME() AS d ON s.k = d.id")) {
        plan.append(r.getString(0)).append('\n');
      }
      assertThat(plan.toString()).contains("LookupJoin(kind=INNER, table=dim, keys=[left.k = "
          + "dim.id], postgres, cache ttl=30000ms max_rows=500");
      assertThatThrownBy(() -> db.query("SELECT * FROM dim"))
          .isInstanceOf(LaminarDBException.class).hasMessageContaining("lookup table")
          .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("0A000"));
      assertThatThrownBy(() -> db.execute("CREATE STREAM x AS SELECT * FROM dim"))
          .isInstanceOf(LaminarDBException.class)
          .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("0A000"));
      assertThatThrownBy(() -> db.execute("INSERT INTO dim VALUES (1, 'a', 1, 1, NULL)"))
          .isInstanceOf(LaminarDBException.class);
      assertThatThrownBy(() -> db.subscribe("dim")).isInstanceOf(LaminarDBException.class)
          .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("0A000"));
      assertThatThrownBy(() -> db.execute("CREATE SINK k FROM dim INTO files (path = '/tmp')"))
          .isInstanceOf(LaminarDBException.class)
          .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("0A000"));
      assertThatThrownBy(() -> db.execute("DROP LOOKUP TABLE dim"))
          .isInstanceOf(LaminarDBException.class).hasMessageContaining("materialized view j");
      assertThatThrownBy(() -> db.execute("CREATE LOOKUP TABLE bad (id INT) FROM POSTGRES "
          + "(url = 'x')")).isInstanceOf(LaminarDBException.class)
          .hasMessageContaining("PRIMARY KEY");
      assertThatThrownBy(() -> db.execute("CREATE LOOKUP TABLE bad (id INT, PRIMARY KEY (id)) "
          + "FROM POSTGRES (url = '" + pg.url() + "', colour = 'red')"))
          .isInstanceOf(LaminarDBException.class).hasMessageContaining("colour")
          .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("22023"));
      db.execute("DROP LOOKUP TABLE dim CASCADE");
      assertThat(rows(db, "SHOW LOOKUP TABLES")).isEmpty();
      assertThat(rows(db, "SHOW MATERIALIZED VIEWS")).isEmpty();
    }
  }

  @Test
  void shouldKeepLookupTablesAcrossReopen() throws Exception {
    Path data = dir.resolve("durable");
    try (LaminarDB db = LaminarDB.open(data)) {
      db.execute("CREATE SOURCE s (k INT, v INT)");
      db.execute(lookupDdl("dim", "customers", ""));
      db.execute("CREATE MATERIALIZED VIEW j AS SELECT s.v, d.name FROM s JOIN dim "
          + "FOR SYSTEM_TIME AS OF PROCTIME() AS d ON s.k = d.id");
      db.execute("INSERT INTO s VALUES (5, 1)");
      await("row", () -> count(db, "j") == 1);
      db.execute("CHECKPOINT");
    }
    try (LaminarDB db = LaminarDB.open(data)) {
      assertThat(rows(db, "SHOW LOOKUP TABLES")).hasSize(1);
      await("replayed row", () -> count(db, "j") == 1);
      db.execute("INSERT INTO s VALUES (6, 2)");
      await("new row", () -> count(db, "j") == 2);
      assertThat(rows(db, "SELECT * FROM j ORDER BY v")).hasToString("[[1, c5], [2, c6]]");
    }
  }

  @Test
  void shouldCheckpointRowsWaitingForTheDatabaseAndEmitThemAfterReopen() throws Exception {
    Path data = dir.resolve("durable-outage");
    try (LaminarDB db = LaminarDB.open(data)) {
      db.execute("CREATE SOURCE s (k INT, v INT)");
      db.execute(lookupDdl("dim", "customers", ", retry_backoff_min = '20ms', "
          + "retry_backoff_max = '100ms', connect_timeout_ms = 1000"));
      db.execute("CREATE MATERIALIZED VIEW j AS SELECT s.v, d.name FROM s LEFT JOIN dim "
          + "FOR SYSTEM_TIME AS OF PROCTIME() AS d ON s.k = d.id");
      db.execute("INSERT INTO s VALUES (7, 1)");
      await("row", () -> count(db, "j") == 1);
      pg.stopServer();
      try {
        db.execute("INSERT INTO s VALUES (8, 2), (7, 3), (99, 4)");
        await("fetch errors", () -> lookupStatus(db, "dim").getLong("errors") >= 1);
        db.execute("CHECKPOINT");
        assertThat(count(db, "j")).isEqualTo(1);
      } finally {
        pg.startServer();
      }
    }
    try (LaminarDB db = LaminarDB.open(data)) {
      await("rows that waited", () -> count(db, "j") == 4);
      assertThat(rows(db, "SELECT * FROM j ORDER BY v"))
          .hasToString("[[1, c7], [2, c8], [3, c7], [4, null]]");
    }
  }

  @Test
  void shouldFailOnlyTheQueryWhenTooManyRowsWait() throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE s (k INT, v INT)");
      db.execute(lookupDdl("dim", "customers", ", max_pending_rows = 2, "
          + "retry_backoff_min = '20ms', retry_backoff_max = '100ms', connect_timeout_ms = 1000"));
      db.execute("CREATE MATERIALIZED VIEW j AS SELECT s.v, d.name FROM s JOIN dim "
          + "FOR SYSTEM_TIME AS OF PROCTIME() AS d ON s.k = d.id");
      db.execute("CREATE MATERIALIZED VIEW other AS SELECT v FROM s");
      pg.stopServer();
      try {
        db.execute("INSERT INTO s VALUES (1, 1), (2, 2), (3, 3)");
        String status = null;
        for (Row r : db.query("SHOW MATERIALIZED VIEWS")) {
          if (r.getString("name").equals("j")) {
            status = r.getString("status");
          }
        }
        assertThat(status).startsWith("FAILED").contains("max_pending_rows=2");
        assertThat(count(db, "other")).isEqualTo(3);
      } finally {
        pg.startServer();
      }
      assertThatThrownBy(() -> db.query("SELECT * FROM j")).isInstanceOf(LaminarDBException.class)
          .hasMessageContaining("has failed");
    }
  }
}
