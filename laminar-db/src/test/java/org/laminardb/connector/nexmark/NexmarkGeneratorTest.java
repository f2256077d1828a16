package org.laminardb.connector.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.connector.nexmark.NexmarkEvents.generate;
import static org.laminardb.connector.nexmark.NexmarkEvents.options;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.laminardb.connector.nexmark.NexmarkEvents.Event;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.testing.TestSchemas;

class NexmarkGeneratorTest {
  private static final int EVENTS = 50_000;

  private static List<Event> all(String table, Object... more) {
    Object[] withTotal = new Object[more.length + 2];
    System.arraycopy(more, 0, withTotal, 0, more.length);
    withTotal[more.length] = "events.total";
    withTotal[more.length + 1] = EVENTS;
    return generate(options(table, withTotal), Integer.MAX_VALUE);
  }

  private static long micros(String timestamp) {
    return LocalDateTime.parse(timestamp).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
  }

  @Test
  void theMixIsExactlyOneThreeFortySixPerFiftyEvents() {
    List<Event> persons = all("person");
    List<Event> auctions = all("auction");
    List<Event> bids = all("bid");
    assertThat(persons).hasSize(1_000);
    assertThat(auctions).hasSize(3_000);
    assertThat(bids).hasSize(46_000);
    assertThat(persons).allSatisfy(e -> assertThat(e.number() % 50).isZero());
    assertThat(auctions).allSatisfy(e -> assertThat(e.number() % 50).isBetween(1L, 3L));
    assertThat(bids).allSatisfy(e -> assertThat(e.number() % 50).isBetween(4L, 49L));
    // Together they are the whole stream, each event once.
    Set<Long> numbers = new HashSet<>();
    for (List<Event> table : List.of(persons, auctions, bids)) {
      table.forEach(e -> numbers.add(e.number()));
    }
    assertThat(numbers).hasSize(EVENTS);
    assertThat(numbers).allSatisfy(n -> assertThat(n).isBetween(0L, EVENTS - 1L));
  }

  @Test
  void idsCountUpFromOneThousand() {
    List<Event> persons = all("person");
    List<Event> auctions = all("auction");
    for (int i = 0; i < persons.size(); i++) {
      assertThat(persons.get(i).getLong("id")).isEqualTo(1000L + i);
    }
    for (int i = 0; i < auctions.size(); i++) {
      assertThat(auctions.get(i).getLong("id")).isEqualTo(1000L + i);
    }
  }

  @Test
  void everyReferenceIsToAnEarlierEvent() {
    List<Event> stream = new ArrayList<>();
    Map<Event, String> kinds = new HashMap<>();
    for (String table : List.of("person", "auction", "bid")) {
      for (Event e : all(table)) {
        stream.add(e);
        kinds.put(e, table);
      }
    }
    stream.sort(Comparator.comparingLong(Event::number));
    Set<Long> people = new HashSet<>();
    Set<Long> auctions = new HashSet<>();
    int hotAuction = 0;
    int hotBidder = 0;
    int hotSeller = 0;
    for (Event e : stream) {
      switch (kinds.get(e)) {
        case "person":
          people.add(e.getLong("id"));
          break;
        case "auction":
          assertThat(people).as("seller of auction at event %d", e.number())
              .contains(e.getLong("seller"));
          hotSeller += (e.getLong("seller") - 1000) % 100 == 0 ? 1 : 0;
          auctions.add(e.getLong("id"));
          break;
        default:
          assertThat(auctions).as("auction of bid at event %d", e.number())
              .contains(e.getLong("auction"));
          assertThat(people).as("bidder of bid at event %d", e.number())
              .contains(e.getLong("bidder"));
          hotAuction += (e.getLong("auction") - 1000) % 100 == 0 ? 1 : 0;
          hotBidder += (e.getLong("bidder") - 1000) % 100 == 1 ? 1 : 0;
          break;
      }
    }
    // Hot ratios 2 (auctions) and 4 (sellers, bidders): 1/2 and 3/4 go to the hot ones.
    assertThat(hotAuction / 46_000.0).isBetween(0.47, 0.55);
    assertThat(hotBidder / 46_000.0).isBetween(0.70, 0.80);
    assertThat(hotSeller / 3_000.0).isBetween(0.70, 0.80);
  }

  @Test
  void eventTimeAdvancesByTheInterEventDelay() {
    long base = micros("2026-01-01T00:00:00");
    for (String table : List.of("person", "auction", "bid")) {
      List<Event> events = all(table);
      long previous = Long.MIN_VALUE;
      for (Event e : events) {
        // 10 000 events per second: 100 us between events.
        assertThat(e.getLong("date_time")).isEqualTo(base + e.number() * 100);
        assertThat(e.getLong("date_time")).isGreaterThanOrEqualTo(previous);
        previous = e.getLong("date_time");
      }
    }
    List<Event> bids = generate(options("bid", "events.per.second", 3,
        "base.time", "2030-05-01T10:00:00", "events.total", 100), 100);
    for (Event e : bids) {
      assertThat(e.getLong("date_time"))
          .isEqualTo(micros("2030-05-01T10:00:00") + e.number() * 1_000_000L / 3);
    }
  }

  @Test
  void auctionsExpireAfterTheStandardHorizon() {
    List<Event> auctions = all("auction");
    long sum = 0;
    for (Event e : auctions) {
      long length = e.getLong("expires") - e.getLong("date_time");
      assertThat(length).isBetween(1L, 2 * 166_600L);
      sum += length;
    }
    // 100 in-flight auctions are generated over 100 * 50 / 3 = 1666 events = 166.6 ms.
    assertThat(sum / auctions.size()).isBetween(150_000L, 183_000L);
  }

