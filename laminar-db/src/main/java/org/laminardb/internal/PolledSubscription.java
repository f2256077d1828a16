package org.laminardb.internal;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.LockSupport;
import org.laminardb.ChangeKind;
import org.laminardb.ColumnInfo;
import org.laminardb.Row;
import org.laminardb.Subscription;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.queue.ChunkChannel;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Subscription read by an application thread: the reactor copies rows into a bounded channel,
 * {@link #poll} turns them into {@link Row}s.
 */
final class PolledSubscription implements Subscription {
  private final List<ColumnInfo> columns;
  private final ChannelForwarder forwarder;
  private final Runnable onClose;
  private Chunk current;
  private int next;
  private volatile boolean closed;
  private volatile Throwable failure;

  PolledSubscription(List<ColumnInfo> columns, ChunkChannel channel, Runnable onClose) {
    this.columns = columns;
    this.forwarder = new ChannelForwarder(channel);
    this.onClose = onClose;
  }

  ChannelForwarder forwarder() {
    return forwarder;
  }

  void fail(Throwable t) {
    failure = t;
    forwarder.close();
  }

  @Override
  public List<ColumnInfo> columns() {
    return columns;
  }

  @Override
  public synchronized Row poll(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long park = 1_000;
    while (true) {
      Row r = nextBuffered();
      if (r != null) {
        return r;
      }
      if (closed) {
        return null;
      }
      if (failure != null) {
        throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
            "subscription ended: " + failure.getMessage(), failure);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      LockSupport.parkNanos(Math.min(park, left));
      park = Math.min(park * 2, 1_000_000);
    }
  }

  private Row nextBuffered() {
    ChunkChannel channel = forwarder.channel();
    if (current != null && next >= current.size) {
      channel.release(current);
      current = null;
    }
    if (current == null) {
      current = channel.poll();
      next = 0;
      if (current == null) {
        return null;
      }
    }
    int row = next++;
    return new RowImpl(ChangeKind.fromCode(current.kinds[row]), columns,
        ChunkValues.javaRow(current, row));
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      forwarder.close();
      onClose.run();
    }
  }

  @Override
  public Iterator<Row> iterator() {
    return new Iterator<>() {
      private Row pending;

      @Override
      public boolean hasNext() {
        while (pending == null && !closed) {
          try {
            pending = poll(Duration.ofMillis(100));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        }
        return pending != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row r = pending;
        pending = null;
        return r;
      }
    };
  }
}
