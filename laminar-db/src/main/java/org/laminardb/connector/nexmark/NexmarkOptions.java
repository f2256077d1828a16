package org.laminardb.connector.nexmark;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.internal.OptionValues;

/**
 * Validated options of a NEXMARK source; see the package documentation for their meaning. Values
 * that are not accepted fail with {@code 22023} naming the option and what it accepts.
 */
final class NexmarkOptions {
  static final String TABLE = "table";
  static final String SEED = "seed";
  static final String EVENTS_TOTAL = "events.total";
  static final String EVENTS_PER_SECOND = "events.per.second";
  static final String RATE_LIMIT = "rate.limit";
  static final String BASE_TIME = "base.time";
  static final String START_DELAY = "start.delay";
  static final String PERSON_PROPORTION = "person.proportion";
  static final String AUCTION_PROPORTION = "auction.proportion";
  static final String BID_PROPORTION = "bid.proportion";
  static final String HOT_AUCTION_RATIO = "hot.auction.ratio";
  static final String HOT_SELLER_RATIO = "hot.seller.ratio";
  static final String HOT_BIDDER_RATIO = "hot.bidder.ratio";
  static final String ACTIVE_PEOPLE = "active.people";
  static final String IN_FLIGHT_AUCTIONS = "in.flight.auctions";
  static final String AVG_PERSON_SIZE = "avg.person.size";
  static final String AVG_AUCTION_SIZE = "avg.auction.size";
  static final String AVG_BID_SIZE = "avg.bid.size";
  static final List<String> ACCEPTED = List.of(TABLE, SEED, EVENTS_TOTAL, EVENTS_PER_SECOND,
      RATE_LIMIT, BASE_TIME, START_DELAY, PERSON_PROPORTION, AUCTION_PROPORTION, BID_PROPORTION,
      HOT_AUCTION_RATIO, HOT_SELLER_RATIO, HOT_BIDDER_RATIO, ACTIVE_PEOPLE, IN_FLIGHT_AUCTIONS,
      AVG_PERSON_SIZE, AVG_AUCTION_SIZE, AVG_BID_SIZE);

