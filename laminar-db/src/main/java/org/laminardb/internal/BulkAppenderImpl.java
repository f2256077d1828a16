package org.laminardb.internal;

import org.laminardb.BulkAppender;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.queue.ChunkWriter;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.Schema;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Columnar appender writing straight into the writer's pooled chunks. Garbage free: values go
 * into the column arrays; a row's unset columns become NULL.
 *
 * <p>Per value one array read and one branch check the physical kind; per row, bit masks of the
 * columns set and set to NULL make {@link #endRow()} constant time when every column was given a
 * value (the usual case): only unset columns are visited, and NOT NULL is checked with one mask
 * operation.
 */
final class BulkAppenderImpl implements BulkAppender {
  private final Schema schema;
  private final ChunkWriter writer;
  private final SourceWriterImpl owner;
  private final PhysicalKind[] kinds;
  private final int width;
  /** Bits of the columns declared NOT NULL. */
  private final long[] notNull;
  /** Bits of the columns set in the current row. */
  private final long[] set;
  /** Bits of the columns set to NULL in the current row. */
  private final long[] nulls;
  private int row = -1;

  BulkAppenderImpl(Schema schema, ChunkWriter writer, SourceWriterImpl owner) {
    this.schema = schema;
    this.writer = writer;
    this.owner = owner;
    this.width = schema.size();
    this.kinds = new PhysicalKind[width];
    int words = (width + 63) >>> 6;
    this.notNull = new long[words];
    this.set = new long[words];
    this.nulls = new long[words];
    for (int c = 0; c < width; c++) {
      kinds[c] = schema.field(c).type().physical();
      if (!schema.field(c).type().nullable()) {
        notNull[c >>> 6] |= 1L << c;
      }
    }
  }

  @Override
  public void beginRow() {
    if (row >= 0) {
      throw new IllegalStateException("endRow() was not called for the previous row");
    }
    owner.checkOpen();
    row = writer.beginRow();
    for (int w = 0; w < set.length; w++) {
      set[w] = 0L;
      nulls[w] = 0L;
    }
  }

  private Column column(int c, PhysicalKind kind) {
    if (row < 0) {
      throw new IllegalStateException("beginRow() must be called first");
    }
    if (kinds[c] != kind) {
      throw new LaminarDBException(ErrorCode.DATATYPE_MISMATCH, "column "
          + schema.field(c).name() + " is " + schema.field(c).type().sqlName() + "; it takes set"
          + (kinds[c] == PhysicalKind.LONG ? "Long"
              : kinds[c] == PhysicalKind.DOUBLE ? "Double" : "String"));
    }
    set[c >>> 6] |= 1L << c;
    return writer.column(c);
  }

  @Override
  public BulkAppender setLong(int column, long value) {
    column(column, PhysicalKind.LONG).longs[row] = value;
    return this;
  }

  @Override
  public BulkAppender setDouble(int column, double value) {
    column(column, PhysicalKind.DOUBLE).doubles[row] = value;
    return this;
  }

  @Override
  public BulkAppender setString(int column, String value) {
    Column c = column(column, PhysicalKind.STRING);
    if (value == null) {
      markNull(c, column);
    } else {
      c.strings[row] = value;
    }
    return this;
  }

  @Override
  public BulkAppender setNull(int column) {
    if (row < 0) {
      throw new IllegalStateException("beginRow() must be called first");
    }
    java.util.Objects.checkIndex(column, width);
    set[column >>> 6] |= 1L << column;
    markNull(writer.column(column), column);
    return this;
  }

  private void markNull(Column c, int column) {
    c.setNull(row);
    nulls[column >>> 6] |= 1L << column;
  }

  @Override
  public void endRow() {
    for (int w = 0; w < set.length; w++) {
      int base = w << 6;
      long unset = ~set[w] & (w == set.length - 1 ? lastWordMask() : -1L);
      for (long bits = unset; bits != 0; bits &= bits - 1) {
        int c = base + Long.numberOfTrailingZeros(bits);
        writer.column(c).setNull(row);
      }
      long violations = (unset | nulls[w]) & notNull[w];
      if (violations != 0) {
        int c = base + Long.numberOfTrailingZeros(violations);
        writer.abortRow();
        row = -1;
        throw new LaminarDBException(ErrorCode.NOT_NULL_VIOLATION, "null value in column \""
            + schema.field(c).name() + "\" violates not-null constraint");
      }
    }
    boolean fills = row + 1 == writer.chunk().capacity();
    row = -1;
    if (fills && owner.durable()) {
      owner.publishFullChunk();
    } else {
      writer.endRow();
    }
  }

  private long lastWordMask() {
    int bits = width & 63;
    return bits == 0 ? -1L : (1L << bits) - 1;
  }

  @Override
  public void flush() {
    if (owner.durable()) {
      owner.publish(writer::flush);
      return;
    }
    synchronized (owner) {
      writer.flush();
    }
  }
}
