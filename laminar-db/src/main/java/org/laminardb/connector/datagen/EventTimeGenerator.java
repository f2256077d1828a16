package org.laminardb.connector.datagen;

import java.util.SplittableRandom;
import org.laminardb.core.chunk.Column;

/**
 * Event-time TIMESTAMP column: a base time that advances by a fixed step per row, minus an
 * optional seeded random lag of up to {@code maxLag} so that some rows arrive out of order.
 */
final class EventTimeGenerator implements FieldGenerator {
  private final SplittableRandom random;
  private final long step;
  private final long maxLag;
  private long next;

  /**
   * Creates the generator.
   *
   * @param random the seeded source of randomness, for the lag
   * @param start first base time, epoch microseconds
   * @param step advance per row, microseconds, not negative
   * @param maxLag largest lag, microseconds; 0 keeps rows in order
   */
  EventTimeGenerator(SplittableRandom random, long start, long step, long maxLag) {
    this.random = random;
    this.next = start;
    this.step = step;
    this.maxLag = maxLag;
  }

  @Override
  public void write(Column column, int row) {
    long base = next;
    next = base + step;
    column.longs[row] = maxLag > 0 ? base - random.nextLong(maxLag + 1) : base;
  }
}
