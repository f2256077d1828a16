package org.laminardb.core.operator;

import org.laminardb.core.chunk.Chunk;

/**
 * Receiver of chunks on a reactor thread: an operator input, a materialized view, a subscriber
 * hand-off. The chunk is only valid during the call and must not be kept; copy what must outlive
 * it.
 */
@FunctionalInterface
public interface ChunkConsumer {
  /**
   * Processes the rows of a chunk.
   *
   * @param chunk rows with their change kinds; valid only during the call
   */
  void onChunk(Chunk chunk);

  /**
   * Receives the event-time watermark of the input: no row with an event time at or below it is
   * expected any more (rows that still come are late). Called after the chunks it follows, never
   * inside a chunk, with non-decreasing values, or with {@link Watermarks#IDLE} when the input
   * went idle. An operator first emits everything the watermark makes final (closed windows),
   * then forwards a watermark for its own output downstream. The default ignores it, which is
   * right only for terminal consumers (stores, subscriber hand-offs).
   *
   * @param watermark event time in microseconds since the epoch, or {@link Watermarks#IDLE}
   */
  default void onWatermark(long watermark) {}
}
