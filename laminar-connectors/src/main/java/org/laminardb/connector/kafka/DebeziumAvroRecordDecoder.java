package org.laminardb.connector.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;

/**
 * Format {@code debezium} with {@code encode = 'avro'} of a source with a PRIMARY KEY: the value
 * is a Debezium change event as one Avro record in binary encoding, a record with fields {@code
 * before} and {@code after} (the row record, or null; a union of null and the row record) and
 * {@code op} (a string); other fields ({@code source}, {@code ts_ms}, ...) are ignored. The
 * writer schema is {@code avro.schema}, else the {@link AvroSchemas#envelope envelope} of the
 * schema derived from the columns; with {@code schema_registry_url} the value is in the
 * Confluent wire format and its writer schema comes from the registry by id.
 *
 * <p>Operations map to the changelog as in the JSON {@link DebeziumRecordDecoder}: {@code c},
 * {@code r} and {@code u} write the {@code after} row (replacing the row with the same key),
 * {@code d} deletes the {@code before} row's key, other operations are bad records; the
 * tombstone after a delete is skipped. Row fields fill the payload columns of the same name
 * (case-insensitive), as format {@code avro} fills them from the writer's types (logical types
 * honoured); a column without a field is NULL. Consumer thread only.
 */
final class DebeziumAvroRecordDecoder implements RecordDecoder {
  private final SourceLayout layout;
  /** The registry of the wire format, or null. */
  private final SchemaRegistryClient registry;
  /** Events of the one writer schema without a registry, else null. */
  private final Events fixed;
  private final Map<Integer, Events> byId = new HashMap<>();

  /**
   * Creates a decoder of events of one writer schema.
   *
   * @param layout the source's columns
   * @param writer the envelope's writer schema; {@link AvroSchemas#envelopeRow} must accept it
   */
  DebeziumAvroRecordDecoder(SourceLayout layout, Schema writer) {
    this.layout = layout;
    this.registry = null;
    this.fixed = new Events(layout, writer, AvroSchemas.envelopeRow(writer));
  }

  /**
   * Creates a decoder of events in the Confluent wire format.
   *
   * @param layout the source's columns
   * @param registry the registry that gives the writer schema of each id
   */
  DebeziumAvroRecordDecoder(SourceLayout layout, SchemaRegistryClient registry) {
    this.layout = layout;
    this.registry = registry;
    this.fixed = null;
  }

  @Override
  public boolean skipsTombstones() {
    return true;
  }

  @Override
  public void decode(byte[] value, Chunk chunk, int row) {
    if (value == null) {
      throw new BadRecordException("the record has no value (a tombstone)");
    }
    if (fixed != null) {
      fixed.decode(value, 0, chunk, row);
      return;
    }
    int id = RegistryAvroRecordDecoder.schemaId(value);
    Events events = byId.get(id);
    if (events == null) {
      Schema writer = registry.schema(id);
      Schema image = AvroSchemas.envelopeRow(writer);
      if (image == null) {
        throw new BadRecordException("schema id " + id + " of the schema registry is not a "
            + "Debezium change event (an Avro record with fields before and after of one "
            + "record type, or null, and op)");
      }
      events = new Events(layout, writer, image);
      byId.put(id, events);
    }
    events.decode(value, RegistryAvroRecordDecoder.PREFIX, chunk, row);
  }

  /** Decoding of the events of one writer schema. */
  private final class Events {
    private final AvroBodyReader reader;
    private final int before;
    private final int after;
    private final int op;
    /** Field of the row record per payload column, or null. */
    private final Schema.Field[] fieldOf;

    Events(SourceLayout layout, Schema writer, Schema image) {
      this.reader = new AvroBodyReader(writer, writer);
      this.before = writer.getField("before").pos();
      this.after = writer.getField("after").pos();
      this.op = writer.getField("op").pos();
      this.fieldOf = new Schema.Field[layout.payload.length];
      for (int i = 0; i < fieldOf.length; i++) {
        fieldOf[i] = AvroRecordDecoder.field(image, layout.names[layout.payload[i]]);
      }
    }

    void decode(byte[] value, int offset, Chunk chunk, int row) {
      GenericRecord reuse = reader.read(value, offset);
      Object o = reuse.get(op);
      if (o == null) {
        throw new BadRecordException("not a Debezium change event (no \"op\")");
      }
      String operation = o.toString();
      Object image;
      switch (operation) {
        case "c":
        case "r":
        case "u":
          image = reuse.get(after);
          chunk.kinds[row] = RowKind.INSERT;
          break;
        case "d":
          image = reuse.get(before);
          chunk.kinds[row] = RowKind.DELETE;
          break;
        default:
          throw new BadRecordException("Debezium operation '" + operation + "' is not "
              + "supported (supported: c, r, u, d)");
      }
      if (!(image instanceof GenericRecord)) {
        throw new BadRecordException("Debezium event with op '" + operation + "' has no "
            + (operation.equals("d") ? "\"before\"" : "\"after\"") + " record");
      }
      GenericRecord rec = (GenericRecord) image;
      int[] payload = layout.payload;
      String[] names = layout.names;
      for (int i = 0; i < payload.length; i++) {
        int c = payload[i];
        Schema.Field f = fieldOf[i];
        if (f == null) {
          Cells.setNull(chunk.columns[c], names[c], row);
        } else {
          Cells.set(chunk.columns[c], names[c], row,
              AvroRecordDecoder.javaValue(rec.get(f.pos()), f.schema()));
        }
      }
    }
  }
}
