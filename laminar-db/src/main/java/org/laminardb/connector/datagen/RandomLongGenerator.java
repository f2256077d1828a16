package org.laminardb.connector.datagen;

import java.util.SplittableRandom;
import org.laminardb.core.chunk.Column;

/**
 * Uniform random values in an inclusive range of a long-backed type (BOOLEAN, INT, BIGINT,
 * unscaled DECIMAL, TIMESTAMP micros, DATE days).
 */
final class RandomLongGenerator implements FieldGenerator {
  private final SplittableRandom random;
  private final long min;
  private final long max;

  /**
   * Creates the generator.
   *
   * @param random the seeded source of randomness
   * @param min smallest value
   * @param max largest value, at least min
   */
  RandomLongGenerator(SplittableRandom random, long min, long max) {
    this.random = random;
    this.min = min;
    this.max = max;
  }

  @Override
  public void write(Column column, int row) {
    column.longs[row] = next();
  }

  private long next() {
    if (max < Long.MAX_VALUE) {
      return random.nextLong(min, max + 1);
    }
    if (min > Long.MIN_VALUE) {
      return random.nextLong(min - 1, max) + 1;
    }
    return random.nextLong();
  }
}
