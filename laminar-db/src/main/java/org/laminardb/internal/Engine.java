package org.laminardb.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.laminardb.RowListener;
import org.laminardb.SourceWriter;
import org.laminardb.StatementResult;
import org.laminardb.Subscription;
import org.laminardb.TypedSourceWriter;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.queue.ChunkChannel;
import org.laminardb.core.type.Schema;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.parser.LaminarSqlParser;
import org.laminardb.sql.parser.ddl.SqlCheckpoint;
import org.laminardb.sql.parser.ddl.SqlCreateQueryObject;
import org.laminardb.sql.parser.ddl.SqlCreateSink;
import org.laminardb.sql.parser.ddl.SqlCreateSource;
import org.laminardb.sql.parser.ddl.SqlDescribeObject;
import org.laminardb.sql.parser.ddl.SqlDropObject;
import org.laminardb.sql.parser.ddl.SqlExplainCreate;
import org.laminardb.sql.parser.ddl.SqlShowCreate;
import org.laminardb.sql.parser.ddl.SqlShowObjects;
import org.laminardb.sql.parser.ddl.SqlSubscribe;
import org.laminardb.sql.plan.SqlErrors;

/**
 * The engine behind a {@link org.laminardb.LaminarDB} handle: catalog, reactors, statement
 * execution.
 *
 * <p>Concurrency: DDL takes the catalog write lock; queries, subscriptions and writer creation
 * take the read lock. Row writes take no engine lock at all: they go through each writer's own
 * lock-free channel to the reactor that owns the source.
 */
public final class Engine {
  private static final System.Logger LOG = System.getLogger(Engine.class.getName());
  private final EngineConfig config;
  private final Catalog catalog = new Catalog();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final ReactorPool pool;
  private final DdlExecutor ddl = new DdlExecutor(this);
  private final QueryExecutor queries = new QueryExecutor(this);
  private final InsertExecutor inserts = new InsertExecutor(this);
  private final TableStatements tables = new TableStatements(this);
  private final SubscriptionManager subscriptions = new SubscriptionManager(this);
  /** The log of a durable database, null in memory. */
  private final DurableLog durable;
  /** WAL ids of the sources (durable databases and their background copies). */
  private final SourceIds sourceIds = new SourceIds();
  /** Marks no recorded statement running on this thread. */
  private static final int NOT_RECORDED = -1;
  /**
   * Set while this thread runs a statement again from the log or a checkpoint: the recorded
   * source id (0 if none); {@link #NOT_RECORDED} otherwise. Such statements are not logged.
   */
  private final ThreadLocal<Integer> recordedSourceId = ThreadLocal.withInitial(() -> NOT_RECORDED);
  private final Checkpointer checkpointer;
  /** Connectors of recovered sources, started once recovery is complete. */
  private final List<org.laminardb.spi.SourceConnector> deferredConnectors = new ArrayList<>();
  private volatile boolean closed;

