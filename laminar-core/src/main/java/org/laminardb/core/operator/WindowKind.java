package org.laminardb.core.operator;

/** Kind of event-time window, see {@link WindowSpec}. */
public enum WindowKind {
  /** Fixed-size, non-overlapping windows aligned to the epoch plus an offset. */
  TUMBLE,
  /** Fixed-size windows starting every slide; a row belongs to {@code size / slide} windows. */
  HOP,
  /** Windows of one period growing by a step up to a maximum size, all starting together. */
  CUMULATE,
  /** Per-key windows that extend while rows arrive within a gap of each other. */
  SESSION
}
