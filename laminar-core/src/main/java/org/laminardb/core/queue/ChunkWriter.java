package org.laminardb.core.queue;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Producer side of a {@link ChunkChannel} that fills chunks row by row: {@link #beginRow()}, set
 * values, {@link #endRow()}, and {@link #flush()} to publish a partly filled chunk. When every
 * chunk is in flight the writer waits with an idle strategy (back-pressure) until the consumer
 * frees one, or until the channel is closed.
 *
 * <p>Garbage free in steady state. Single-threaded: one producer thread at a time.
 */
public final class ChunkWriter {
  private final ChunkChannel channel;
  /** Entered around every publish, or null. */
  private final PublishGate gate;
  private final IdleStrategy idle = new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
  private Chunk current;
  private int row = -1;
  /** Rows were published (full chunks) since the last batch end. */
  private boolean openBatch;
  private volatile boolean closed;
  /** Source of the connector's position, asked at every publish, or null. */
  private PositionSource positions;

  /**
   * Creates a writer over a channel.
   *
   * @param channel the channel it produces into
   */
  public ChunkWriter(ChunkChannel channel) {
    this(channel, null);
  }

  /**
   * Creates a writer whose every publish passes a gate (a durable database's connectors publish
   * only while no checkpoint is fixing its cut).
   *
   * @param channel the channel it produces into
   * @param gate entered before and left after each publish, or null
   */
  public ChunkWriter(ChunkChannel channel, PublishGate gate) {
    this.channel = channel;
    this.gate = gate;
  }

  /** What a writer enters around each publish. */
  public interface PublishGate {
    /**
     * Waits until publishing is allowed.
     *
     * @return false if the wait was interrupted: the chunk is then not published
     */
    boolean enter();

    /** Ends a publish begun by a successful {@link #enter()}. */
    void exit();
  }

  /**
   * Position of a source connector: what it has consumed up to and including the last row it
   * completed with {@link #endRow()} (or skipped). The writer asks for it at each publish and
   * attaches it to the chunk ({@link Chunk#position}), so that a durable database logs each
   * chunk together with the position after it, atomically.
   */
  @FunctionalInterface
  public interface PositionSource {
    /**
     * Encodes the current position.
     *
     * @return a new array (it is kept, never changed), or null for none
     */
    byte[] position();
  }

  /**
   * Makes every publish carry the connector's position (see {@link PositionSource}). The
   * connector must advance its position before {@link #endRow()} of each row, since a full
   * chunk is published inside that call. Called by the producer thread before its first row.
   *
   * @param source the position source, or null to stop tracking
   */
  public void trackPosition(PositionSource source) {
    this.positions = source;
  }

  /**
   * The channel written to.
   *
   * @return the channel
   */
  public ChunkChannel channel() {
    return channel;
  }

  /**
   * Starts a row of kind INSERT, claiming a chunk (and waiting for one) if needed.
   *
   * @return the row index in {@link #chunk()}
   */
  public int beginRow() {
    return beginRow(RowKind.INSERT);
  }

  /**
   * Starts a row of the given kind.
   *
   * @param kind the {@link RowKind}
   * @return the row index in {@link #chunk()}
   */
  public int beginRow(byte kind) {
    if (current == null) {
      current = claim();
    }
    row = current.size;
    current.kinds[row] = kind;
    return row;
  }

  /**
   * The chunk being filled; valid between {@link #beginRow()} and {@link #endRow()}.
   *
   * @return the chunk
   */
  public Chunk chunk() {
    return current;
  }

  /**
   * Column of the chunk being filled.
   *
   * @param index column index
   * @return the column
   */
  public Column column(int index) {
    return current.columns[index];
  }

  /**
   * Index of the row being written.
   *
   * @return the row index
   */
  public int row() {
    return row;
  }

  /** Completes the current row; publishes the chunk when it is full. */
  public void endRow() {
    current.size = row + 1;
    row = -1;
    if (current.isFull()) {
      publish();
    }
  }

  /** Drops the row started by {@link #beginRow()} (its null bits are cleared). */
  public void abortRow() {
    if (row >= 0) {
      for (Column c : current.columns) {
        if (c.hasNulls) {
          c.nulls[row >>> 6] &= ~(1L << row);
        }
      }
      row = -1;
    }
  }

  /**
   * Publishes the rows written so far, if any, as the end of a batch: the source's watermark may
   * move after them.
   */
  public void flush() {
    flush(false);
  }

  /**
   * Publishes the rows written so far as the end of a batch; with {@code force}, publishes an
   * empty chunk even when there are none, so that a position that moved without rows (records
   * skipped by the connector) is carried to the database.
   *
   * @param force publish even without rows
   */
  public void flush(boolean force) {
    if (force && (current == null || current.size == 0) && !openBatch) {
      if (current == null) {
        current = claim();
      }
      current.batchEnd = true;
      publish();
      return;
    }
    if (current != null && current.size > 0) {
      current.batchEnd = true;
      publish();
    } else if (openBatch) {
      // The batch ended exactly at a full chunk: an empty chunk marks its end.
      if (current == null) {
        current = claim();
      }
      current.batchEnd = true;
      publish();
    }
  }

  /**
   * Publishes the rows written so far (as the end of a batch) followed by an explicit watermark.
   *
   * @param watermark event time in microseconds since the epoch
   */
  public void watermark(long watermark) {
    if (current == null) {
      current = claim();
    }
    current.batchEnd = true;
    current.watermark = watermark;
    publish();
  }

  /** Stops waiting for space; later writes fail. Pending rows are dropped. */
  public void close() {
    closed = true;
    if (current != null) {
      channel.abandon(current);
      current = null;
    }
  }

  /**
   * Whether {@link #close()} was called.
   *
   * @return true once closed
   */
  public boolean isClosed() {
    return closed;
  }

  private void publish() {
    if (gate != null && !gate.enter()) {
      throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "publishing was interrupted (the source is being dropped or the database closed)");
    }
    try {
      openBatch = !current.batchEnd;
      if (positions != null) {
        current.position = positions.position();
      }
      channel.publish(current);
      current = null;
    } finally {
      if (gate != null) {
        gate.exit();
      }
    }
  }

  private Chunk claim() {
    Chunk c;
    idle.reset();
    while ((c = channel.claim()) == null) {
      if (closed) {
        throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
            "the writer is closed (its source was dropped or the database closed)");
      }
      idle.idle();
    }
    if (closed) {
      channel.abandon(c);
      throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "the writer is closed (its source was dropped or the database closed)");
    }
    return c;
  }
}
