package org.laminardb.bench;

import java.util.Locale;
import org.laminardb.IdleStrategyKind;

/**
 * Command-line options of {@link LatencyHarness}.
 *
 * @param rate rows per second the writer sends
 * @param warmupSeconds seconds sent before measuring
 * @param durationSeconds seconds measured
 * @param idle idle strategy of the reactor
 * @param bulk true for the bulk appender with a flush per row, false for {@code insert}
 * @param query the query measured
 * @param keys distinct keys of the windowed query
 * @param maxLagSeconds the writer stops when it is this far behind its schedule
 */
record LatencyOptions(int rate, long warmupSeconds, long durationSeconds, IdleStrategyKind idle,
    boolean bulk, Query query, int keys, long maxLagSeconds) {
  /** Usage text. */
  static final String USAGE = "usage: LatencyHarness [--rate EVENTS_PER_SECOND (100000)]"
      + " [--warmup SECONDS (10)] [--duration SECONDS (30)]"
      + " [--idle BUSY_SPIN|YIELD|BACKOFF (BACKOFF)] [--mode bulk|insert (bulk)]"
      + " [--query filter|window (filter)] [--keys N (1000, window only)]"
      + " [--max-lag SECONDS (5)]";

  /** The query whose latency is measured. */
  enum Query {
    /** A stateless filter and projection. */
    FILTER,
    /** A tumbling window of 1 s with COUNT and SUM per key (row updates and firing). */
    WINDOW
  }

  /**
   * Parses {@code --name value} pairs.
   *
   * @param args the arguments
   * @return the options
   * @throws IllegalArgumentException on an unknown option or a bad value
   */
  static LatencyOptions parse(String[] args) {
    int rate = 100_000;
    long warmup = 10;
    long duration = 30;
    IdleStrategyKind idle = IdleStrategyKind.BACKOFF;
    boolean bulk = true;
    Query query = Query.FILTER;
    int keys = 1000;
    long maxLag = 5;
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + name);
      }
      String value = args[i + 1];
      switch (name) {
        case "--rate":
          rate = positive(name, value);
          break;
        case "--warmup":
          warmup = positive(name, value);
          break;
        case "--duration":
          duration = positive(name, value);
          break;
        case "--idle":
          idle = IdleStrategyKind.valueOf(value.toUpperCase(Locale.ROOT));
          break;
        case "--mode":
          if (!value.equals("bulk") && !value.equals("insert")) {
            throw new IllegalArgumentException("--mode must be bulk or insert: " + value);
          }
          bulk = value.equals("bulk");
          break;
        case "--query":
          if (!value.equals("filter") && !value.equals("window")) {
            throw new IllegalArgumentException("--query must be filter or window: " + value);
          }
          query = Query.valueOf(value.toUpperCase(Locale.ROOT));
          break;
        case "--keys":
          keys = positive(name, value);
          break;
        case "--max-lag":
          maxLag = positive(name, value);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + name);
      }
    }
    if (rate > 1_000_000_000) {
      throw new IllegalArgumentException("--rate must be at most 1e9: " + rate);
    }
    if (query == Query.WINDOW && rate % keys != 0) {
      throw new IllegalArgumentException("--keys must divide --rate (every key the same number "
          + "of times in every window): keys=" + keys + " rate=" + rate);
    }
    return new LatencyOptions(rate, warmup, duration, idle, bulk, query, keys, maxLag);
  }

  private static int positive(String name, String value) {
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a number: " + value, e);
    }
    if (n <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return n;
  }
}
