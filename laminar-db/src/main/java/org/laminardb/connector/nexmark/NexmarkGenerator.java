package org.laminardb.connector.nexmark;

import org.laminardb.core.chunk.Column;

/**
 * Deterministic generator of the Nexmark event stream, filtered to one table.
 *
 * <p>The stream is a sequence of events numbered from 0. Event {@code n} is a person, an auction
 * or a bid according to {@code n % P} where {@code P} is the sum of the proportions (1 + 3 + 46 =
 * 50 by default): offsets {@code [0, 1)} are persons, {@code [1, 4)} auctions, {@code [4, 50)}
 * bids. Ids follow from the event number alone: the k-th person (from 0) has id {@code 1000 + k},
 * the k-th auction {@code 1000 + k}. Every random value of an event is drawn from a generator
 * seeded with the {@code seed} option and the event number only, so a generator produces the
 * events of its table without producing the others, and generators of different tables with the
 * same options agree on one world. Event time is {@code base.time + n / events.per.second}.
 *
 * <p>Not thread-safe: one generator per source thread. Apart from the Strings of the row, it
 * allocates nothing per event.
 */
final class NexmarkGenerator {
  static final long FIRST_PERSON_ID = 1000;
  static final long FIRST_AUCTION_ID = 1000;
  static final long FIRST_CATEGORY_ID = 10;
  static final int NUM_CATEGORIES = 5;
  /** Hot auctions, sellers and bidders are one in this many of the recent ones. */
  static final int HOT_BATCH = 100;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final int CHANNELS = 10_000;
  private static final int HOT_CHANNEL_RATIO = 2;

