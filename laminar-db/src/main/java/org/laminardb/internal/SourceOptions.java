package org.laminardb.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laminardb.error.ErrorCode;
import org.laminardb.sql.parser.ddl.SqlCreateSource;
import org.laminardb.sql.plan.SqlErrors;

/** The {@code WITH (...)} options of CREATE SOURCE. */
final class SourceOptions {
  /** After this long without rows the source stops holding back multi-input watermarks. */
  static final String IDLE_TIMEOUT = "watermark.idle_timeout";
  private static final Pattern DURATION =
      Pattern.compile("\\s*(\\d+)\\s*(ms|s|sec|second|seconds|m|min|minute|minutes|h|hour|hours)"
          + "\\s*");

  private SourceOptions() {}

  /**
   * The idle timeout in nanoseconds, 0 for none; rejects unknown options.
   *
   * @param options the WITH options (lower-case keys)
   * @param node the statement, for error positions
   * @return the timeout
   */
  static long idleTimeoutNanos(Map<String, String> options, SqlCreateSource node) {
    long nanos = 0;
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (!e.getKey().equals(IDLE_TIMEOUT)) {
        throw SqlErrors.at(ErrorCode.INVALID_PARAMETER_VALUE, node.name(), "unknown source "
            + "option '" + e.getKey() + "'; supported: '" + IDLE_TIMEOUT + "' = '10s' (ms, s, "
            + "min, h)");
      }
      Matcher m = DURATION.matcher(e.getValue().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw SqlErrors.at(ErrorCode.INVALID_PARAMETER_VALUE, node.name(), "'" + IDLE_TIMEOUT
            + "' must be a duration like '500ms', '10s', '5min' or '1h', not '" + e.getValue()
            + "'");
      }
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2);
      long unitNanos = unit.equals("ms") ? 1_000_000L : unit.startsWith("s") ? 1_000_000_000L
          : unit.startsWith("m") ? 60_000_000_000L : 3_600_000_000_000L;
      nanos = n * unitNanos;
    }
    return nanos;
  }
}
