package org.laminardb.connector.kafka;

import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.spi.SourceConnector;
import org.laminardb.spi.SourceConnectorFactory;
import org.laminardb.spi.SourceContext;

/**
 * Factory of the {@code KAFKA} source ({@code CREATE SOURCE ... FROM KAFKA (...)}); see the
 * package documentation for its options. Resumable: its chunks carry the partitions' offsets,
 * so it can feed a durable database exactly once. Computes its watermark per partition.
 */
public final class KafkaSourceConnectorFactory implements SourceConnectorFactory {
  /** Name of the connector in SQL. */
  public static final String NAME = "KAFKA";

  /** Creates the factory (found through {@link java.util.ServiceLoader}). */
  public KafkaSourceConnectorFactory() {
    // stateless
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Resumes from the offsets kept with its last logged chunk. */
  @Override
  public boolean resumable() {
    return true;
  }

  /** One watermark per partition, combined as the minimum over the active partitions. */
  @Override
  public boolean partitionedWatermarks() {
    return true;
  }

  @Override
  public SourceConnector create(SourceContext context) {
    KafkaSourceOptions options = KafkaSourceOptions.parse(context.sourceName(),
        context.options(), KafkaOptions.variables(context::variable));
    SourceLayout layout = new SourceLayout(context.sourceName(), context.schema());
    RecordDecoder decoder = decoder(context, options, layout);
    org.laminardb.core.queue.ChunkWriter deadLetters = options.deadLetterStream() == null ? null
        : context.sideStream(options.deadLetterStream(), BadRecords.STREAM_SCHEMA);
    return new KafkaSource(context, options, layout, decoder, deadLetters);
  }

  private static RecordDecoder decoder(SourceContext context, KafkaSourceOptions options,
      SourceLayout layout) {
    switch (options.format()) {
      case "csv":
        return new CsvRecordDecoder(layout, options.csvDelimiter());
      case "avro":
        if (options.registry() != null) {
          return new RegistryAvroRecordDecoder(new SchemaRegistryClient(options.registry()),
              layout, AvroSchemas.record(context.sourceName(), context.schema(), layout.payload));
        }
        return new AvroRecordDecoder(layout, avroSchema(context, options, layout, false));
      case "upsert":
        return upsert(context, options, layout);
      case "debezium":
        if (context.primaryKey().length == 0) {
          throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "KAFKA source "
              + context.sourceName() + " with format 'debezium' needs a PRIMARY KEY (the "
              + "changed table's key): updates replace and deletes remove the row with the same "
              + "key");
        }
        if (!options.avro()) {
          return new DebeziumRecordDecoder(layout);
        }
        if (options.registry() != null) {
          return new DebeziumAvroRecordDecoder(layout,
              new SchemaRegistryClient(options.registry()));
        }
        return new DebeziumAvroRecordDecoder(layout, avroSchema(context, options, layout, true));
      case "raw":
        if (layout.payload.length != 1 || context.schema().field(layout.payload[0]).type()
            .kind() != org.laminardb.core.type.TypeKind.VARCHAR) {
          throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE, "KAFKA source "
              + context.sourceName() + " with format 'raw' needs exactly one VARCHAR column "
              + "besides the metadata columns (_partition, _offset, _timestamp, _key)");
        }
        return new RawRecordDecoder(layout.payload[0], layout.names[layout.payload[0]]);
      default:
        return new JsonRecordDecoder(layout);
    }
  }

  /**
   * Format upsert: values decoded as format json or avro, tombstone keys as a JSON object or an
   * Avro record of the primary key columns (the derived record {@code <source>_key}, or the
   * registry's schema of the key's id).
   */
  private static RecordDecoder upsert(SourceContext context, KafkaSourceOptions options,
      SourceLayout layout) {
    int[] primaryKey = context.primaryKey();
    if (primaryKey.length == 0) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "KAFKA source "
          + context.sourceName() + " with format 'upsert' needs a PRIMARY KEY (the columns of "
          + "the record key): a record replaces, and a tombstone removes, the row with the "
          + "same key");
    }
    for (int k : primaryKey) {
      if (k == layout.partition || k == layout.offset || k == layout.timestamp
          || k == layout.key) {
        throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "KAFKA source "
            + context.sourceName() + " with format 'upsert': the PRIMARY KEY column "
            + layout.names[k] + " is a metadata column; the key columns must come from the "
            + "record (its value, and its key for tombstones)");
      }
    }
    SourceLayout keyLayout = layout.only(primaryKey);
    if (!options.avro()) {
      return new UpsertRecordDecoder(layout, primaryKey, new JsonRecordDecoder(layout),
          new JsonRecordDecoder(keyLayout));
    }
    org.apache.avro.Schema derivedKey = AvroSchemas.record(context.sourceName() + "_key",
        context.schema(), primaryKey);
    if (options.registry() != null) {
      SchemaRegistryClient registry = new SchemaRegistryClient(options.registry());
      return new UpsertRecordDecoder(layout, primaryKey, new RegistryAvroRecordDecoder(registry,
          layout, AvroSchemas.record(context.sourceName(), context.schema(), layout.payload)),
          new RegistryAvroRecordDecoder(registry, keyLayout, derivedKey));
    }
    return new UpsertRecordDecoder(layout, primaryKey,
        new AvroRecordDecoder(layout, avroSchema(context, options, layout, false)),
        new AvroRecordDecoder(keyLayout, derivedKey));
  }

  /**
   * The writer schema of format avro (a row record) or of Avro Debezium events (an envelope):
   * {@code avro.schema}, else the one derived from the columns.
   */
  private static org.apache.avro.Schema avroSchema(SourceContext context,
      KafkaSourceOptions options, SourceLayout layout, boolean envelope) {
    if (options.avroSchema() == null) {
      org.apache.avro.Schema row = AvroSchemas.record(context.sourceName(), context.schema(),
          layout.payload);
      return envelope ? AvroSchemas.envelope(row) : row;
    }
    String expected = envelope ? "an Avro record schema of Debezium change events in JSON "
        + "(fields before and after: null or the row record; op: a string)"
        : "an Avro record schema in JSON";
    try {
      org.apache.avro.Schema s = new org.apache.avro.Schema.Parser().parse(options.avroSchema());
      if (s.getType() != org.apache.avro.Schema.Type.RECORD) {
        throw new org.apache.avro.SchemaParseException("not a record schema");
      }
      if (envelope && AvroSchemas.envelopeRow(s) == null) {
        throw new org.apache.avro.SchemaParseException("record " + s.getFullName()
            + " is not a change event");
      }
      return s;
    } catch (org.apache.avro.SchemaParseException e) {
      throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid value for KAFKA "
          + "option 'avro.schema' of source " + context.sourceName() + ": expected "
          + expected + ": " + e.getMessage());
    }
  }
}
