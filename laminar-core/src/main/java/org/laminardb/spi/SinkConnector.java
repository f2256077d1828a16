package org.laminardb.spi;

import org.laminardb.core.chunk.Chunk;

/**
 * Running sink: receives the changelog rows of its input on a dedicated (ring 1) thread, never on
 * a reactor thread, so it may block on I/O.
 */
public interface SinkConnector extends AutoCloseable {
  /**
   * Writes the rows of a chunk (each with its {@link org.laminardb.core.chunk.RowKind}).
   *
   * @param chunk the rows; valid only during the call
   */
  void write(Chunk chunk);

  /** Flushes and releases resources. */
  @Override
  void close();
}
