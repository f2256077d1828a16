package org.laminardb.bench;

import org.laminardb.Row;

/**
 * Listener of the latency harness on the windowed query's {@code ON UPDATE} changelog {@code
 * (window_start, k, c, s)}, on the reactor thread: each {@code +I}/{@code +U} row is the result
 * of the (window, key) after the input row that changed it, and that row is found from the
 * result itself. Window {@code w} (of one second) holds the rows {@code w * rate} to {@code (w +
 * 1) * rate - 1}, row {@code seq} has key {@code seq % keys}, and {@code keys} divides {@code
 * rate}, so the {@code c}-th row of key {@code k} in window {@code w} is {@code seq = w * rate +
 * (c - 1) * keys + k}. Its scheduled time follows from {@code seq}; its send time is read from
 * {@link #sendNanos()}, which the writer fills before sending each row (the queue that carries
 * the row to the reactor orders that store before this read). Retractions ({@code -U}) are
 * skipped. Allocation free.
 */
final class WindowUpdateListener extends LatencyListener {
  private static final long SECOND_MICROS = 1_000_000L;

  private final long start;
  private final long rate;
  private final long keys;
  private final long[] sendNanos;
  private final int mask;

  /**
   * Creates the listener.
   *
   * @param start {@code nanoTime} of row 0's schedule (event time 0)
   * @param measureFrom rows scheduled at or after this {@code nanoTime} are recorded
   * @param rate rows per second
   * @param keys distinct keys; divides {@code rate}
   * @param ringBits log2 of the send times kept: rows whose result comes more than that many
   *     rows after them would read a newer row's send time
   */
  WindowUpdateListener(long start, long measureFrom, long rate, long keys, int ringBits) {
    super(measureFrom);
    if (rate % keys != 0) {
      throw new IllegalArgumentException("keys must divide the rate: keys=" + keys
          + " rate=" + rate);
    }
    this.start = start;
    this.rate = rate;
    this.keys = keys;
    this.sendNanos = new long[1 << ringBits];
    this.mask = sendNanos.length - 1;
  }

  @Override
  public void onRow(Row row) {
    long now = System.nanoTime();
    if (row.kind().isRetraction()) {
      return;
    }
    long seq = row.getLong(0) / SECOND_MICROS * rate + (row.getLong(2) - 1) * keys + row.getLong(1);
    record(now, sendNanos[(int) (seq & mask)], schedule(seq));
  }

  /**
   * The scheduled send time of a row; the writer uses the same formula.
   *
   * @param seq the row's sequence number
   * @return its {@code nanoTime}
   */
  long schedule(long seq) {
    return start + seq * 1_000_000_000L / rate;
  }

  /**
   * Send times by {@code seq & (length - 1)}; written by the writer before it sends each row.
   *
   * @return the ring
   */
  long[] sendNanos() {
    return sendNanos;
  }
}
