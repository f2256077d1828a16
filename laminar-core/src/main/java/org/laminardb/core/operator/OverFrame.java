package org.laminardb.core.operator;

/**
 * Frame of the aggregates of an {@link OverOperator}: from some rows or some event time before the
 * current row up to the current row.
 *
 * <p>{@code ROWS BETWEEN n PRECEDING AND CURRENT ROW} holds the current row and the {@code n}
 * rows before it in the partition. {@code RANGE BETWEEN d PRECEDING AND CURRENT ROW} holds the
 * rows whose event time is at least the current row's minus {@code d}, including every row with
 * the same event time as the current one (its peers), also those processed after it. UNBOUNDED
 * PRECEDING holds all rows before (ROWS) or all rows up to the current event time (RANGE).
 *
 * @param rows true for ROWS, false for RANGE
 * @param preceding rows (ROWS) or microseconds (RANGE) before the current row, or -1 for
 *     UNBOUNDED PRECEDING
 */
public record OverFrame(boolean rows, long preceding) {
  /** RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW, the SQL default with ORDER BY. */
  public static final OverFrame DEFAULT = new OverFrame(false, -1);

  /**
   * Creates a frame.
   *
   * @param rows true for ROWS, false for RANGE
   * @param preceding rows or microseconds before the current row, or -1 for UNBOUNDED
   */
  public OverFrame {
    if (preceding < -1) {
      throw new IllegalArgumentException("preceding must be -1 or at least 0: " + preceding);
    }
  }

  /**
   * Whether the frame starts at the partition's first row.
   *
   * @return true for UNBOUNDED PRECEDING
   */
  public boolean unbounded() {
    return preceding < 0;
  }

  @Override
  public String toString() {
    return (rows ? "ROWS " : "RANGE ")
        + (preceding < 0 ? "UNBOUNDED" : rows ? String.valueOf(preceding) : preceding + "us")
        + " PRECEDING";
  }
}
