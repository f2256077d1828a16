package org.laminardb.core.operator;

/**
 * Watermark values with a special meaning, passed to {@link ChunkConsumer#onWatermark(long)}.
 *
 * <p>Watermarks are event times in microseconds since the epoch (the representation of {@code
 * TIMESTAMP} values). {@link #NONE} means no watermark yet. {@link #IDLE} says that an input has
 * been idle longer than its idle timeout: an operator with one input ignores it for its own time
 * (it is never a time) and forwards it; an operator with several inputs leaves that input out of
 * the minimum until it reports a real watermark again (see {@link WatermarkMerger}).
 */
public final class Watermarks {
  /** No watermark yet. */
  public static final long NONE = Long.MIN_VALUE;
  /** The input is idle and must not hold the watermark back. */
  public static final long IDLE = Long.MAX_VALUE;

  private Watermarks() {}

  /**
   * {@code a + b} clamped to the range of long: event times plus or minus bounds that may be
   * unbounded ({@code Long.MIN_VALUE}/{@code MAX_VALUE}).
   *
   * @param a a time or bound
   * @param b a time or bound
   * @return the clamped sum
   */
  static long plus(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }
}
