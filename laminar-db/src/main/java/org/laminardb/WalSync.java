package org.laminardb;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * When a durable database forces its write-ahead log to disk, and so what a crash can take.
 *
 * <ul>
 *   <li>{@link #FSYNC} (the default): every acknowledged write (an {@code insert} call, an INSERT
 *       statement, a bulk {@code flush}) is on disk before the call returns; concurrent writers
 *       share one force (group commit). Survives a crash of the process and of the machine.
 *   <li>{@link #every(Duration)}: writes are handed to the operating system before the call
 *       returns and forced at that interval. Survives a crash of the process; a power loss or
 *       kernel crash can lose the writes of the last interval.
 *   <li>{@link #NONE}: writes are handed to the operating system, never forced by LaminarDB.
 *       Survives a crash of the process; a machine crash can lose whatever the operating system
 *       had not written back yet.
 * </ul>
 */
public final class WalSync {
  /** Force the log before every acknowledgement. */
  public static final WalSync FSYNC = new WalSync(0);
  /** Never force the log; the operating system writes it back when it chooses. */
  public static final WalSync NONE = new WalSync(-1);

  private final long intervalMillis;

  private WalSync(long intervalMillis) {
    this.intervalMillis = intervalMillis;
  }

  /**
   * Forces the log at a fixed interval.
   *
   * @param interval at least one millisecond
   * @return the policy
   * @throws IllegalArgumentException if the interval is under a millisecond
   */
  public static WalSync every(Duration interval) {
    long ms = Objects.requireNonNull(interval, "interval").toMillis();
    if (ms < 1) {
      throw new IllegalArgumentException("WAL sync interval must be at least 1 ms: interval="
          + interval);
    }
    return new WalSync(ms);
  }

  /**
   * Parses {@code fsync}, {@code none} or an interval in milliseconds ({@code 100ms} or
   * {@code 100}), the form of the JDBC setting {@code walSync}.
   *
   * @param text the policy as text
   * @return the policy
   * @throws IllegalArgumentException if the text is none of these
   */
  public static WalSync parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("fsync")) {
      return FSYNC;
    }
    if (t.equals("none")) {
      return NONE;
    }
    String digits = t.endsWith("ms") ? t.substring(0, t.length() - 2).trim() : t;
    try {
      return every(Duration.ofMillis(Long.parseLong(digits)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "walSync must be fsync, none or an interval such as 100ms: walSync=" + text, e);
    }
  }

  /**
   * Whether every acknowledgement forces the log.
   *
   * @return true for {@link #FSYNC}
   */
  public boolean isFsync() {
    return intervalMillis == 0;
  }

  /**
   * Whether the log is never forced.
   *
   * @return true for {@link #NONE}
   */
  public boolean isNone() {
    return intervalMillis < 0;
  }

  /**
   * The interval between forces.
   *
   * @return the interval for {@link #every(Duration)}, empty otherwise
   */
  public java.util.Optional<Duration> interval() {
    return intervalMillis > 0 ? java.util.Optional.of(Duration.ofMillis(intervalMillis))
        : java.util.Optional.empty();
  }

  @Override
  public String toString() {
    return isFsync() ? "fsync" : isNone() ? "none" : intervalMillis + "ms";
  }
}
