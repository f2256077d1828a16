package org.laminardb.core.chunk;

import org.laminardb.core.type.Schema;

/**
 * Fixed-capacity columnar batch of rows: one {@link Column} per schema field plus one
 * {@link RowKind} byte per row. Chunks are pooled and reused; nothing is allocated per row.
 *
 * <p>Strings are held as references: rows pushed through the Java API arrive as {@link String}s
 * already, so keeping the reference is zero-copy (see {@code docs/ARCHITECTURE.md}).
 *
 * <p>Not thread-safe: a chunk is owned by one thread at a time and handed over through a
 * {@link org.laminardb.core.queue.ChunkChannel}.
 */
public final class Chunk {
  private final Schema schema;
  private final int capacity;
  /** The columns, in schema order. */
  public final Column[] columns;
  /** Change kind per row, see {@link RowKind}. */
  public final byte[] kinds;
  /** Rows in use, {@code 0 <= size <= capacity}. */
  public int size;
  /**
   * Set by a writer on the last chunk of a pushed batch (an insert call, an INSERT statement, a
   * bulk flush): the source's watermark may move after this chunk, never after a chunk that ends
   * inside a batch.
   */
  public boolean batchEnd;
  /**
   * A watermark the writer set explicitly, applied after this chunk's rows, or {@code
   * Long.MIN_VALUE} for none.
   */
  public long watermark = Long.MIN_VALUE;
  /**
   * Position of the source connector after this chunk's rows (opaque bytes the connector reads
   * back to resume, e.g. Kafka offsets per partition), or null. Set by a {@link
   * org.laminardb.core.queue.ChunkWriter} that tracks positions; a durable database logs it with
   * the chunk. The array is never changed once set.
   */
  public byte[] position;

  /**
   * Creates an empty chunk.
   *
   * @param schema row layout
   * @param capacity maximum rows
   */
  public Chunk(Schema schema, int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("chunk capacity must be positive: capacity=" + capacity);
    }
    this.schema = schema;
    this.capacity = capacity;
    this.columns = new Column[schema.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = new Column(schema.field(i).type(), capacity);
    }
    this.kinds = new byte[capacity];
  }

  /**
   * Row layout.
   *
   * @return the schema
   */
  public Schema schema() {
    return schema;
  }

  /**
   * Maximum rows.
   *
   * @return the capacity
   */
  public int capacity() {
    return capacity;
  }

  /**
   * Whether no more rows fit.
   *
   * @return true when full
   */
  public boolean isFull() {
    return size == capacity;
  }

  /** Empties the chunk for reuse: size 0, null bits cleared, string references dropped. */
  public void reset() {
    for (Column c : columns) {
      c.clear(size);
    }
    size = 0;
    batchEnd = false;
    watermark = Long.MIN_VALUE;
    position = null;
  }

  /**
   * Appends a copy of a row of another chunk with the same physical layout.
   *
   * @param src source chunk
   * @param row source row
   * @param kind row kind to give the copy
   * @return the index of the new row
   */
  public int appendCopy(Chunk src, int row, byte kind) {
    int r = size++;
    for (int c = 0; c < columns.length; c++) {
      columns[c].copyFrom(r, src.columns[c], row);
    }
    kinds[r] = kind;
    return r;
  }
}