  /**
   * Starts an engine; for a durable database, opens its directory and replays its log, so the
   * catalog and all state are as they were when it was last closed or crashed.
   *
   * @param config the options
   * @throws LaminarDBException {@code 55006} if the directory is open elsewhere, {@code XX001} if
   *     its log is corrupt, {@code 0A000} if it was written by a newer format version
   */
  public Engine(EngineConfig config) {
    this.config = config;
    this.durable = config.path() == null ? null : DurableLog.open(config.path(), config.walSync(),
        config.walSegmentBytes());
    try {
      this.pool = new ReactorPool(config.reactorThreads(), config.idleStrategy(),
          Engine::reactorError);
    } catch (RuntimeException e) {
      if (durable != null) {
        durable.close();
      }
      throw e;
    }
    Checkpointer cp;
    try {
      cp = new Checkpointer(this, config.path(), config.checkpointsKept());
    } catch (RuntimeException e) {
      pool.close();
      if (durable != null) {
        durable.close();
      }
      throw e;
    }
    this.checkpointer = cp;
    if (durable != null) {
      try {
        lock.writeLock().lock();
        try {
          durable.replay(this, checkpointer.recover());
        } finally {
          lock.writeLock().unlock();
        }
        if (config.backgroundCheckpoints()) {
          checkpointer.useBackgroundCopy(ShadowState.start(this));
        }
        startDeferredConnectors();
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }
    checkpointer.startTimer(config.checkpointIntervalMillis());
  }

  /**
   * Reports an exception that escaped a reactor consumer outside any query's failure guard (a
   * bug, or a custom listener): the chunk is dropped and the loop goes on, so it must be seen.
   */
  static void reactorError(Object where, Throwable error) {
    LOG.log(System.Logger.Level.ERROR, "LaminarDB reactor: " + where + " failed", error);
  }

  /**
   * The options.
   *
   * @return the config
   */
  public EngineConfig config() {
    return config;
  }

  Catalog catalog() {
    return catalog;
  }

  ReactorPool pool() {
    return pool;
  }

  DdlExecutor ddl() {
    return ddl;
  }

  /** The log of a durable database, or null in memory. */
  DurableLog durable() {
    return durable;
  }

  /** WAL ids of the sources. Write lock held. */
  SourceIds sourceIds() {
    return sourceIds;
  }

  /**
   * Runs a statement again from the log or a checkpoint's catalog: not logged, and a source it
   * creates gets the recorded WAL id.
   *
   * @param sourceId the recorded source id, 0 if none
   * @param sql the statement
   * @param where where it was recorded, for the error message
   */
  void executeRecorded(int sourceId, String sql, String where) {
    recordedSourceId.set(sourceId);
    try {
      execute(sql, null);
    } catch (LaminarDBException e) {
      throw new LaminarDBException(e.code(), "cannot run again the statement recorded in "
          + where + " (" + sql + "): " + e.getMessage(), e);
    } finally {
      recordedSourceId.set(NOT_RECORDED);
    }
  }

  /** Starts the connectors whose sources recovery rebuilt, still in the catalog. */
  private void startDeferredConnectors() {
    lock.writeLock().lock();
    try {
      for (org.laminardb.spi.SourceConnector c : deferredConnectors) {
        for (RelationRuntime rt : catalog.all()) {
          if (rt.connector == c) {
            c.start();
          }
        }
      }
      deferredConnectors.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Gate of a durable database's connectors: the catalog read lock around each publish.
   *
   * @return the gate
   */
  org.laminardb.core.queue.ChunkWriter.PublishGate publishGate() {
    return new org.laminardb.core.queue.ChunkWriter.PublishGate() {
      @Override
      public boolean enter() {
        try {
          lock.readLock().lockInterruptibly();
          return true;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }

      @Override
      public void exit() {
        lock.readLock().unlock();
      }
    };
  }

  /** Whether this thread runs a statement again from the log or a checkpoint. */
  boolean runningRecorded() {
    return recordedSourceId.get() != NOT_RECORDED;
  }

  /**
   * Starts a connector created by a statement run again, once recovery has restored the rows it
   * delivered before (its position). Write lock held.
   */
  void startAfterRecovery(org.laminardb.spi.SourceConnector connector) {
    deferredConnectors.add(connector);
  }

  /** Checkpoints of this engine. */
  Checkpointer checkpointer() {
    return checkpointer;
  }

  /**
   * Runs an action with the catalog write lock held: no statement runs and no writer of a
   * durable database publishes meanwhile.
   */
  <T> T exclusive(Supplier<T> action) {
    lock.writeLock().lock();
    try {
      checkOpen();
      return action.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Takes a checkpoint: in a durable database, state and catalog on disk so that recovery need
   * replay only the log after it; in memory and durable alike, the end of the sinks' epoch.
   *
   * @return its figures
   */
  public org.laminardb.CheckpointStats checkpoint() {
    checkOpen();
    return checkpointer.checkpoint();
  }

  /**
   * The checkpoints kept on disk, oldest first; in memory, the last one taken.
   *
   * @return their figures
   */
  public List<org.laminardb.CheckpointStats> checkpoints() {
    checkOpen();
    return checkpointer.list();
  }

  /**
   * Epoch of the last complete checkpoint.
   *
   * @return the epoch, 0 before the first
   */
  public long lastCheckpointEpoch() {
    return checkpointer.lastEpoch();
  }

  /** The source with a WAL id (replay); null if there is none. Write lock held. */
  RelationRuntime sourceByWalId(int id) {
    for (RelationRuntime r : catalog.all()) {
      if (r.walStream == id && (r.kind == org.laminardb.sql.plan.RelationKind.SOURCE
          || r.kind == org.laminardb.sql.plan.RelationKind.TABLE)) {
        return r;
      }
    }
    return null;
  }

  ChunkChannel newChannel(Schema schema) {
    return new ChunkChannel(schema, config.queueDepth(), config.chunkCapacity());
  }

  /** Registers an input channel of a relation with its reactor. */
  void register(RelationRuntime rt, ChunkChannel channel, ChunkConsumer consumer) {
    ChannelBinding b = new ChannelBinding(channel, consumer);
    rt.channels.add(b);
    rt.reactor.submit(() -> {
      rt.reactor.addInput(channel, consumer);
      return null;
    }).join();
  }

  /** Unregisters an input channel, draining it first. */
  void unregister(RelationRuntime rt, ChunkChannel channel) {
    rt.channels.removeIf(b -> b.channel() == channel);
    if (!closed) {
      rt.reactor.submit(() -> {
        rt.reactor.removeInput(channel);
        return null;
      }).join();
    }
  }

  /**
   * Executes one statement.
   *
   * @param sql the statement
   * @param params values of {@code ?} parameters in order, or null
   * @return the outcome
   */
  public StatementResult execute(String sql, List<Object> params) {
    checkOpen();
    SqlNode node = LaminarSqlParser.parseStatement(sql);
    List<Object> p = params == null ? List.of() : params;
    String text = statementText(sql);
    if (node instanceof SqlCreateSource) {
      return ddl(() -> ddl.createSource((SqlCreateSource) node, text), text);
    }
    if (node instanceof SqlCreateQueryObject) {
      return ddl(() -> ddl.createQueryObject((SqlCreateQueryObject) node, text), text);
    }
    if (node instanceof SqlCreateSink) {
      return ddl(() -> ddl.createSink((SqlCreateSink) node, text), text);
    }
    if (node instanceof SqlDropObject) {
      return ddl(() -> ddl.drop((SqlDropObject) node), text);
    }
    if (node instanceof SqlInsert) {
      return read(() -> inserts.insert((SqlInsert) node, p));
    }
    if (node instanceof org.apache.calcite.sql.SqlUpdate) {
      return read(() -> tables.update((org.apache.calcite.sql.SqlUpdate) node, p));
    }
    if (node instanceof org.apache.calcite.sql.SqlDelete) {
      return read(() -> tables.delete((org.apache.calcite.sql.SqlDelete) node, p));
    }
    if (node instanceof SqlSubscribe) {
      return StatementResult.ofSubscription(
          subscribe(((SqlSubscribe) node).name().getSimple(), null));
    }
    if (node instanceof SqlCheckpoint) {
      checkpoint();
      return StatementResult.done("CHECKPOINT");
    }
    return read(() -> executeQueryLike(node, sql, p));
  }

  private static String statementText(String sql) {
    String s = sql.trim();
    while (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).trim();
    }
    return s;
  }

  private StatementResult executeQueryLike(SqlNode node, String sql, List<Object> params) {
    Metadata meta = new Metadata(this);
    if (node instanceof SqlShowObjects) {
      return meta.show((SqlShowObjects) node);
    }
    if (node instanceof org.laminardb.sql.parser.ddl.SqlShowCheckpoints) {
      return meta.showCheckpoints();
    }
    if (node instanceof SqlShowCreate) {
      return meta.showCreate((SqlShowCreate) node);
    }
    if (node instanceof SqlDescribeObject) {
      return meta.describe((SqlDescribeObject) node);
    }
    if (node instanceof SqlExplainCreate) {
      return meta.explainCreate(((SqlExplainCreate) node).statement());
    }
    if (node instanceof SqlExplain) {
      return meta.explain(((SqlExplain) node).getExplicandum());
    }
    if (node.getKind().belongsTo(SqlKind.QUERY)) {
      return queries.query(node, sql, params);
    }
    throw SqlErrors.unsupported(node, "statement " + node.getKind() + " is not supported; "
        + "supported: CREATE SOURCE/TABLE/STREAM/MATERIALIZED VIEW/SINK, INSERT, UPSERT, UPDATE, "
        + "DELETE, SELECT, SUBSCRIBE, SHOW, DESCRIBE, EXPLAIN, DROP, CHECKPOINT");
  }

  /**
   * Runs a catalog statement with the write lock held; in a durable database, logs it once it
   * succeeded (after every chunk published before it).
   */
  private StatementResult ddl(Supplier<StatementResult> action, String text) {
    lock.writeLock().lock();
    try {
      checkOpen();
      if (durable == null && !config.shadow()) {
        return action.get();
      }
      if (durable == null) {
        sourceIds.beginStatement(recordedSourceId.get());
        return action.get();
      }
      sourceIds.beginStatement(recordedSourceId.get());
      StatementResult result = action.get();
      if (recordedSourceId.get() == NOT_RECORDED) {
        durable.logStatement(text, sourceIds.created(), pool.reactors());
      }
      return result;
    } finally {
      lock.writeLock().unlock();
    }
  }

  <T> T read(Supplier<T> action) {
    lock.readLock().lock();
    try {
      checkOpen();
      return action.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Current watermark of an object.
   *
   * @param name object name
   * @return the watermark, empty when there is none yet
   */
  public java.util.Optional<java.time.LocalDateTime> watermark(String name) {
    return read(() -> {
      RelationRuntime rt = catalog.require(name, null);
      syncReactor(rt);
      long wm = rt.watermark != null ? rt.watermark.watermark() : rt.outputWatermark();
      return wm == org.laminardb.core.operator.Watermarks.NONE ? java.util.Optional.empty()
          : java.util.Optional.of(ValueConverter.timestampOf(wm));
    });
  }

  /**
   * Late rows of a windowed query.
   *
   * @param name query object name
   * @return the count
   */
  public long lateRows(String name) {
    return read(() -> {
      RelationRuntime rt = catalog.require(name, null);
      syncReactor(rt);
      return rt.lateRows();
    });
  }

  /** Waits until the object's reactor has processed every write that returned before now. */
  private static void syncReactor(RelationRuntime rt) {
    rt.reactor.submit(() -> null).join();
  }

  /**
   * New writer for a source.
   *
   * @param source source name
   * @return the writer
   */
  public SourceWriter writer(String source) {
    return read(() -> {
      RelationRuntime found = catalog.require(source, null);
      RelationRuntime rt = found.kind == org.laminardb.sql.plan.RelationKind.TABLE ? found
          : catalog.require(source, org.laminardb.sql.plan.RelationKind.SOURCE, null);
      SourceWriterImpl w = new SourceWriterImpl(this, rt);
      rt.closeables.add(w);
      return w;
    });
  }

  /**
   * New typed writer for a source.
   *
   * @param source source name
   * @param type record or bean class
   * @param <T> row class
   * @return the writer
   */
  public <T> TypedSourceWriter<T> typedWriter(String source, Class<T> type) {
    SourceWriter w = writer(source);
    try {
      return new TypedSourceWriterImpl<>(w, type);
    } catch (RuntimeException e) {
      w.close();
      throw e;
    }
  }

  /**
   * Subscribes to a stream or view.
   *
   * @param name object name
   * @param listener callback on the reactor thread, or null for a polled subscription
   * @return the subscription
   */
  public Subscription subscribe(String name, RowListener listener) {
    return read(() -> subscriptions.subscribe(name, listener));
  }

  /**
   * Every catalog object, sorted by kind and name.
   *
   * @return the objects
   */
  public List<CatalogObjectInfo> listObjects() {
    return read(() -> {
      List<CatalogObjectInfo> out = new ArrayList<>();
      for (RelationRuntime r : catalog.all()) {
        out.add(new CatalogObjectInfo(r.name, r.kind.sqlName(), r.columns));
      }
      out.sort(Comparator.comparing(CatalogObjectInfo::kind)
          .thenComparing(CatalogObjectInfo::name, String.CASE_INSENSITIVE_ORDER));
      return out;
    });
  }

  /** Stops a relation: its connector, its inputs, subscriptions, writers. Write lock held. */
  void dropRuntime(RelationRuntime rt) {
    for (AutoCloseable c : rt.closeables) {
      closeQuietly(c);
    }
    if (rt.connector != null) {
      rt.connector.close();
    }
    rt.reactor.submit(() -> {
      for (Runnable d : rt.detachers) {
        d.run();
      }
      for (ChannelBinding b : rt.channels) {
        rt.reactor.removeInput(b.channel());
      }
      return null;
    }).join();
    rt.channels.clear();
    catalog.remove(rt);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // Closing during DROP or shutdown: the object is going away either way.
    }
  }

  /**
   * Whether the engine is closed.
   *
   * @return true once closed
   */
  public boolean isClosed() {
    return closed;
  }

  private void checkOpen() {
    if (closed) {
      throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "the database is closed");
    }
  }

  /** Stops everything: connectors, sinks, subscriptions, writers, then the reactors. */
  public void close() {
    if (checkpointer != null) {
      checkpointer.stopTimer();
    }
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      List<RelationRuntime> all = new ArrayList<>(catalog.all());
      java.util.Collections.reverse(all);
      for (RelationRuntime rt : all) {
        dropRuntime(rt);
      }
      closed = true;
      if (durable != null) {
        try {
          durable.force(pool.reactors());
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "LaminarDB: final WAL force failed", e);
        }
      }
      pool.close();
      if (checkpointer != null) {
        checkpointer.close();
      }
      if (durable != null) {
        durable.close();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }
}
