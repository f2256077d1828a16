package org.laminardb.core.operator;

import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.type.Schema;

/**
 * Late rows of a window operator: counts them and, when there is a late-row output, copies them
 * (every input column) into a reused chunk handed to it when full and at {@link #flush()}.
 */
final class WindowLateRows {
  private final ChunkConsumer output;
  private final Chunk chunk;
  private long count;

  WindowLateRows(Schema input, ChunkConsumer output, int chunkCapacity) {
    this.output = output;
    this.chunk = output == null ? null : new Chunk(input, chunkCapacity);
  }

  /** Counts a late row and routes a copy of it. */
  void add(Chunk in, int row) {
    count++;
    if (chunk == null) {
      return;
    }
    if (chunk.isFull()) {
      flush();
    }
    chunk.appendCopy(in, row, RowKind.INSERT);
  }

  /** Hands the routed rows to the late-row output. */
  void flush() {
    if (chunk != null && chunk.size > 0) {
      output.onChunk(chunk);
      chunk.reset();
    }
  }

  long count() {
    return count;
  }
}
