package org.laminardb.core.operator;

/** Kind of a regular join: which inputs keep their unmatched rows, padded with NULLs. */
public enum JoinKind {
  /** Only matching pairs. */
  INNER(false, false),
  /** Matching pairs, and left rows without a match padded with NULLs on the right. */
  LEFT(true, false),
  /** Matching pairs, and right rows without a match padded with NULLs on the left. */
  RIGHT(false, true),
  /** Matching pairs, and unmatched rows of either side padded with NULLs. */
  FULL(true, true);

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
}
