package org.laminardb.connector.kafka;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.laminardb.core.chunk.Chunk;

/**
 * Format {@code avro}: the value is one Avro record in binary encoding (no container header) of
 * the writer schema ({@code avro.schema}, else {@link AvroSchemas#record the schema LaminarDB
 * writes} for the source's columns). Fields fill the payload columns of the same name
 * (case-insensitive); a column without a field is NULL. Logical types are honoured: {@code
 * timestamp-millis}/{@code -micros} (UTC) and {@code local-timestamp-*} for TIMESTAMP, {@code
 * date} for DATE, {@code decimal} for DECIMAL; strings, numbers and booleans convert as the Java
 * API converts them.
 */
final class AvroRecordDecoder implements RecordDecoder {
  /** The schema the records are read as: the writer's, or one resolved from it. */
  private final Schema schema;
  private final AvroBodyReader reader;
  private final String[] names;
  private final int[] payload;
  /** Field position (in {@link #schema}) per payload column, -1 if absent. */
  private final int[] fieldOf;

  /**
   * Creates a decoder of records of one writer schema, read as written.
   *
   * @param layout the source's columns
   * @param writer the writer schema
   */
  AvroRecordDecoder(SourceLayout layout, Schema writer) {
    this(layout, writer, writer);
  }

  /**
   * Creates a decoder of records of a writer schema read as another schema by Avro's schema
   * resolution (extra writer fields skipped, missing ones set to the reader's default).
   *
   * @param layout the source's columns
   * @param writer the writer schema
   * @param readAs the reader schema
   */
  AvroRecordDecoder(SourceLayout layout, Schema writer, Schema readAs) {
    this.schema = readAs;
    this.reader = new AvroBodyReader(writer, readAs);
    this.names = layout.names;
    this.payload = layout.payload;
    this.fieldOf = new int[payload.length];
    for (int i = 0; i < payload.length; i++) {
      Schema.Field f = field(readAs, names[payload[i]]);
      fieldOf[i] = f == null ? -1 : f.pos();
    }
  }

  /** The field of a record schema for a column (case-insensitive), or null. */
  static Schema.Field field(Schema record, String column) {
    Schema.Field found = null;
    for (Schema.Field f : record.getFields()) {
      if (f.name().equalsIgnoreCase(column)
          || f.name().equalsIgnoreCase(AvroSchemas.avroName(column))) {
        found = f;
      }
    }
    return found;
  }

  @Override
  public void decode(byte[] value, Chunk chunk, int row) {
    if (value == null) {
      throw new BadRecordException("the record has no value (a tombstone); format avro needs "
          + "a record");
    }
    decode(value, 0, chunk, row);
  }

  /**
   * Writes the payload columns from an Avro record that starts at an offset of the value.
   *
   * @param value the record value
   * @param offset where the Avro body starts
   * @param chunk the chunk being filled
   * @param row the row
   * @throws BadRecordException if the body is malformed or does not fit the columns
   */
  void decode(byte[] value, int offset, Chunk chunk, int row) {
    GenericRecord reuse = reader.read(value, offset);
    for (int i = 0; i < payload.length; i++) {
      int c = payload[i];
      if (fieldOf[i] < 0) {
        Cells.setNull(chunk.columns[c], names[c], row);
        continue;
      }
      Schema.Field f = schema.getFields().get(fieldOf[i]);
      Cells.set(chunk.columns[c], names[c], row, javaValue(reuse.get(fieldOf[i]), f.schema()));
    }
  }

  /**
   * The Java value of an Avro datum, logical types applied, for {@link Cells#set}.
   *
   * @param v the datum, or null
   * @param schema its schema
   * @return the value
   */
  static Object javaValue(Object v, Schema schema) {
    if (v == null) {
      return null;
    }
    if (schema.getType() == Schema.Type.UNION) {
      for (Schema branch : schema.getTypes()) {
        if (branch.getType() != Schema.Type.NULL && matches(v, branch)) {
          return javaValue(v, branch);
        }
      }
      return v instanceof CharSequence ? v.toString() : v;
    }
    LogicalType logical = schema.getLogicalType();
    if (logical instanceof LogicalTypes.TimestampMillis) {
      return LocalDateTime.ofInstant(Instant.ofEpochMilli((Long) v), ZoneOffset.UTC);
    }
    if (logical instanceof LogicalTypes.TimestampMicros
        || logical instanceof LogicalTypes.LocalTimestampMicros) {
      long micros = (Long) v;
      return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
          (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }
    if (logical instanceof LogicalTypes.LocalTimestampMillis) {
      return LocalDateTime.ofInstant(Instant.ofEpochMilli((Long) v), ZoneOffset.UTC);
    }
    if (logical instanceof LogicalTypes.Date) {
      return LocalDate.ofEpochDay((Integer) v);
    }
    if (logical instanceof LogicalTypes.Decimal && v instanceof ByteBuffer) {
      ByteBuffer b = ((ByteBuffer) v).duplicate();
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      return new BigDecimal(new BigInteger(bytes), ((LogicalTypes.Decimal) logical).getScale());
    }
    if (v instanceof CharSequence || v instanceof GenericRecord
        || v instanceof java.util.Collection || v instanceof java.util.Map
        || v instanceof org.apache.avro.generic.GenericEnumSymbol) {
      return v.toString(); // nested values as JSON text, for a VARCHAR column
    }
    if (v instanceof Float) {
      return ((Float) v).doubleValue();
    }
    return v;
  }

  private static boolean matches(Object v, Schema branch) {
    switch (branch.getType()) {
      case STRING:
      case ENUM:
        return v instanceof CharSequence || v instanceof org.apache.avro.generic.GenericEnumSymbol;
      case INT:
        return v instanceof Integer;
      case LONG:
        return v instanceof Long;
      case FLOAT:
        return v instanceof Float;
      case DOUBLE:
        return v instanceof Double;
      case BOOLEAN:
        return v instanceof Boolean;
      case BYTES:
        return v instanceof ByteBuffer;
      default:
        return false;
    }
  }
}
