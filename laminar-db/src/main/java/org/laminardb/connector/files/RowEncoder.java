package org.laminardb.connector.files;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.type.Schema;
import org.laminardb.internal.ValueConverter;

/**
 * Text encoding of chunk rows for one file format: an optional header written at the start of
 * each file, then one line per row, each ending with the row kind in an {@code __op} column.
 */
abstract class RowEncoder {
  /** Name of the extra last column holding the row kind ({@link #op(byte)}). */
  static final String OP_COLUMN = "__op";

  /** Columns of the rows. */
  final Schema schema;

  /**
   * Creates an encoder.
   *
   * @param schema the columns of the rows
   */
  RowEncoder(Schema schema) {
    this.schema = schema;
  }

  /**
   * Encoder of a format.
   *
   * @param format the format
   * @param schema the columns of the rows
   * @return the encoder
   */
  static RowEncoder of(FileFormat format, Schema schema) {
    return format == FileFormat.JSON ? new JsonRowEncoder(schema) : new CsvRowEncoder(schema);
  }

  /**
   * Appends the text that starts every file (with its line end), if the format has one.
   *
   * @param out where to append
   */
  abstract void header(StringBuilder out);

  /**
   * Appends one row with its line end.
   *
   * @param chunk the chunk
   * @param row the row
   * @param out where to append
   */
  abstract void row(Chunk chunk, int row, StringBuilder out);

  /**
   * Short form of a row kind.
   *
   * @param kind the row kind
   * @return {@code +I}, {@code -U}, {@code +U} or {@code -D}
   */
  static String op(byte kind) {
    return RowKind.shortString(kind);
  }

  /**
   * Appends the text of a non-NULL value: booleans {@code true}/{@code false}, integers and
   * doubles as Java prints them ({@code Float.toString} for REAL), decimals plain (no exponent),
   * timestamps {@code 2026-01-05T09:30:00[.ffffff]}, dates {@code 2026-01-05}, intervals ISO-8601
   * ({@code PT1.5S}), strings as they are.
   *
   * @param c the column
   * @param row the row, not NULL
   * @param out where to append
   */
  static void appendText(Column c, int row, StringBuilder out) {
    switch (c.type.kind()) {
      case BOOLEAN:
        out.append(c.longs[row] != 0);
        break;
      case INT:
      case BIGINT:
        out.append(c.longs[row]);
        break;
      case DOUBLE:
        out.append(c.doubles[row]);
        break;
      case REAL:
        out.append((float) c.doubles[row]);
        break;
      case DECIMAL:
        out.append(BigDecimal.valueOf(c.longs[row], c.type.scale()).toPlainString());
        break;
      case TIMESTAMP:
        DateTimeFormatter.ISO_LOCAL_DATE_TIME.formatTo(
            ValueConverter.timestampOf(c.longs[row]), out);
        break;
      case DATE:
        out.append(LocalDate.ofEpochDay(c.longs[row]));
        break;
      case INTERVAL:
        out.append(Duration.of(c.longs[row], ChronoUnit.MICROS));
        break;
      default:
        if (c.strings != null) {
          out.append(c.strings[row]);
        } else if (c.longs != null) {
          out.append(c.longs[row]);
        } else {
          out.append(c.doubles[row]);
        }
        break;
    }
  }
}
