package org.laminardb.core.operator;

import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.type.Schema;

/**
 * A first-in first-out queue of rows copied from chunks: the rows of a lookup join waiting
 * behind a cache miss. Chunks are recycled, so it is garbage free once it has grown to its
 * largest size; single-threaded.
 */
final class PendingRows {
  private final Schema schema;
  private final int chunkCapacity;
  /** Ring of chunks; those from {@code head} for {@code used} entries hold rows. */
  private Chunk[] chunks = new Chunk[4];
  private int head;
  private int used;
  /** Next row to take from the head chunk. */
  private int headRow;
  private int size;

  PendingRows(Schema schema, int chunkCapacity) {
    this.schema = schema;
    this.chunkCapacity = chunkCapacity;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Appends a copy of a row, with its kind. */
  void add(Chunk in, int row) {
    Chunk tail = used == 0 ? null : chunks[(head + used - 1) % chunks.length];
    if (tail == null || tail.isFull()) {
      tail = nextChunk();
    }
    tail.appendCopy(in, row, in.kinds[row]);
    size++;
  }

  private Chunk nextChunk() {
    if (used == chunks.length) {
      Chunk[] grown = new Chunk[chunks.length * 2];
      for (int i = 0; i < used; i++) {
        grown[i] = chunks[(head + i) % chunks.length];
      }
      chunks = grown;
      head = 0;
    }
    int i = (head + used) % chunks.length;
    if (chunks[i] == null) {
      chunks[i] = new Chunk(schema, chunkCapacity);
    }
    used++;
    return chunks[i];
  }

  /** The chunk holding the oldest row. Not empty. */
  Chunk headChunk() {
    return chunks[head];
  }

  /** The oldest row's index in {@link #headChunk()}. */
  int headRow() {
    return headRow;
  }

  /** Removes the oldest row. */
  void pop() {
    size--;
    Chunk c = chunks[head];
    if (++headRow == c.size) {
      c.reset();
      headRow = 0;
      head = (head + 1) % chunks.length;
      used--;
    }
  }
}
