package org.laminardb.connector.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.laminardb.core.type.Schema;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Validated options of a KAFKA sink; see the package documentation for their meaning.
 *
 * @param brokers bootstrap servers
 * @param topic the topic written
 * @param format json, csv, avro, upsert or debezium
 * @param avro whether keys and values are Avro records (format avro, or upsert/debezium with
 *     {@code encode = 'avro'})
 * @param key indexes of the key columns (empty: no key)
 * @param exactlyOnce whether delivery is exactly once (Kafka transactions)
 * @param transactionalIdPrefix prefix of the transactional ids
 * @param registry the schema registry of format avro, or null
 * @param client the {@code properties.*} settings
 */
record KafkaSinkOptions(String brokers, String topic, String format, boolean avro, int[] key,
    boolean exactlyOnce, String transactionalIdPrefix, SchemaRegistryClient.Settings registry,
    Properties client) {

  static final Set<String> KNOWN = known();

  private static Set<String> known() {
    Set<String> k = new java.util.HashSet<>(Set.of("brokers", "topic", "format", "encode", "key",
        "delivery_guarantee", "transactional_id_prefix"));
    k.addAll(SchemaRegistryClient.Settings.OPTIONS);
    return Set.copyOf(k);
  }

  static KafkaSinkOptions parse(String sink, Schema schema, boolean appendOnly,
      Map<String, String> raw, UnaryOperator<String> variables) {
    KafkaOptions o = new KafkaOptions("sink " + sink, raw, KNOWN, variables);
    String brokers = o.require("brokers");
    String topic = o.require("topic");
    String format = o.choice("format", "json", "json", "csv", "avro", "upsert", "debezium");
    boolean avro = encode(o, format).equals("avro") || format.equals("avro");
    SchemaRegistryClient.Settings registry = SchemaRegistryClient.Settings.parse(o, format,
        avro);
    if (!appendOnly && (format.equals("json") || format.equals("csv")
        || format.equals("avro"))) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "the input of KAFKA sink "
          + sink + " is a changelog (it retracts rows), which format '" + format + "' cannot "
          + "express: use format = 'upsert' with key = 'col,...' (a tombstone per delete) or "
          + "format = 'debezium' (before/after envelope), in JSON or with encode = 'avro'");
    }
    int[] key = keyColumns(o, schema, o.get("key"));
    if (format.equals("upsert") && key.length == 0) {
      throw o.invalid("key", "", "the key columns of format 'upsert', e.g. key = 'id'");
    }
    boolean exactlyOnce = o.choice("delivery_guarantee", "at_least_once", "at_least_once",
        "exactly_once").equals("exactly_once");
    String prefix = o.get("transactional_id_prefix", "laminardb-" + sink);
    return new KafkaSinkOptions(brokers, topic, format, avro, key, exactlyOnce, prefix,
        registry, o.clientProperties());
  }

  /**
   * Option {@code encode} of the changelog formats: how {@code upsert} and {@code debezium}
   * records are encoded, {@code json} (the default) or {@code avro}.
   *
   * @param o the options
   * @param format the format chosen
   * @return {@code json} or {@code avro}
   */
  static String encode(KafkaOptions o, String format) {
    if (o.get("encode") == null) {
      return "json";
    }
    if (!format.equals("upsert") && !format.equals("debezium")) {
      throw o.unsupported("'encode' applies to format = 'upsert' or 'debezium' only (it "
          + "chooses json or avro for their records), not to format '" + format + "'");
    }
    return o.choice("encode", "json", "json", "avro");
  }

  private static int[] keyColumns(KafkaOptions o, Schema schema, String text) {
    if (text == null || text.isBlank()) {
      return new int[0];
    }
    List<Integer> out = new ArrayList<>();
    for (String name : text.split(",")) {
      int found = -1;
      for (int i = 0; i < schema.size(); i++) {
        if (schema.field(i).name().equalsIgnoreCase(name.trim())) {
          found = i;
        }
      }
      if (found < 0) {
        throw new LaminarDBException(ErrorCode.UNDEFINED_COLUMN, "key column \"" + name.trim()
            + "\" of the KAFKA sink is not a column of its input; columns: "
            + schema.fields().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
      }
      out.add(found);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
