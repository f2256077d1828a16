package org.laminardb.internal;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.laminardb.ColumnInfo;
import org.laminardb.Row;
import org.laminardb.RowListener;
import org.laminardb.Subscription;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.operator.ChunkConsumer;

/**
 * Subscription whose rows go to a {@link RowListener} on the reactor thread, through a reused
 * {@link RowView}. A listener that throws is unsubscribed; the error is kept for {@link
 * #failure()}.
 */
final class ListenerSubscription implements Subscription, ChunkConsumer {
  private final List<ColumnInfo> columns;
  private final RowListener listener;
  private final RowView view;
  private final Runnable onClose;
  private volatile boolean closed;
  private volatile Throwable failure;

  ListenerSubscription(List<ColumnInfo> columns, RowListener listener, Runnable onClose) {
    this.columns = columns;
    this.listener = listener;
    this.view = new RowView(columns);
    this.onClose = onClose;
  }

  Throwable failure() {
    return failure;
  }

  void fail(Throwable t) {
    failure = t;
    close();
  }

  @Override
  public void onChunk(Chunk chunk) {
    for (int i = 0; i < chunk.size && !closed; i++) {
      view.point(chunk, i);
      listener.onRow(view);
    }
  }

  @Override
  public List<ColumnInfo> columns() {
    return columns;
  }

  /**
   * Not available: rows go to the listener.
   *
   * @param timeout ignored
   * @return never
   */
  @Override
  public Row poll(Duration timeout) {
    throw new IllegalStateException("this subscription delivers rows to its RowListener");
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      onClose.run();
    }
  }

  /**
   * Not available: rows go to the listener.
   *
   * @return never
   */
  @Override
  public Iterator<Row> iterator() {
    throw new IllegalStateException("this subscription delivers rows to its RowListener");
  }
}
