package org.laminardb.connector.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.laminardb.LaminarDB;
import org.laminardb.QueryResult;
import org.laminardb.Row;
import org.laminardb.error.LaminarDBException;

class NexmarkSqlTest {
  static final String PERSON = "CREATE SOURCE person (id BIGINT, name VARCHAR, "
      + "email_address VARCHAR, credit_card VARCHAR, city VARCHAR, state VARCHAR, "
      + "date_time TIMESTAMP, extra VARCHAR, "
      + "WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND) FROM NEXMARK (%s)";
  static final String AUCTION = "CREATE SOURCE auction (id BIGINT, item_name VARCHAR, "
      + "description VARCHAR, initial_bid BIGINT, reserve BIGINT, date_time TIMESTAMP, "
      + "expires TIMESTAMP, seller BIGINT, category BIGINT, extra VARCHAR, "
      + "WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND) FROM NEXMARK (%s)";
  static final String BID = "CREATE SOURCE bid (auction BIGINT, bidder BIGINT, price BIGINT, "
      + "channel VARCHAR, url VARCHAR, date_time TIMESTAMP, extra VARCHAR, "
      + "WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND) FROM NEXMARK (%s)";
  /** Long enough a start delay for the test to create its views before the first event. */
  private static final String DELAY = "'start.delay' = '2 s'";

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

  private static String options(String table, String common) {
    return "'table' = '" + table + "', " + common;
  }

  private static QueryResult await(LaminarDB db, String query, Predicate<QueryResult> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    QueryResult r = db.query(query);
    while (!done.test(r) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      r = db.query(query);
    }
    assertThat(done.test(r)).as("%s gave %s", query, r.rows()).isTrue();
    return r;
  }

  private static Predicate<QueryResult> firstLongIs(long value) {
    return r -> r.size() == 1 && r.rows().get(0).getLong(0) == value;
  }

  @Test
  void threeSourcesOfTenThousandEventsSplitTwoHundredSixHundredNineThousandTwoHundred()
      throws Exception {
    LaminarDB db = open();
    String common = "'seed' = '11', 'events.total' = '10000', " + DELAY;
    db.execute(String.format(PERSON, options("person", common)));
    db.execute(String.format(AUCTION, options("auction", common)));
    db.execute(String.format(BID, options("bid", common)));
    db.execute("CREATE MATERIALIZED VIEW people AS SELECT COUNT(*) AS n, MIN(id) AS lo, "
        + "MAX(id) AS hi FROM person");
    db.execute("CREATE MATERIALIZED VIEW auctions AS SELECT COUNT(*) AS n, MIN(id) AS lo, "
        + "MAX(id) AS hi, MAX(seller) AS seller FROM auction");
    db.execute("CREATE MATERIALIZED VIEW bids AS SELECT COUNT(*) AS n, MAX(price) AS top, "
        + "MAX(auction) AS auction, MAX(bidder) AS bidder FROM bid");
    // 10 000 events are 200 periods of 50 events: 1 person, 3 auctions and 46 bids each.
    Row people = await(db, "SELECT n, lo, hi FROM people", firstLongIs(200)).rows().get(0);
    Row auctions = await(db, "SELECT n, lo, hi, seller FROM auctions", firstLongIs(600))
        .rows().get(0);
    Row bids = await(db, "SELECT n, top, auction, bidder FROM bids", firstLongIs(9_200))
        .rows().get(0);
    assertThat(people.getLong(1)).isEqualTo(1000);
    assertThat(people.getLong(2)).isEqualTo(1199);
    assertThat(auctions.getLong(1)).isEqualTo(1000);
    assertThat(auctions.getLong(2)).isEqualTo(1599);
    assertThat(auctions.getLong(3)).isLessThanOrEqualTo(1199);
    assertThat(bids.getLong(2)).isBetween(1000L, 1599L);
    assertThat(bids.getLong(3)).isBetween(1000L, 1199L);
    long top = NexmarkEvents.generate(NexmarkEvents.options("bid", "seed", 11,
        "events.total", 10_000), 100_000).stream().mapToLong(e -> e.getLong("price")).max()
        .orElseThrow();
    assertThat(bids.getLong(1)).isEqualTo(top);
    Thread.sleep(200);
    assertThat(db.query("SELECT n FROM bids").rows().get(0).getLong(0)).isEqualTo(9_200);
  }

