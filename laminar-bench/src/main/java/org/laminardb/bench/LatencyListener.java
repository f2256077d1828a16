package org.laminardb.bench;

import org.HdrHistogram.Histogram;
import org.laminardb.Row;
import org.laminardb.RowListener;

/**
 * Listener of the latency harness, on the reactor thread: for each row records {@code nanoTime()
 * - ts} and {@code nanoTime() - sched} (columns 0 and 1), in the measured histograms for rows
 * scheduled in the measured period. Allocation free: the histograms are sized up front and values
 * are read through primitive getters. {@link WindowUpdateListener} finds the two times another
 * way and records them with {@link #record}.
 */
class LatencyListener implements RowListener {
  private static final long HIGHEST = 60_000_000_000L;

  private final long measureFrom;
  /** Index 0: rows of the measured period; index 1: warm-up rows. */
  private final Histogram[] fromSend = {new Histogram(HIGHEST, 3), new Histogram(HIGHEST, 3)};
  private final Histogram[] fromSchedule = {new Histogram(HIGHEST, 3), new Histogram(HIGHEST, 3)};
  private final Progress progress = new Progress();

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
    record(System.nanoTime(), row.getLong(0), row.getLong(1));
  }

  /**
   * Records the latency of one row and publishes its scheduled time as the progress.
   *
   * @param now when its result arrived
   * @param ts when it was sent
   * @param sched when it was scheduled to be sent
   */
  final void record(long now, long ts, long sched) {
    // Warm-up rows go to the histograms at index 1, chosen without a branch: the same code runs
    // in both periods, so the switch to measuring does not deoptimise the compiled listener.
    int warmUp = (int) ((sched - measureFrom) >>> 63);
    fromSend[warmUp].recordValue(Math.min(HIGHEST, Math.max(0, now - ts)));
    fromSchedule[warmUp].recordValue(Math.min(HIGHEST, Math.max(0, now - sched)));
    progress.publish(sched);
  }

  /**
   * The scheduled send time of the newest row recorded (rows arrive in the order sent), as
   * published to other threads.
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
    return fromSend[0];
  }

  /**
   * Latencies from the scheduled send time; read only after awaiting the progress.
   *
   * @return the histogram
   */
  Histogram fromSchedule() {
    return fromSchedule[0];
  }
}
