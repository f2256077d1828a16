package org.laminardb.jdbc;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.laminardb.ChangeKind;
import org.laminardb.ColumnInfo;
import org.laminardb.Row;
import org.laminardb.Subscription;

/** Subscription fed by the test, for result-set tests that need no engine. */
final class FakeSubscription implements Subscription {
  private final List<ColumnInfo> columns;
  private final LinkedBlockingQueue<Row> queue = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  FakeSubscription(List<ColumnInfo> columns) {
    this.columns = columns;
  }

  void push(ChangeKind kind, Object... values) {
    queue.add(new Row() {
      @Override
      public ChangeKind kind() {
        return kind;
      }

      @Override
      public List<ColumnInfo> columns() {
        return columns;
      }

      @Override
      public Object get(int index) {
        return values[index];
      }
    });
  }

  @Override
  public List<ColumnInfo> columns() {
    return columns;
  }

  @Override
  public Row poll(Duration timeout) throws InterruptedException {
    if (closed) {
      return null;
    }
    return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public Iterator<Row> iterator() {
    throw new UnsupportedOperationException("tests poll");
  }
}
