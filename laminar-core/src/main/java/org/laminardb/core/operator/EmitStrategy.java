package org.laminardb.core.operator;

import java.util.Objects;

/**
 * When a windowed operator emits results and how long windows accept late rows.
 *
 * <ul>
 *   <li>{@link EmitKind#ON_WINDOW_CLOSE}: one final {@code +I} row per (key, window) when the
 *       window closes, i.e. when the watermark reaches {@code end + lateness}; append-only.
 *   <li>{@link EmitKind#ON_UPDATE}: a changelog; after each input chunk every changed result is
 *       emitted ({@code +I} first, then {@code -U}/{@code +U}); a window's state is freed when it
 *       closes, without further output.
 *   <li>{@link EmitKind#PERIODIC}: like ON_UPDATE, but changed results are emitted every {@code
 *       periodMillis} of processing time, and pending changes once more when the window closes.
 * </ul>
 *
 * @param kind when to emit
 * @param periodMillis the period of {@link EmitKind#PERIODIC}, otherwise 0
 * @param latenessMicros allowed lateness: a window closes when the watermark reaches its end plus
 *     this
 */
public record EmitStrategy(EmitKind kind, long periodMillis, long latenessMicros) {
  /**
   * Creates a strategy, checking its values.
   *
   * @param kind when to emit
   * @param periodMillis period for PERIODIC
   * @param latenessMicros allowed lateness
   */
  public EmitStrategy {
    Objects.requireNonNull(kind, "kind");
    if ((kind == EmitKind.PERIODIC) != (periodMillis > 0)) {
      throw new IllegalArgumentException("a period is required for, and only for, PERIODIC: "
          + "periodMillis=" + periodMillis);
    }
    if (latenessMicros < 0) {
      throw new IllegalArgumentException("lateness must not be negative: " + latenessMicros);
    }
  }

  /**
   * Whether the output only inserts.
   *
   * @return true for ON_WINDOW_CLOSE
   */
  public boolean appendOnly() {
    return kind == EmitKind.ON_WINDOW_CLOSE;
  }

  /** When a windowed operator emits. */
  public enum EmitKind {
    /** Final results when windows close. */
    ON_WINDOW_CLOSE,
    /** Every change, as a changelog. */
    ON_UPDATE,
    /** Changed results every period of processing time. */
    PERIODIC
  }
}
