package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.laminardb.error.LaminarDBException;

/**
 * Processing-time temporal joins ({@code FOR SYSTEM_TIME AS OF PROCTIME()}) against tables and
 * materialized views: each stream row joins the table's rows current when it is processed; later
 * changes to the table neither retract nor emit.
 */
class TemporalJoinTest {
  private static List<List<Object>> rows(LaminarDB db, String sql) {
    return ResultComparison.query(db, sql);
  }

  @Test
  void shouldJoinTheCurrentVersionOfATableRowAndNeverRetract() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE TABLE dim (id INT, name VARCHAR, PRIMARY KEY (id))");
      db.execute("CREATE SOURCE s (k INT, v INT)");
      String q = "SELECT s.v, d.name FROM s LEFT JOIN dim FOR SYSTEM_TIME AS OF PROCTIME() AS d "
          + "ON s.k = d.id";
      assertThat(ResultComparison.explain(db, q)).contains("ProcTimeTemporalJoin(kind=LEFT, keys=[left.k = "
          + "right.id]").contains("output: append-only");
      db.execute("CREATE MATERIALIZED VIEW j AS " + q);
      db.execute("CREATE MATERIALIZED VIEW inner_j AS SELECT s.v, d.name FROM s JOIN dim "
          + "FOR SYSTEM_TIME AS OF PROCTIME() AS d ON s.k = d.id");
      // Each table change is queried before the stream rows that must see it: rows written to
      // different relations are processed in processing-time order only once both are seen.
      db.execute("INSERT INTO dim VALUES (1, 'a')");
      rows(db, "SELECT * FROM dim");
      db.execute("INSERT INTO s VALUES (1, 10), (2, 20), (NULL, 25)");
      rows(db, "SELECT * FROM j");
      db.execute("UPDATE dim SET name = 'b' WHERE id = 1");
      db.execute("INSERT INTO dim VALUES (2, 'x')");
      rows(db, "SELECT * FROM dim");
      assertThat(rows(db, "SELECT * FROM j ORDER BY v"))
          .hasToString("[[10, a], [20, null], [25, null]]");
      db.execute("INSERT INTO s VALUES (1, 30), (2, 31)");
      rows(db, "SELECT * FROM j");
      db.execute("DELETE FROM dim WHERE id = 1");
      rows(db, "SELECT * FROM dim");
      db.execute("INSERT INTO s VALUES (1, 40)");
      assertThat(rows(db, "SELECT * FROM j ORDER BY v")).hasToString(
          "[[10, a], [20, null], [25, null], [30, b], [31, x], [40, null]]");
      assertThat(rows(db, "SELECT * FROM inner_j ORDER BY v"))
          .hasToString("[[10, a], [30, b], [31, x]]");
    }
  }

  @Test
  void shouldJoinAMaterializedViewAndKeepTheStreamsWatermark() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE clicks (k VARCHAR, ts TIMESTAMP, "
          + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
      db.execute("CREATE SOURCE users (k VARCHAR, plan VARCHAR)");
      db.execute("CREATE MATERIALIZED VIEW counts AS SELECT k, COUNT(*) AS n FROM users "
          + "GROUP BY k");
      db.execute("CREATE MATERIALIZED VIEW enriched AS SELECT c.k, c.ts, u.n FROM clicks c "
          + "JOIN counts FOR SYSTEM_TIME AS OF PROCTIME() AS u ON c.k = u.k");
      db.execute("INSERT INTO users VALUES ('a', 'x'), ('a', 'y'), ('b', 'x')");
      rows(db, "SELECT * FROM counts");
      db.execute("INSERT INTO clicks VALUES ('a', TIMESTAMP '2024-01-01 00:00:05'), "
          + "('c', TIMESTAMP '2024-01-01 00:00:06')");
      rows(db, "SELECT * FROM enriched");
      db.execute("INSERT INTO users VALUES ('a', 'z')");
      rows(db, "SELECT * FROM counts");
      db.execute("INSERT INTO clicks VALUES ('a', TIMESTAMP '2024-01-01 00:00:07')");
      assertThat(rows(db, "SELECT k, n FROM enriched ORDER BY ts"))
          .hasToString("[[a, 2], [a, 3]]");
      db.execute("CREATE MATERIALIZED VIEW per_window AS SELECT window_start, COUNT(*) AS c "
          + "FROM TABLE(TUMBLE(TABLE enriched, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
          + "GROUP BY window_start, window_end");
      assertThat(db.watermark("enriched")).isPresent();
    }
  }

  @Test
  void shouldRejectWhatIsNotAProcessingTimeTemporalJoin() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE TABLE dim (id INT, name VARCHAR, PRIMARY KEY (id))");
      db.execute("CREATE SOURCE s (k INT, v INT, ts TIMESTAMP)");
      for (String sql : new String[] {
          "SELECT * FROM s JOIN dim FOR SYSTEM_TIME AS OF s.ts AS d ON s.k = d.id",
          "SELECT * FROM s FULL JOIN dim FOR SYSTEM_TIME AS OF PROCTIME() AS d ON s.k = d.id",
          "SELECT PROCTIME() AS t FROM s"}) {
        assertThatThrownBy(() -> db.execute("CREATE STREAM x AS " + sql))
            .isInstanceOf(LaminarDBException.class)
            .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("0A000"));
      }
      assertThatThrownBy(() -> db.execute("CREATE STREAM x AS SELECT * FROM dim JOIN s FOR "
          + "SYSTEM_TIME AS OF PROCTIME() AS x ON x.k = dim.id"))
          .isInstanceOf(LaminarDBException.class)
          .hasMessageContaining("FOR SYSTEM_TIME AS OF on a source")
          .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("0A000"));
    }
  }

  @Test
  void shouldKeepTheTableSideAcrossCheckpointAndReopen(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) {
    try (LaminarDB db = LaminarDB.open(dir)) {
      db.execute("CREATE TABLE dim (id INT, name VARCHAR, PRIMARY KEY (id))");
      db.execute("CREATE SOURCE s (k INT, v INT)");
      db.execute("CREATE MATERIALIZED VIEW j AS SELECT s.v, d.name FROM s LEFT JOIN dim "
          + "FOR SYSTEM_TIME AS OF PROCTIME() AS d ON s.k = d.id");
      db.execute("INSERT INTO dim VALUES (1, 'a'), (2, 'b')");
      rows(db, "SELECT * FROM dim");
      db.execute("INSERT INTO s VALUES (1, 10)");
      db.execute("CHECKPOINT");
      db.execute("UPDATE dim SET name = 'c' WHERE id = 2");
      rows(db, "SELECT * FROM dim");
      db.execute("INSERT INTO s VALUES (2, 20)");
    }
    try (LaminarDB db = LaminarDB.open(dir)) {
      db.execute("INSERT INTO s VALUES (1, 30), (2, 40), (3, 50)");
      assertThat(rows(db, "SELECT * FROM j ORDER BY v"))
          .hasToString("[[10, a], [20, c], [30, a], [40, c], [50, null]]");
    }
  }
}
