package org.laminardb.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Parsing of option values (of connectors such as DATAGEN and NEXMARK, and of query options),
 * failing with {@code 22023} errors that name the option and what it belongs to. Internal to
 * LaminarDB, not an API.
 */
public final class OptionValues {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zµ]+)");
  private static final Map<String, Long> UNITS = Map.ofEntries(
      Map.entry("us", 1L), Map.entry("µs", 1L),
      Map.entry("microsecond", 1L), Map.entry("microseconds", 1L),
      Map.entry("ms", 1_000L), Map.entry("millisecond", 1_000L),
      Map.entry("milliseconds", 1_000L),
      Map.entry("s", 1_000_000L), Map.entry("sec", 1_000_000L),
      Map.entry("second", 1_000_000L), Map.entry("seconds", 1_000_000L),
      Map.entry("m", 60_000_000L), Map.entry("min", 60_000_000L),
      Map.entry("minute", 60_000_000L), Map.entry("minutes", 60_000_000L),
      Map.entry("h", 3_600_000_000L), Map.entry("hour", 3_600_000_000L),
      Map.entry("hours", 3_600_000_000L),
      Map.entry("d", 86_400_000_000L), Map.entry("day", 86_400_000_000L),
      Map.entry("days", 86_400_000_000L));

  private final String owner;

  /**
   * Creates the parser of one kind of option.
   *
   * @param owner what the options belong to, for messages: {@code DATAGEN option}, {@code query
   *     option}
   */
  public OptionValues(String owner) {
    this.owner = owner;
  }

  /**
   * Error for a value that cannot be used.
   *
   * @param option the option key
   * @param value the value given
   * @param expected what is accepted
   * @return the error to throw
   */
  public LaminarDBException invalid(String option, String value, String expected) {
    return new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE,
        "invalid value '" + value + "' for " + owner + " '" + option + "': expected " + expected);
  }

  /**
   * Parses a whole number in a range.
   *
   * @param option the option key
   * @param text the value
   * @param min smallest accepted
   * @param max largest accepted
   * @return the number
   */
  public long parseLong(String option, String text, long min, long max) {
    long v;
    try {
      v = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw invalid(option, text, "a whole number from " + min + " to " + max);
    }
    if (v < min || v > max) {
      throw invalid(option, text, "a whole number from " + min + " to " + max);
    }
    return v;
  }

  /**
   * Parses a finite number.
   *
   * @param option the option key
   * @param text the value
   * @return the number
   */
  public double parseDouble(String option, String text) {
    try {
      double v = Double.parseDouble(text.trim());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(option, text, "a finite number");
  }

  /**
   * Parses a number for a DECIMAL column into its unscaled form.
   *
   * @param option the option key
   * @param text the value
   * @param type the DECIMAL type
   * @return the unscaled value
   */
  public long parseDecimal(String option, String text, DataType type) {
    String expected = "a number that fits " + type.sqlName();
    try {
      BigDecimal v = new BigDecimal(text.trim()).setScale(type.scale(), RoundingMode.UNNECESSARY);
      if (v.precision() - v.scale() <= type.precision() - type.scale()) {
        return v.unscaledValue().longValueExact();
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    throw invalid(option, text, expected);
  }

  /**
   * Parses a timestamp literal such as {@code 2024-01-01 00:00:00} or {@code
   * 2024-01-01T00:00:00[Z]} (or a date), in UTC.
   *
   * @param option the option key
   * @param text the value
   * @return epoch microseconds (UTC wall clock)
   */
  public long parseTimestamp(String option, String text) {
    String t = text.trim();
    if (t.endsWith("Z")) {
      t = t.substring(0, t.length() - 1); // UTC, as every timestamp here
    }
    try {
      LocalDateTime ts = t.length() == 10
          ? LocalDate.parse(t).atStartOfDay()
          : LocalDateTime.parse(t.replace(' ', 'T'));
      return Math.addExact(Math.multiplyExact(ts.toEpochSecond(ZoneOffset.UTC), 1_000_000L),
          ts.getNano() / 1_000L);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw invalid(option, text, "a timestamp such as '2024-01-01 00:00:00' (UTC)");
    }
  }

  /**
   * Parses a date literal such as {@code 2024-01-01}.
   *
   * @param option the option key
   * @param text the value
   * @return epoch days
   */
  public long parseDate(String option, String text) {
    try {
      return LocalDate.parse(text.trim()).toEpochDay();
    } catch (DateTimeParseException e) {
      throw invalid(option, text, "a date such as '2024-01-01'");
    }
  }

  /**
   * Parses {@code true} or {@code false}.
   *
   * @param option the option key
   * @param text the value
   * @return 1 for true, 0 for false
   */
  public long parseBoolean(String option, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("true")) {
      return 1;
    }
    if (t.equals("false")) {
      return 0;
    }
    throw invalid(option, text, "true or false");
  }

  /**
   * Parses a duration such as {@code 500 ms}, {@code 1 s} or {@code 1.5 minutes}.
   *
   * @param option the option key
   * @param text the value
   * @return microseconds
   */
  public long parseDuration(String option, String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    Long unit = m.matches() ? UNITS.get(m.group(2)) : null;
    if (unit == null) {
      throw invalid(option, text, "a duration such as '10 ms', '1 s' or '2 min' "
          + "(units: us, ms, s, min, h, d)");
    }
    try {
      return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit))
          .setScale(0, RoundingMode.HALF_UP).longValueExact();
    } catch (ArithmeticException e) {
      throw invalid(option, text, "a duration shorter than 292 000 years");
    }
  }

  /**
   * Parses a value of a long-backed type into its physical form.
   *
   * @param option the option key
   * @param text the value
   * @param type BOOLEAN, INT, BIGINT, DECIMAL, TIMESTAMP or DATE
   * @return the physical value
   */
  public long parsePhysicalLong(String option, String text, DataType type) {
    switch (type.kind()) {
      case BOOLEAN:
        return parseBoolean(option, text);
      case INT:
        return parseLong(option, text, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case DECIMAL:
        return parseDecimal(option, text, type);
      case TIMESTAMP:
        return parseTimestamp(option, text);
      case DATE:
        return parseDate(option, text);
      default:
        return parseLong(option, text, Long.MIN_VALUE, Long.MAX_VALUE);
    }
  }

  /**
   * Parses a value of a DOUBLE or REAL column.
   *
   * @param option the option key
   * @param text the value
   * @param type DOUBLE or REAL
   * @return the value, rounded to a float for REAL
   */
  public double parsePhysicalDouble(String option, String text, DataType type) {
    double v = parseDouble(option, text);
    if (type.kind() == TypeKind.REAL) {
      float f = (float) v;
      if (Float.isInfinite(f)) {
        throw invalid(option, text, "a number that fits REAL");
      }
      return f;
    }
    return v;
  }
}
