package org.laminardb.core.operator;

/** Which right rows an ASOF join may match to a left row, by time. */
public enum AsofDirection {
  /** The latest right row at or before the left row's time ({@code l.ts >= r.ts}). */
  BACKWARD,
  /** The earliest right row at or after the left row's time ({@code l.ts <= r.ts}). */
  FORWARD,
  /** The right row closest in time, the earlier one on a tie ({@code NEAREST(l.ts, r.ts)}). */
  NEAREST
}
