package org.laminardb.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * The engine's own options of {@code CREATE LOOKUP TABLE ... FROM connector (options)}, taken out
 * of the connector's options.
 *
 * <table>
 * <caption>Cache and fetcher options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code cache_ttl}</td><td>{@code 60s}</td><td>how long a fetched row (or the absence
 *     of one) is used before it is fetched again; {@code 0s} fetches every row</td></tr>
 * <tr><td>{@code cache_max_rows}</td><td>{@code 10000}</td><td>entries cached per lookup join,
 *     oldest-loaded evicted first</td></tr>
 * <tr><td>{@code max_pending_rows}</td><td>{@code 100000}</td><td>stream rows that may wait
 *     behind misses in one lookup join; beyond, the query fails with 08006</td></tr>
 * <tr><td>{@code fetch_threads}</td><td>{@code 2}</td><td>ring-1 threads fetching misses</td></tr>
 * <tr><td>{@code retry_backoff_min}, {@code retry_backoff_max}</td><td>{@code 100ms},
 *     {@code 5s}</td><td>back-off between attempts after a failed fetch, doubling</td></tr>
 * </table>
 *
 * @param ttlMillis cache TTL
 * @param maxRows cache size
 * @param maxPending most waiting rows
 * @param threads fetcher threads
 * @param retryMinMillis first back-off
 * @param retryMaxMillis longest back-off
 * @param connectorOptions the remaining options, for the connector
 */
record LookupTableOptions(long ttlMillis, long maxRows, long maxPending, int threads,
    long retryMinMillis, long retryMaxMillis, Map<String, String> connectorOptions) {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|h)");

  static LookupTableOptions parse(Map<String, String> options) {
    Map<String, String> rest = new LinkedHashMap<>(options);
    long ttl = millis(rest.remove("cache_ttl"), "cache_ttl", 60_000);
    long maxRows = count(rest.remove("cache_max_rows"), "cache_max_rows", 10_000);
    long maxPending = count(rest.remove("max_pending_rows"), "max_pending_rows", 100_000);
    long threads = count(rest.remove("fetch_threads"), "fetch_threads", 2);
    if (threads > 64) {
      throw invalid("fetch_threads", Long.toString(threads), "a count from 1 to 64");
    }
    long retryMin = millis(rest.remove("retry_backoff_min"), "retry_backoff_min", 100);
    long retryMax = millis(rest.remove("retry_backoff_max"), "retry_backoff_max", 5_000);
    return new LookupTableOptions(ttl, maxRows, maxPending, (int) threads, Math.max(1, retryMin),
        Math.max(retryMin, retryMax), java.util.Collections.unmodifiableMap(rest));
  }

  private static long millis(String v, String key, long dflt) {
    if (v == null) {
      return dflt;
    }
    Matcher m = DURATION.matcher(v.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw invalid(key, v, "a duration like '500ms', '30s', '5min' or '1h'");
    }
    long n = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "ms":
        return n;
      case "s":
        return n * 1_000;
      case "min":
        return n * 60_000;
      default:
        return n * 3_600_000;
    }
  }

  private static long count(String v, String key, long dflt) {
    if (v == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, v, "a whole number >= 1");
  }

  private static LaminarDBException invalid(String key, String value, String expected) {
    return new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid value '" + value
        + "' for lookup table option '" + key + "': expected " + expected);
  }
}
