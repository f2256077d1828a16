package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.laminardb.error.LaminarDBException;

class SinkTest {
  private static List<String> take(String sink, int n) throws InterruptedException {
    BlockingQueue<String> q = CollectingSinkFactory.ROWS.get(sink);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String row = q.poll(10, TimeUnit.SECONDS);
      assertThat(row).as("row %d of sink %s", i, sink).isNotNull();
      out.add(row);
    }
    return out;
  }

  @Test
  void shouldWriteAViewsContentsThenItsChangesToASink() throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE t (k VARCHAR, v INT)");
      db.execute("CREATE MATERIALIZED VIEW g AS SELECT k, SUM(v) AS s FROM t GROUP BY k");
      db.execute("INSERT INTO t VALUES ('a', 1)");
      db.execute("CREATE SINK s1 FROM g INTO TEST_COLLECTOR (name = 'view-sink')");
      db.execute("CREATE SINK s2 INTO TEST_COLLECTOR (name = 'query-sink') AS "
          + "SELECT k, v * 10 AS v10 FROM t WHERE v > 1");
      db.execute("INSERT INTO t VALUES ('a', 2), ('b', 5)");
      List<String> viewRows = take("view-sink", 4);
      assertThat(viewRows.get(0)).isEqualTo("+I a,1");
      assertThat(viewRows.subList(1, 4)).containsExactlyInAnyOrder("-U a,1", "+U a,3", "+I b,5");
      assertThat(viewRows.indexOf("-U a,1")).isLessThan(viewRows.indexOf("+U a,3"));
      assertThat(take("query-sink", 2)).containsExactly("+I a,20", "+I b,50");
      assertThat(db.query("SHOW SINKS").rows()).extracting(r -> r.getString("name"))
          .containsExactly("s1", "s2");
      db.execute("DROP SINK s1");
      assertThat(CollectingSinkFactory.CLOSED.get("view-sink")).isTrue();
      assertThatThrownBy(() -> db.execute("DROP SOURCE t"))
          .hasMessageContaining("sink s2")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("2BP01");
    }
  }

  @Test
  void shouldRefuseASinkWithBadOptionsAndCreateNothing() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE t (k INT)");
      assertThatThrownBy(
          () -> db.execute("CREATE SINK s INTO TEST_COLLECTOR (x = '1') AS SELECT k FROM t"))
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("22023");
      assertThat(db.query("SHOW SINKS").size()).isZero();
      assertThatThrownBy(() -> db.execute("CREATE SINK s FROM t INTO KAFKA (topic = 'x')"))
          .hasMessageContaining("org.laminardb:laminar-connectors")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("42704");
    }
  }
}
