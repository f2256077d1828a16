package org.laminardb.bench;

/** How the latency harness hands one row {@code (ts, sched, v)} to the engine. */
interface RowSender {
  /**
   * Sends one row and makes it visible to the engine.
   *
   * @param ts send time, {@code System.nanoTime()}
   * @param sched scheduled send time
   * @param v a value
   */
  void send(long ts, long sched, double v);
}
