package org.laminardb.connector.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.laminardb.core.chunk.Chunk;

/**
 * Format {@code avro} with {@code schema_registry_url}: each value is in the Confluent wire
 * format, decoded with the writer schema fetched from the registry by its id.
 *
 * <pre>
 *   0       1               5
 *   +-------+---------------+--------------------------------+
 *   | magic | schema id     | Avro binary body               |
 *   | 0     | int32, big-   | (no container header)          |
 *   |       | endian        |                                |
 *   +-------+---------------+--------------------------------+
 * </pre>
 *
 * <p>The reader schema is the one derived from the source's payload columns ({@link
 * AvroSchemas#record}), resolved against each writer schema with Avro's schema resolution:
 * writer fields without a column are skipped, a column without a writer field reads its default
 * (NULL). Where the writer has a field for a column, the reader takes the writer's type of that
 * field, so that its logical type ({@code timestamp-millis}, a decimal's scale, ...) is honoured
 * and converted to the column's type as format {@code avro} converts it (resolving a
 * {@code timestamp-millis} long into the derived {@code local-timestamp-micros} long would read
 * milliseconds as microseconds). One decoder per writer id, built on first use.
 *
 * <p>A value that is not in the wire format, or whose id the registry does not know (HTTP 404),
 * is a bad record; a registry that cannot be asked throws {@link SchemaRegistryClient.Unavailable}
 * and the source retries the record later. Consumer thread only.
 */
final class RegistryAvroRecordDecoder implements RecordDecoder {
  /** Bytes before the Avro body: magic byte and schema id. */
  static final int PREFIX = 5;

  private final SchemaRegistryClient registry;
  private final SourceLayout layout;
  /** The reader schema derived from the payload columns. */
  private final Schema columns;
  private final Map<Integer, AvroRecordDecoder> byId = new HashMap<>();
  private int lastId = -1;
  private AvroRecordDecoder last;

  RegistryAvroRecordDecoder(SchemaRegistryClient registry, SourceLayout layout, Schema columns) {
    this.registry = registry;
    this.layout = layout;
    this.columns = columns;
  }

  @Override
  public void decode(byte[] value, Chunk chunk, int row) {
    if (value == null) {
      throw new BadRecordException("the record has no value (a tombstone); format avro needs "
          + "a record");
    }
    int id = schemaId(value);
    if (id != lastId || last == null) {
      last = decoderOf(id);
      lastId = id;
    }
    last.decode(value, PREFIX, chunk, row);
  }

  /**
   * The schema id of a value in the Confluent wire format.
   *
   * @param value the record value, not null
   * @return the id
   * @throws BadRecordException if the value is not in the wire format
   */
  static int schemaId(byte[] value) {
    if (value.length < PREFIX || value[0] != 0) {
      throw new BadRecordException("not in the Confluent wire format (magic byte 0 and a "
          + "4-byte schema id before the Avro body)");
    }
    return ((value[1] & 0xff) << 24) | ((value[2] & 0xff) << 16) | ((value[3] & 0xff) << 8)
        | (value[4] & 0xff);
  }

  private AvroRecordDecoder decoderOf(int id) {
    AvroRecordDecoder d = byId.get(id);
    if (d == null) {
      Schema writer = registry.schema(id);
      if (writer.getType() != Schema.Type.RECORD) {
        throw new BadRecordException("schema id " + id + " of the schema registry is a "
            + writer.getType() + ", not an Avro record");
      }
      d = new AvroRecordDecoder(layout, writer, readerSchema(writer));
      byId.put(id, d);
    }
    return d;
  }

  /** The derived reader schema with the writer's types of the fields it has. */
  private Schema readerSchema(Schema writer) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field c : columns.getFields()) {
      Schema.Field w = AvroRecordDecoder.field(writer, c.name());
      if (w != null) {
        fields.add(new Schema.Field(w.name(), w.schema(), null, w.defaultVal()));
      } else {
        Schema type = c.schema().getType() == Schema.Type.UNION ? c.schema()
            : Schema.createUnion(Schema.create(Schema.Type.NULL), c.schema());
        // NULL for a column the writer does not have (a NOT NULL column then rejects the row).
        fields.add(new Schema.Field(c.name(), type, null, Schema.Field.NULL_DEFAULT_VALUE));
      }
    }
    return Schema.createRecord(writer.getName(), null, writer.getNamespace(), false, fields);
  }
}
