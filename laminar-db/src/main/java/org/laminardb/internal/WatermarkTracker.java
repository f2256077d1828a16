package org.laminardb.internal;

import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.operator.Watermarks;

/**
 * The watermark of a source declared with {@code WATERMARK FOR col AS col - INTERVAL ...}: the
 * largest event time seen minus the bound, never moving back. It sits in front of the source's
 * entry and moves only after a chunk that ends a pushed batch ({@link Chunk#batchEnd}), so every
 * row of a batch is assigned to windows before the watermark moves; an explicit watermark from
 * the writer ({@link Chunk#watermark}) raises it too.
 *
 * <p>With an idle timeout, a source that receives nothing for that long reports {@link
 * Watermarks#IDLE} once (operators with several inputs then stop waiting for it) and its next
 * rows make it active again. Written on the reactor thread, read by any thread. Garbage free.
 */
final class WatermarkTracker implements ChunkConsumer {
  private final int column;
  private final long boundMicros;
  private final long idleTimeoutNanos;
  private ChunkConsumer next;
  private long maxSeen = Long.MIN_VALUE;
  private volatile long watermark = Watermarks.NONE;
  /** Wall clock (nanoTime) of the last row; not state: idleness restarts on restore. */
  private transient long lastActivity = System.nanoTime();
  private boolean idle;
  /**
   * Whether only explicit watermarks move it (a connector that computes the watermark per
   * partition); configuration, not state.
   */
  private transient boolean explicitOnly;

  WatermarkTracker(int column, long boundMicros, long idleTimeoutNanos) {
    this.column = column;
    this.boundMicros = boundMicros;
    this.idleTimeoutNanos = idleTimeoutNanos;
  }

  /** Sets where chunks and watermarks go (the source's entry). Before the first chunk. */
  void next(ChunkConsumer next) {
    this.next = next;
  }

  int column() {
    return column;
  }

  long boundMicros() {
    return boundMicros;
  }

  long idleTimeoutNanos() {
    return idleTimeoutNanos;
  }

  /**
   * Lets only the writer's explicit watermarks move this watermark, not the largest event time
   * seen: for a connector that computes the watermark itself (per partition). Before the first
   * chunk.
   */
  void explicitOnly() {
    this.explicitOnly = true;
  }

  long watermark() {
    return watermark;
  }

  @Override
  public void onChunk(Chunk chunk) {
    if (chunk.size > 0) {
      next.onChunk(chunk);
      Column c = chunk.columns[column];
      long max = maxSeen;
      for (int i = 0; i < chunk.size; i++) {
        if (!c.isNull(i) && c.longs[i] > max) {
          max = c.longs[i];
        }
      }
      maxSeen = max;
    }
    lastActivity = System.nanoTime();
    if (!chunk.batchEnd) {
      return;
    }
    long candidate = maxSeen == Long.MIN_VALUE || explicitOnly
        ? Watermarks.NONE : maxSeen - boundMicros;
    if (chunk.watermark != Long.MIN_VALUE && chunk.watermark > candidate) {
      candidate = chunk.watermark;
    }
    if (candidate > watermark) {
      watermark = candidate;
      idle = false;
      next.onWatermark(candidate);
    } else if (idle && watermark != Watermarks.NONE) {
      idle = false;
      next.onWatermark(watermark);
    }
  }

  /**
   * Reactor duty: reports the source idle once it has been quiet for the idle timeout.
   *
   * @return 1 when it reported, else 0
   */
  int checkIdle() {
    if (idleTimeoutNanos <= 0 || idle || System.nanoTime() - lastActivity < idleTimeoutNanos) {
      return 0;
    }
    idle = true;
    next.onWatermark(Watermarks.IDLE);
    return 1;
  }
}
