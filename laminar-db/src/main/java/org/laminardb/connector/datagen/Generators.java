package org.laminardb.connector.datagen;

import java.util.SplittableRandom;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.TypeKind;

/** Builders of the value generators of each kind, from validated column options. */
final class Generators {
  private static final String DEFAULT_EVENT_START = "2024-01-01 00:00:00";
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long UNTHROTTLED_STEP = 1_000L;
  private static final String DEFAULT_MIN_NUMBER = "0";
  private static final String DEFAULT_MAX_NUMBER = "1000";

  private Generators() {}

  /**
   * Exact sequence from {@code start} (default 1) to {@code end} (default: the type's largest).
   *
   * @param o the column's options
   * @param type the column type
   * @return the generator
   */
  static FieldGenerator sequence(FieldSpec.Options o, DataType type) {
    long max = Long.MAX_VALUE;
    long scaleFactor = 1;
    if (type.kind() == TypeKind.INT) {
      max = Integer.MAX_VALUE;
    } else if (type.kind() == TypeKind.DECIMAL) {
      max = pow10(type.precision() - type.scale()) - 1;
      scaleFactor = pow10(type.scale());
    }
    long min = type.kind() == TypeKind.INT ? Integer.MIN_VALUE : max == Long.MAX_VALUE
        ? Long.MIN_VALUE : -max;
    long start = DatagenOptions.VALUES.parseLong(o.key(FieldSpec.START), o.get(FieldSpec.START, "1"), min, max);
    long end = o.has(FieldSpec.END)
        ? DatagenOptions.VALUES.parseLong(o.key(FieldSpec.END), o.get(FieldSpec.END), start, max)
        : max;
    return new SequenceGenerator(type.kind(), start, end, scaleFactor);
  }

  /**
   * Event time advancing by {@code step} (default: one second divided by the rate) from
   * {@code start}, lagging by up to {@code max_out_of_orderness}.
   *
   * @param o the column's options
   * @param rowsPerSecond the source's rate; 0 means unthrottled (default step 1 ms)
   * @param random the column's randomness
   * @return the generator
   */
  static FieldGenerator eventTime(FieldSpec.Options o, double rowsPerSecond,
      SplittableRandom random) {
    long start = DatagenOptions.VALUES.parseTimestamp(o.key(FieldSpec.START),
        o.get(FieldSpec.START, DEFAULT_EVENT_START));
    long step = rowsPerSecond > 0
        ? Math.max(1, Math.round(MICROS_PER_SECOND / rowsPerSecond))
        : UNTHROTTLED_STEP;
    if (o.has(FieldSpec.STEP)) {
      step = DatagenOptions.VALUES.parseDuration(o.key(FieldSpec.STEP), o.get(FieldSpec.STEP));
    }
    long lag = o.has(FieldSpec.MAX_OUT_OF_ORDERNESS)
        ? DatagenOptions.VALUES.parseDuration(o.key(FieldSpec.MAX_OUT_OF_ORDERNESS),
            o.get(FieldSpec.MAX_OUT_OF_ORDERNESS))
        : 0;
    return new EventTimeGenerator(random, start, step, lag);
  }

  /**
   * Random values: a pick from {@code values}, strings of {@code length}, or a uniform value
   * between {@code min} and {@code max}.
   *
   * @param o the column's options
   * @param type the column type
   * @param random the column's randomness
   * @return the generator
   */
  static FieldGenerator random(FieldSpec.Options o, DataType type, SplittableRandom random) {
    if (o.has(FieldSpec.VALUES)) {
      return pick(o, type, random);
    }
    if (type.physical() == PhysicalKind.STRING) {
      return new RandomStringGenerator(random, o.length());
    }
    if (type.physical() == PhysicalKind.DOUBLE) {
      double min = DatagenOptions.VALUES.parsePhysicalDouble(o.key(FieldSpec.MIN),
          o.get(FieldSpec.MIN, DEFAULT_MIN_NUMBER), type);
      double max = DatagenOptions.VALUES.parsePhysicalDouble(o.key(FieldSpec.MAX),
          o.get(FieldSpec.MAX, DEFAULT_MAX_NUMBER), type);
      checkRange(o, min <= max, min, max);
      return new RandomDoubleGenerator(random, min, max, type.kind() == TypeKind.REAL);
    }
    if (type.kind() == TypeKind.BOOLEAN) {
      return new RandomLongGenerator(random, 0, 1);
    }
    long min = o.has(FieldSpec.MIN)
        ? DatagenOptions.VALUES.parsePhysicalLong(o.key(FieldSpec.MIN), o.get(FieldSpec.MIN), type)
        : defaultMin(type);
    long max = o.has(FieldSpec.MAX)
        ? DatagenOptions.VALUES.parsePhysicalLong(o.key(FieldSpec.MAX), o.get(FieldSpec.MAX), type)
        : defaultMax(type);
    checkRange(o, min <= max, min, max);
    return new RandomLongGenerator(random, min, max);
  }

  private static FieldGenerator pick(FieldSpec.Options o, DataType type, SplittableRandom random) {
    String option = o.key(FieldSpec.VALUES);
    String text = o.get(FieldSpec.VALUES);
    String[] parts = text.split(",", -1);
    if (text.isBlank()) {
      throw DatagenOptions.VALUES.invalid(option, text, "a comma-separated list of values");
    }
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].trim();
    }
    switch (type.physical()) {
      case STRING:
        return PickGenerator.ofStrings(random, parts);
      case DOUBLE:
        double[] doubles = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
          doubles[i] = DatagenOptions.VALUES.parsePhysicalDouble(option, parts[i], type);
        }
        return PickGenerator.ofDoubles(random, doubles);
      default:
        long[] longs = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
          longs[i] = DatagenOptions.VALUES.parsePhysicalLong(option, parts[i], type);
        }
        return PickGenerator.ofLongs(random, longs);
    }
  }

  private static long defaultMin(DataType type) {
    switch (type.kind()) {
      case TIMESTAMP:
        return DatagenOptions.VALUES.parseTimestamp("min", DEFAULT_EVENT_START);
      case DATE:
        return DatagenOptions.VALUES.parseDate("min", "2024-01-01");
      default:
        return 0;
    }
  }

  private static long defaultMax(DataType type) {
    long max;
    switch (type.kind()) {
      case TIMESTAMP:
        max = DatagenOptions.VALUES.parseTimestamp("max", "2024-12-31 23:59:59.999999");
        break;
      case DATE:
        max = DatagenOptions.VALUES.parseDate("max", "2024-12-31");
        break;
      case DECIMAL:
        int integerDigits = type.precision() - type.scale();
        max = integerDigits > 3 ? 1000 * pow10(type.scale()) : pow10(type.precision()) - 1;
        break;
      default:
        max = 1000;
        break;
    }
    return max;
  }

  private static void checkRange(FieldSpec.Options o, boolean ordered, Object min, Object max) {
    if (!ordered) {
      throw DatagenOptions.VALUES.invalid(o.key(FieldSpec.MAX), o.get(FieldSpec.MAX, String.valueOf(max)),
          "a value not below " + o.key(FieldSpec.MIN) + " (" + o.get(FieldSpec.MIN,
              String.valueOf(min)) + ")");
    }
  }

  private static long pow10(int exponent) {
    long v = 1;
    for (int i = 0; i < exponent; i++) {
      v *= 10;
    }
    return v;
  }
}
