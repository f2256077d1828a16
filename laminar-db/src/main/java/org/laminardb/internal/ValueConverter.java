package org.laminardb.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.laminardb.core.type.DataType;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Conversion of Java values given to writers and INSERT into a column's physical form: a {@link
 * Long} (BOOLEAN 0/1, integers, unscaled DECIMAL, TIMESTAMP epoch microseconds, DATE epoch days),
 * a {@link Double} or a {@link String}; and back to the Java classes {@link org.laminardb.Row}
 * documents.
 */
public final class ValueConverter {
  private ValueConverter() {}

  /**
   * Physical value of a Java value for a column.
   *
   * @param value the value, or null
   * @param type the column type
   * @param column the column name, for messages
   * @return Long, Double, String or null
   * @throws LaminarDBException 23502 for NULL in NOT NULL, 22P02 for unreadable text, 22003 out
   *     of range, 42804 for a value of the wrong kind
   */
  public static Object toPhysical(Object value, DataType type, String column) {
    if (value == null) {
      if (!type.nullable()) {
        throw new LaminarDBException(ErrorCode.NOT_NULL_VIOLATION,
            "null value in column \"" + column + "\" violates not-null constraint");
      }
      return null;
    }
    switch (type.kind()) {
      case BOOLEAN:
        return toBoolean(value, column) ? 1L : 0L;
      case INT:
        return toInteger(value, type, column, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT:
        return toInteger(value, type, column, Long.MIN_VALUE, Long.MAX_VALUE);
      case DOUBLE:
      case REAL:
        return toDouble(value, type, column);
      case DECIMAL:
        return toDecimal(value, type, column);
      case VARCHAR:
        if (value instanceof String || value instanceof Character || value instanceof Enum) {
          return value instanceof Enum ? ((Enum<?>) value).name() : value.toString();
        }
        throw mismatch(value, type, column);
      case TIMESTAMP:
        return toTimestampMicros(value, type, column);
      case DATE:
        return toEpochDay(value, type, column);
      default:
        throw mismatch(value, type, column);
    }
  }

  /**
   * Java value of a physical value (the classes {@link org.laminardb.Row} documents).
   *
   * @param physical Long, Double, String or null
   * @param type the column type
   * @return the Java value
   */
  public static Object toJava(Object physical, DataType type) {
    if (physical == null) {
      return null;
    }
    switch (type.kind()) {
      case BOOLEAN:
        return ((Long) physical) != 0;
      case INT:
        return (int) (long) (Long) physical;
      case BIGINT:
        return physical;
      case DOUBLE:
        return physical;
      case REAL:
        return (float) (double) (Double) physical;
      case DECIMAL:
        return BigDecimal.valueOf((Long) physical, type.scale());
      case TIMESTAMP:
        return timestampOf((Long) physical);
      case DATE:
        return LocalDate.ofEpochDay((Long) physical);
      case INTERVAL:
        return java.time.Duration.of((Long) physical, ChronoUnit.MICROS);
      default:
        return physical;
    }
  }

  /**
   * UTC wall-clock time of epoch microseconds.
   *
   * @param micros epoch microseconds
   * @return the local date-time
   */
  public static LocalDateTime timestampOf(long micros) {
    long seconds = Math.floorDiv(micros, 1_000_000L);
    int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
  }

  /**
   * Epoch microseconds of a UTC wall-clock time.
   *
   * @param t the local date-time
   * @return epoch microseconds
   */
  public static long microsOf(LocalDateTime t) {
    return Math.addExact(Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), 1_000_000L),
        t.getNano() / 1000);
  }

  private static boolean toBoolean(Object v, String column) {
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof String) {
      switch (((String) v).trim().toLowerCase(java.util.Locale.ROOT)) {
        case "true": case "t": case "yes": case "y": case "on": case "1":
          return true;
        case "false": case "f": case "no": case "n": case "off": case "0":
          return false;
        default:
          throw badText(v, "BOOLEAN", column);
      }
    }
    throw mismatch(v, DataType.of(org.laminardb.core.type.TypeKind.BOOLEAN), column);
  }

  private static long toInteger(Object v, DataType type, String column, long min, long max) {
    long result;
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      result = ((Number) v).longValue();
    } else if (v instanceof BigDecimal || v instanceof Double || v instanceof Float
        || v instanceof java.math.BigInteger) {
      BigDecimal d = v instanceof BigDecimal ? (BigDecimal) v : new BigDecimal(v.toString());
      result = rangeChecked(d.setScale(0, RoundingMode.HALF_UP), type, column);
    } else if (v instanceof String) {
      try {
        result = rangeChecked(new BigDecimal(((String) v).trim()).setScale(0, RoundingMode.HALF_UP),
            type, column);
      } catch (NumberFormatException e) {
        throw badText(v, type.sqlName(), column);
      }
    } else {
      throw mismatch(v, type, column);
    }
    if (result < min || result > max) {
      throw outOfRange(v, type, column);
    }
    return result;
  }

  private static long rangeChecked(BigDecimal d, DataType type, String column) {
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(d, type, column);
    }
  }

  private static double toDouble(Object v, DataType type, String column) {
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof String) {
      try {
        return Double.parseDouble(((String) v).trim());
      } catch (NumberFormatException e) {
        throw badText(v, type.sqlName(), column);
      }
    }
    throw mismatch(v, type, column);
  }

  private static long toDecimal(Object v, DataType type, String column) {
    BigDecimal d;
    if (v instanceof BigDecimal) {
      d = (BigDecimal) v;
    } else if (v instanceof Number) {
      d = new BigDecimal(v.toString());
    } else if (v instanceof String) {
      try {
        d = new BigDecimal(((String) v).trim());
      } catch (NumberFormatException e) {
        throw badText(v, type.sqlName(), column);
      }
    } else {
      throw mismatch(v, type, column);
    }
    BigDecimal scaled = d.setScale(type.scale(), RoundingMode.HALF_UP);
    if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
      throw outOfRange(v, type, column);
    }
    return scaled.unscaledValue().longValueExact();
  }

  private static long toTimestampMicros(Object v, DataType type, String column) {
    try {
      if (v instanceof LocalDateTime) {
        return microsOf((LocalDateTime) v);
      }
      if (v instanceof java.sql.Timestamp) {
        return microsOf(((java.sql.Timestamp) v).toLocalDateTime());
      }
      if (v instanceof Instant) {
        return microsOf(LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC));
      }
      if (v instanceof OffsetDateTime) {
        return microsOf(((OffsetDateTime) v).atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
      }
      if (v instanceof ZonedDateTime) {
        return microsOf(((ZonedDateTime) v).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
      }
      if (v instanceof LocalDate) {
        return microsOf(((LocalDate) v).atStartOfDay());
      }
      if (v instanceof java.util.Date) {
        return microsOf(LocalDateTime.ofInstant(((java.util.Date) v).toInstant(), ZoneOffset.UTC));
      }
    } catch (ArithmeticException e) {
      throw outOfRange(v, type, column);
    }
    if (v instanceof String) {
      return microsOf(parseTimestamp((String) v, column));
    }
    throw mismatch(v, type, column);
  }

  /**
   * Parses SQL or ISO timestamp text ({@code 2024-01-02 03:04:05.123456} or with a {@code T}).
   *
   * @param text the text
   * @param column the column name, for messages
   * @return the timestamp
   */
  public static LocalDateTime parseTimestamp(String text, String column) {
    String s = text.trim();
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay();
      }
      return LocalDateTime.parse(s.replace(' ', 'T'));
    } catch (DateTimeParseException e) {
      throw badText(text, "TIMESTAMP", column);
    }
  }

  private static long toEpochDay(Object v, DataType type, String column) {
    if (v instanceof LocalDate) {
      return ((LocalDate) v).toEpochDay();
    }
    if (v instanceof java.sql.Date) {
      return ((java.sql.Date) v).toLocalDate().toEpochDay();
    }
    if (v instanceof String) {
      try {
        return LocalDate.parse(((String) v).trim()).toEpochDay();
      } catch (DateTimeParseException e) {
        throw badText(v, "DATE", column);
      }
    }
    throw mismatch(v, type, column);
  }

  private static LaminarDBException badText(Object v, String typeName, String column) {
    return new LaminarDBException(ErrorCode.INVALID_TEXT_REPRESENTATION,
        "invalid input syntax for type " + typeName + ": \"" + v + "\" (column \"" + column
            + "\")");
  }

  private static LaminarDBException outOfRange(Object v, DataType type, String column) {
    return new LaminarDBException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
        "value " + v + " is out of range for type " + type.sqlName() + " (column \"" + column
            + "\")");
  }

  private static LaminarDBException mismatch(Object v, DataType type, String column) {
    return new LaminarDBException(ErrorCode.DATATYPE_MISMATCH,
        "column \"" + column + "\" is of type " + type.sqlName() + " but the value " + v
            + " is a " + v.getClass().getSimpleName());
  }
}
