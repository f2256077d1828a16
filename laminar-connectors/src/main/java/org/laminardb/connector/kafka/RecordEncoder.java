package org.laminardb.connector.kafka;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.Schema;
import org.laminardb.internal.ValueConverter;

/**
 * Encodes rows of a sink's input as Kafka keys and values: a JSON object of the columns (or a
 * subset, for keys) or a CSV line. Values: booleans and numbers as JSON literals (DECIMAL
 * exact), TIMESTAMP as {@code 2026-01-05T09:30:00[.ffffff]}, DATE as {@code 2026-01-05},
 * INTERVAL as ISO-8601 ({@code PT1.5S}), strings as strings; the KAFKA source reads all of them
 * back. One per sink, sink thread only.
 */
final class RecordEncoder {
  private static final JsonFactory FACTORY = new JsonFactory();
  private final Schema schema;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
  private final StringBuilder text = new StringBuilder(64);

  RecordEncoder(Schema schema) {
    this.schema = schema;
  }

  /**
   * A row's columns as a JSON object.
   *
   * @param chunk the chunk
   * @param row the row
   * @param columns the columns to include, or null for all
   * @return UTF-8 JSON
   */
  byte[] json(Chunk chunk, int row, int[] columns) {
    out.reset();
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      object(g, chunk, row, columns);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A Debezium-style envelope {@code {"before": ..., "after": ..., "op": ...}}.
   *
   * @param before chunk of the old row, or null
   * @param beforeRow the old row
   * @param after chunk of the new row, or null
   * @param afterRow the new row
   * @param op {@code c}, {@code u} or {@code d}
   * @return UTF-8 JSON
   */
  byte[] envelope(Chunk before, int beforeRow, Chunk after, int afterRow, String op) {
    out.reset();
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeFieldName("before");
      if (before == null) {
        g.writeNull();
      } else {
        object(g, before, beforeRow, null);
      }
      g.writeFieldName("after");
      if (after == null) {
        g.writeNull();
      } else {
        object(g, after, afterRow, null);
      }
      g.writeStringField("op", op);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A row's columns as a CSV line (no line end); NULL is an empty field, text with the
   * delimiter, a quote or a line break is quoted.
   *
   * @param chunk the chunk
   * @param row the row
   * @param columns the columns, or null for all
   * @return UTF-8 text
   */
  byte[] csv(Chunk chunk, int row, int[] columns) {
    text.setLength(0);
    int n = columns == null ? schema.size() : columns.length;
    for (int i = 0; i < n; i++) {
      int c = columns == null ? i : columns[i];
      if (i > 0) {
        text.append(',');
      }
      Column col = chunk.columns[c];
      if (col.isNull(row)) {
        continue;
      }
      String v = scalarText(col, row);
      if (v.isEmpty() || v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0
          || v.indexOf('\r') >= 0) {
        text.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        text.append(v);
      }
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void object(JsonGenerator g, Chunk chunk, int row, int[] columns) throws IOException {
    g.writeStartObject();
    int n = columns == null ? schema.size() : columns.length;
    for (int i = 0; i < n; i++) {
      int c = columns == null ? i : columns[i];
      g.writeFieldName(schema.field(c).name());
      value(g, chunk.columns[c], row);
    }
    g.writeEndObject();
  }

  private static void value(JsonGenerator g, Column c, int row) throws IOException {
    if (c.isNull(row)) {
      g.writeNull();
      return;
    }
    switch (c.type.kind()) {
      case BOOLEAN:
        g.writeBoolean(c.longs[row] != 0);
        break;
      case INT:
      case BIGINT:
        g.writeNumber(c.longs[row]);
        break;
      case DOUBLE:
        g.writeNumber(c.doubles[row]);
        break;
      case REAL:
        g.writeNumber((float) c.doubles[row]);
        break;
      case DECIMAL:
        g.writeNumber(BigDecimal.valueOf(c.longs[row], c.type.scale()));
        break;
      default:
        g.writeString(scalarText(c, row));
        break;
    }
  }

  private static String scalarText(Column c, int row) {
    switch (c.type.kind()) {
      case BOOLEAN:
        return Boolean.toString(c.longs[row] != 0);
      case DOUBLE:
        return Double.toString(c.doubles[row]);
      case REAL:
        return Float.toString((float) c.doubles[row]);
      case DECIMAL:
        return BigDecimal.valueOf(c.longs[row], c.type.scale()).toPlainString();
      case TIMESTAMP:
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
            ValueConverter.timestampOf(c.longs[row]));
      case DATE:
        return LocalDate.ofEpochDay(c.longs[row]).toString();
      case INTERVAL:
        return Duration.of(c.longs[row], ChronoUnit.MICROS).toString();
      case VARCHAR:
        return c.strings[row];
      default:
        return Long.toString(c.longs[row]);
    }
  }
}
