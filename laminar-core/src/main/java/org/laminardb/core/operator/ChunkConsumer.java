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
}
