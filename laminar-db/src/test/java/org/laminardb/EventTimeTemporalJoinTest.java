package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.ResultComparison.assertSameRows;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.laminardb.error.LaminarDBException;

/**
 * Event-time temporal joins ({@code FOR SYSTEM_TIME AS OF s.ts}): each order joins the rate of
 * its currency valid at the order's time, emitted once the rates' watermark reaches it; checked
 * by hand, against H2 on random data, and for its rejections.
 */
class EventTimeTemporalJoinTest {
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);
  private static final String ORDERS = "CREATE SOURCE orders (id INT, cur VARCHAR, amount INT, "
      + "ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)";
  private static final String RATES = "CREATE SOURCE rates (cur VARCHAR, rate INT, ts TIMESTAMP, "
      + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)";
  private static final String JOIN = "SELECT o.id, o.amount, r.rate FROM orders o LEFT JOIN "
      + "rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur";

  private static LocalDateTime at(int seconds) {
    return EPOCH.plusSeconds(seconds);
  }

  @Test
  void shouldJoinTheVersionValidAtEachRowsTime() throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute(ORDERS);
      db.execute(RATES);
      assertThat(ResultComparison.explain(db, "CREATE MATERIALIZED VIEW x AS " + JOIN)).contains("TemporalJoin(kind=LEFT, keys=[left.cur = right.cur], "
          + "match=version of right.ts valid at left.ts");
      db.execute("CREATE MATERIALIZED VIEW priced AS " + JOIN);
      try (SourceWriter rates = db.source("rates"); SourceWriter orders = db.source("orders")) {
        rates.insertAll(List.of(new Object[] {"EUR", 11, at(1)}, new Object[] {"EUR", 12, at(5)},
            new Object[] {"GBP", 20, at(2)}));
        orders.insertAll(List.of(new Object[] {1, "EUR", 100, at(3)},
            new Object[] {2, "EUR", 100, at(6)}, new Object[] {3, "EUR", 100, at(0)},
            new Object[] {4, "USD", 100, at(3)}, new Object[] {5, "GBP", 100, at(4)}));
        rates.insertAll(List.<Object[]>of(new Object[] {"GBP", 21, at(10)}));
      }
      List<List<Object>> rows = ResultComparison.query(db, "SELECT * FROM priced");
      List<List<Object>> expected = new ArrayList<>();
      for (Integer[] r : new Integer[][] {{1, 100, 11}, {2, 100, 12}, {3, 100, null},
          {4, 100, null}, {5, 100, 20}}) {
        List<Object> row = new ArrayList<>();
        for (Integer v : r) {
          row.add(ResultComparison.normalize(v));
        }
        expected.add(row);
      }
      assertSameRows(rows, expected, "orders priced at their time");
    }
  }

  @Test
  void shouldTakeUpdatesOfAnUpsertSourceAsNewVersions() throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute(ORDERS);
      db.execute("CREATE SOURCE rates (cur VARCHAR, rate INT, ts TIMESTAMP, PRIMARY KEY (cur), "
          + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
      db.execute("CREATE MATERIALIZED VIEW priced AS " + JOIN);
      try (SourceWriter rates = db.source("rates"); SourceWriter orders = db.source("orders")) {
        rates.insertAll(List.<Object[]>of(new Object[] {"EUR", 11, at(1)}));
        rates.insertAll(List.<Object[]>of(new Object[] {"EUR", 12, at(5)}));
        orders.insertAll(List.of(new Object[] {1, "EUR", 100, at(3)},
            new Object[] {2, "EUR", 100, at(6)}));
        rates.insertAll(List.<Object[]>of(new Object[] {"EUR", 13, at(10)}));
      }
      assertThat(ResultComparison.query(db, "SELECT id, rate FROM priced ORDER BY id"))
          .containsExactly(List.of(ResultComparison.normalize(1), ResultComparison.normalize(11)),
              List.of(ResultComparison.normalize(2), ResultComparison.normalize(12)));
    }
  }

  @Test
  void shouldEqualTheBatchQueryOnRandomRows() throws Exception {
    for (long seed = 1; seed <= 3; seed++) {
      Random random = new Random(seed);
      try (LaminarDB db = LaminarDB.builder().reactorThreads(1 + (int) (seed % 2)).open();
          H2Oracle h2 = new H2Oracle("ttj" + seed)) {
        db.execute(ORDERS);
        db.execute(RATES);
        h2.execute("CREATE TABLE orders (id INT, cur VARCHAR, amount INT, ts TIMESTAMP)",
            "CREATE TABLE rates (cur VARCHAR, rate INT, ts TIMESTAMP)");
        db.execute("CREATE MATERIALIZED VIEW priced AS " + JOIN);
        db.execute("CREATE MATERIALIZED VIEW inner_priced AS SELECT o.id, r.rate FROM orders o "
            + "JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur");
        long[] clock = {0, 0};
        Set<Long> used = new HashSet<>();
        String[] curs = {"EUR", "GBP", "USD", null};
        int id = 0;
        for (int batch = 0; batch < 10; batch++) {
          List<Object[]> rates = new ArrayList<>();
          for (int i = random.nextInt(10); i > 0; i--) {
            clock[1] += random.nextInt(400);
            long millis = clock[1] - random.nextInt(1000);
            if (used.add(millis)) {
              rates.add(new Object[] {curs[random.nextInt(4)], random.nextInt(100),
                  EPOCH.plusNanos(millis * 1_000_000L)});
            }
          }
          List<Object[]> orders = new ArrayList<>();
          for (int i = random.nextInt(10); i > 0; i--) {
            clock[0] += random.nextInt(400);
            long millis = clock[0] - random.nextInt(1000);
            orders.add(new Object[] {id++, curs[random.nextInt(4)], random.nextInt(100),
                EPOCH.plusNanos(millis * 1_000_000L)});
          }
          try (SourceWriter r = db.source("rates"); SourceWriter o = db.source("orders")) {
            r.insertAll(rates);
            o.insertAll(orders);
          }
          h2.insert("rates", rates);
          h2.insert("orders", orders);
        }
        for (String source : new String[] {"orders", "rates"}) {
          try (SourceWriter w = db.source(source)) {
            w.watermark(EPOCH.plusDays(1));
          }
        }
        String version = "(SELECT MAX(r2.ts) FROM rates r2 WHERE r2.cur = o.cur AND r2.ts <= o.ts)";
        assertSameRows(ResultComparison.query(db, "SELECT * FROM priced"),
            h2.query("SELECT o.id, o.amount, r.rate FROM orders o LEFT JOIN rates r ON "
                + "o.cur = r.cur AND r.ts = " + version), "seed " + seed);
        assertSameRows(ResultComparison.query(db, "SELECT * FROM inner_priced"),
            h2.query("SELECT o.id, r.rate FROM orders o JOIN rates r ON o.cur = r.cur AND "
                + "r.ts = " + version), "inner, seed " + seed);
        assertThat(db.lateRows("priced")).isZero();
      }
    }
  }

  @Test
  void shouldRejectWhatItCannotRun() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute(ORDERS);
      db.execute(RATES);
      db.execute("CREATE SOURCE plain (cur VARCHAR, rate INT, ts TIMESTAMP)");
      String[][] cases = {
        {"SELECT o.id FROM orders o JOIN plain FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur",
            "without a watermarked event-time column"},
        {"SELECT o.id FROM orders o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r "
            + "ON o.cur = r.cur AND r.rate > 1", "conditions other than key equalities"},
      };
      for (String[] c : cases) {
        assertThatThrownBy(() -> db.execute("CREATE STREAM s AS " + c[0])).as(c[0])
            .isInstanceOf(LaminarDBException.class).hasMessageContaining(c[1])
            .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("0A000"));
      }
    }
  }
}
