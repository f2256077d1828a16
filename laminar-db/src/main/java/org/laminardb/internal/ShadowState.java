package org.laminardb.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.laminardb.storage.state.StateGraphReader;
import org.laminardb.storage.state.StateGraphWriter;
import org.laminardb.storage.state.StateOutput;

/**
 * A background copy of a durable database's state, for checkpoints that do not pause the live
 * reactors: a second, hidden engine (one reactor, no log, sinks that write nothing) that applies
 * the WAL's records as they are written, on a ring-1 thread. A checkpoint fixes the live log
 * position {@code L}, lets the copy apply everything up to {@code L}, and encodes the copy's state,
 * which equals the live state at {@code L} because the state depends only on the log's order.
 *
 * <p>Design notes. This is double-buffered state in the sense of the design brief, bought with
 * memory and CPU: the copy holds a second instance of every object's state and processes every
 * row a second time (like the standby replicas of Kafka Streams, but in-process). What the copy
 * cannot reproduce is what reads the wall clock (PROCTIME, idle timeouts, {@code EMIT EVERY}
 * timers), exactly as a replay after a crash cannot.
 */
final class ShadowState implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ShadowState.class.getName());
  private static final long TAIL_MILLIS = 20;

  private final Engine live;
  private final Engine copy;
  private final ScheduledExecutorService tail;
  /** LSN of the last record the copy applied; guarded by this. */
  private long applied;
  private volatile RuntimeException failure;

  private ShadowState(Engine live, Engine copy, long applied) {
    this.live = live;
    this.copy = copy;
    this.applied = applied;
    this.tail = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "laminar-state-copy");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Builds the copy of a recovered live engine before it is handed out: the live catalog's
   * statements run in the copy, each object's state is copied over, and the copy then follows
   * the log.
   *
   * @param live the live engine, recovered, with nothing written since
   * @return the running copy
   */
  static ShadowState start(Engine live) {
    EngineConfig c = live.config();
    Engine copy = new Engine(EngineConfig.builder().reactorThreads(1)
        .idleStrategy(c.idleStrategy()).chunkCapacity(c.chunkCapacity())
        .queueDepth(c.queueDepth()).checkpointIntervalMillis(0).variables(c.variables())
        .shadow().build());
    try {
      List<RelationRuntime> all = new ArrayList<>(live.catalog().all());
      for (RelationRuntime rt : all) {
        if (!rt.createSql.startsWith("--")) {
          copy.executeRecorded(rt.walStream, rt.createSql, "the live catalog");
        }
      }
      Predicate<Object> keep = CheckpointFiles.keepPredicate(all);
      for (RelationRuntime rt : all) {
        copyState(rt, copy.catalog().find(rt.name), keep);
      }
    } catch (RuntimeException e) {
      copy.close();
      throw e;
    }
    ShadowState shadow = new ShadowState(live, copy, live.durable().lastLsn());
    shadow.tail.scheduleWithFixedDelay(shadow::follow, TAIL_MILLIS, TAIL_MILLIS,
        TimeUnit.MILLISECONDS);
    return shadow;
  }

  private static void copyState(RelationRuntime from, RelationRuntime to,
      Predicate<Object> keep) {
    StateOutput state = from.reactor.submit(() -> new StateGraphWriter(keep)
        .encode(from.stateRoots())).join();
    long watermark = from.outputWatermark();
    long connectorRows = from.connectorRows;
    byte[] connectorPosition = from.connectorPosition;
    to.reactor.submit(() -> {
      new StateGraphReader(state.asInputStream(), state.size()).restore(to.stateRoots());
      to.restoreOutputWatermark(watermark);
      to.connectorRows = connectorRows;
      to.connectorPosition = connectorPosition;
      return null;
    }).join();
    if (from.failure() != null) {
      to.fail(from.failure());
    }
  }

  private void follow() {
    try {
      catchUp(Long.MAX_VALUE);
    } catch (RuntimeException e) {
      if (failure == null && !live.isClosed()) {
        LOG.log(System.Logger.Level.ERROR, "LaminarDB: the background copy of the state "
            + "failed; checkpoints fail until the database is reopened", e);
      }
      failure = e;
    }
  }

  /**
   * Applies the log's records up to an LSN (or the last one written) to the copy.
   *
   * @param lsn the LSN the copy must reach
   * @throws RuntimeException what made the copy fail, now or earlier
   */
  synchronized void catchUp(long lsn) {
    if (failure != null) {
      throw failure;
    }
    if (applied < lsn) {
      applied = live.durable().replayInto(copy, applied, lsn);
    }
  }

  /**
   * Brings the copy to exactly an LSN and runs an action on it while it stays there (the tail
   * thread waits).
   *
   * @param lsn the checkpoint's LSN
   * @param action what to do with the copy, e.g. encode its state
   * @throws RuntimeException what made the copy fail, now or earlier
   */
  synchronized void atLsn(long lsn, java.util.function.Consumer<Engine> action) {
    catchUp(lsn);
    if (applied != lsn) {
      throw new IllegalStateException("the background copy of the state reached LSN " + applied
          + ", not the checkpoint's " + lsn);
    }
    action.accept(copy);
  }

  @Override
  public void close() {
    tail.shutdownNow();
    try {
      tail.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    copy.close();
  }
}
