package org.laminardb.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.laminardb.LaminarDB;
import org.laminardb.SourceWriter;

/**
 * Replay reproduces the history, not just the final catalog: objects created between writes see
 * only what they saw the first time, statements and rows that failed leave no trace, and writes
 * from concurrent threads all come back.
 */
@Timeout(60)
class DurableReplayTest {
  @TempDir Path dir;

  @Test
  void shouldStartAViewCreatedBetweenWritesFromTheSamePointAfterReopen() {
    List<String> late;
    List<String> overView;
    try (LaminarDB db = LaminarDB.open(dir)) {
      db.execute("CREATE SOURCE t (k BIGINT)");
      db.execute("CREATE MATERIALIZED VIEW early AS SELECT COUNT(*) AS n, SUM(k) AS s FROM t");
      db.execute("INSERT INTO t VALUES (1), (2)");
      // A view over a source starts empty; a view over a view starts from its contents.
      db.execute("CREATE MATERIALIZED VIEW later AS SELECT COUNT(*) AS n, SUM(k) AS s FROM t");
      db.execute("CREATE MATERIALIZED VIEW over_early AS SELECT n * 10 AS n10 FROM early");
      db.execute("INSERT INTO t VALUES (40)");
      late = Rows.of(db, "SELECT n, s FROM later");
      overView = Rows.of(db, "SELECT n10 FROM over_early");
      assertThat(late).containsExactly("1|40");
      assertThat(overView).containsExactly("30");
    }
    try (LaminarDB db = LaminarDB.open(dir)) {
      assertThat(Rows.of(db, "SELECT n, s FROM early")).containsExactly("3|43");
      assertThat(Rows.of(db, "SELECT n, s FROM later")).isEqualTo(late);
      assertThat(Rows.of(db, "SELECT n10 FROM over_early")).isEqualTo(overView);
    }
  }

  @Test
  void shouldLeaveNoTraceOfStatementsAndRowsThatFailed() {
    try (LaminarDB db = LaminarDB.open(dir)) {
      db.execute("CREATE SOURCE t (k BIGINT NOT NULL, v BIGINT)");
      db.execute("CREATE MATERIALIZED VIEW c AS SELECT COUNT(*) AS n, SUM(v) AS s FROM t");
      assertThatThrownBy(() -> db.execute("CREATE SOURCE t (x VARCHAR)"))
          .extracting(Rows::sqlState).isEqualTo("42P07");
      assertThatThrownBy(() -> db.execute("CREATE MATERIALIZED VIEW bad AS SELECT nope FROM t"))
          .extracting(Rows::sqlState).isEqualTo("42703");
      db.execute("INSERT INTO t VALUES (1, 10)");
      assertThatThrownBy(() -> db.execute("INSERT INTO t VALUES (NULL, 5)"))
          .extracting(Rows::sqlState).isEqualTo("23502");
      try (SourceWriter w = db.source("t")) {
        assertThatThrownBy(() -> w.insert(null, 7L)).extracting(Rows::sqlState)
            .isEqualTo("23502");
        w.insert(2L, 20L);
      }
      assertThat(Rows.of(db, "SELECT n, s FROM c")).containsExactly("2|30");
    }
    try (LaminarDB db = LaminarDB.open(dir)) {
      assertThat(Rows.of(db, "DESCRIBE t")).extracting(r -> r.split("\\|")[0])
          .containsExactly("k", "v");
      assertThat(Rows.firstColumn(db, "SHOW MATERIALIZED VIEWS")).containsExactly("c");
      assertThat(Rows.of(db, "SELECT n, s FROM c")).containsExactly("2|30");
    }
  }

  @Test
  void shouldReplayARuntimeFailureOfAViewWithoutFailingTheOpen() {
    try (LaminarDB db = LaminarDB.open(dir)) {
      db.execute("CREATE SOURCE t (a INT, b INT)");
      db.execute("CREATE MATERIALIZED VIEW ratio AS SELECT a / b AS r FROM t");
      db.execute("CREATE MATERIALIZED VIEW ok AS SELECT a FROM t");
      db.execute("INSERT INTO t VALUES (1, 0), (2, 1)");
    }
    try (LaminarDB db = LaminarDB.open(dir)) {
      assertThat(db.query("SHOW MATERIALIZED VIEWS").rows())
          .filteredOn(r -> r.getString("name").equals("ratio"))
          .singleElement().extracting(r -> r.getString("status")).asString()
          .startsWith("FAILED").contains("division by zero");
      assertThatThrownBy(() -> db.query("SELECT * FROM ratio"))
          .extracting(Rows::sqlState).isEqualTo("55000");
      db.execute("INSERT INTO t VALUES (3, 1)");
      assertThat(Rows.of(db, "SELECT a FROM ok ORDER BY a")).containsExactly("1", "2", "3");
    }
  }

  @Test
  void shouldKeepEveryRowFromConcurrentWriters() throws Exception {
    int writers = 4;
    int rows = 300;
    try (LaminarDB db = LaminarDB.open(dir)) {
      db.execute("CREATE SOURCE t (w INT, i INT)");
      db.execute("CREATE MATERIALIZED VIEW c AS SELECT w, COUNT(*) AS n, MAX(i) AS last "
          + "FROM t GROUP BY w");
      List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int id = w;
        threads.add(new Thread(() -> {
          try (SourceWriter writer = db.source("t")) {
            for (int i = 0; i < rows; i++) {
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
    }
    try (LaminarDB db = LaminarDB.open(dir)) {
      assertThat(Rows.of(db, "SELECT w, n, last FROM c ORDER BY w"))
          .containsExactly("0|300|299", "1|300|299", "2|300|299", "3|300|299");
    }
  }
}
