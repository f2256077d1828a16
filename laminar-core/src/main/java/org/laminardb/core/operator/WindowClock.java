package org.laminardb.core.operator;

/**
 * Event time of a window operator: the largest watermark {@code w} received, the close bound
 * {@code w - lateness} (windows ending at or before it are closed; {@link Long#MIN_VALUE} before
 * any watermark and when the subtraction overflows), the close bound last forwarded downstream, and
 * the processing-time period of {@link EmitStrategy.EmitKind#PERIODIC} emission.
 *
 * <p>Use: on a watermark, {@link #advance}; when it returns true, close every window ending at or
 * before {@link #closeBound()}, hand over the output, then {@link #forward()}. On a timer, emit
 * when {@link #periodDue()}. Single-threaded.
 */
final class WindowClock {
  private final ChunkConsumer downstream;
  private final long lateness;
  private final boolean periodic;
  private final long periodNanos;
  private long watermark = Watermarks.NONE;
  private long closeBound = Long.MIN_VALUE;
  private long forwarded = Watermarks.NONE;
  /** Wall clock (nanoTime) of the last periodic emission; not state: it restarts on restore. */
  private transient long lastPeriodic;

  WindowClock(EmitStrategy emit, ChunkConsumer downstream) {
    this.downstream = downstream;
    this.lateness = emit.latenessMicros();
    this.periodic = emit.kind() == EmitStrategy.EmitKind.PERIODIC;
    this.periodNanos = emit.periodMillis() * 1_000_000L;
    this.lastPeriodic = System.nanoTime();
  }

  /**
   * Takes a watermark: {@link Watermarks#IDLE} is forwarded downstream at once and is not a time;
   * a watermark not above the largest one is ignored; a larger one moves the close bound.
   *
   * @return whether the watermark advanced (the caller then closes windows and calls {@link
   *     #forward()})
   */
  boolean advance(long w) {
    if (w == Watermarks.IDLE) {
      downstream.onWatermark(w);
      return false;
    }
    if (w <= watermark) {
      return false;
    }
    watermark = w;
    long bound = w - lateness;
    closeBound = bound > w ? Long.MIN_VALUE : bound;
    return true;
  }

  /** Windows (sessions) ending at or before this are closed; a row only for them is late. */
  long closeBound() {
    return closeBound;
  }

  /** Forwards the close bound downstream as the watermark when it increased. */
  void forward() {
    if (closeBound > forwarded) {
      forwarded = closeBound;
      downstream.onWatermark(closeBound);
    }
  }

  /** Whether a PERIODIC emission is due now (then the period restarts); false in other modes. */
  boolean periodDue() {
    if (!periodic) {
      return false;
    }
    long now = System.nanoTime();
    if (now - lastPeriodic < periodNanos) {
      return false;
    }
    lastPeriodic = now;
    return true;
  }
}
