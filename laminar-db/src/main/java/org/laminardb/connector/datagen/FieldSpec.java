package org.laminardb.connector.datagen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/** Validated generation plan of one column: its value generator and its NULL rate. */
final class FieldSpec {
  static final String KIND = "kind";
  static final String START = "start";
  static final String END = "end";
  static final String STEP = "step";
  static final String MIN = "min";
  static final String MAX = "max";
  static final String LENGTH = "length";
  static final String VALUES = "values";
  static final String NULL_RATE = "null_rate";
  static final String MAX_OUT_OF_ORDERNESS = "max_out_of_orderness";
  static final List<String> PROPERTIES = List.of(
      KIND, START, END, STEP, MIN, MAX, LENGTH, VALUES, NULL_RATE, MAX_OUT_OF_ORDERNESS);

  static final String SEQUENCE = "sequence";
  static final String RANDOM = "random";
  static final String EVENT_TIME = "event_time";

  private static final List<TypeKind> SUPPORTED = List.of(TypeKind.BOOLEAN, TypeKind.INT,
      TypeKind.BIGINT, TypeKind.DOUBLE, TypeKind.REAL, TypeKind.DECIMAL, TypeKind.VARCHAR,
      TypeKind.TIMESTAMP, TypeKind.DATE);
  private static final List<TypeKind> SEQUENCE_TYPES = List.of(TypeKind.INT, TypeKind.BIGINT,
      TypeKind.DECIMAL, TypeKind.DOUBLE, TypeKind.REAL, TypeKind.VARCHAR);
  private static final int DEFAULT_STRING_LENGTH = 10;
  private static final int MAX_STRING_LENGTH = 1 << 20;

  final FieldGenerator generator;
  final double nullRate;

  private FieldSpec(FieldGenerator generator, double nullRate) {
    this.generator = generator;
    this.nullRate = nullRate;
  }

  /**
   * Validates the options of a column and builds its generator.
   *
   * @param field the column
   * @param props its options: property name (lower case, underscores) to value
   * @param rowsPerSecond the source's rate, for the default event-time step
   * @param random the column's seeded randomness
   * @return the plan
   */
  static FieldSpec create(Field field, Map<String, String> props, double rowsPerSecond,
      SplittableRandom random) {
    DataType type = field.type();
    Options o = new Options(field, props);
    if (!SUPPORTED.contains(type.kind())) {
      throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE,
          "DATAGEN cannot generate column " + field.name() + " of type " + type.sqlName()
              + "; supported types: BOOLEAN, INT, BIGINT, DOUBLE, REAL, DECIMAL, VARCHAR, "
              + "TIMESTAMP, DATE");
    }
    String kind = o.get(KIND, type.kind() == TypeKind.TIMESTAMP ? EVENT_TIME : RANDOM)
        .trim().toLowerCase(Locale.ROOT);
    List<String> kinds = kindsFor(type.kind());
    if (!kinds.contains(kind)) {
      throw DatagenOptions.VALUES.invalid(o.key(KIND), kind,
          "one of " + String.join(", ", kinds) + " for a " + type.sqlName() + " column");
    }
    o.checkProperties(allowedProperties(kind, type.kind()), kind);
    double nullRate = o.has(NULL_RATE) ? DatagenOptions.VALUES.parseDouble(o.key(NULL_RATE), o.get(NULL_RATE))
        : 0;
    if (nullRate < 0 || nullRate > 1 || (nullRate > 0 && !type.nullable())) {
      throw DatagenOptions.VALUES.invalid(o.key(NULL_RATE), o.get(NULL_RATE),
          type.nullable() ? "a fraction from 0 to 1" : "0, since the column is NOT NULL");
    }
    FieldGenerator g;
    if (kind.equals(SEQUENCE)) {
      g = Generators.sequence(o, type);
    } else if (kind.equals(EVENT_TIME)) {
      g = Generators.eventTime(o, rowsPerSecond, random);
    } else {
      g = Generators.random(o, type, random);
    }
    return new FieldSpec(g, nullRate);
  }

  private static List<String> kindsFor(TypeKind kind) {
    List<String> kinds = new ArrayList<>();
    if (kind == TypeKind.TIMESTAMP) {
      kinds.add(EVENT_TIME);
    }
    kinds.add(RANDOM);
    if (SEQUENCE_TYPES.contains(kind)) {
      kinds.add(SEQUENCE);
    }
    return kinds;
  }

  private static List<String> allowedProperties(String kind, TypeKind type) {
    List<String> allowed = new ArrayList<>(List.of(KIND));
    if (kind.equals(SEQUENCE)) {
      allowed.addAll(List.of(START, END));
    } else if (kind.equals(EVENT_TIME)) {
      allowed.addAll(List.of(START, STEP, MAX_OUT_OF_ORDERNESS));
    } else if (type == TypeKind.VARCHAR) {
      allowed.addAll(List.of(LENGTH, VALUES));
    } else if (type == TypeKind.BOOLEAN) {
      allowed.add(VALUES);
    } else {
      allowed.addAll(List.of(MIN, MAX, VALUES));
    }
    allowed.add(NULL_RATE);
    return allowed;
  }

  /** Options of one column, with the full option keys for messages. */
  static final class Options {
    private final Field field;
    private final Map<String, String> props;
    private final String prefix;

    Options(Field field, Map<String, String> props) {
      this.field = field;
      this.props = props;
      this.prefix = DatagenOptions.FIELDS_PREFIX + field.name().toLowerCase(Locale.ROOT) + ".";
    }

    boolean has(String property) {
      return props.containsKey(property);
    }

    String get(String property) {
      return props.get(property);
    }

    String get(String property, String defaultValue) {
      return props.getOrDefault(property, defaultValue);
    }

    String key(String property) {
      return prefix + property;
    }

    int length() {
      return has(LENGTH) ? (int) DatagenOptions.VALUES.parseLong(key(LENGTH), get(LENGTH), 0, MAX_STRING_LENGTH)
          : DEFAULT_STRING_LENGTH;
    }

    void checkProperties(List<String> allowed, String kind) {
      for (String p : props.keySet()) {
        if (!allowed.contains(p)) {
          List<String> keys = new ArrayList<>();
          allowed.forEach(a -> keys.add(key(a)));
          throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE,
              "DATAGEN option '" + key(p) + "' does not apply to column " + field.name() + " ("
                  + field.type().sqlName() + ", kind " + kind + "); accepted: "
                  + String.join(", ", keys));
        }
      }
      if (has(VALUES) && (has(MIN) || has(MAX) || has(LENGTH))) {
        throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE,
            "DATAGEN option '" + key(VALUES) + "' cannot be combined with min, max or length");
      }
    }
  }
}