  /** Default first event time: 2026-01-01T00:00:00 UTC, in epoch microseconds. */
  static final long DEFAULT_BASE_TIME = LocalDateTime.of(2026, 1, 1, 0, 0)
      .toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
  private static final long MAX_EVENTS_PER_SECOND = 1_000_000_000L;
  private static final OptionValues VALUES = new OptionValues("NEXMARK option");
  private static final long MAX_START_DELAY_MICROS = 3_600_000_000L;
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min)?");

  NexmarkTable table;
  long seed;
  /** Events of the whole stream; -1 for unbounded. */
  long eventsTotal = -1;
  long eventsPerSecond = 10_000;
  boolean rateLimit;
  long baseTime = DEFAULT_BASE_TIME;
  long startDelayMicros;
  int personProportion = 1;
  int auctionProportion = 3;
  int bidProportion = 46;
  int hotAuctionRatio = 2;
  int hotSellerRatio = 4;
  int hotBidderRatio = 4;
  int activePeople = 1000;
  int inFlightAuctions = 100;
  int avgPersonSize = 200;
  int avgAuctionSize = 500;
  int avgBidSize = 100;

  NexmarkOptions() {
    // defaults: the standard configuration
  }

  /**
   * Validates the options of a source.
   *
   * @param source the source name, for messages
   * @param options the options, keys in lower case
   * @return the parsed options
   * @throws LaminarDBException {@code 22023} for an unknown option, a bad value or a missing
   *     {@code table}
   */
  static NexmarkOptions parse(String source, Map<String, String> options) {
    NexmarkOptions o = new NexmarkOptions();
    for (Map.Entry<String, String> e : options.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      String v = e.getValue();
      switch (key) {
        case TABLE:
          o.table = NexmarkTable.parse(v);
          if (o.table == null) {
            throw invalid(key, v, "one of " + NexmarkTable.NAMES);
          }
          break;
        case SEED:
          o.seed = parseLong(key, v, Long.MIN_VALUE, Long.MAX_VALUE);
          break;
        case EVENTS_TOTAL:
          o.eventsTotal = parseLong(key, v, 0, Long.MAX_VALUE);
          break;
        case EVENTS_PER_SECOND:
          o.eventsPerSecond = parseLong(key, v, 1, MAX_EVENTS_PER_SECOND);
          break;
        case RATE_LIMIT:
          o.rateLimit = VALUES.parseBoolean(key, v) == 1;
          break;
        case BASE_TIME:
          o.baseTime = VALUES.parseTimestamp(key, v);
          break;
        case START_DELAY:
          o.startDelayMicros = parseDuration(key, v);
          break;
        case PERSON_PROPORTION:
          o.personProportion = parseInt(key, v, 1, 1000);
          break;
        case AUCTION_PROPORTION:
          o.auctionProportion = parseInt(key, v, 1, 1000);
          break;
        case BID_PROPORTION:
          o.bidProportion = parseInt(key, v, 1, 1000);
          break;
        case HOT_AUCTION_RATIO:
          o.hotAuctionRatio = parseInt(key, v, 1, 1_000_000);
          break;
        case HOT_SELLER_RATIO:
          o.hotSellerRatio = parseInt(key, v, 1, 1_000_000);
          break;
        case HOT_BIDDER_RATIO:
          o.hotBidderRatio = parseInt(key, v, 1, 1_000_000);
          break;
        case ACTIVE_PEOPLE:
          o.activePeople = parseInt(key, v, 1, 1_000_000_000);
          break;
        case IN_FLIGHT_AUCTIONS:
          o.inFlightAuctions = parseInt(key, v, 1, 1_000_000_000);
          break;
        case AVG_PERSON_SIZE:
          o.avgPersonSize = parseInt(key, v, 0, 1 << 20);
          break;
        case AVG_AUCTION_SIZE:
          o.avgAuctionSize = parseInt(key, v, 0, 1 << 20);
          break;
        case AVG_BID_SIZE:
          o.avgBidSize = parseInt(key, v, 0, 1 << 20);
          break;
        default:
          throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE,
              "unknown NEXMARK option '" + key + "' for source " + source + "; accepted: "
                  + String.join(", ", ACCEPTED));
      }
    }
    if (o.table == null) {
      throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE,
          "NEXMARK source " + source + " needs the option 'table': one of " + NexmarkTable.NAMES);
    }
    return o;
  }

  /**
   * Events per period of the standard mix (50 by default).
   *
   * @return the sum of the three proportions
   */
  int totalProportion() {
    return personProportion + auctionProportion + bidProportion;
  }

  private static LaminarDBException invalid(String option, String value, String expected) {
    return VALUES.invalid(option, value, expected);
  }

  private static long parseLong(String option, String text, long min, long max) {
    return VALUES.parseLong(option, text, min, max);
  }

  private static int parseInt(String option, String text, int min, int max) {
    return (int) VALUES.parseLong(option, text, min, max);
  }

  private static long parseDuration(String option, String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    String expected = "a duration of at most one hour such as '500 ms', '2 s' or '1 min' "
        + "(a bare number is milliseconds)";
    if (!m.matches()) {
      throw invalid(option, text, expected);
    }
    String unit = m.group(2) == null ? "ms" : m.group(2);
    long scale = unit.equals("ms") ? 1_000L : unit.equals("s") ? 1_000_000L : 60_000_000L;
    long v;
    try {
      v = Math.multiplyExact(Long.parseLong(m.group(1)), scale);
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalid(option, text, expected);
    }
    if (v > MAX_START_DELAY_MICROS) {
      throw invalid(option, text, expected);
    }
    return v;
  }
}