  private static final String[] FIRST_NAMES = {"Peter", "Paul", "Luke", "John", "Saul", "Vicky",
      "Kate", "Julie", "Sarah", "Deiter", "Walter"};
  private static final String[] LAST_NAMES = {"Shultz", "Abrams", "Spencer", "White", "Bartels",
      "Walton", "Smith", "Jones", "Noris"};
  private static final String[] NAMES = fullNames();
  private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
  private static final String[] CITIES = {"Phoenix", "Los Angeles", "San Francisco", "Boise",
      "Portland", "Bend", "Redmond", "Seattle", "Kent", "Cheyenne"};
  private static final String[] HOT_CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};
  private static final String[] HOT_URLS = {"https://www.nexmark.com/googl/item.htm?query=1",
      "https://www.nexmark.com/faceb/item.htm?query=1",
      "https://www.nexmark.com/baidu/item.htm?query=1",
      "https://www.nexmark.com/apple/item.htm?query=1"};

  private final NexmarkOptions options;
  private final NexmarkTable table;
  /** Per standard column of the table: the index of the output column, or -1. */
  private final int[] target;
  private final long p;
  private final long a;
  private final long total;
  /** Offsets within a period of {@link #total} events that belong to this table. */
  private final long lo;
  private final long hi;
  private final long limit;
  private final long numEventsForAuctions;
  private long next;
  private long last = -1;
  private long state;
  private char[] buf = new char[256];

  /**
   * Creates the generator of a table.
   *
   * @param options the validated options (the table among them)
   * @param target per standard column of the table (see {@link NexmarkTable#columns()}) the
   *     index of the output column receiving it, or -1 to skip it
   */
  NexmarkGenerator(NexmarkOptions options, int[] target) {
    this.options = options;
    this.table = options.table;
    this.target = target.clone();
    this.p = options.personProportion;
    this.a = options.auctionProportion;
    this.total = options.totalProportion();
    switch (table) {
      case PERSON:
        lo = 0;
        hi = p;
        break;
      case AUCTION:
        lo = p;
        hi = p + a;
        break;
      default:
        lo = p + a;
        hi = total;
        break;
    }
    this.limit = options.eventsTotal < 0 ? Long.MAX_VALUE : options.eventsTotal;
    this.numEventsForAuctions = (long) options.inFlightAuctions * total / a;
    this.next = advance(0);
  }

  /**
   * Whether more events of the table follow within {@code events.total}.
   *
   * @return true while events remain
   */
  boolean hasNext() {
    return next < limit;
  }

  /**
   * Number (in the whole stream) of the next event of the table.
   *
   * @return the event number
   */
  long nextEventNumber() {
    return next;
  }

  /**
   * Number of the event written last, -1 before the first.
   *
   * @return the event number
   */
  long lastEventNumber() {
    return last;
  }

  /**
   * Event time of an event of the stream.
   *
   * @param n the event number
   * @return epoch microseconds: {@code base.time} plus n inter-event delays
   */
  long eventTime(long n) {
    return options.baseTime + offsetMicros(n);
  }

  /**
   * Offset of an event from the first in event time, rounded down.
   *
   * @param n the event number
   * @return microseconds
   */
  long offsetMicros(long n) {
    long eps = options.eventsPerSecond;
    return (n / eps) * 1_000_000L + (n % eps) * 1_000_000L / eps;
  }

  /**
   * Offset of an event from the first in event time, for real-time emission.
   *
   * @param n the event number
   * @return nanoseconds
   */
  long offsetNanos(long n) {
    long eps = options.eventsPerSecond;
    return (n / eps) * 1_000_000_000L + (n % eps) * 1_000_000_000L / eps;
  }

  /**
   * Skips events of the table, so that a restarted source continues after the last one it
   * delivered (events depend only on their number and the seed).
   *
   * @param rows how many of the table's events to skip
   */
  void skip(long rows) {
    for (long i = 0; i < rows && hasNext(); i++) {
      last = next;
      next = advance(next + 1);
    }
  }

  /**
   * Writes the next event of the table into a row of the output columns.
   *
   * @param columns the output columns, laid out as the source's schema
   * @param row the row index to fill
   */
  void writeNext(Column[] columns, int row) {
    long n = next;
    state = mix(options.seed * GOLDEN + mix(n));
    switch (table) {
      case PERSON:
        person(n, columns, row);
        break;
      case AUCTION:
        auction(n, columns, row);
        break;
      default:
        bid(n, columns, row);
        break;
    }
    last = n;
    next = advance(n + 1);
  }

  /** First event number at or after n that belongs to the table. */
  private long advance(long n) {
    long off = n % total;
    long r;
    if (off < lo) {
      r = n + (lo - off);
    } else if (off >= hi) {
      r = n - off + total + lo;
    } else {
      r = n;
    }
    return r < n ? Long.MAX_VALUE : r;
  }

  /**
   * Zero-based id of the last person generated at or before an event.
   *
   * @param n the event number
   * @return the id minus {@link #FIRST_PERSON_ID}
   */
  long lastBase0PersonId(long n) {
    long epoch = n / total;
    long off = n % total;
    if (off >= p) {
      off = p - 1;
    }
    return epoch * p + off;
  }

  /**
   * Zero-based id of the last auction generated at or before an event (-1 before the first).
   *
   * @param n the event number
   * @return the id minus {@link #FIRST_AUCTION_ID}
   */
  long lastBase0AuctionId(long n) {
    long epoch = n / total;
    long off = n % total;
    if (off < p) {
      epoch--;
      off = a - 1;
    } else if (off >= p + a) {
      off = a - 1;
    } else {
      off -= p;
    }
    return epoch * a + off;
  }

  /** A random recent person: one of the last {@code active.people}. */
  private long nextBase0PersonId(long n) {
    long numPeople = lastBase0PersonId(n) + 1;
    long active = Math.min(numPeople, options.activePeople);
    return numPeople - active + nextLong(active);
  }

  /** A random recent auction: one of the last {@code in.flight.auctions} + 1. */
  private long nextBase0AuctionId(long n) {
    long max = lastBase0AuctionId(n);
    long min = Math.max(max - options.inFlightAuctions, 0);
    return min + nextLong(max - min + 1);
  }

  private void person(long n, Column[] columns, int row) {
    long id = lastBase0PersonId(n) + FIRST_PERSON_ID;
    String name = NAMES[nextInt(NAMES.length)];
    int emailEnd = word(0, 7, ' ');
    buf[emailEnd++] = '@';
    emailEnd = word(emailEnd, 5, ' ');
    emailEnd = append(emailEnd, ".com");
    int cardStart = emailEnd;
    int cardEnd = creditCard(cardStart);
    String city = CITIES[nextInt(CITIES.length)];
    String state = STATES[nextInt(STATES.length)];
    int size = 8 + name.length() + emailEnd + (cardEnd - cardStart) + city.length()
        + state.length();
    setLong(columns, 0, row, id);
    setString(columns, 1, row, name);
    if (target[2] >= 0) {
      columns[target[2]].strings[row] = new String(buf, 0, emailEnd);
    }
    if (target[3] >= 0) {
      columns[target[3]].strings[row] = new String(buf, cardStart, cardEnd - cardStart);
    }
    setString(columns, 4, row, city);
    setString(columns, 5, row, state);
    setLong(columns, 6, row, eventTime(n));
    extra(columns, 7, row, size, options.avgPersonSize);
  }

  private void auction(long n, Column[] columns, int row) {
    long id = lastBase0AuctionId(n) + FIRST_AUCTION_ID;
    long seller;
    if (nextInt(options.hotSellerRatio) > 0) {
      seller = (lastBase0PersonId(n) / HOT_BATCH) * HOT_BATCH;
    } else {
      seller = nextBase0PersonId(n);
    }
    seller += FIRST_PERSON_ID;
    long category = FIRST_CATEGORY_ID + nextInt(NUM_CATEGORIES);
    long initialBid = nextPrice();
    long time = eventTime(n);
    long horizon = eventTime(n + numEventsForAuctions) - time;
    long expires = time + 1 + nextLong(Math.max(horizon * 2, 1));
    int nameEnd = word(0, 20, ' ');
    int descEnd = word(nameEnd, 100, ' ');
    long reserve = initialBid + nextPrice();
    int size = 8 + nameEnd + (descEnd - nameEnd) + 8 + 8 + 8 + 8 + 8;
    setLong(columns, 0, row, id);
    if (target[1] >= 0) {
      columns[target[1]].strings[row] = new String(buf, 0, nameEnd);
    }
    if (target[2] >= 0) {
      columns[target[2]].strings[row] = new String(buf, nameEnd, descEnd - nameEnd);
    }
    setLong(columns, 3, row, initialBid);
    setLong(columns, 4, row, reserve);
    setLong(columns, 5, row, time);
    setLong(columns, 6, row, expires);
    setLong(columns, 7, row, seller);
    setLong(columns, 8, row, category);
    extra(columns, 9, row, size, options.avgAuctionSize);
  }

  private void bid(long n, Column[] columns, int row) {
    long auction;
    if (nextInt(options.hotAuctionRatio) > 0) {
      auction = (lastBase0AuctionId(n) / HOT_BATCH) * HOT_BATCH;
    } else {
      auction = nextBase0AuctionId(n);
    }
    auction += FIRST_AUCTION_ID;
    long bidder;
    if (nextInt(options.hotBidderRatio) > 0) {
      // The second person of the batch, so that hot bidders and hot sellers differ; the first
      // while the second does not exist yet.
      long lastPerson = lastBase0PersonId(n);
      bidder = Math.min((lastPerson / HOT_BATCH) * HOT_BATCH + 1, lastPerson);
    } else {
      bidder = nextBase0PersonId(n);
    }
    bidder += FIRST_PERSON_ID;
    long price = nextPrice();
    String channel;
    String url;
    if (nextInt(HOT_CHANNEL_RATIO) > 0) {
      int i = nextInt(HOT_CHANNELS.length);
      channel = HOT_CHANNELS[i];
      url = HOT_URLS[i];
    } else {
      int i = nextInt(CHANNELS);
      channel = Channels.NAMES[i];
      url = Channels.URLS[i];
    }
    setLong(columns, 0, row, auction);
    setLong(columns, 1, row, bidder);
    setLong(columns, 2, row, price);
    setString(columns, 3, row, channel);
    setString(columns, 4, row, url);
    setLong(columns, 5, row, eventTime(n));
    extra(columns, 6, row, 8 + 8 + 8 + 8, options.avgBidSize);
  }

  private void setLong(Column[] columns, int standard, int row, long v) {
    int c = target[standard];
    if (c >= 0) {
      columns[c].longs[row] = v;
    }
  }

  private void setString(Column[] columns, int standard, int row, String v) {
    int c = target[standard];
    if (c >= 0) {
      columns[c].strings[row] = v;
    }
  }

  /**
   * Padding that brings the event to about the average size: a random string of 80% to 120% of
   * what the other fields lack.
   */
  private void extra(Column[] columns, int standard, int row, int size, int average) {
    int length = 0;
    if (size < average) {
      int missing = average - size;
      int delta = (int) Math.round(missing * 0.2);
      length = missing - delta + (delta == 0 ? 0 : nextInt(2 * delta));
    }
    ensure(length);
    long bits = 0;
    int left = 0;
    for (int i = 0; i < length; i++) {
      if (left == 0) {
        bits = nextLong() >>> 1;
        left = 13;
      }
      buf[i] = (char) ('a' + bits % 26);
      bits /= 26;
      left--;
    }
    int c = target[standard];
    if (c >= 0) {
      columns[c].strings[row] = length == 0 ? "" : new String(buf, 0, length);
    }
  }

  /**
   * Writes a random word of 3 to maxLength - 1 lower-case letters, with an occasional special
   * character inside (never first or last), at a position of the buffer.
   *
   * @return the position after it
   */
  private int word(int at, int maxLength, char special) {
    int length = 3 + nextInt(maxLength - 3);
    ensure(at + length + 8);
    for (int i = 0; i < length; i++) {
      long r = nextLong() >>> 1;
      boolean inside = i > 0 && i < length - 1;
      buf[at + i] = inside && r % 13 == 0 ? special : (char) ('a' + (r >>> 8) % 26);
    }
    return at + length;
  }

  private int creditCard(int at) {
    ensure(at + 19);
    int pos = at;
    for (int g = 0; g < 4; g++) {
      if (g > 0) {
        buf[pos++] = ' ';
      }
      int digits = nextInt(10_000);
      buf[pos++] = (char) ('0' + digits / 1000);
      buf[pos++] = (char) ('0' + digits / 100 % 10);
      buf[pos++] = (char) ('0' + digits / 10 % 10);
      buf[pos++] = (char) ('0' + digits % 10);
    }
    return pos;
  }

  private int append(int at, String s) {
    ensure(at + s.length());
    s.getChars(0, s.length(), buf, at);
    return at + s.length();
  }

  private void ensure(int capacity) {
    if (buf.length < capacity) {
      buf = java.util.Arrays.copyOf(buf, Math.max(capacity, buf.length * 2));
    }
  }

  /** A price in cents, log-uniform from 1.00 to 1 000 000.00. */
  private long nextPrice() {
    return Math.round(Math.pow(10.0, nextDouble() * 6.0) * 100.0);
  }

  private long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  private int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  private long nextLong(long bound) {
    return (nextLong() >>> 1) % bound;
  }

  private double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** The SplitMix64 finalizer. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static String[] fullNames() {
    String[] names = new String[FIRST_NAMES.length * LAST_NAMES.length];
    int i = 0;
    for (String first : FIRST_NAMES) {
      for (String last : LAST_NAMES) {
        names[i++] = first + " " + last;
      }
    }
    return names;
  }

  /** The non-hot channels and their URLs, built once on first use. */
  private static final class Channels {
    static final String[] NAMES = new String[CHANNELS];
    static final String[] URLS = new String[CHANNELS];

    static {
      long s = 0x5EEDL;
      for (int i = 0; i < CHANNELS; i++) {
        NAMES[i] = "channel-" + i;
        StringBuilder b = new StringBuilder("https://www.nexmark.com/");
        for (int part = 0; part < 3; part++) {
          s += GOLDEN;
          long r = mix(s) >>> 1;
          int length = 3 + (int) (r % 3);
          r /= 3;
          for (int k = 0; k < length; k++) {
            b.append((char) ('a' + r % 26));
            r /= 26;
          }
          b.append('/');
        }
        b.append("item.htm?query=1");
        s += GOLDEN;
        if ((mix(s) >>> 1) % 10 > 0) {
          b.append("&channel_id=").append(Integer.reverse(i) >>> 1);
        }
        URLS[i] = b.toString();
      }
    }

    private Channels() {}
  }
}
