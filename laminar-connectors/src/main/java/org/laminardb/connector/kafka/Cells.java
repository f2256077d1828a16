package org.laminardb.connector.kafka;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.LaminarDBException;
import org.laminardb.internal.ValueConverter;

/**
 * Writing decoded values into the cells of a chunk being filled, converted to the column's type
 * by the same rules as the Java API ({@link ValueConverter}); a value that does not fit becomes a
 * {@link BadRecordException} naming the column. A number for a TIMESTAMP column is epoch
 * milliseconds (Kafka's convention); text may end in {@code Z} or an offset.
 */
final class Cells {
  private static final java.util.regex.Pattern OFFSET =
      java.util.regex.Pattern.compile(".*(Z|[+-]\\d\\d:\\d\\d)$");

  private Cells() {}

  /**
   * Sets a cell.
   *
   * @param c the column
   * @param name the column name, for messages
   * @param row the row
   * @param value Boolean, Number, String, or null
   * @throws BadRecordException if the value does not fit
   */
  static void set(Column c, String name, int row, Object value) {
    if (value == null) {
      setNull(c, name, row);
      return;
    }
    Object physical;
    try {
      physical = ValueConverter.toPhysical(timestampValue(c, value), c.type, name);
    } catch (LaminarDBException e) {
      throw new BadRecordException(e.getMessage());
    }
    if (physical instanceof Long) {
      c.longs[row] = (Long) physical;
    } else if (physical instanceof Double) {
      c.doubles[row] = (Double) physical;
    } else {
      c.strings[row] = (String) physical;
    }
  }

  /**
   * Sets a cell to NULL.
   *
   * @param c the column
   * @param name the column name, for messages
   * @param row the row
   * @throws BadRecordException if the column is NOT NULL
   */
  static void setNull(Column c, String name, int row) {
    if (!c.type.nullable()) {
      throw new BadRecordException("null value in column \"" + name
          + "\" violates not-null constraint");
    }
    c.setNull(row);
  }

  private static Object timestampValue(Column c, Object value) {
    if (c.type.kind() != TypeKind.TIMESTAMP) {
      return value;
    }
    if (value instanceof Long || value instanceof Integer) {
      return java.time.Instant.ofEpochMilli(((Number) value).longValue());
    }
    if (value instanceof String) {
      String s = ((String) value).trim();
      if (OFFSET.matcher(s).matches()) {
        try {
          return OffsetDateTime.parse(s.replace(' ', 'T')).withOffsetSameInstant(ZoneOffset.UTC)
              .toLocalDateTime();
        } catch (DateTimeParseException e) {
          return value; // reported by the converter
        }
      }
    }
    return value;
  }
}
