package org.laminardb.bench;

import org.HdrHistogram.Histogram;
import org.laminardb.ChangeKind;
import org.laminardb.Row;
import org.laminardb.RowListener;

/**
 * Listener on the peer workload's window results {@code (window_start, k, c, s)}: counts the
 * output rows, adds up {@code c} and {@code s}, and measures the firing latency of every window.
 *
 * <p>Firing latency: the producer stores in {@link #closeNanos()} the {@link System#nanoTime()}
 * just before it publishes the batch whose watermark closes window {@code w} (windows numbered
 * from event time 0 by {@code window_start / window size}); when the listener receives the last
 * of that window's rows (it knows how many to expect) it records the time since then. The store
 * happens before the batch is published, and the batch reaches the reactor thread through the
 * source's channel, so the listener sees it. Runs on the reactor thread; garbage free.
 */
final class PeerWindowListener implements RowListener {
  private static final long MAX_LATENCY_NANOS = 600_000_000_000L;

  private final long windowMicros;
  private final long[] expectedRows;
  private final long[] windowRows;
  private final long[] closeNanos;
  private final Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);
  private final Histogram firstRowLatency = new Histogram(MAX_LATENCY_NANOS, 3);
  private final Progress progress = new Progress();
  private long rows;
  private long sumCount;
  private long sumValues;
  private long unexpected;
  private volatile int windowsFired;

  /**
   * Creates the listener.
   *
   * @param windowMicros window size in microseconds
   * @param expectedRows result rows expected per window, indexed by window number
   */
  PeerWindowListener(long windowMicros, long[] expectedRows) {
    this.windowMicros = windowMicros;
    this.expectedRows = expectedRows;
    this.windowRows = new long[expectedRows.length];
    this.closeNanos = new long[expectedRows.length];
  }

  @Override
  public void onRow(Row row) {
    long start = row.getLong(0);
    long count = row.getLong(2);
    rows++;
    sumCount += count;
    sumValues += row.getLong(3);
    long w = start / windowMicros;
    if (row.kind() != ChangeKind.INSERT || start % windowMicros != 0 || w < 0
        || w >= windowRows.length) {
      unexpected++;
    } else {
      long seen = ++windowRows[(int) w];
      long closed = closeNanos[(int) w];
      if (seen == 1 && closed != 0) {
        firstRowLatency.recordValue(Math.min(System.nanoTime() - closed, MAX_LATENCY_NANOS));
      }
      if (seen == expectedRows[(int) w]) {
        if (closed != 0) {
          latency.recordValue(Math.min(System.nanoTime() - closed, MAX_LATENCY_NANOS));
        }
        windowsFired++;
      }
    }
    progress.publish(sumCount);
  }

  /**
   * Per window, when the batch that closes it was published; written by the producer.
   *
   * @return the array, indexed by window number, 0 when not recorded
   */
  long[] closeNanos() {
    return closeNanos;
  }

  /**
   * Sum of {@code c} so far, as published to other threads.
   *
   * @return the progress counter
   */
  Progress progress() {
    return progress;
  }

  /**
   * Windows whose every row has been received, as published to other threads.
   *
   * @return the count
   */
  int windowsFired() {
    return windowsFired;
  }

  /**
   * Result rows received; read after {@link #progress()} reached its target.
   *
   * @return the count
   */
  long rows() {
    return rows;
  }

  /**
   * Sum of {@code c}; read after {@link #progress()} reached its target.
   *
   * @return the sum
   */
  long sumCount() {
    return sumCount;
  }

  /**
   * Sum of {@code s}; read after {@link #progress()} reached its target.
   *
   * @return the sum
   */
  long sumValues() {
    return sumValues;
  }

  /**
   * Rows that were not an insert of a window start on the grid within the expected windows.
   *
   * @return the count
   */
  long unexpected() {
    return unexpected;
  }

  /**
   * Time from the publication of the closing batch to a window's first row, in nanoseconds; read
   * after {@link #progress()} reached its target.
   *
   * @return the histogram
   */
  Histogram firstRowLatency() {
    return firstRowLatency;
  }

  /**
   * Firing latencies in nanoseconds; read after {@link #progress()} reached its target.
   *
   * @return the histogram
   */
  Histogram latency() {
    return latency;
  }
}
