package org.laminardb.cli;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.laminardb.core.type.DataType;

/** Text form of result values as the shell prints them. */
public final class ValueFormatter {
  /** Text shown for SQL NULL. */
  public static final String NULL = "NULL";

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern(
      "yyyy-MM-dd HH:mm:ss");
  private static final double PLAIN_MIN = 1e-4;
  private static final double PLAIN_MAX = 1e15;

  private ValueFormatter() {}

  /**
   * Text of a value: {@code NULL}, numbers without exponent where reasonable, timestamps as
   * {@code 2024-01-01 12:00:00.25}, control characters escaped.
   *
   * @param value the value, or null
   * @return the text
   */
  public static String format(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof Double) {
      return formatDouble((Double) value, Double.toString((Double) value));
    }
    if (value instanceof Float) {
      return formatDouble((Float) value, Float.toString((Float) value));
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof LocalDateTime) {
      return formatTimestamp((LocalDateTime) value);
    }
    if (value instanceof String) {
      return escape((String) value);
    }
    return value.toString();
  }

  /**
   * Whether values of a type are right-aligned (numbers).
   *
   * @param type the column type
   * @return true for numeric types
   */
  public static boolean isNumeric(DataType type) {
    switch (type.kind()) {
      case INT:
      case BIGINT:
      case DOUBLE:
      case REAL:
      case DECIMAL:
        return true;
      default:
        return false;
    }
  }

  private static String formatDouble(double d, String shortest) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    double abs = Math.abs(d);
    if (abs == 0 || (abs >= PLAIN_MIN && abs < PLAIN_MAX)) {
      return new BigDecimal(shortest).toPlainString();
    }
    return shortest;
  }

  private static String formatTimestamp(LocalDateTime t) {
    String text = t.format(SECONDS);
    int nanos = t.getNano();
    if (nanos == 0) {
      return text;
    }
    String fraction = String.format("%09d", nanos);
    int end = fraction.length();
    while (fraction.charAt(end - 1) == '0') {
      end--;
    }
    return text + "." + fraction.substring(0, end);
  }

  private static String escape(String s) {
    if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0) {
      return s;
    }
    return s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }
}
