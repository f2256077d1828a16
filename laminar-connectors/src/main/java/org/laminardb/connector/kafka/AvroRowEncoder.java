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
 * derived from the columns}, or pairs of rows as {@link AvroSchemas#envelope change events}
 * ({@code before}, {@code after}, {@code op}). One per sink and schema, sink thread only.
 */
final class AvroRowEncoder {
  /** The schema written: the row record, or the envelope. */
  private final Schema schema;
  private final int[] columns;
  private final GenericDatumWriter<GenericData.Record> writer;
  /** The record written: a row, or an envelope. */
  private final GenericData.Record record;
  /** Row records of an envelope's before and after images, else null. */
  private final GenericData.Record before;
  private final GenericData.Record after;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
  private BinaryEncoder encoder;
  /** Schema-registry id written before each record (Confluent wire format), or -1. */
  private int schemaId = -1;

  /**
   * Creates an encoder of rows.
   *
   * @param name the record name
   * @param rowType the columns of the rows
   * @param columns the columns written, or null for all
   */
  AvroRowEncoder(String name, org.laminardb.core.type.Schema rowType, int[] columns) {
    this(AvroSchemas.record(name, rowType, columns), columns, false);
  }

  private AvroRowEncoder(Schema row, int[] columns, boolean envelope) {
    this.schema = envelope ? AvroSchemas.envelope(row) : row;
    this.columns = columns;
    this.writer = new GenericDatumWriter<>(schema);
    this.record = new GenericData.Record(schema);
    this.before = envelope ? new GenericData.Record(row) : null;
    this.after = envelope ? new GenericData.Record(row) : null;
  }

  /**
   * Creates an encoder of change events ({@link #envelope}) of rows of all columns.
   *
   * @param name the name of the row record (the envelope is {@code <name>_envelope})
   * @param rowType the columns of the rows
   * @return the encoder
   */
  static AvroRowEncoder envelopes(String name, org.laminardb.core.type.Schema rowType) {
    return new AvroRowEncoder(AvroSchemas.record(name, rowType, null), null, true);
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
   * Encodes a row (an encoder of rows).
   *
   * @param chunk the chunk
   * @param row the row
   * @return the binary Avro record
   */
  byte[] encode(Chunk chunk, int row) {
    fill(record, chunk, row);
    return write();
  }

  /**
   * Encodes a change event (an encoder of {@link #envelopes}).
   *
   * @param beforeChunk chunk of the old row, or null
   * @param beforeRow the old row
   * @param afterChunk chunk of the new row, or null
   * @param afterRow the new row
   * @param op {@code c}, {@code u} or {@code d}
   * @return the binary Avro record
   */
  byte[] envelope(Chunk beforeChunk, int beforeRow, Chunk afterChunk, int afterRow, String op) {
    if (beforeChunk != null) {
      fill(before, beforeChunk, beforeRow);
    }
    if (afterChunk != null) {
      fill(after, afterChunk, afterRow);
    }
    record.put(0, beforeChunk == null ? null : before);
    record.put(1, afterChunk == null ? null : after);
    record.put(2, op);
    return write();
  }

  private void fill(GenericData.Record target, Chunk chunk, int row) {
    int n = target.getSchema().getFields().size();
    for (int i = 0; i < n; i++) {
      Column c = chunk.columns[columns == null ? i : columns[i]];
      target.put(i, c.isNull(row) ? null : value(c, row));
    }
  }

  private byte[] write() {
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
