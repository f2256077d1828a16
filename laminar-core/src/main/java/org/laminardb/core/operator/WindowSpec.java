package org.laminardb.core.operator;

import java.util.Objects;

/**
 * Definition of event-time windows; all lengths are in microseconds. A window {@code [start, end)}
 * contains the rows with {@code start <= ts < end}.
 *
 * <ul>
 *   <li>{@link WindowKind#TUMBLE}: {@code size}; {@code slide == size}; windows start at {@code
 *       offset + k * size}.
 *   <li>{@link WindowKind#HOP}: {@code size} and {@code slide}, {@code size} a multiple of {@code
 *       slide}; windows start at {@code offset + k * slide}; a row belongs to {@code size / slide}
 *       windows.
 *   <li>{@link WindowKind#CUMULATE}: {@code size} is the maximum size and {@code slide} the step,
 *       {@code size} a multiple of {@code slide}; for each period {@code [p, p + size)} starting at
 *       {@code offset + k * size} the windows are {@code [p, p + step)}, {@code [p, p + 2 * step)},
 *       ..., {@code [p, p + size)}; a row at {@code ts} belongs to those whose end is after it.
 *   <li>{@link WindowKind#SESSION}: {@code size} is the gap ({@code slide} and {@code offset} are
 *       0); a session of a key is {@code [first row ts, last row ts + gap)}.
 * </ul>
 *
 * @param kind the kind
 * @param size window size (TUMBLE, HOP), maximum size (CUMULATE) or gap (SESSION)
 * @param slide slide (HOP), step (CUMULATE), equal to size (TUMBLE), 0 (SESSION)
 * @param offset alignment offset of window starts, {@code 0 <= offset < size}; 0 for SESSION
 */
public record WindowSpec(WindowKind kind, long size, long slide, long offset) {
  /** Code for {@code window_start} in the group columns of a window operator. */
  public static final int START = -1;
  /** Code for {@code window_end} in the group columns of a window operator. */
  public static final int END = -2;
  /** Code for {@code window_time} ({@code window_end} minus one microsecond). */
  public static final int TIME = -3;

  /**
   * Creates a spec, checking the lengths.
   *
   * @param kind the kind
   * @param size window size, maximum size or gap
   * @param slide slide or step
   * @param offset alignment offset
   */
  public WindowSpec {
    Objects.requireNonNull(kind, "kind");
    if (size <= 0) {
      throw new IllegalArgumentException("window size must be positive: size=" + size);
    }
    switch (kind) {
      case TUMBLE:
        if (slide != size) {
          throw new IllegalArgumentException("a tumbling window slides by its size: slide=" + slide);
        }
        break;
      case HOP:
      case CUMULATE:
        if (slide <= 0 || size % slide != 0) {
          throw new IllegalArgumentException("window size must be a positive multiple of the "
              + (kind == WindowKind.HOP ? "slide" : "step") + ": size=" + size + ", slide=" + slide);
        }
        break;
      default:
        if (slide != 0 || offset != 0) {
          throw new IllegalArgumentException("a session window has only a gap: slide=" + slide
              + ", offset=" + offset);
        }
        break;
    }
    if (offset < 0 || offset >= size) {
      throw new IllegalArgumentException("offset must be in [0, size): offset=" + offset);
    }
  }

  /**
   * A tumbling window.
   *
   * @param size size in microseconds
   * @param offset offset in microseconds, normalised into {@code [0, size)}
   * @return the spec
   */
  public static WindowSpec tumble(long size, long offset) {
    return new WindowSpec(WindowKind.TUMBLE, size, size, Math.floorMod(offset, size));
  }

  /**
   * A hopping window.
   *
   * @param slide slide in microseconds
   * @param size size in microseconds, a multiple of the slide
   * @param offset offset in microseconds, normalised into {@code [0, slide)}
   * @return the spec
   */
  public static WindowSpec hop(long slide, long size, long offset) {
    return new WindowSpec(WindowKind.HOP, size, slide, Math.floorMod(offset, slide));
  }

  /**
   * A cumulating window.
   *
   * @param step step in microseconds
   * @param maxSize maximum size in microseconds, a multiple of the step
   * @param offset offset in microseconds, normalised into {@code [0, maxSize)}
   * @return the spec
   */
  public static WindowSpec cumulate(long step, long maxSize, long offset) {
    return new WindowSpec(WindowKind.CUMULATE, maxSize, step, Math.floorMod(offset, maxSize));
  }

  /**
   * A session window.
   *
   * @param gap gap in microseconds
   * @return the spec
   */
  public static WindowSpec session(long gap) {
    return new WindowSpec(WindowKind.SESSION, gap, 0, 0);
  }

  /**
   * Start of the tumbling window or hop/cumulate period grid point at or before {@code ts}, for a
   * grid of {@code step} aligned at {@link #offset}.
   *
   * @param ts event time
   * @param step grid spacing
   * @return the largest {@code offset + k * step <= ts}
   */
  public long alignDown(long ts, long step) {
    return ts - Math.floorMod(ts - offset, step);
  }

  /**
   * One-line description for EXPLAIN, e.g. {@code TUMBLE(size=10s)}.
   *
   * @return the description
   */
  public String describe() {
    switch (kind) {
      case TUMBLE:
        return "TUMBLE(size=" + micros(size) + (offset != 0 ? ", offset=" + micros(offset) : "")
            + ")";
      case HOP:
        return "HOP(slide=" + micros(slide) + ", size=" + micros(size)
            + (offset != 0 ? ", offset=" + micros(offset) : "") + ")";
      case CUMULATE:
        return "CUMULATE(step=" + micros(slide) + ", max_size=" + micros(size)
            + (offset != 0 ? ", offset=" + micros(offset) : "") + ")";
      default:
        return "SESSION(gap=" + micros(size) + ")";
    }
  }

  static String micros(long us) {
    if (us % 3_600_000_000L == 0) {
      return us / 3_600_000_000L + "h";
    }
    if (us % 60_000_000L == 0) {
      return us / 60_000_000L + "min";
    }
    if (us % 1_000_000L == 0) {
      return us / 1_000_000L + "s";
    }
    if (us % 1000L == 0) {
      return us / 1000L + "ms";
    }
    return us + "us";
  }
}
