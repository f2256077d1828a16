package org.laminardb.bench;

/**
 * How the latency harness hands one row to the engine. The row is {@code (ts, sched, v)} for the
 * filter query and {@code (ts, sched, k, v, et)} for the windowed one, derived from the row's
 * sequence number: {@code v = seq % 1024}, {@code k = seq % keys}.
 */
interface RowSender {
  /**
   * Sends one row and makes it visible to the engine.
   *
   * @param ts send time, {@code System.nanoTime()}
   * @param sched scheduled send time
   * @param seq the row's sequence number
   * @param eventMicros the row's event time in microseconds since the epoch (windowed only)
   */
  void send(long ts, long sched, long seq, long eventMicros);
}