  @Test
  void valuesFollowTheModel() {
    Set<String> states = Set.of("AZ", "CA", "ID", "OR", "WA", "WY");
    long personSize = 0;
    for (Event e : all("person")) {
      assertThat(states).contains(e.getString("state"));
      assertThat(e.getString("email_address")).matches("[a-z][a-z ]*[a-z]@[a-z][a-z ]*[a-z]\\.com");
      assertThat(e.getString("credit_card")).matches("\\d{4} \\d{4} \\d{4} \\d{4}");
      assertThat(e.getString("name")).matches("[A-Z][a-z]+ [A-Z][a-z]+");
      personSize += 8 + e.getString("name").length() + e.getString("email_address").length()
          + e.getString("credit_card").length() + e.getString("city").length() + 2
          + e.getString("extra").length();
    }
    assertThat(personSize / 1_000).isBetween(190L, 210L);
    long auctionSize = 0;
    for (Event e : all("auction")) {
      assertThat(e.getLong("category")).isBetween(10L, 14L);
      assertThat(e.getLong("initial_bid")).isBetween(100L, 100_000_000L);
      assertThat(e.getLong("reserve")).isGreaterThan(e.getLong("initial_bid"));
      assertThat(e.getString("item_name").length()).isBetween(3, 19);
      assertThat(e.getString("description").length()).isBetween(3, 99);
      auctionSize += 8 + e.getString("item_name").length() + e.getString("description").length()
          + 40 + e.getString("extra").length();
    }
    assertThat(auctionSize / 3_000).isBetween(480L, 520L);
    long extra = 0;
    Set<String> channels = new HashSet<>();
    for (Event e : all("bid")) {
      assertThat(e.getLong("price")).isBetween(100L, 100_000_000L);
      assertThat(e.getString("url")).startsWith("https://www.nexmark.com/");
      channels.add(e.getString("channel"));
      extra += e.getString("extra").length();
    }
    assertThat(channels).contains("Google", "Facebook", "Baidu", "Apple").hasSizeGreaterThan(5000);
    // Bids average 100 bytes: 32 bytes of numbers, 68 of padding.
    assertThat(extra / 46_000).isBetween(66L, 70L);
  }

  @Test
  void sameSeedGivesTheSameEventsAndAnotherSeedOthers() {
    List<Event> a = generate(options("bid", "seed", 7), 2_000);
    List<Event> b = generate(options("bid", "seed", 7), 2_000);
    List<Event> c = generate(options("bid", "seed", 8), 2_000);
    assertThat(b).isEqualTo(a);
    assertThat(c).isNotEqualTo(a);
    assertThat(c).extracting(e -> e.getLong("price"))
        .isNotEqualTo(a.stream().map(e -> e.getLong("price")).toList());
    // Ids and times do not depend on the seed.
    for (int i = 0; i < a.size(); i++) {
      assertThat(c.get(i).number()).isEqualTo(a.get(i).number());
      assertThat(c.get(i).getLong("date_time")).isEqualTo(a.get(i).getLong("date_time"));
    }
  }

  @Test
  void eventsTotalCountsTheWholeStream() {
    assertThat(generate(options("person", "events.total", 10_000), 100_000)).hasSize(200);
    assertThat(generate(options("auction", "events.total", 10_000), 100_000)).hasSize(600);
    assertThat(generate(options("bid", "events.total", 10_000), 100_000)).hasSize(9_200);
    assertThat(generate(options("person", "events.total", 7), 100)).extracting(Event::number)
        .containsExactly(0L);
    assertThat(generate(options("auction", "events.total", 7), 100)).extracting(Event::number)
        .containsExactly(1L, 2L, 3L);
    assertThat(generate(options("bid", "events.total", 7), 100)).extracting(Event::number)
        .containsExactly(4L, 5L, 6L);
    assertThat(generate(options("bid", "events.total", 0), 100)).isEmpty();
    assertThat(generate(options("person", "events.total", 51), 100)).hasSize(2);
  }

  @Test
  void customProportionsChangeTheMix() {
    List<Event> persons = generate(options("person", "person.proportion", 2,
        "auction.proportion", 2, "bid.proportion", 6, "events.total", 1_000), 10_000);
    List<Event> bids = generate(options("bid", "person.proportion", 2,
        "auction.proportion", 2, "bid.proportion", 6, "events.total", 1_000), 10_000);
    assertThat(persons).hasSize(200);
    assertThat(bids).hasSize(600);
    assertThat(persons).allSatisfy(e -> assertThat(e.number() % 10).isLessThan(2));
  }

  @Test
  void aSubsetOfColumnsInAnyOrderGetsTheSameValues() {
    NexmarkOptions o = NexmarkOptions.parse("s", options("person", "seed", 3));
    Schema subset = TestSchemas.of("extra", TypeKind.VARCHAR, "ID", TypeKind.BIGINT,
        "city", TypeKind.VARCHAR);
    List<Event> some = NexmarkEvents.generate(o, subset, 300);
    List<Event> full = generate(options("person", "seed", 3), 300);
    for (int i = 0; i < full.size(); i++) {
      assertThat(some.get(i).getLong("ID")).isEqualTo(full.get(i).getLong("id"));
      assertThat(some.get(i).getString("city")).isEqualTo(full.get(i).getString("city"));
      assertThat(some.get(i).getString("extra")).isEqualTo(full.get(i).getString("extra"));
    }
  }
}
