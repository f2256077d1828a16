package org.laminardb.connector.kafka;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * The options of a KAFKA source or sink as written in SQL: {@code ${VAR}} placeholders filled in
 * (from {@code LaminarDB.builder().variable}, the environment, then Java system properties),
 * unknown keys rejected naming the accepted ones, and {@code properties.*} keys collected for the
 * Kafka client.
 */
final class KafkaOptions {
  /** Prefix of options passed through to the Kafka client. */
  static final String PROPERTIES_PREFIX = "properties.";
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|min)");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)}");

  private final String object;
  private final Map<String, String> options;
  private final UnaryOperator<String> variables;

  /**
   * Reads the options of an object, checking that every key is known.
   *
   * @param object "source NAME" or "sink NAME", for messages
   * @param options the options, keys lower case
   * @param known the accepted keys (besides {@code properties.*})
   * @param variables value of a placeholder variable, or null if it is not set
   */
  KafkaOptions(String object, Map<String, String> options, Set<String> known,
      UnaryOperator<String> variables) {
    this.object = object;
    this.options = options;
    this.variables = variables;
    for (String key : options.keySet()) {
      if (!known.contains(key) && !key.startsWith(PROPERTIES_PREFIX)) {
        throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE, "unknown KAFKA option '"
            + key + "' of " + object + "; accepted: " + String.join(", ", new TreeSet<>(known))
            + " and 'properties.<kafka client setting>'");
      }
    }
  }

  /**
   * Placeholder values: given to the database's builder, else from the environment, else from
   * Java system properties.
   *
   * @param given the builder's value of a name, or null
   * @return the lookup
   */
  static UnaryOperator<String> variables(UnaryOperator<String> given) {
    return name -> {
      String v = given.apply(name);
      if (v == null) {
        v = System.getenv(name);
      }
      return v != null ? v : System.getProperty(name);
    };
  }

  /**
   * An option's value with placeholders filled in.
   *
   * @param key the key
   * @return the value, or null if not given
   */
  String get(String key) {
    String raw = options.get(key);
    return raw == null ? null : resolve(key, raw);
  }

  /**
   * An option's value or a default.
   *
   * @param key the key
   * @param fallback the default
   * @return the value
   */
  String get(String key, String fallback) {
    String v = get(key);
    return v == null ? fallback : v;
  }

  /**
   * A required option.
   *
   * @param key the key
   * @return the value
   */
  String require(String key) {
    String v = get(key);
    if (v == null || v.isBlank()) {
      throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE, "KAFKA option '" + key
          + "' is required for " + object);
    }
    return v;
  }

  /**
   * An option that takes one of a few words.
   *
   * @param key the key
   * @param fallback the default
   * @param accepted the accepted words, lower case
   * @return the chosen word, lower case
   */
  String choice(String key, String fallback, String... accepted) {
    String v = get(key, fallback).trim().toLowerCase(Locale.ROOT);
    for (String a : accepted) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw invalid(key, v, "one of " + String.join(", ", accepted));
  }

  /**
   * A whole number option.
   *
   * @param key the key
   * @param fallback the default
   * @param min smallest accepted
   * @return the number
   */
  long number(String key, long fallback, long min) {
    String v = get(key);
    if (v == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, v, "a whole number of at least " + min);
  }

  /**
   * A duration option such as {@code '500 ms'}, {@code '2 s'} or {@code '1 min'}.
   *
   * @param key the key
   * @return nanoseconds, 0 if not given
   */
  long durationNanos(String key) {
    String v = get(key);
    if (v == null) {
      return 0;
    }
    Matcher m = DURATION.matcher(v.trim().toLowerCase(java.util.Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "ms":
          return n * 1_000_000L;
        case "s":
          return n * 1_000_000_000L;
        case "min":
          return n * 60_000_000_000L;
        default:
          break;
      }
    }
    throw invalid(key, v, "a duration such as '500 ms', '2 s' or '1 min'");
  }

  /**
   * The {@code properties.*} options without their prefix, for the Kafka client.
   *
   * @return the client properties
   */
  Properties clientProperties() {
    Properties p = new Properties();
    for (String key : options.keySet()) {
      if (key.startsWith(PROPERTIES_PREFIX)) {
        p.setProperty(key.substring(PROPERTIES_PREFIX.length()), get(key));
      }
    }
    return p;
  }

  /**
   * Error for a value that cannot be used.
   *
   * @param key the key
   * @param value the value
   * @param expected what is accepted
   * @return the error
   */
  LaminarDBException invalid(String key, String value, String expected) {
    return new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid value '" + value
        + "' for KAFKA option '" + key + "' of " + object + ": expected " + expected);
  }

  /**
   * Error for a feature not supported yet.
   *
   * @param what what is not supported, and what is
   * @return the error
   */
  LaminarDBException unsupported(String what) {
    return new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, what + " (" + object + ")");
  }

  private String resolve(String key, String raw) {
    Matcher m = PLACEHOLDER.matcher(raw);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = variables.apply(m.group(1));
      if (value == null) {
        throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE, "KAFKA option '" + key
            + "' of " + object + " refers to ${" + m.group(1) + "}, which is not set (neither "
            + "given to LaminarDB.builder().variable, nor an environment variable, nor a Java "
            + "system property)");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
