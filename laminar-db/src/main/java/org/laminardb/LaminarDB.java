package org.laminardb;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.internal.Engine;
import org.laminardb.internal.EngineConfig;

/**
 * Embedded streaming SQL database: declare sources and continuous queries in SQL, push rows, read
 * results in-process.
 *
 * <pre>{@code
 * try (LaminarDB db = LaminarDB.open()) {
 *   db.execute("CREATE SOURCE trades (symbol VARCHAR, price DOUBLE)");
 *   db.execute("CREATE MATERIALIZED VIEW avg_price AS "
 *       + "SELECT symbol, AVG(price) AS p FROM trades GROUP BY symbol");
 *   db.source("trades").insert("ACME", 12.5);
 *   QueryResult r = db.query("SELECT * FROM avg_price");
 * }
 * }</pre>
 *
 * <p>Thread-safe: many application threads may write, query and subscribe at once. Queries and
 * subscriptions see every write that returned before they started.
 */
public final class LaminarDB implements AutoCloseable {
  private final Engine engine;

  private LaminarDB(Engine engine) {
    this.engine = engine;
  }

  /**
   * Opens a new in-memory database with default options.
   *
   * @return the database
   */
  public static LaminarDB open() {
    return builder().open();
  }

  /**
   * Opens a durable database in a directory, creating it if missing. Every statement that changes
   * the catalog and every write is logged before it returns (forced to disk under the default
   * {@link WalSync#FSYNC}); opening the directory again brings back every object and all state,
   * also after a crash. One open database per directory at a time.
   *
   * @param directory where the database keeps its files
   * @return the database
   * @throws LaminarDBException {@code 55006} if the directory is open in this or another process,
   *     {@code XX001} if its log is corrupt (the message names the file and offset),
   *     {@code 0A000} if it was written by a newer version of LaminarDB
   */
  public static LaminarDB open(Path directory) {
    return builder().path(directory).open();
  }

  /**
   * Builder for a database with options.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Executes any statement: DDL, INSERT, SELECT, SHOW, DESCRIBE, EXPLAIN, SUBSCRIBE, DROP.
   *
   * @param sql one SQL statement (a trailing semicolon is allowed)
   * @return the outcome; a {@link StatementResult.Kind#SUBSCRIPTION} result must be closed
   * @throws LaminarDBException with a SQLSTATE and position when the statement is wrong
   */
  public StatementResult execute(String sql) {
    return engine.execute(sql, null);
  }

  /**
   * Runs an ad-hoc query (SELECT over materialized views, SHOW, DESCRIBE, EXPLAIN).
   *
   * @param sql the query
   * @return all result rows
   * @throws LaminarDBException with {@code 42809} if the statement returns no rows
   */
  public QueryResult query(String sql) {
    StatementResult r = engine.execute(sql, null);
    if (r.kind() != StatementResult.Kind.ROWS) {
      if (r.subscription() != null) {
        r.subscription().close();
      }
      throw new LaminarDBException(ErrorCode.WRONG_OBJECT_TYPE,
          "query() takes a statement that returns rows (SELECT, SHOW, DESCRIBE, EXPLAIN); "
              + "use execute() for " + r.tag() + " and subscribe() for live results");
    }
    return r.rows();
  }

  /**
   * Writer appending rows to a source.
   *
   * @param name source name (case-insensitive)
   * @return a new writer; close it when done
   * @throws LaminarDBException with {@code 42P01} if there is no such source
   */
  public SourceWriter source(String name) {
    return engine.writer(name);
  }

  /**
   * Writer mapping Java records or beans to a source's columns by name.
   *
   * @param name source name
   * @param type the record or bean class
   * @param <T> the row class
   * @return a new writer
   * @throws LaminarDBException with {@code 42703} or {@code 42804} if names or types do not fit
   */
  public <T> TypedSourceWriter<T> source(String name, Class<T> type) {
    return engine.typedWriter(name, Objects.requireNonNull(type, "type"));
  }

  /**
   * The current watermark of a source, stream or materialized view: for a source, the largest
   * event time seen minus its WATERMARK bound (or a later explicit one); for a query, the
   * watermark its output last carried.
   *
   * @param name object name (case-insensitive)
   * @return the watermark, empty before the first one or for objects without event time
   * @throws LaminarDBException with {@code 42P01} if there is no such object
   */
  public Optional<LocalDateTime> watermark(String name) {
    return engine.watermark(name);
  }

  /**
   * Rows a windowed query dropped as late (or routed to its {@code LATE DATA TO} stream), rows
   * with a NULL event time included.
   *
   * @param name stream, materialized view or sink name (case-insensitive)
   * @return the count so far; 0 for queries without windows
   * @throws LaminarDBException with {@code 42P01} if there is no such object
   */
  public long lateRows(String name) {
    return engine.lateRows(name);
  }

  /**
   * Subscribes to a stream or materialized view.
   *
   * @param name object name
   * @return the subscription; close it when done
   */
  public Subscription subscribe(String name) {
    return engine.subscribe(name, null);
  }

