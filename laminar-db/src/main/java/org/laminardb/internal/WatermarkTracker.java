package org.laminardb.internal;

import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.operator.ChunkConsumer;

/**
 * Tracks a source's watermark as declared by {@code WATERMARK FOR col AS col - INTERVAL ...}: the
 * largest event time seen minus the bound, never moving back. The watermark moves between chunks
 * (whole pushed batches), not inside one. Written on the reactor thread, read by any thread.
 * Garbage free.
 */
final class WatermarkTracker implements ChunkConsumer {
  private final int column;
  private final long boundMicros;
  private volatile long watermark = Long.MIN_VALUE;

  WatermarkTracker(int column, long boundMicros) {
    this.column = column;
    this.boundMicros = boundMicros;
  }

  long watermark() {
    return watermark;
  }

  @Override
  public void onChunk(Chunk chunk) {
    Column c = chunk.columns[column];
    long max = Long.MIN_VALUE;
    for (int i = 0; i < chunk.size; i++) {
      if (!c.isNull(i) && c.longs[i] > max) {
        max = c.longs[i];
      }
    }
    if (max != Long.MIN_VALUE && max - boundMicros > watermark) {
      watermark = max - boundMicros;
    }
  }
}
