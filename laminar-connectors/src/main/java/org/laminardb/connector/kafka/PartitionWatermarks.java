package org.laminardb.connector.kafka;

import org.laminardb.core.operator.Watermarks;

/**
 * The watermark of a partitioned source: per partition the largest event time seen minus the
 * bound, combined as the minimum over the partitions; a partition that has received nothing for
 * the idle timeout is left out (it does not hold the others back) until it receives again. A
 * partition that has not received anything yet holds the watermark back until it goes idle.
 * When every partition is idle, the watermark is the largest of their watermarks: nothing is
 * arriving, so the windows everything seen so far belongs to may close.
 * Single-threaded (the consumer thread); garbage free.
 */
final class PartitionWatermarks {
  private final long boundMicros;
  private final long idleNanos;
  private long[] maxSeen = new long[0];
  private long[] lastActivity = new long[0];

  /**
   * Creates the tracker.
   *
   * @param boundMicros the bound subtracted from event times
   * @param idleNanos the idle timeout, 0 for none
   */
  PartitionWatermarks(long boundMicros, long idleNanos) {
    this.boundMicros = boundMicros;
    this.idleNanos = idleNanos;
  }

  /**
   * Adds partitions up to a slot count (new slots start now, with nothing seen).
   *
   * @param slots the number of partition slots
   * @param now System.nanoTime()
   */
  void ensure(int slots, long now) {
    int old = maxSeen.length;
    if (slots <= old) {
      return;
    }
    maxSeen = java.util.Arrays.copyOf(maxSeen, slots);
    lastActivity = java.util.Arrays.copyOf(lastActivity, slots);
    for (int i = old; i < slots; i++) {
      maxSeen[i] = Long.MIN_VALUE;
      lastActivity[i] = now;
    }
  }

  /**
   * Records activity of a partition.
   *
   * @param slot the partition's slot
   * @param now System.nanoTime()
   */
  void touch(int slot, long now) {
    lastActivity[slot] = now;
  }

  /**
   * Records an event time of a partition.
   *
   * @param slot the partition's slot
   * @param eventTime epoch microseconds
   */
  void observe(int slot, long eventTime) {
    if (eventTime > maxSeen[slot]) {
      maxSeen[slot] = eventTime;
    }
  }

  /**
   * The combined watermark now.
   *
   * @param now System.nanoTime()
   * @return the minimum over the active partitions (the maximum when all are idle), or {@link
   *     Watermarks#NONE} if an active partition has seen nothing or none has seen anything
   */
  long current(long now) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < maxSeen.length; i++) {
      if (maxSeen[i] != Long.MIN_VALUE) {
        max = Math.max(max, maxSeen[i] - boundMicros);
      }
      if (idleNanos > 0 && now - lastActivity[i] >= idleNanos) {
        continue;
      }
      if (maxSeen[i] == Long.MIN_VALUE) {
        return Watermarks.NONE;
      }
      min = Math.min(min, maxSeen[i] - boundMicros);
    }
    if (min != Long.MAX_VALUE) {
      return min;
    }
    return max == Long.MIN_VALUE ? Watermarks.NONE : max;
  }
}
