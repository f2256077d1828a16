package org.laminardb.connector.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;

/**
 * Encodes rows as Avro records in binary encoding (no header) of the {@link AvroSchemas schema
 * derived from the columns}. One per sink and schema, sink thread only.
 */
final class AvroRowEncoder {
  private final Schema schema;
  private final int[] columns;
  private final GenericDatumWriter<GenericData.Record> writer;
  private final GenericData.Record record;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
  private BinaryEncoder encoder;
  /** Schema-registry id written before each record (Confluent wire format), or -1. */
  private int schemaId = -1;

  /**
   * Creates the encoder.
   *
   * @param name the record name
   * @param rowType the columns of the rows
   * @param columns the columns written, or null for all
   */
  AvroRowEncoder(String name, org.laminardb.core.type.Schema rowType, int[] columns) {
    this.schema = AvroSchemas.record(name, rowType, columns);
    this.columns = columns;
    this.writer = new GenericDatumWriter<>(schema);
    this.record = new GenericData.Record(schema);
  }

  /**
   * The Avro schema written.
   *
   * @return the schema
   */
  Schema schema() {
    return schema;
  }

  /**
   * Writes each record in the Confluent wire format from now on: magic byte 0 and the schema's
   * registry id (4 bytes, big-endian) before the Avro body.
   *
   * @param id the id of {@link #schema()} in the schema registry
   */
  void prefixWithSchemaId(int id) {
    this.schemaId = id;
  }

  /**
   * Whether {@link #prefixWithSchemaId} was called.
   *
   * @return true once the encoder writes the wire format
   */
  boolean hasSchemaId() {
    return schemaId >= 0;
  }

  /**
   * Encodes a row.
   *
   * @param chunk the chunk
   * @param row the row
   * @return the binary Avro record
   */
  byte[] encode(Chunk chunk, int row) {
    int n = schema.getFields().size();
    for (int i = 0; i < n; i++) {
      Column c = chunk.columns[columns == null ? i : columns[i]];
      record.put(i, c.isNull(row) ? null : value(c, row));
    }
    out.reset();
    if (schemaId >= 0) {
      out.write(0);
      out.write(schemaId >>> 24);
      out.write(schemaId >>> 16);
      out.write(schemaId >>> 8);
      out.write(schemaId);
    }
    encoder = EncoderFactory.get().binaryEncoder(out, encoder);
    try {
      writer.write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Object value(Column c, int row) {
    switch (c.type.kind()) {
      case BOOLEAN:
        return c.longs[row] != 0;
      case INT:
      case DATE:
        return (int) c.longs[row];
      case DOUBLE:
        return c.doubles[row];
      case REAL:
        return (float) c.doubles[row];
      case DECIMAL:
        return ByteBuffer.wrap(BigInteger.valueOf(c.longs[row]).toByteArray());
      case VARCHAR:
        return c.strings[row];
      default:
        return c.longs[row];
    }
  }
}
