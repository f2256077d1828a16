package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laminardb.error.LaminarDBException;

/** Regular joins in continuous queries: planning, rejections, watermarks, replayed inputs. */
class JoinTest {
  private static List<List<Object>> rows(LaminarDB db, String sql) {
    return ResultComparison.query(db, sql);
  }

  @Test
  void shouldJoinKeysOfDifferentTypesThroughImplicitCasts() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE a (k INT, x DECIMAL(10, 2))");
      db.execute("CREATE SOURCE b (k BIGINT, y DECIMAL(12, 1), d DOUBLE)");
      db.execute("CREATE MATERIALIZED VIEW j1 AS SELECT a.k, b.k AS bk FROM a JOIN b ON a.k = b.k");
      db.execute("CREATE MATERIALIZED VIEW j2 AS SELECT a.x FROM a JOIN b ON a.x = b.y");
      db.execute("CREATE MATERIALIZED VIEW j3 AS SELECT a.k FROM a JOIN b ON a.k = b.d");
      db.execute("CREATE SOURCE c (x DECIMAL(12, 2), s VARCHAR(3))");
      db.execute("CREATE SOURCE d (x DECIMAL(10, 2), s VARCHAR)");
      db.execute("CREATE MATERIALIZED VIEW j4 AS SELECT c.x FROM c JOIN d ON c.x = d.x "
          + "AND c.s = d.s");
      db.execute("INSERT INTO c VALUES (1.25, 'ab'), (1.25, 'b')");
      db.execute("INSERT INTO d VALUES (1.25, 'ab'), (1.20, 'ab')");
      assertThat(rows(db, "SELECT * FROM j4")).hasSize(1);
      db.execute("CREATE SOURCE e (dt DATE)");
      db.execute("CREATE SOURCE f (ts TIMESTAMP)");
      db.execute("CREATE MATERIALIZED VIEW j5 AS SELECT e.dt FROM e JOIN f ON e.dt = f.ts");
      db.execute("INSERT INTO e VALUES (DATE '2024-01-01'), (DATE '2024-01-02')");
      db.execute("INSERT INTO f VALUES (TIMESTAMP '2024-01-01 00:00:00'), "
          + "(TIMESTAMP '2024-01-02 00:00:01')");
      assertThat(rows(db, "SELECT * FROM j5")).hasSize(1);
      db.execute("INSERT INTO a VALUES (1, 1.50), (2, 2.00)");
      db.execute("INSERT INTO b VALUES (1, 1.5, 2.0), (3, 2.0, 7.5)");
      assertThat(rows(db, "SELECT * FROM j1")).hasSize(1);
      assertThat(rows(db, "SELECT * FROM j2")).hasSize(2);
      assertThat(rows(db, "SELECT * FROM j3")).hasSize(1);
    }
  }

  @Test
  void shouldRunAnIntervalConditionAsAResidual() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE a (k INT, ts TIMESTAMP)");
      db.execute("CREATE SOURCE b (k INT, ts TIMESTAMP)");
      db.execute("CREATE MATERIALIZED VIEW j AS SELECT a.k, b.ts FROM a JOIN b ON a.k = b.k "
          + "AND b.ts BETWEEN a.ts - INTERVAL '1' MINUTE AND a.ts + INTERVAL '1' MINUTE");
      assertThat(ResultComparison.explain(db, "SELECT a.k, b.ts FROM a JOIN b ON a.k = b.k "
          + "AND b.ts BETWEEN a.ts - INTERVAL '1' MINUTE AND a.ts")).contains("Join(kind=INNER", "residual=", "state: unbounded");
      db.execute("INSERT INTO a VALUES (1, TIMESTAMP '2024-01-01 00:10:00')");
      db.execute("INSERT INTO b VALUES (1, TIMESTAMP '2024-01-01 00:10:30'), "
          + "(1, TIMESTAMP '2024-01-01 00:12:00'), (2, TIMESTAMP '2024-01-01 00:10:00')");
      assertThat(rows(db, "SELECT * FROM j")).hasSize(1);
    }
  }

  @Test
  void shouldFilterWithALongInListRatherThanPlanAJoinWithValues() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE t (k INT, v INT)");
      StringBuilder in = new StringBuilder();
      for (int i = 0; i < 30; i++) {
        in.append(i > 0 ? ", " : "").append(i * 2);
      }
      db.execute("CREATE MATERIALIZED VIEW m AS SELECT k FROM t WHERE k IN (" + in + ")");
      db.execute("INSERT INTO t VALUES (4, 1), (5, 2), (58, 3), (60, 4), (NULL, 5)");
      assertThat(rows(db, "SELECT * FROM m ORDER BY k")).hasToString("[[4], [58]]");
    }
  }

  @Test
  void shouldStartFromTheCurrentContentsOfJoinedViews() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE t (k INT, v INT)");
      db.execute("CREATE MATERIALIZED VIEW g AS SELECT k, SUM(v) AS s FROM t GROUP BY k");
      db.execute("INSERT INTO t VALUES (1, 10), (1, 5), (2, 7)");
      db.execute("CREATE MATERIALIZED VIEW self AS SELECT x.k, x.s, y.s AS s2 FROM g x "
          + "JOIN g y ON x.k = y.k");
      assertThat(rows(db, "SELECT * FROM self ORDER BY k")).hasSize(2);
      db.execute("INSERT INTO t VALUES (2, 1)");
      assertThat(rows(db, "SELECT s, s2 FROM self WHERE k = 2")).hasSize(1)
          .allSatisfy(r -> assertThat(r.get(0)).isEqualTo(r.get(1)));
    }
  }

  @Test
  void shouldForwardTheMinimumWatermarkOfItsInputs() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE a (k INT, ts TIMESTAMP, WATERMARK FOR ts)");
      db.execute("CREATE SOURCE b (k INT, ts TIMESTAMP, WATERMARK FOR ts)");
      db.execute("CREATE STREAM j AS SELECT a.k, a.ts FROM a JOIN b ON a.k = b.k");
      db.execute("INSERT INTO a VALUES (1, TIMESTAMP '2024-01-01 00:00:10')");
      db.execute("INSERT INTO b VALUES (1, TIMESTAMP '2024-01-01 00:00:05')");
      db.execute("INSERT INTO a VALUES (1, TIMESTAMP '2024-01-01 00:00:20')");
      assertThat(db.watermark("j")).contains(LocalDateTime.of(2024, 1, 1, 0, 0, 5));
    }
  }

  @Test
  void shouldRejectJoinsItCannotRunWithWhatIsSupported() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE a (k INT, s VARCHAR, ts TIMESTAMP, WATERMARK FOR ts)");
      db.execute("CREATE SOURCE b (k INT, s VARCHAR)");
      assertRejected(db, "SELECT * FROM a CROSS JOIN b", "at least one equality");
      assertRejected(db, "SELECT * FROM a JOIN b ON a.k < b.k OR a.s = b.s", "equality");
      assertRejected(db, "SELECT * FROM a JOIN b FOR SYSTEM_TIME AS OF a.ts AS c ON a.k = c.k",
          "temporal joins");
      assertRejected(db, "SELECT * FROM a ASOF JOIN b MATCH_CONDITION a.k >= b.k ON a.s = b.s",
          "ASOF");
      assertRejected(db, "SELECT COUNT(*) AS n FROM (SELECT a.k, a.ts FROM a JOIN b ON a.k = b.k) "
          + "AS j GROUP BY tumble(ts, INTERVAL '1' MINUTE)", "over the result of a regular join");
      assertRejected(db, "SELECT a.k, LAG(a.k) OVER (ORDER BY a.ts) AS p FROM a JOIN b "
          + "ON a.k = b.k", "result of a regular");
    }
  }

  private static void assertRejected(LaminarDB db, String query, String message) {
    assertThatThrownBy(() -> db.execute("CREATE MATERIALIZED VIEW bad AS " + query))
        .as(query)
        .isInstanceOf(LaminarDBException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("0A000");
  }

  @Test
  void shouldExpireJoinStateAfterTheTimeToLiveAndRejectUnboundedJoinsWhenAsked()
      throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE a (k INT, v INT, ts TIMESTAMP, "
          + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
      db.execute("CREATE SOURCE b (k INT, w INT, ts TIMESTAMP, "
          + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
      String join = "SELECT a.k, a.v, b.w FROM a JOIN b ON a.k = b.k";
      assertThat(ResultComparison.explain(db, "CREATE STREAM s AS " + join
          + " WITH ('state.ttl' = '300 ms')"))
          .contains("state: rows expire 300 ms after they are stored (state.ttl)");
      assertThatThrownBy(() -> db.execute("CREATE STREAM s AS " + join
          + " WITH ('state.bounded' = 'true')"))
          .isInstanceOf(LaminarDBException.class).hasMessageContaining("grow without bound")
          .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("0A000"));
      db.execute("CREATE STREAM bounded AS SELECT a.k, b.w FROM a JOIN b ON a.k = b.k AND b.ts "
          + "BETWEEN a.ts AND a.ts + INTERVAL '1' SECOND WITH ('state.bounded' = 'true')");
      db.execute("CREATE STREAM both_ok AS " + join
          + " WITH ('state.bounded' = 'true', 'state.ttl' = '1 h')");
      assertThatThrownBy(() -> db.execute("CREATE STREAM s AS " + join
          + " WITH ('state.tll' = '1 h')")).hasMessageContaining("unknown query option")
          .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("22023"));
      assertThatThrownBy(() -> db.execute("CREATE STREAM s AS " + join
          + " WITH ('state.ttl' = 'soon')"))
          .hasMessageContaining("for query option 'state.ttl': expected a duration")
          .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("22023"));
      db.execute("CREATE MATERIALIZED VIEW j AS " + join + " WITH ('state.ttl' = '1500 ms')");
      LocalDateTime t = LocalDateTime.of(2024, 1, 1, 0, 0);
      try (SourceWriter a = db.source("a"); SourceWriter b = db.source("b")) {
        b.insert(1, 10, t);
        a.insert(1, 1, t);
        assertThat(db.query("SELECT COUNT(*) FROM j").iterator().next().getLong(0)).isEqualTo(1);
        Thread.sleep(2000);
        a.insert(1, 2, t);
        assertThat(db.query("SELECT v, w FROM j").iterator().next().getInt(0))
            .as("the right row expired before the second left row came").isEqualTo(1);
        assertThat(db.query("SELECT COUNT(*) FROM j").iterator().next().getLong(0)).isEqualTo(1);
      }
    }
  }
}
