package org.laminardb.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Conversions to a requested Java class ({@code ResultSet.getObject(int, Class)}), to a requested
 * JDBC type ({@code PreparedStatement.setObject(int, Object, int)}), and of parameter values to
 * the classes the engine takes.
 */
final class TypedValues {
  private static final String TARGET_CLASSES =
      "String, Boolean, Byte, Short, Integer, Long, Float, Double, BigDecimal, BigInteger, "
          + "LocalDateTime, LocalDate, Instant, OffsetDateTime, java.sql.Timestamp, java.sql.Date,"
          + " Object";

  private TypedValues() {}

  /**
   * Value converted to a Java class. TIMESTAMP to {@link Instant} or {@link OffsetDateTime}
   * reads the wall clock as UTC, the engine's clock.
   *
   * @param v the engine value
   * @param type the requested class
   * @param <T> the class
   * @return the converted value, or null for NULL
   * @throws SQLException 22018/22003 if the value does not convert, 0A000 for other classes
   */
  static <T> T convert(Object v, Class<T> type) throws SQLException {
    if (v == null) {
      return null;
    }
    return type.cast(convertNonNull(v, type));
  }

  private static Object convertNonNull(Object v, Class<?> type) throws SQLException {
    if (type == Object.class) {
      return JdbcValues.toJdbcObject(v);
    }
    if (type == String.class) {
      return JdbcValues.toText(v);
    }
    if (type == Boolean.class) {
      return JdbcValues.toBoolean(v);
    }
    if (type == Byte.class) {
      return (byte) JdbcValues.toLong(v, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
    }
    if (type == Short.class) {
      return (short) JdbcValues.toLong(v, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
    }
    if (type == Integer.class) {
      return (int) JdbcValues.toLong(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
    }
    if (type == Long.class) {
      return JdbcValues.toLong(v, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
    }
    if (type == Float.class) {
      return JdbcValues.toFloat(v);
    }
    if (type == Double.class) {
      return JdbcValues.toDouble(v);
    }
    if (type == BigDecimal.class) {
      return JdbcValues.toBigDecimal(v);
    }
    if (type == BigInteger.class) {
      return JdbcValues.toBigDecimal(v).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    }
    return convertTemporal(v, type);
  }

  private static Object convertTemporal(Object v, Class<?> type) throws SQLException {
    if (type == LocalDateTime.class) {
      return JdbcValues.toLocalDateTime(v);
    }
    if (type == LocalDate.class) {
      return JdbcValues.toLocalDate(v);
    }
    if (type == Timestamp.class) {
      return Timestamp.valueOf(JdbcValues.toLocalDateTime(v));
    }
    if (type == java.sql.Date.class) {
      return java.sql.Date.valueOf(JdbcValues.toLocalDate(v));
    }
    if (type == Instant.class) {
      return JdbcValues.toLocalDateTime(v).toInstant(ZoneOffset.UTC);
    }
    if (type == OffsetDateTime.class) {
      return JdbcValues.toLocalDateTime(v).atOffset(ZoneOffset.UTC);
    }
    throw JdbcErrors.unsupported(
        "conversion to " + type.getName() + " (supported: " + TARGET_CLASSES + ")");
  }

  /**
   * Parameter value in the class the engine takes: null, Boolean, Integer, Long, Float, Double,
   * BigDecimal, String, LocalDateTime or LocalDate. Byte and Short widen to Integer, BigInteger
   * becomes BigDecimal, Character becomes String, and date-time classes convert as {@link
   * JdbcValues#toLocalDateTime} describes.
   *
   * @param x the application's value
   * @return the engine value
   * @throws SQLException 0A000 for a class with no SQL type
   */
  static Object toParameter(Object x) throws SQLException {
    if (x == null || x instanceof Boolean || x instanceof Integer || x instanceof Long
        || x instanceof Float || x instanceof Double || x instanceof BigDecimal
        || x instanceof String || x instanceof LocalDateTime || x instanceof LocalDate) {
      return x;
    }
    if (x instanceof Byte || x instanceof Short) {
      return ((Number) x).intValue();
    }
    if (x instanceof BigInteger) {
      return new BigDecimal((BigInteger) x);
    }
    if (x instanceof Character) {
      return x.toString();
    }
    if (x instanceof java.sql.Date) {
      return ((java.sql.Date) x).toLocalDate();
    }
    if (x instanceof java.util.Date || x instanceof Instant || x instanceof OffsetDateTime
        || x instanceof java.time.ZonedDateTime) {
      return JdbcValues.toLocalDateTime(x);
    }
    throw JdbcErrors.unsupported("a parameter of class " + x.getClass().getName()
        + " (accepted: Boolean, Byte, Short, Integer, Long, Float, Double, BigDecimal,"
        + " BigInteger, String, Character, LocalDateTime, LocalDate, Instant, OffsetDateTime,"
        + " ZonedDateTime, java.sql.Timestamp, java.sql.Date, java.util.Date)");
  }

  /**
   * Parameter value converted to a JDBC type, as {@code setObject(int, Object, int, int)} does.
   *
   * @param x the application's value
   * @param sqlType a {@link Types} constant
   * @param scale digits after the point for DECIMAL and NUMERIC, or -1 to keep the value's
   * @return the engine value
   * @throws SQLException if the value does not convert or the type is not supported
   */
  static Object toParameter(Object x, int sqlType, int scale) throws SQLException {
    Object v = toParameter(x);
    if (v == null) {
      return null;
    }
    switch (sqlType) {
      case Types.BOOLEAN:
      case Types.BIT:
        return JdbcValues.toBoolean(v);
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
        return (int) JdbcValues.toLong(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
      case Types.BIGINT:
        return JdbcValues.toLong(v, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
      case Types.REAL:
        return JdbcValues.toFloat(v);
      case Types.FLOAT:
      case Types.DOUBLE:
        return JdbcValues.toDouble(v);
      case Types.DECIMAL:
      case Types.NUMERIC:
        BigDecimal d = JdbcValues.toBigDecimal(v);
        return scale < 0 ? d : d.setScale(scale, RoundingMode.HALF_UP);
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
      case Types.NCHAR:
      case Types.NVARCHAR:
      case Types.LONGNVARCHAR:
        return JdbcValues.toText(v);
      case Types.TIMESTAMP:
        return JdbcValues.toLocalDateTime(v);
      case Types.DATE:
        return JdbcValues.toLocalDate(v);
      case Types.OTHER:
      case Types.JAVA_OBJECT:
        return v;
      default:
        throw JdbcErrors.unsupported("setObject with java.sql.Types code " + sqlType);
    }
  }
}
