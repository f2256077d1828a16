package org.laminardb.storage.wal;

import java.util.Objects;

/** Options of a {@link Wal}. Immutable; {@code with...} methods return changed copies. */
public final class WalOptions {
  /** Default segment size: 64 MiB. */
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  private final SyncPolicy syncPolicy;
  private final long segmentBytes;

  private WalOptions(SyncPolicy syncPolicy, long segmentBytes) {
    this.syncPolicy = syncPolicy;
    this.segmentBytes = segmentBytes;
  }

  /**
   * The defaults: {@link SyncPolicy#FSYNC}, segments of {@link #DEFAULT_SEGMENT_BYTES}.
   *
   * @return the default options
   */
  public static WalOptions defaults() {
    return new WalOptions(SyncPolicy.FSYNC, DEFAULT_SEGMENT_BYTES);
  }

  /**
   * A copy with another sync policy.
   *
   * @param policy when commits return
   * @return the changed options
   */
  public WalOptions withSyncPolicy(SyncPolicy policy) {
    return new WalOptions(Objects.requireNonNull(policy, "policy"), segmentBytes);
  }

  /**
   * A copy with another segment size. A new segment starts when the next record would make the
   * current one larger than this; a single record larger than the size gets a segment of its own.
   *
   * @param bytes target segment size in bytes, at least 1024
   * @return the changed options
   * @throws IllegalArgumentException if {@code bytes < 1024}
   */
  public WalOptions withSegmentBytes(long bytes) {
    if (bytes < 1024) {
      throw new IllegalArgumentException("WAL segment size must be at least 1024 bytes: " + bytes);
    }
    return new WalOptions(syncPolicy, bytes);
  }

  /**
   * When commits return.
   *
   * @return the sync policy
   */
  public SyncPolicy syncPolicy() {
    return syncPolicy;
  }

  /**
   * Target segment size in bytes.
   *
   * @return the size
   */
  public long segmentBytes() {
    return segmentBytes;
  }

  @Override
  public String toString() {
    return "WalOptions[sync=" + syncPolicy + ", segmentBytes=" + segmentBytes + "]";
  }
}