  /**
   * Subscribes with a callback that runs on the reactor thread (lowest latency).
   *
   * @param name object name
   * @param listener receives each row; see {@link RowListener} for its rules
   * @return the subscription; close it to stop the callbacks
   */
  public Subscription subscribe(String name, RowListener listener) {
    return engine.subscribe(name, Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Takes a checkpoint now, as the {@code CHECKPOINT} statement does. In a durable database the
   * state of every object, the catalog and the log position go to disk, so that a reopen replays
   * only the log written after it, and the log before the oldest kept checkpoint is deleted. In
   * memory and durable alike, exactly-once sinks end their current epoch and commit it.
   *
   * @return the checkpoint's figures
   * @throws LaminarDBException if state cannot be written or a sink fails to pre-commit; earlier
   *     checkpoints stay valid
   */
  public CheckpointStats checkpoint() {
    return engine.checkpoint();
  }

  /**
   * The checkpoints kept on disk, oldest first, as {@code SHOW CHECKPOINTS} lists them (in
   * memory: the last one taken, if any).
   *
   * @return their figures
   */
  public java.util.List<CheckpointStats> checkpoints() {
    return engine.checkpoints();
  }

  /**
   * Epoch of the last complete checkpoint: the epoch whose output exactly-once sinks have
   * committed.
   *
   * @return the epoch, 0 before the first checkpoint
   */
  public long lastCheckpointEpoch() {
    return engine.lastCheckpointEpoch();
  }

  /**
   * Whether the database is closed.
   *
   * @return true once closed
   */
  public boolean isClosed() {
    return engine.isClosed();
  }

  /** Stops all pipelines and releases all resources. Open subscriptions end. */
  @Override
  public void close() {
    engine.close();
  }

  /** Options of a database; {@link #open()} creates it. */
  public static final class Builder {
    private final EngineConfig.Builder config = EngineConfig.builder();

    private Builder() {}

    /**
     * Makes the database durable in a directory.
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder path(Path directory) {
      config.path(Objects.requireNonNull(directory, "directory"));
      return this;
    }

    /**
     * When a durable database forces its log to disk (default {@link WalSync#FSYNC}); see
     * {@link WalSync} for what each policy risks. Ignored in memory.
     *
     * @param sync the policy
     * @return this builder
     */
    public Builder walSync(WalSync sync) {
      config.walSync(Objects.requireNonNull(sync, "sync"));
      return this;
    }

    /**
     * Value of a {@code ${name}} placeholder in connector options (e.g. {@code brokers =
     * '${KAFKA_BROKERS}'}), so that secrets and addresses need not be written into statements,
     * which a durable database logs. A value given here wins over an environment variable or Java
     * system property of the same name.
     *
     * @param name the variable name
     * @param value its value
     * @return this builder
     */
    public Builder variable(String name, String value) {
      config.variable(name, value);
      return this;
    }

    /**
     * Period of automatic checkpoints (default one minute); zero turns them off ({@code
     * CHECKPOINT} and {@link LaminarDB#checkpoint()} still work). In memory a checkpoint only
     * ends and commits the epoch of exactly-once sinks.
     *
     * @param interval zero or positive
     * @return this builder
     */
    public Builder checkpointInterval(java.time.Duration interval) {
      config.checkpointIntervalMillis(Objects.requireNonNull(interval, "interval").toMillis());
      return this;
    }

    /**
     * Whether a durable database checkpoints a background copy of its state (default false).
     *
     * <p>By default a checkpoint encodes each object's state on its reactor, which meanwhile
     * processes no rows: the pause grows with the state (about half a second for 10 million
     * groups, see {@code docs/BENCHMARKS.md}). With background checkpoints the database keeps a
     * second copy of all state, updated from the write-ahead log on a background thread, and
     * checkpoints encode that copy: the reactors pause only to mark the cut (microseconds). The
     * price is twice the memory for state and the CPU to process every row twice. Ignored in
     * memory.
     *
     * @param on true to checkpoint a background copy
     * @return this builder
     */
    public Builder backgroundCheckpoints(boolean on) {
      config.backgroundCheckpoints(on);
      return this;
    }

    /**
     * How many complete checkpoints a durable database keeps on disk (default 3): recovery falls
     * back to an older one when the newest is damaged.
     *
     * @param n 1 to 100
     * @return this builder
     */
    public Builder checkpointsKept(int n) {
      config.checkpointsKept(n);
      return this;
    }

    /**
     * Size at which a durable database starts a new WAL segment (default 64 MiB). Checkpoints
     * delete whole segments, so smaller segments free disk sooner.
     *
     * @param bytes at least 4096
     * @return this builder
     */
    public Builder walSegmentBytes(long bytes) {
      config.walSegmentBytes(bytes);
      return this;
    }

    /**
     * Number of reactor threads running pipelines (default 1).
     *
     * @param threads at least 1
     * @return this builder
     */
    public Builder reactorThreads(int threads) {
      config.reactorThreads(threads);
      return this;
    }

    /**
     * What idle reactor threads do (default {@link IdleStrategyKind#BACKOFF}).
     *
     * @param kind the strategy
     * @return this builder
     */
    public Builder idleStrategy(IdleStrategyKind kind) {
      config.idleStrategy(Objects.requireNonNull(kind, "kind"));
      return this;
    }

    /**
     * Rows per chunk, the unit of batching (default 1024).
     *
     * @param rows at least 1
     * @return this builder
     */
    public Builder chunkCapacity(int rows) {
      config.chunkCapacity(rows);
      return this;
    }

    /**
     * Chunks in flight per writer or subscriber queue (default 64).
     *
     * @param chunks at least 2
     * @return this builder
     */
    public Builder queueDepth(int chunks) {
      config.queueDepth(chunks);
      return this;
    }

    /**
     * Opens the database.
     *
     * @return the database
     */
    public LaminarDB open() {
      return new LaminarDB(new Engine(config.build()));
    }
  }
}
