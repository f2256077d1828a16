package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laminardb.error.LaminarDBException;

/** ASOF joins: syntax forms, EXPLAIN, output on the right watermark, late rows, rejections. */
class AsofJoinTest {
  private static final String TRADES = "CREATE SOURCE trades (sym VARCHAR, ts TIMESTAMP, "
      + "qty INT, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)";
  private static final String QUOTES = "CREATE SOURCE quotes (sym VARCHAR, ts TIMESTAMP, "
      + "bid DOUBLE, WATERMARK FOR ts AS ts)";

  private static LocalDateTime at(int seconds) {
    return LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(seconds);
  }

  @Test
  void shouldPlanEveryFormOfAsofJoin() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute(TRADES);
      db.execute(QUOTES);
      String[][] forms = {
        {"ASOF JOIN quotes q MATCH_CONDITION(t.ts >= q.ts) ON t.sym = q.sym",
            "AsofJoin(kind=INNER, keys=[left.sym = right.sym], match=left.ts >= right.ts"},
        {"ASOF JOIN quotes q MATCH_CONDITION(q.ts < t.ts) ON q.sym = t.sym",
            "match=left.ts > right.ts"},
        {"LEFT ASOF JOIN quotes q MATCH_CONDITION(t.ts <= q.ts) ON t.sym = q.sym "
            + "AND q.ts - t.ts <= INTERVAL '5' SECOND",
            "AsofJoin(kind=LEFT", "match=left.ts <= right.ts, tolerance=INTERVAL '5' SECOND"},
        {"ASOF JOIN quotes q MATCH_CONDITION(NEAREST(t.ts, q.ts)) ON t.sym = q.sym AND q.ts "
            + "BETWEEN t.ts - INTERVAL '1' SECOND AND t.ts + INTERVAL '1' SECOND",
            "match=NEAREST(left.ts, right.ts), tolerance=INTERVAL '1' SECOND"},
        {"ASOF JOIN quotes q ON t.sym = q.sym AND t.ts >= q.ts", "match=left.ts >= right.ts"},
        {"LEFT ASOF JOIN quotes q ON t.sym = q.sym AND t.ts >= q.ts "
            + "AND t.ts - q.ts <= INTERVAL '2' SECOND",
            "AsofJoin(kind=LEFT", "tolerance=INTERVAL '2' SECOND"},
      };
      for (String[] form : forms) {
        String plan = ResultComparison.explain(db, "CREATE STREAM s AS SELECT t.sym, t.qty, q.bid FROM trades t "
            + form[0]);
        for (int i = 1; i < form.length; i++) {
          assertThat(plan).as(form[0]).contains(form[i]);
        }
      }
    }
  }

  @Test
  void shouldEmitEachTradeWithTheLatestQuoteOnceTheQuoteWatermarkPassesIt() throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute(TRADES);
      db.execute(QUOTES);
      db.execute("CREATE MATERIALIZED VIEW enriched AS SELECT t.sym, t.ts, t.qty, q.bid "
          + "FROM trades t LEFT ASOF JOIN quotes q ON t.sym = q.sym AND t.ts >= q.ts");
      try (SourceWriter quotes = db.source("quotes"); SourceWriter trades = db.source("trades")) {
        quotes.insertAll(List.of(new Object[] {"A", at(1), 10.0}, new Object[] {"A", at(3), 11.0},
            new Object[] {"B", at(2), 20.0}));
        trades.insertAll(List.of(new Object[] {"A", at(2), 1}, new Object[] {"A", at(5), 2},
            new Object[] {"B", at(1), 3}, new Object[] {"C", at(2), 4}));
        quotes.watermark(at(4));
        assertThat(rows(db)).as("the trade at 5 s waits for the quote watermark")
            .containsExactlyInAnyOrder(List.of("A", 1, 10.0), List.of("B", 3, "null"),
                List.of("C", 4, "null"));
        quotes.insertAll(List.<Object[]>of(new Object[] {"A", at(5), 12.0}));
        quotes.watermark(at(6));
      }
      assertThat(rows(db)).contains(List.of("A", 2, 12.0)).hasSize(4);
    }
  }

  private static List<List<Object>> rows(LaminarDB db) {
    List<List<Object>> out = new java.util.ArrayList<>();
    for (Row r : db.query("SELECT sym, qty, bid FROM enriched")) {
      out.add(List.of(r.getString(0), r.getInt(1), r.isNull(2) ? "null" : r.getDouble(2)));
    }
    return out;
  }

  @Test
  void shouldRejectAsofJoinsItCannotRun() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute(TRADES);
      db.execute(QUOTES);
      db.execute("CREATE SOURCE plain (sym VARCHAR, ts TIMESTAMP, bid DOUBLE)");
      db.execute("CREATE TABLE prices (sym VARCHAR, ts TIMESTAMP, bid DOUBLE, "
          + "PRIMARY KEY (sym))");
      String[][] cases = {
        {"trades t ASOF JOIN plain p ON t.sym = p.sym AND t.ts >= p.ts", "event-time columns"},
        {"trades t ASOF JOIN prices p ON t.sym = p.sym AND t.ts >= p.ts", "append-only"},
        {"trades t ASOF JOIN quotes q ON t.sym = q.sym AND t.ts >= q.ts AND q.bid > 1",
            "key equalities and a tolerance"},
        {"trades t ASOF JOIN quotes q ON t.sym = q.sym", "comparison of the two time columns"},
        {"trades t ASOF JOIN quotes q ON t.sym = q.sym AND t.ts >= q.ts AND t.ts <= q.ts",
            "exactly one comparison"},
        {"trades t ASOF JOIN quotes q MATCH_CONDITION(t.ts >= q.ts) ON t.qty > 0",
            "needs at least one equality"},
        {"trades t ASOF JOIN quotes q MATCH_CONDITION(t.qty = q.bid) ON t.sym = q.sym",
            "MATCH_CONDITION must compare"},
        {"trades t ASOF JOIN quotes q MATCH_CONDITION(NEAREST(t.ts, q.ts)) ON t.sym = q.sym "
            + "AND t.ts - q.ts <= INTERVAL '1' SECOND", "bound both sides alike"},
      };
      for (String[] c : cases) {
        assertThatThrownBy(() -> db.execute("CREATE STREAM s AS SELECT t.qty FROM " + c[0]))
            .as(c[0]).isInstanceOf(LaminarDBException.class)
            .hasMessageContaining(c[1])
            .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("0A000"));
      }
      db.execute("CREATE MATERIALIZED VIEW q AS SELECT * FROM quotes");
      assertThatThrownBy(() -> db.query("SELECT * FROM q a ASOF JOIN q b ON a.sym = b.sym AND "
          + "a.ts >= b.ts")).hasMessageContaining("ASOF joins are for continuous queries");
    }
  }
}
