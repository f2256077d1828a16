/**
 * The {@code KAFKA} source and sink, found through {@link java.util.ServiceLoader} once {@code
 * org.laminardb:laminar-connectors} is on the class path. {@code docs/CONNECTORS.md} documents
 * every option with examples.
 *
 * <p>Source: {@code CREATE SOURCE name (columns [, WATERMARK ...]) FROM KAFKA (brokers = '...',
 * topic = 'a[,b]' | topic_pattern = 'regex', format = 'json' | 'csv' | 'raw' | 'avro' |
 * 'upsert' | 'debezium', encode = 'json' | 'avro' (upsert and debezium only), 'avro.schema' =
 * ..., schema_registry_url = 'http://...', offset_reset =
 * 'earliest' | 'latest', start_timestamp = ..., group_id = ..., on_error = 'fail' | 'skip' |
 * 'dead_letter', dead_letter_topic = ..., dead_letter_stream = ..., csv.delimiter = ',',
 * 'properties.x' = ...)}. Columns
 * named {@code _partition}, {@code _offset}, {@code _timestamp} and {@code _key} are filled from
 * the record's metadata. Every chunk carries the partitions' next offsets, so a durable database
 * resumes each partition exactly after the last record it logged. The watermark is computed per
 * partition and combined as the minimum over the partitions that are not idle.
 *
 * <p>Sink: {@code CREATE SINK name INTO KAFKA (brokers, topic, format = 'json' | 'csv' | 'upsert'
 * | 'avro' | 'debezium', encode = 'json' | 'avro' (upsert and debezium only), key = 'col[,col]',
 * delivery_guarantee = 'at_least_once' | 'exactly_once',
 * transactional_id_prefix = ..., schema_registry_url = ..., 'properties.x' = ...) AS query} or
 * {@code FROM object}. {@code encode = 'avro'} writes upsert rows and keys as Avro records and
 * Debezium events as Avro envelopes (fields before, after, op), which the source reads back with
 * {@code format = 'debezium', encode = 'avro'}; the source's {@code format = 'upsert'} (a
 * keyed source) reads the sink's upsert topics back as tables, tombstones deleting their keys'
 * rows. With {@code schema_registry_url}, Avro values are
 * in the Confluent wire
 * format (client: {@code SchemaRegistryClient}). Exactly
 * once writes each checkpoint epoch as one Kafka transaction committed when the checkpoint
 * completes.
 *
 * <p>Option values may contain {@code ${VAR}} placeholders, filled from the environment or else
 * from Java system properties.
 */
package org.laminardb.connector.kafka;
