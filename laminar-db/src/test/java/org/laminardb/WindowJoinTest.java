package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Window joins: two windowed, append-only inputs joined on their window end (their event-time
 * column) and a key run as an interval join of zero width, whose state the watermarks free.
 */
class WindowJoinTest {
  private static final String PERSONS = "SELECT id, window_start AS ws, window_end AS we "
      + "FROM TABLE(TUMBLE(TABLE person, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
      + "GROUP BY id, window_start, window_end";
  private static final String AUCTIONS = "SELECT seller, COUNT(*) AS n, window_start AS ws, "
      + "window_end AS we FROM TABLE(TUMBLE(TABLE auction, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
      + "GROUP BY seller, window_start, window_end";

  private static LocalDateTime at(int seconds) {
    return LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(seconds);
  }

  @Test
  void shouldJoinWindowsOfTheSameEndAndFreeThemWithTheWatermarks() throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE person (id INT, ts TIMESTAMP, WATERMARK FOR ts AS ts)");
      db.execute("CREATE SOURCE auction (seller INT, ts TIMESTAMP, WATERMARK FOR ts AS ts)");
      String query = "SELECT p.id, p.ws, a.n FROM (" + PERSONS + ") p JOIN (" + AUCTIONS
          + ") a ON p.id = a.seller AND p.ws = a.ws AND p.we = a.we";
      assertThat(ResultComparison.explain(db, "CREATE STREAM x AS " + query))
          .contains("WindowJoin(kind=INNER", "state: bounded by watermarks", "ON_WINDOW_CLOSE");
      assertThat(ResultComparison.explain(db, "CREATE MATERIALIZED VIEW x AS " + query))
          .as("a view's windows emit on update by default: a changelog, so a regular join")
          .contains("Join(kind=INNER", "state: unbounded");
      assertThat(ResultComparison.explain(db, "CREATE MATERIALIZED VIEW x AS SELECT p.id, a.n FROM (" + PERSONS
          + ") p JOIN (" + AUCTIONS + ") a ON p.id = a.seller AND p.ws = a.ws"))
          .as("window_start is not the event-time column").contains("Join(kind=INNER",
              "state: unbounded");
      assertThat(ResultComparison.explain(db, "CREATE MATERIALIZED VIEW x AS " + query + " EMIT ON WINDOW CLOSE"))
          .contains("WindowJoin(kind=INNER", "state: bounded by watermarks");
      db.execute("CREATE MATERIALIZED VIEW active AS " + query + " EMIT ON WINDOW CLOSE");
      try (SourceWriter p = db.source("person"); SourceWriter a = db.source("auction")) {
        p.insertAll(List.of(new Object[] {1, at(1)}, new Object[] {2, at(2)},
            new Object[] {1, at(12)}));
        a.insertAll(List.of(new Object[] {1, at(3)}, new Object[] {1, at(4)},
            new Object[] {2, at(15)}, new Object[] {1, at(21)}));
        p.watermark(at(30));
        a.watermark(at(30));
      }
      List<List<Object>> rows = new ArrayList<>();
      for (Row r : db.query("SELECT id, ws, n FROM active ORDER BY ws, id")) {
        rows.add(List.of(r.getInt(0), r.getTimestamp(1), r.getLong(2)));
      }
      assertThat(rows).containsExactly(List.of(1, at(0), 2L));
    }
  }
}
