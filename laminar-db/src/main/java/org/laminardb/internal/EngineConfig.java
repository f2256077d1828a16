package org.laminardb.internal;

import java.nio.file.Path;
import org.laminardb.IdleStrategyKind;
import org.laminardb.WalSync;

/**
 * Options of an engine, validated once at build time.
 *
 * @param path directory for durable mode, or null in memory
 * @param reactorThreads number of reactor threads
 * @param idleStrategy idle strategy of the reactors
 * @param chunkCapacity rows per chunk
 * @param queueDepth chunks per channel
 * @param walSync when a durable database forces its log
 * @param checkpointIntervalMillis period of automatic checkpoints of a durable database, 0 for
 *     none
 * @param checkpointsKept complete checkpoints kept on disk
 * @param walSegmentBytes size at which a durable database starts a new WAL segment
 * @param backgroundCheckpoints whether a durable database keeps a background copy of its state
 *     that checkpoints encode, instead of pausing the reactors to encode the live state
 * @param shadow whether this engine is such a background copy (internal: its sinks write nothing)
 * @param variables values of {@code ${NAME}} placeholders in connector options
 */
public record EngineConfig(Path path, int reactorThreads, IdleStrategyKind idleStrategy,
    int chunkCapacity, int queueDepth, WalSync walSync, long checkpointIntervalMillis,
    int checkpointsKept, long walSegmentBytes, boolean backgroundCheckpoints, boolean shadow,
    java.util.Map<String, String> variables) {

  /**
   * New builder with the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link EngineConfig}. */
  public static final class Builder {
    private Path path;
    private int reactorThreads = 1;
    private IdleStrategyKind idleStrategy = IdleStrategyKind.BACKOFF;
    private int chunkCapacity = 1024;
    private int queueDepth = 64;
    private WalSync walSync = WalSync.FSYNC;
    private long checkpointIntervalMillis = 60_000;
    private int checkpointsKept = 3;
    private long walSegmentBytes = 64L << 20;
    private boolean backgroundCheckpoints;
    private boolean shadow;
    private final java.util.Map<String, String> variables = new java.util.HashMap<>();

    Builder() {}

    /**
     * Sets the durable directory.
     *
     * @param p the directory
     * @return this
     */
    public Builder path(Path p) {
      this.path = p;
      return this;
    }

    /**
     * Sets the reactor thread count.
     *
     * @param n at least 1
     * @return this
     */
    public Builder reactorThreads(int n) {
      if (n < 1 || n > 256) {
        throw new IllegalArgumentException("reactor threads must be 1..256: reactorThreads=" + n);
      }
      this.reactorThreads = n;
      return this;
    }

    /**
     * Sets the idle strategy.
     *
     * @param k the strategy
     * @return this
     */
    public Builder idleStrategy(IdleStrategyKind k) {
      this.idleStrategy = k;
      return this;
    }

    /**
     * Sets the chunk capacity.
     *
     * @param n rows, 1..65536
     * @return this
     */
    public Builder chunkCapacity(int n) {
      if (n < 1 || n > 65536) {
        throw new IllegalArgumentException("chunk capacity must be 1..65536: chunkCapacity=" + n);
      }
      this.chunkCapacity = n;
      return this;
    }

    /**
     * Sets the queue depth.
     *
     * @param n chunks, 2..65536
     * @return this
     */
    public Builder queueDepth(int n) {
      if (n < 2 || n > 65536) {
        throw new IllegalArgumentException("queue depth must be 2..65536: queueDepth=" + n);
      }
      this.queueDepth = n;
      return this;
    }

    /**
     * Sets the WAL sync policy of a durable database.
     *
     * @param sync the policy
     * @return this
     */
    public Builder walSync(WalSync sync) {
      this.walSync = java.util.Objects.requireNonNull(sync, "sync");
      return this;
    }

    /**
     * Sets the period of automatic checkpoints.
     *
     * @param millis milliseconds, 0 for none
     * @return this
     */
    public Builder checkpointIntervalMillis(long millis) {
      if (millis < 0) {
        throw new IllegalArgumentException("checkpoint interval must not be negative: "
            + "checkpointInterval=" + millis + "ms");
      }
      this.checkpointIntervalMillis = millis;
      return this;
    }

    /**
     * Sets how many complete checkpoints are kept.
     *
     * @param n 1..100
     * @return this
     */
    public Builder checkpointsKept(int n) {
      if (n < 1 || n > 100) {
        throw new IllegalArgumentException("checkpoints kept must be 1..100: checkpointsKept=" + n);
      }
      this.checkpointsKept = n;
      return this;
    }

    /**
     * Sets the WAL segment size.
     *
     * @param bytes at least 4 KiB
     * @return this
     */
    public Builder walSegmentBytes(long bytes) {
      if (bytes < 4096) {
        throw new IllegalArgumentException("WAL segment size must be at least 4096 bytes: "
            + "walSegmentBytes=" + bytes);
      }
      this.walSegmentBytes = bytes;
      return this;
    }

    /**
     * Sets whether checkpoints encode a background copy of the state.
     *
     * @param on true for background checkpoints
     * @return this
     */
    public Builder backgroundCheckpoints(boolean on) {
      this.backgroundCheckpoints = on;
      return this;
    }

    /**
     * Makes this engine the background copy of another one's state.
     *
     * @return this
     */
    Builder shadow() {
      this.shadow = true;
      return this;
    }

    /**
     * Sets the value of a {@code ${name}} placeholder in connector options.
     *
     * @param name the variable name
     * @param value its value
     * @return this
     */
    public Builder variable(String name, String value) {
      variables.put(java.util.Objects.requireNonNull(name, "name"),
          java.util.Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets several placeholder values.
     *
     * @param values name to value
     * @return this
     */
    Builder variables(java.util.Map<String, String> values) {
      variables.putAll(values);
      return this;
    }

    /**
     * Builds the config.
     *
     * @return the config
     */
    public EngineConfig build() {
      return new EngineConfig(path, reactorThreads, idleStrategy, chunkCapacity, queueDepth,
          walSync, checkpointIntervalMillis, checkpointsKept, walSegmentBytes,
          backgroundCheckpoints, shadow, java.util.Map.copyOf(variables));
    }
  }
}
