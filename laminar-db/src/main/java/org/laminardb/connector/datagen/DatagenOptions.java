package org.laminardb.connector.datagen;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.internal.OptionValues;

/**
 * Source-level DATAGEN options ({@code rows_per_second}, {@code number_of_rows}, {@code seed})
 * and the per-column {@code fields.<column>.<property>} options grouped by column. Flink's
 * hyphenated spellings ({@code rows-per-second}, {@code null-rate}) are accepted as well.
 */
final class DatagenOptions {
  /** Parses the values of DATAGEN's options. */
  static final OptionValues VALUES = new OptionValues("DATAGEN option");
  static final String ROWS_PER_SECOND = "rows_per_second";
  static final String NUMBER_OF_ROWS = "number_of_rows";
  static final String SEED = "seed";
  static final String FIELDS_PREFIX = "fields.";
  static final String ACCEPTED = "rows_per_second, number_of_rows, seed, "
      + "fields.<column>.<property> (properties: " + String.join(", ", FieldSpec.PROPERTIES) + ")";

  private static final double DEFAULT_ROWS_PER_SECOND = 10;
  private static final double MAX_ROWS_PER_SECOND = 1e9;

  final double rowsPerSecond;
  final long numberOfRows;
  final long seed;
  /** Per column, in schema order: lower-case property name to value (absent: no options). */
  final Map<Field, Map<String, String>> fieldOptions;

  private DatagenOptions(double rowsPerSecond, long numberOfRows, long seed,
      Map<Field, Map<String, String>> fieldOptions) {
    this.rowsPerSecond = rowsPerSecond;
    this.numberOfRows = numberOfRows;
    this.seed = seed;
    this.fieldOptions = fieldOptions;
  }

  /**
   * Validates and groups the options of a source.
   *
   * @param source the source name, for messages
   * @param schema the source's columns
   * @param options the options, keys in lower case
   * @return the parsed options
   */
  static DatagenOptions parse(String source, Schema schema, Map<String, String> options) {
    Map<String, String> global = new LinkedHashMap<>();
    Map<Field, Map<String, String>> fields = new LinkedHashMap<>();
    for (Field f : schema.fields()) {
      fields.put(f, new LinkedHashMap<>());
    }
    for (Map.Entry<String, String> e : options.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (key.startsWith(FIELDS_PREFIX)) {
        putFieldOption(source, schema, fields, key, e.getValue());
      } else {
        put(global, normalize(key), key, e.getValue());
      }
    }
    double rate = DEFAULT_ROWS_PER_SECOND;
    long rows = -1;
    long seed = 0;
    for (Map.Entry<String, String> e : global.entrySet()) {
      String value = e.getValue();
      switch (e.getKey()) {
        case ROWS_PER_SECOND:
          rate = VALUES.parseDouble(ROWS_PER_SECOND, value);
          if (rate < 0 || rate > MAX_ROWS_PER_SECOND) {
            throw VALUES.invalid(ROWS_PER_SECOND, value,
                "a number of rows per second from 0 (unthrottled) to 1e9");
          }
          break;
        case NUMBER_OF_ROWS:
          rows = VALUES.parseLong(NUMBER_OF_ROWS, value, 0, Long.MAX_VALUE);
          break;
        case SEED:
          seed = VALUES.parseLong(SEED, value, Long.MIN_VALUE, Long.MAX_VALUE);
          break;
        default:
          throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE,
              "unknown DATAGEN option '" + e.getKey() + "' for source " + source
                  + "; accepted: " + ACCEPTED);
      }
    }
    return new DatagenOptions(rate, rows, seed, fields);
  }

  private static void putFieldOption(String source, Schema schema,
      Map<Field, Map<String, String>> fields, String key, String value) {
    int dot = key.lastIndexOf('.');
    String column = dot > FIELDS_PREFIX.length() ? key.substring(FIELDS_PREFIX.length(), dot) : "";
    String property = normalize(key.substring(dot + 1));
    int index = column.isEmpty() ? -1 : schema.indexOf(column);
    if (index < 0 || property.isEmpty()) {
      throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE,
          "DATAGEN option '" + key + "' does not name a column of source " + source
              + " (columns: " + columnList(schema) + "); accepted: " + ACCEPTED);
    }
    put(fields.get(schema.field(index)), property, key, value);
  }

  private static void put(Map<String, String> into, String name, String key, String value) {
    if (into.putIfAbsent(name, value) != null) {
      throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE,
          "DATAGEN option '" + key + "' is given twice (as '" + name + "' and '" + key + "')");
    }
  }

  private static String normalize(String name) {
    return name.replace('-', '_');
  }

  private static String columnList(Schema schema) {
    StringBuilder b = new StringBuilder();
    for (Field f : schema.fields()) {
      b.append(b.length() == 0 ? "" : ", ").append(f.name());
    }
    return b.toString();
  }
}