  @Test
  void bidsAggregateOverTumblingWindowsOfEventTime() throws Exception {
    LaminarDB db = open();
    // 100 000 events at 10 000 per second: ten seconds of event time, 9 200 bids a second.
    db.execute(String.format(BID, options("bid", "'events.total' = '100000', "
        + "'base.time' = '2026-03-01T12:00:00', " + DELAY)));
    db.execute("CREATE MATERIALIZED VIEW per_second AS SELECT window_start, COUNT(*) AS n, "
        + "MAX(price) AS top FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(date_time), "
        + "INTERVAL '1' SECOND)) GROUP BY window_start, window_end EMIT ON WINDOW CLOSE");
    // The last bid is at 12:00:09.9998, so the watermark (4 s behind, 12:00:05.9998) closes the
    // five windows that start from 12:00:00 to 12:00:04.
    QueryResult r = await(db, "SELECT COUNT(*), MIN(n), MAX(n), MIN(window_start), "
        + "MAX(window_start) FROM per_second", firstLongIs(5));
    Row row = r.rows().get(0);
    assertThat(row.getLong(1)).isEqualTo(9_200);
    assertThat(row.getLong(2)).isEqualTo(9_200);
    assertThat(row.get(3).toString()).isEqualTo("2026-03-01T12:00");
    assertThat(row.get(4).toString()).isEqualTo("2026-03-01T12:00:04");
  }

  @Test
  void rateLimitedSourceEmitsInRealTime() throws Exception {
    LaminarDB db = open();
    long begin = System.nanoTime();
    // 500 events at 1 000 per second: the last bid is due half a second after the start.
    db.execute(String.format(BID, options("bid", "'events.total' = '500', "
        + "'events.per.second' = '1000', 'rate.limit' = 'true', 'start.delay' = '1 s'")));
    db.execute("CREATE MATERIALIZED VIEW bids AS SELECT COUNT(*) AS n FROM bid");
    await(db, "SELECT n FROM bids", firstLongIs(460));
    assertThat(System.nanoTime() - begin).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1_490));
  }

  @Test
  void unboundedUnthrottledSourceMovesItsWatermark() throws Exception {
    LaminarDB db = open();
    db.execute(String.format(BID, options("bid", "'seed' = '1'")));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (db.watermark("bid").isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(db.watermark("bid")).isPresent();
    db.execute("DROP SOURCE bid");
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (threadAlive("nexmark-bid") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(threadAlive("nexmark-bid")).isFalse();
  }

  @Test
  void badOptionsFailWith22023() {
    LaminarDB db = open();
    assertFails(db, String.format(BID, "'table' = 'bid', 'events.totl' = '5'"), "22023",
        "events.totl", "events.total", "rate.limit");
    assertFails(db, String.format(BID, "'table' = 'bids'"), "22023", "table",
        "person, auction, bid");
    assertFails(db, String.format(BID, "'seed' = '1'"), "22023", "table");
    assertFails(db, String.format(BID, "'table' = 'bid', 'events.per.second' = 'fast'"),
        "22023", "events.per.second", "whole number");
    assertFails(db, String.format(BID, "'table' = 'bid', 'events.total' = '-1'"), "22023",
        "events.total");
    assertFails(db, String.format(BID, "'table' = 'bid', 'rate.limit' = 'yes'"), "22023",
        "rate.limit", "true or false");
    assertFails(db, String.format(BID, "'table' = 'bid', 'base.time' = 'today'"), "22023",
        "base.time");
  }

  @Test
  void columnsMustBeColumnsOfTheTableWithTheirTypes() {
    LaminarDB db = open();
    assertFails(db, "CREATE SOURCE b (auction BIGINT, amount BIGINT) FROM NEXMARK "
        + "('table' = 'bid')", "42703", "amount", "price BIGINT");
    assertFails(db, "CREATE SOURCE b (auction BIGINT, price DOUBLE) FROM NEXMARK "
        + "('table' = 'bid')", "42804", "price", "BIGINT", "DOUBLE");
    assertFails(db, "CREATE SOURCE p (id BIGINT, date_time BIGINT) FROM NEXMARK "
        + "('table' = 'person')", "42804", "date_time", "TIMESTAMP");
    // A subset in another order is fine.
    db.execute("CREATE SOURCE b (price BIGINT, AUCTION BIGINT) FROM NEXMARK "
        + "('table' = 'bid', 'events.total' = '100')");
  }

  private static void assertFails(LaminarDB db, String sql, String state, String... words) {
    assertThatThrownBy(() -> db.execute(sql))
        .isInstanceOfSatisfying(LaminarDBException.class, e -> {
          assertThat(e.sqlState()).isEqualTo(state);
          for (String w : words) {
            assertThat(e.getMessage()).contains(w);
          }
        });
  }

  private static boolean threadAlive(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }
}
