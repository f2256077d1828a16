package org.laminardb.core.operator;

/**
 * A window aggregation operator: consumes append-only rows with an event-time column and emits
 * one result row per (key, window) as its {@link EmitStrategy} says; created by {@link
 * WindowOperators#create}. Single-threaded: every method is called on the owning reactor thread.
 */
public interface WindowOperator extends ChunkConsumer {
  /**
   * Rows that were late (every window they belong to was already closed) or had a NULL event
   * time, so far; these rows were dropped or routed to the late-row output.
   *
   * @return the count
   */
  long lateRows();

  /**
   * Processing-time work: for {@link EmitStrategy.EmitKind#PERIODIC}, emits the changed results
   * once a period has passed since the last periodic emission. Called on the reactor thread about
   * every millisecond; a no-op for the other modes.
   *
   * @return the number of rows emitted (0 when there was nothing to do)
   */
  int onTimer();
}
