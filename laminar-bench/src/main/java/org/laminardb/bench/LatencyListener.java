package org.laminardb.bench;

import org.HdrHistogram.Histogram;
import org.laminardb.Row;
import org.laminardb.RowListener;

/**
 * Listener of the latency harness, on the reactor thread: for each row of the measured period
 * records {@code nanoTime() - ts} and {@code nanoTime() - sched} (columns 0 and 1). Allocation
 * free: the histograms are sized up front and values are read through primitive getters.
 */
final class LatencyListener implements RowListener {
  private static final long HIGHEST = 60_000_000_000L;

  private final long measureFrom;
  private final Histogram fromSend = new Histogram(HIGHEST, 3);
  private final Histogram fromSchedule = new Histogram(HIGHEST, 3);
  private final Progress progress = new Progress();
  private long rows;

  /**
   * Creates the listener.
   *
   * @param measureFrom rows scheduled at or after this {@code nanoTime} are recorded
   */
  LatencyListener(long measureFrom) {
    this.measureFrom = measureFrom;
  }

  @Override
  public void onRow(Row row) {
    long now = System.nanoTime();
    long sched = row.getLong(1);
    if (sched >= measureFrom) {
      fromSend.recordValue(Math.min(HIGHEST, Math.max(0, now - row.getLong(0))));
      fromSchedule.recordValue(Math.min(HIGHEST, Math.max(0, now - sched)));
    }
    progress.publish(++rows);
  }

  /**
   * Rows seen, as published to other threads.
   *
   * @return the progress counter
   */
  Progress progress() {
    return progress;
  }

  /**
   * Latencies from the send time; read only after awaiting the progress.
   *
   * @return the histogram
   */
  Histogram fromSend() {
    return fromSend;
  }

  /**
   * Latencies from the scheduled send time; read only after awaiting the progress.
   *
   * @return the histogram
   */
  Histogram fromSchedule() {
    return fromSchedule;
  }
}
