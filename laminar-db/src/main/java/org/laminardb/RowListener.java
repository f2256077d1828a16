package org.laminardb;

/**
 * Callback receiving the rows of a subscription on the engine's reactor thread, for the lowest
 * latency. The row passed is a view that is only valid during the call (copy values you keep);
 * the callback must return quickly and must not block or call back into the database, since it
 * holds up the pipeline. Use {@link LaminarDB#subscribe(String)} and poll for anything slower.
 */
@FunctionalInterface
public interface RowListener {
  /**
   * Handles one row.
   *
   * @param row the row, valid only during this call
   */
  void onRow(Row row);
}
