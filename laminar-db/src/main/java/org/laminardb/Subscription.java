package org.laminardb;

import java.time.Duration;
import java.util.List;

/**
 * Live feed of the changes of a stream or materialized view, from {@link
 * LaminarDB#subscribe(String)}.
 *
 * <p>For a materialized view the feed starts with its current contents as {@link
 * ChangeKind#INSERT} rows, then its changes; for a stream, the rows produced after subscribing.
 * Rows are buffered in a bounded queue: a subscriber that does not keep up back-pressures the
 * pipeline that feeds it (nothing is dropped). Iteration blocks until the next row and ends when
 * the subscription is closed.
 */
public interface Subscription extends AutoCloseable, Iterable<Row> {
  /**
   * Columns of the subscribed object.
   *
   * @return the columns
   */
  List<ColumnInfo> columns();

  /**
   * Next row, waiting at most the given time.
   *
   * @param timeout how long to wait
   * @return the row, or null if none arrived in time or the subscription is closed
   * @throws InterruptedException if the waiting thread is interrupted
   */
  Row poll(Duration timeout) throws InterruptedException;

  /**
   * Whether the subscription is closed.
   *
   * @return true once closed
   */
  boolean isClosed();

  /** Ends the subscription; a thread blocked in {@link #poll} or iteration returns. */
  @Override
  void close();
}
