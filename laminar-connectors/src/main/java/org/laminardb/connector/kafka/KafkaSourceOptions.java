package org.laminardb.connector.kafka;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validated options of a KAFKA source; see the package documentation for their meaning.
 *
 * @param brokers bootstrap servers
 * @param topics topics to read (empty when {@code pattern} is set)
 * @param pattern topic pattern, or null
 * @param groupId consumer group for informational offset commits, or null
 * @param format value format
 * @param avro whether values are Avro records (format avro, or upsert or debezium with {@code
 *     encode = 'avro'})
 * @param latest whether partitions without a kept position start at the end
 * @param startTimestampMillis start time (epoch ms) for partitions without a kept position, or -1
 * @param onError bad-record policy
 * @param deadLetterTopic the dead-letter topic of {@code on_error = 'dead_letter'}, or null
 * @param deadLetterStream the dead-letter stream of {@code on_error = 'dead_letter'}, or null
 * @param csvDelimiter the CSV field delimiter
 * @param avroSchema the Avro writer schema (JSON) of format avro, or null for the derived one
 * @param startDelayNanos how long the source waits before it first reads
 * @param registry the schema registry of format avro, or null
 * @param client the {@code properties.*} settings
 */
record KafkaSourceOptions(String brokers, List<String> topics, Pattern pattern, String groupId,
    String format, boolean avro, boolean latest, long startTimestampMillis, String onError,
    String deadLetterTopic, String deadLetterStream, char csvDelimiter, String avroSchema,
    long startDelayNanos,
    SchemaRegistryClient.Settings registry, Properties client) {

  static final Set<String> KNOWN = known();

  private static Set<String> known() {
    Set<String> k = new java.util.HashSet<>(Set.of("brokers", "topic", "topic_pattern",
        "group_id", "format", "encode", "offset_reset", "start_timestamp", "on_error", "dead_letter_topic",
        "dead_letter_stream", "csv.delimiter", "avro.schema", "start.delay"));
    k.addAll(SchemaRegistryClient.Settings.OPTIONS);
    return Set.copyOf(k);
  }

  static KafkaSourceOptions parse(String source, Map<String, String> raw,
      UnaryOperator<String> variables) {
    KafkaOptions o = new KafkaOptions("source " + source, raw, KNOWN, variables);
    String brokers = o.require("brokers");
    String topic = o.get("topic");
    String patternText = o.get("topic_pattern");
    if ((topic == null) == (patternText == null)) {
      throw o.invalid("topic", String.valueOf(topic),
          "exactly one of 'topic' (a name or a comma-separated list) and 'topic_pattern'");
    }
    List<String> topics = new ArrayList<>();
    Pattern pattern = null;
    if (topic != null) {
      for (String t : topic.split(",")) {
        if (!t.isBlank()) {
          topics.add(t.trim());
        }
      }
    } else {
      try {
        pattern = Pattern.compile(patternText);
      } catch (PatternSyntaxException e) {
        throw o.invalid("topic_pattern", patternText, "a Java regular expression");
      }
    }
    String format = o.choice("format", "json", "json", "csv", "raw", "avro", "upsert",
        "debezium");
    boolean avro = encode(o, format).equals("avro") || format.equals("avro");
    SchemaRegistryClient.Settings registry = SchemaRegistryClient.Settings.parse(o, format,
        avro);
    String avroSchema = o.get("avro.schema");
    if (avroSchema != null && (!avro || registry != null)) {
      throw o.invalid("avro.schema", avroSchema, "no value unless format = 'avro', or format "
          + "'upsert' or 'debezium' with encode = 'avro', without schema_registry_url (the "
          + "registry gives the writer schema of each record)");
    }
    boolean latest = o.choice("offset_reset", "earliest", "earliest", "latest").equals("latest");
    long start = startTimestamp(o);
    String onError = o.choice("on_error", "fail", "fail", "skip", "dead_letter");
    String deadLetter = o.get("dead_letter_topic");
    String deadLetterStream = o.get("dead_letter_stream");
    if (onError.equals("dead_letter") != (deadLetter != null || deadLetterStream != null)) {
      throw o.invalid(deadLetter == null ? "dead_letter_stream" : "dead_letter_topic",
          String.valueOf(deadLetter == null ? deadLetterStream : deadLetter),
          "a topic (dead_letter_topic) or a new stream (dead_letter_stream), or both, exactly "
          + "when on_error = 'dead_letter'");
    }
    if (deadLetterStream != null && !deadLetterStream.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw o.invalid("dead_letter_stream", deadLetterStream, "the name of a new stream "
          + "(letters, digits, underscores)");
    }
    String delimiter = o.get("csv.delimiter", ",");
    if (delimiter.length() != 1) {
      throw o.invalid("csv.delimiter", delimiter, "one character");
    }
    return new KafkaSourceOptions(brokers, topics, pattern, o.get("group_id"), format, avro,
        latest,
        start, onError, deadLetter, deadLetterStream, delimiter.charAt(0), avroSchema,
        o.durationNanos("start.delay"), registry, o.clientProperties());
  }

  /**
   * Option {@code encode} of formats upsert and debezium: {@code json} (the default) or {@code
   * avro}.
   */
  private static String encode(KafkaOptions o, String format) {
    if (o.get("encode") == null) {
      return "json";
    }
    if (!format.equals("debezium") && !format.equals("upsert")) {
      throw o.unsupported("'encode' applies to format = 'upsert' or 'debezium' only (it "
          + "chooses json or avro for their keys and values), not to format '" + format + "'");
    }
    return o.choice("encode", "json", "json", "avro");
  }

  private static long startTimestamp(KafkaOptions o) {
    String text = o.get("start_timestamp");
    if (text == null) {
      return -1;
    }
    String t = text.trim();
    try {
      if (t.chars().allMatch(Character::isDigit)) {
        return Long.parseLong(t);
      }
      return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (NumberFormatException | DateTimeParseException e) {
      throw o.invalid("start_timestamp", text,
          "epoch milliseconds or a UTC timestamp such as '2024-01-01 00:00:00'");
    }
  }
}
