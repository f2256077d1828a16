package org.laminardb.sql.plan;

import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.laminardb.core.operator.ChunkConsumer;

/**
 * Running operators of one continuous query, not yet connected to their inputs.
 *
 * @param inputs where each scanned relation's chunks must be delivered
 * @param openers actions to run once before any input arrives (see {@link #open()})
 * @param timers processing-time timers to poll on the reactor thread
 * @param lateCounters counters of late rows dropped or routed by the query's windows
 */
public record Pipeline(List<InputBinding> inputs, List<Runnable> openers, List<IntSupplier> timers,
    List<LongSupplier> lateCounters) {
  /**
   * Connection of a relation read by the query to the operator that consumes it.
   *
   * @param relation the relation read
   * @param entry the consumer of its changelog
   */
  public record InputBinding(Relation relation, ChunkConsumer entry) {}

  /** Emits initial rows (a global aggregate's row over no input). Reactor thread only. */
  public void open() {
    for (Runnable r : openers) {
      r.run();
    }
  }

  /**
   * Late rows so far (dropped or routed to the LATE DATA stream).
   *
   * @return the count
   */
  public long lateRows() {
    long n = 0;
    for (LongSupplier c : lateCounters) {
      n += c.getAsLong();
    }
    return n;
  }
}
