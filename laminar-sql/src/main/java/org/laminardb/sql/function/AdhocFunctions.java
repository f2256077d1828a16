package org.laminardb.sql.function;

import org.apache.calcite.DataContext;
import org.laminardb.sql.codegen.TemporalRuntime;

/**
 * Implementations of {@link LaminarFunction}s for Calcite's Enumerable engine (ad-hoc queries),
 * on Calcite's representation: TIMESTAMP as epoch milliseconds.
 */
public final class AdhocFunctions {
  private AdhocFunctions() {}

  /**
   * {@code DATE_TRUNC(unit, ts)} on epoch milliseconds.
   *
   * @param unit unit name, e.g. {@code 'hour'}
   * @param timestampMillis timestamp in epoch milliseconds
   * @return the truncated timestamp in epoch milliseconds
   * @throws org.laminardb.error.LaminarDBException {@code 22023} for unknown units
   */
  public static long dateTrunc(String unit, long timestampMillis) {
    return Math.floorDiv(TemporalRuntime.dateTrunc(unit, timestampMillis * 1_000L), 1_000L);
  }

  /**
   * {@code NOW()}: the UTC time at which the statement started.
   *
   * @param root the statement's data context
   * @return epoch milliseconds
   */
  public static long now(DataContext root) {
    Long utc = DataContext.Variable.UTC_TIMESTAMP.get(root);
    return utc != null ? utc : System.currentTimeMillis();
  }
}
