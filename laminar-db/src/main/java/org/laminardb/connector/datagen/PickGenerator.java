package org.laminardb.connector.datagen;

import java.util.SplittableRandom;
import org.laminardb.core.chunk.Column;

/** Uniform random pick from a fixed list of values, held in the column's physical form. */
final class PickGenerator implements FieldGenerator {
  private final SplittableRandom random;
  private final long[] longs;
  private final double[] doubles;
  private final String[] strings;
  private final int count;

  private PickGenerator(SplittableRandom random, long[] longs, double[] doubles, String[] strings) {
    this.random = random;
    this.longs = longs;
    this.doubles = doubles;
    this.strings = strings;
    this.count = longs != null ? longs.length : doubles != null ? doubles.length : strings.length;
  }

  /**
   * Picks from long-backed values.
   *
   * @param random the seeded source of randomness
   * @param values the values, not empty
   * @return the generator
   */
  static PickGenerator ofLongs(SplittableRandom random, long[] values) {
    return new PickGenerator(random, values.clone(), null, null);
  }

  /**
   * Picks from double-backed values.
   *
   * @param random the seeded source of randomness
   * @param values the values, not empty
   * @return the generator
   */
  static PickGenerator ofDoubles(SplittableRandom random, double[] values) {
    return new PickGenerator(random, null, values.clone(), null);
  }

  /**
   * Picks from strings.
   *
   * @param random the seeded source of randomness
   * @param values the values, not empty
   * @return the generator
   */
  static PickGenerator ofStrings(SplittableRandom random, String[] values) {
    return new PickGenerator(random, null, null, values.clone());
  }

  @Override
  public void write(Column column, int row) {
    int i = count == 1 ? 0 : random.nextInt(count);
    if (longs != null) {
      column.longs[row] = longs[i];
    } else if (doubles != null) {
      column.doubles[row] = doubles[i];
    } else {
      column.strings[row] = strings[i];
    }
  }
}
