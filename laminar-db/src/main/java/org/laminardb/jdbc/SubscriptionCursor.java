package org.laminardb.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.laminardb.Row;
import org.laminardb.Subscription;

/**
 * Cursor over a live subscription. {@link #next} waits for the next row in slices, so that a
 * timeout, {@link #cancel()} or {@link #close()} from another thread takes effect promptly.
 */
final class SubscriptionCursor implements RowCursor {
  /** Longest single wait inside {@link #next}. */
  static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final Subscription subscription;
  private volatile boolean cancelled;

  /**
   * Creates a cursor.
   *
   * @param subscription the subscription; the cursor closes it
   */
  SubscriptionCursor(Subscription subscription) {
    this.subscription = subscription;
  }

  @Override
  public Row next(int timeoutSeconds) throws SQLException {
    long start = System.nanoTime();
    long limit = TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (true) {
      if (cancelled) {
        throw JdbcErrors.cancelled();
      }
      if (subscription.isClosed()) {
        return null;
      }
      long wait = SLICE_NANOS;
      if (timeoutSeconds > 0) {
        long left = limit - (System.nanoTime() - start);
        if (left <= 0) {
          throw JdbcErrors.timedOut(timeoutSeconds);
        }
        wait = Math.min(wait, left);
      }
      Row row;
      try {
        row = subscription.poll(Duration.ofNanos(wait));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLNonTransientException(
            "interrupted while waiting for a row", JdbcErrors.CANCELED, e);
      } catch (RuntimeException e) {
        throw JdbcErrors.translate(e);
      }
      if (row != null) {
        if (cancelled) {
          throw JdbcErrors.cancelled();
        }
        return row;
      }
    }
  }

  @Override
  public Boolean hasMore() {
    return null;
  }

  @Override
  public void cancel() {
    cancelled = true;
    subscription.close();
  }

  @Override
  public void close() {
    subscription.close();
  }
}
