package org.laminardb.core.operator;

/**
 * Kind of a join: which inputs keep their unmatched rows, padded with NULLs, or, for semi and anti
 * joins, which left rows show alone.
 */
public enum JoinKind {
  /** Only matching pairs. */
  INNER(false, false),
  /** Matching pairs, and left rows without a match padded with NULLs on the right. */
  LEFT(true, false),
  /** Matching pairs, and right rows without a match padded with NULLs on the left. */
  RIGHT(false, true),
  /** Matching pairs, and unmatched rows of either side padded with NULLs. */
  FULL(true, true),
  /**
   * Each left row that has at least one match, once, without right columns ({@code EXISTS}).
   * Only the interval join runs it.
   */
  SEMI(false, false),
  /**
   * Each left row that has no match, without right columns ({@code NOT EXISTS}). Only the
   * interval join runs it.
   */
  ANTI(true, false);

  private final boolean keepsLeft;
  private final boolean keepsRight;

  JoinKind(boolean keepsLeft, boolean keepsRight) {
    this.keepsLeft = keepsLeft;
    this.keepsRight = keepsRight;
  }

  /**
   * Whether unmatched rows of an input appear in the result (the input is "preserved").
   *
   * @param side 0 for the left input, 1 for the right
   * @return true if that side's unmatched rows are emitted padded with NULLs
   */
  public boolean keeps(int side) {
    return side == 0 ? keepsLeft : keepsRight;
  }

  /**
   * Whether the output holds the left input's columns only (a semi or an anti join).
   *
   * @return true for SEMI and ANTI
   */
  public boolean leftOnly() {
    return this == SEMI || this == ANTI;
  }
}
