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
 * into the column arrays; a row's unset columns become NULL. Checks are one branch per value.
 */
final class BulkAppenderImpl implements BulkAppender {
  private final Schema schema;
  private final ChunkWriter writer;
  private final SourceWriterImpl owner;
  private final long[] setMask;
  private int row = -1;

  BulkAppenderImpl(Schema schema, ChunkWriter writer, SourceWriterImpl owner) {
    this.schema = schema;
    this.writer = writer;
    this.owner = owner;
    this.setMask = new long[(schema.size() + 63) >>> 6];
  }

  @Override
  public void beginRow() {
    if (row >= 0) {
      throw new IllegalStateException("endRow() was not called for the previous row");
    }
    owner.checkOpen();
    row = writer.beginRow();
    java.util.Arrays.fill(setMask, 0L);
  }

  private Column column(int c, PhysicalKind kind) {
    if (row < 0) {
      throw new IllegalStateException("beginRow() must be called first");
    }
    Column col = writer.column(c);
    if (col.type.physical() != kind) {
      throw new LaminarDBException(ErrorCode.DATATYPE_MISMATCH, "column "
          + schema.field(c).name() + " is " + col.type.sqlName() + "; it takes set"
          + (col.type.physical() == PhysicalKind.LONG ? "Long"
              : col.type.physical() == PhysicalKind.DOUBLE ? "Double" : "String"));
    }
    setMask[c >>> 6] |= 1L << c;
    return col;
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
      c.setNull(row);
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
    writer.column(column).setNull(row);
    setMask[column >>> 6] |= 1L << column;
    return this;
  }

  @Override
  public void endRow() {
    for (int c = 0; c < schema.size(); c++) {
      Column col = writer.column(c);
      boolean set = (setMask[c >>> 6] & (1L << c)) != 0;
      if (!set) {
        col.setNull(row);
      }
      if (!schema.field(c).type().nullable() && col.isNull(row)) {
        writer.abortRow();
        row = -1;
        throw new LaminarDBException(ErrorCode.NOT_NULL_VIOLATION, "null value in column \""
            + schema.field(c).name() + "\" violates not-null constraint");
      }
    }
    row = -1;
    writer.endRow();
  }

  @Override
  public void flush() {
    synchronized (owner) {
      writer.flush();
    }
  }
}
