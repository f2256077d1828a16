package org.laminardb.internal;

import java.util.ArrayList;
import java.util.List;
import org.laminardb.BulkAppender;
import org.laminardb.ColumnInfo;
import org.laminardb.SourceWriter;
import org.laminardb.core.queue.ChunkChannel;
import org.laminardb.core.queue.ChunkWriter;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Writer with its own channel to the reactor that owns the source. Rows are converted and checked
 * before anything is written, then written and flushed at once, so each call is all-or-nothing
 * and visible to every query started after it returns. Calls are serialised by the writer's lock.
 *
 * <p>In a durable database the channel's chunks are logged by a {@link WalAppender}, a write
 * publishes with the catalog read lock held (so that catalog statements are logged in processing
 * order) and returns once its rows are logged and durable: that return is the acknowledgement.
 */
final class SourceWriterImpl implements SourceWriter {
  private final Engine engine;
  private final RelationRuntime source;
  private final ChunkChannel channel;
  private final ChunkWriter writer;
  private final BulkAppenderImpl bulk;
  /** Logs this writer's chunks in a durable database; null in memory. */
  private final WalAppender wal;
  private volatile boolean closed;

  SourceWriterImpl(Engine engine, RelationRuntime source) {
    this.engine = engine;
    this.source = source;
    this.channel = engine.newChannel(source.schema);
    this.writer = new ChunkWriter(channel);
    DurableLog log = engine.durable();
    this.wal = log == null ? null : log.appender(source, source.input);
    this.bulk = new BulkAppenderImpl(source.schema, writer, this);
    engine.register(source, channel, wal == null ? source.input : wal);
  }

  /** Whether writes are logged (durable database). */
  boolean durable() {
    return wal != null;
  }

  /**
   * Runs a publishing action: at once in memory; in a durable database with the catalog read lock
   * held, then waits until what it published is logged and durable.
   */
  void publish(Runnable action) {
    if (wal == null) {
      synchronized (this) {
        checkOpen();
        action.run();
      }
      return;
    }
    engine.read(() -> {
      synchronized (this) {
        checkOpen();
        action.run();
      }
      engine.durable().awaitDurable(source, wal);
      return null;
    });
  }

  /** Publishes a full chunk of the bulk appender; in a durable database under the read lock. */
  void publishFullChunk() {
    if (wal == null) {
      writer.endRow();
    } else {
      engine.read(() -> {
        writer.endRow();
        return null;
      });
    }
  }

  @Override
  public String name() {
    return source.name;
  }

  @Override
  public List<ColumnInfo> columns() {
    return source.columns;
  }

  @Override
  public void watermark(java.time.LocalDateTime eventTime) {
    java.util.Objects.requireNonNull(eventTime, "eventTime");
    if (source.watermark == null) {
      throw new org.laminardb.error.LaminarDBException(
          org.laminardb.error.ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "source " + source.name
          + " has no watermark; declare one with WATERMARK FOR ts AS ts - INTERVAL 'n' unit");
    }
    long micros = ValueConverter.microsOf(eventTime);
    publish(() -> writer.watermark(micros));
  }

  @Override
  public void insert(Object... values) {
    Object[] row = convert(values);
    if (wal == null) {
      synchronized (this) {
        checkOpen();
        writeRow(row);
        writer.flush();
      }
      return;
    }
    publish(() -> {
      writeRow(row);
      writer.flush();
    });
  }

  @Override
  public int insertAll(List<Object[]> rows) {
    List<Object[]> physical = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      physical.add(convert(r));
    }
    return writePhysical(physical);
  }

  /** Writes rows already in physical form, all at once. */
  int writePhysical(List<Object[]> rows) {
    publish(() -> {
      for (Object[] r : rows) {
        writeRow(r);
      }
      writer.flush();
    });
    return rows.size();
  }

  /**
   * Writes rows already in physical form, each with its {@link
   * org.laminardb.core.chunk.RowKind} (a table's deletes), all at once.
   */
  void writePhysical(List<Object[]> rows, List<Byte> kinds) {
    if (rows.isEmpty()) {
      return;
    }
    publish(() -> {
      for (int i = 0; i < rows.size(); i++) {
        writeRow(rows.get(i), kinds.get(i));
      }
      writer.flush();
    });
  }

  private void writeRow(Object[] physical) {
    writeRow(physical, org.laminardb.core.chunk.RowKind.INSERT);
  }

  private void writeRow(Object[] physical, byte kind) {
    int row = writer.beginRow(kind);
    for (int c = 0; c < physical.length; c++) {
      ChunkValues.write(writer.column(c), row, physical[c]);
    }
    writer.endRow();
  }

  private Object[] convert(Object[] values) {
    Schema schema = source.schema;
    if (values == null || values.length != schema.size()) {
      throw new LaminarDBException(ErrorCode.SYNTAX_ERROR, "source " + source.name + " has "
          + schema.size() + " columns " + source.columns.stream().map(ColumnInfo::name).toList()
          + " but " + (values == null ? 0 : values.length) + " values were given");
    }
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      Field f = schema.field(i);
      out[i] = ValueConverter.toPhysical(values[i], f.type(), f.name());
    }
    return out;
  }

  @Override
  public BulkAppender bulk() {
    return bulk;
  }

  void checkOpen() {
    if (closed || writer.isClosed()) {
      throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "writer for source " + source.name + " is closed");
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (!writer.isClosed()) {
        writer.flush();
      }
      writer.close();
    }
    source.closeables.remove(this);
    if (!engine.isClosed()) {
      engine.unregister(source, channel);
    }
  }
}
