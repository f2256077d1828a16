package org.laminardb.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Conversions between the engine's value classes (Boolean, Integer, Long, Double, Float,
 * BigDecimal, String, LocalDateTime, LocalDate) and what JDBC getters return. Numbers convert
 * among each other (fractions truncate toward zero, values out of range fail with 22003), text
 * is parsed (22018 when it cannot be), and TIMESTAMP and DATE convert into each other.
 */
final class JdbcValues {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private JdbcValues() {}

  /**
   * Value as text; TIMESTAMP as {@code yyyy-MM-dd HH:mm:ss[.ffffff]}, DECIMAL without exponent.
   *
   * @param v the value
   * @return the text, or null for NULL
   */
  static String toText(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDateTime) {
      return formatTimestamp((LocalDateTime) v);
    }
    if (v instanceof BigDecimal) {
      return ((BigDecimal) v).toPlainString();
    }
    return v.toString();
  }

  /**
   * Value as a boolean: numbers are true unless zero; text true/false, t/f, yes/no, on/off, 1/0.
   *
   * @param v the value
   * @return the boolean, false for NULL
   * @throws SQLException 22018 if the value is not a boolean
   */
  static boolean toBoolean(Object v) throws SQLException {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof Number) {
      return toBigDecimal(v).signum() != 0;
    }
    if (v instanceof String) {
      switch (((String) v).trim().toLowerCase(Locale.ROOT)) {
        case "true", "t", "yes", "y", "on", "1":
          return true;
        case "false", "f", "no", "n", "off", "0":
          return false;
        default:
          break;
      }
    }
    throw badCast(v, "BOOLEAN");
  }

  /**
   * Value as a whole number within bounds; fractions truncate toward zero.
   *
   * @param v the value
   * @param min smallest accepted value
   * @param max largest accepted value
   * @param target SQL name of the target type, for messages
   * @return the number, 0 for NULL
   * @throws SQLException 22018 if not a number, 22003 if out of range
   */
  static long toLong(Object v, long min, long max, String target) throws SQLException {
    if (v == null) {
      return 0;
    }
    long result;
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      result = ((Number) v).longValue();
    } else if (v instanceof Boolean) {
      result = (Boolean) v ? 1 : 0;
    } else if (v instanceof String && isPlainInteger((String) v)) {
      try {
        result = Long.parseLong(((String) v).trim());
      } catch (NumberFormatException e) {
        throw outOfRange(v, target);
      }
    } else {
      BigDecimal d = toBigDecimal(v).setScale(0, RoundingMode.DOWN);
      if (d.compareTo(LONG_MIN) < 0 || d.compareTo(LONG_MAX) > 0) {
        throw outOfRange(v, target);
      }
      result = d.longValue();
    }
    if (result < min || result > max) {
      throw outOfRange(v, target);
    }
    return result;
  }

  /**
   * Value as a double.
   *
   * @param v the value
   * @return the number, 0 for NULL
   * @throws SQLException 22018 if not a number
   */
  static double toDouble(Object v) throws SQLException {
    if (v == null) {
      return 0;
    }
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    }
    if (v instanceof String) {
      try {
        return Double.parseDouble(((String) v).trim());
      } catch (NumberFormatException e) {
        throw badCast(v, "DOUBLE");
      }
    }
    throw badCast(v, "DOUBLE");
  }

  /**
   * Value as a float.
   *
   * @param v the value
   * @return the number, 0 for NULL
   * @throws SQLException 22018 if not a number, 22003 if beyond the range of REAL
   */
  static float toFloat(Object v) throws SQLException {
    if (v instanceof Float) {
      return (Float) v;
    }
    double d = toDouble(v);
    if (Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) {
      throw outOfRange(v, "REAL");
    }
    return (float) d;
  }

  /**
   * Value as a BigDecimal; a float converts through its shortest decimal form.
   *
   * @param v the value
   * @return the number, or null for NULL
   * @throws SQLException 22018 if not a number, 22003 for NaN or infinity
   */
  static BigDecimal toBigDecimal(Object v) throws SQLException {
    if (v == null || v instanceof BigDecimal) {
      return (BigDecimal) v;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        throw outOfRange(v, "DECIMAL");
      }
      return v instanceof Float ? new BigDecimal(v.toString()) : BigDecimal.valueOf(d);
    }
    if (v instanceof BigInteger) {
      return new BigDecimal((BigInteger) v);
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (v instanceof String) {
      try {
        return new BigDecimal(((String) v).trim());
      } catch (NumberFormatException e) {
        throw badCast(v, "DECIMAL");
      }
    }
    throw badCast(v, "DECIMAL");
  }

  /**
   * Value as a TIMESTAMP wall clock. {@link Timestamp} and {@link java.util.Date} are read in
   * the JVM's time zone (as JDBC does); {@link Instant} and offset date-times as UTC, the
   * engine's clock; a DATE becomes its midnight; text is ISO or {@code yyyy-MM-dd HH:mm:ss}.
   *
   * @param v the value
   * @return the timestamp, or null for NULL
   * @throws SQLException 22018 if not a timestamp
   */
  static LocalDateTime toLocalDateTime(Object v) throws SQLException {
    if (v == null || v instanceof LocalDateTime) {
      return (LocalDateTime) v;
    }
    if (v instanceof LocalDate) {
      return ((LocalDate) v).atStartOfDay();
    }
    if (v instanceof Timestamp) {
      return ((Timestamp) v).toLocalDateTime();
    }
    if (v instanceof java.sql.Date) {
      return ((java.sql.Date) v).toLocalDate().atStartOfDay();
    }
    if (v instanceof java.util.Date) {
      return new Timestamp(((java.util.Date) v).getTime()).toLocalDateTime();
    }
    if (v instanceof Instant) {
      return LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC);
    }
    if (v instanceof OffsetDateTime) {
      return ((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
    if (v instanceof ZonedDateTime) {
      return LocalDateTime.ofInstant(((ZonedDateTime) v).toInstant(), ZoneOffset.UTC);
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
      try {
        if (s.length() == 10) {
          return LocalDate.parse(s).atStartOfDay();
        }
        if (s.length() > 10 && s.charAt(10) == ' ') {
          s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        return LocalDateTime.parse(s);
      } catch (DateTimeParseException e) {
        throw badCast(v, "TIMESTAMP");
      }
    }
    throw badCast(v, "TIMESTAMP");
  }

  /**
   * Value as a DATE; a TIMESTAMP keeps its date part.
   *
   * @param v the value
   * @return the date, or null for NULL
   * @throws SQLException 22018 if not a date
   */
  static LocalDate toLocalDate(Object v) throws SQLException {
    if (v == null || v instanceof LocalDate) {
      return (LocalDate) v;
    }
    if (v instanceof java.sql.Date) {
      return ((java.sql.Date) v).toLocalDate();
    }
    try {
      return toLocalDateTime(v).toLocalDate();
    } catch (SQLException e) {
      throw badCast(v, "DATE");
    }
  }

  /**
   * Value as {@link java.sql.ResultSet#getObject(int)} returns it: TIMESTAMP as {@link
   * Timestamp}, DATE as {@link java.sql.Date}, the rest unchanged.
   *
   * @param v the engine value
   * @return the JDBC value
   */
  static Object toJdbcObject(Object v) {
    if (v instanceof LocalDateTime) {
      return Timestamp.valueOf((LocalDateTime) v);
    }
    if (v instanceof LocalDate) {
      return java.sql.Date.valueOf((LocalDate) v);
    }
    return v;
  }

  /**
   * Text of a timestamp: {@code yyyy-MM-dd HH:mm:ss}, then the fraction without trailing zeros.
   *
   * @param t the timestamp
   * @return the text
   */
  static String formatTimestamp(LocalDateTime t) {
    StringBuilder sb = new StringBuilder(26);
    sb.append(t.toLocalDate()).append(' ');
    pad2(sb, t.getHour()).append(':');
    pad2(sb, t.getMinute()).append(':');
    pad2(sb, t.getSecond());
    int nanos = t.getNano();
    if (nanos > 0) {
      String f = Integer.toString(1_000_000_000 + nanos).substring(1);
      int end = f.length();
      while (f.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(f, 0, end);
    }
    return sb.toString();
  }

  private static StringBuilder pad2(StringBuilder sb, int n) {
    return sb.append(n < 10 ? "0" : "").append(n);
  }

  private static boolean isPlainInteger(String s) {
    String t = s.trim();
    if (t.isEmpty()) {
      return false;
    }
    int start = t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0;
    if (start == t.length()) {
      return false;
    }
    for (int i = start; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Exception for a value that cannot be read as a type.
   *
   * @param v the value
   * @param target SQL name of the type
   * @return the exception
   */
  static SQLException badCast(Object v, String target) {
    return JdbcErrors.of(JdbcErrors.BAD_CAST,
        "cannot convert " + describe(v) + " to " + target);
  }

  private static SQLException outOfRange(Object v, String target) {
    return JdbcErrors.of(JdbcErrors.OUT_OF_RANGE,
        describe(v) + " is out of the range of " + target);
  }

  private static String describe(Object v) {
    String text = v instanceof String ? "'" + v + "'" : String.valueOf(v);
    return v.getClass().getSimpleName() + " value " + text;
  }
}
