package org.laminardb.storage.wal;

/**
 * When {@link Wal#commit(long)} returns, relative to the record reaching stable storage.
 *
 * <ul>
 *   <li>{@link #FSYNC} (the default): commit returns after {@code FileChannel.force(false)} covered
 *       the record. A committed record survives a crash of the process and of the machine (as far
 *       as the disk honours flushes).
 *   <li>{@link #interval(long) INTERVAL(ms)}: commit returns after the record was written to the
 *       operating system; a background thread forces the log every {@code ms} milliseconds. A crash
 *       of the process loses nothing committed; a crash of the machine (power loss, kernel panic)
 *       can lose the records committed in the last {@code ms} milliseconds (plus one force time).
 *   <li>{@link #NONE}: commit returns after the write to the operating system and the log is only
 *       forced when a segment is sealed and on {@link Wal#close()}. A crash of the process loses
 *       nothing committed; a crash of the machine can lose anything the operating system had not
 *       yet written back on its own (typically up to about 30 s on Linux).
 * </ul>
 *
 * <p>Immutable.
 */
public final class SyncPolicy {
  /** The kinds of policy. */
  public enum Kind {
    /** Force on every commit (group commit shares one force among concurrent writers). */
    FSYNC,
    /** Write on commit, force every N milliseconds in the background. */
    INTERVAL,
    /** Write on commit, never force except when sealing a segment and on close. */
    NONE
  }

  /** Force before every commit returns. */
  public static final SyncPolicy FSYNC = new SyncPolicy(Kind.FSYNC, 0);
  /** Write to the operating system only. */
  public static final SyncPolicy NONE = new SyncPolicy(Kind.NONE, 0);

  private final Kind kind;
  private final long intervalMillis;

  private SyncPolicy(Kind kind, long intervalMillis) {
    this.kind = kind;
    this.intervalMillis = intervalMillis;
  }

  /**
   * A policy that writes on commit and forces in the background every {@code millis} ms.
   *
   * @param millis the force interval, at least 1
   * @return the policy
   * @throws IllegalArgumentException if {@code millis < 1}
   */
  public static SyncPolicy interval(long millis) {
    if (millis < 1) {
      throw new IllegalArgumentException("sync interval must be at least 1 ms: " + millis);
    }
    return new SyncPolicy(Kind.INTERVAL, millis);
  }

  /**
   * The kind of policy.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The background force interval of an {@link Kind#INTERVAL} policy, else 0.
   *
   * @return milliseconds
   */
  public long intervalMillis() {
    return intervalMillis;
  }

  @Override
  public String toString() {
    return kind == Kind.INTERVAL ? "INTERVAL(" + intervalMillis + " ms)" : kind.name();
  }
}
