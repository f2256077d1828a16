package org.laminardb.connector.datagen;

import java.util.SplittableRandom;
import org.laminardb.core.chunk.Column;

/** Uniform random DOUBLE or REAL values in {@code [min, max)} (exactly min when they are equal). */
final class RandomDoubleGenerator implements FieldGenerator {
  private final SplittableRandom random;
  private final double min;
  private final double max;
  private final boolean real;

  /**
   * Creates the generator.
   *
   * @param random the seeded source of randomness
   * @param min smallest value
   * @param max bound, at least min
   * @param real whether values are rounded to 32-bit floats
   */
  RandomDoubleGenerator(SplittableRandom random, double min, double max, boolean real) {
    this.random = random;
    this.min = min;
    this.max = max;
    this.real = real;
  }

  @Override
  public void write(Column column, int row) {
    double v = min < max ? random.nextDouble(min, max) : min;
    column.doubles[row] = real ? (float) v : v;
  }
}
