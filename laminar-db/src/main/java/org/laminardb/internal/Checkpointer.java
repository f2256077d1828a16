package org.laminardb.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.laminardb.CheckpointStats;
import org.laminardb.core.reactor.Reactor;
import org.laminardb.error.LaminarDBException;
import org.laminardb.storage.checkpoint.Checkpoint;
import org.laminardb.storage.checkpoint.CheckpointInfo;
import org.laminardb.storage.checkpoint.CheckpointStore;
import org.laminardb.storage.checkpoint.CheckpointWriter;
import org.laminardb.storage.state.StateGraphReader;
import org.laminardb.storage.state.StateGraphWriter;
import org.laminardb.storage.state.StateOutput;

/**
 * Takes checkpoints and recovers from them.
 *
 * <p>A checkpoint of epoch {@code e}: with the catalog write lock held (no statement runs and no
 * writer publishes), every reactor first processes what was published before, so the log ends at
 * an LSN {@code L} that every operator has seen and nothing else; then each reactor, in one
 * command, encodes the state of the objects it owns ({@link StateGraphWriter}) into memory and
 * places a barrier in each sink's channel; then the lock is released and the rest happens off
 * the hot path: the log is forced up to {@code L}, the sinks pre-commit epoch {@code e}, the state
 * files, the catalog (the statements of the live objects) and the manifest (LSN, watermarks, sink
 * states) are written through the {@link CheckpointStore}, the log is truncated before the oldest
 * retained checkpoint, and the sinks commit epoch {@code e}.
 *
 * <p>Recovery runs the catalog's statements, puts each object's state back ({@link
 * StateGraphReader}), lets the sinks finish or abort their transactions, and replays the log
 * after {@code L}. In memory a checkpoint only ends the sinks' epoch and commits it.
 */
final class Checkpointer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Checkpointer.class.getName());
  private static final String CATALOG_FILE = CheckpointFiles.CATALOG_FILE;
  private static final String WAL_OFFSET = "wal";
  private static final long SINK_TIMEOUT_SECONDS = 60;

  /**
   * What a transactional sink recovers from and begins with.
   *
   * @param committedEpoch the epoch of the newest complete checkpoint, 0 if none
   * @param state the sink's pre-commit state in that checkpoint, or null
   * @param nextEpoch the epoch to begin
   */
  record SinkRecovery(long committedEpoch, String state, long nextEpoch) {}

  private final Engine engine;
  private final CheckpointStore store;
  private ScheduledExecutorService timer;
  /** LSN covered by each retained checkpoint this process knows, oldest first. */
  private final Deque<long[]> retained = new ArrayDeque<>();
  private final int keep;
  private volatile long lastEpoch;
  /** Epochs below this are used: on disk at open, or taken by a checkpoint that failed. */
  private volatile long epochFloor;
  private volatile CheckpointStats lastStats;
  private Map<String, String> recoveredSinkStates = Map.of();
  private volatile boolean restoring;
  /** The background copy of the state that checkpoints encode, or null (encode the live one). */
  private volatile ShadowState shadow;
  /** Per object, where its state was last written: what an unchanged object reuses. */
  private final Map<RelationRuntime, Written> written = new IdentityHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger nextStateId =
      new java.util.concurrent.atomic.AtomicInteger();

  Checkpointer(Engine engine, Path dir, int keep) {
    this.engine = engine;
    this.keep = keep;
    this.store = dir == null ? null : CheckpointStore.open(dir.resolve("checkpoints"), keep);
    if (store != null) {
      for (CheckpointInfo info : store.list()) {
        epochFloor = Math.max(epochFloor, info.epoch());
      }
    }
  }

  /** The epoch the next checkpoint gets: above every epoch on disk and every one taken. */
  private long nextEpoch() {
    return Math.max(lastEpoch, epochFloor) + 1;
  }

  /**
   * Starts automatic checkpoints (ring 1 thread {@code laminar-checkpoint}), after recovery.
   *
   * @param intervalMillis the period, 0 for none
   */
  synchronized void startTimer(long intervalMillis) {
    if (intervalMillis > 0 && timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "laminar-checkpoint");
        t.setDaemon(true);
        return t;
      });
      timer.scheduleWithFixedDelay(this::periodic, intervalMillis, intervalMillis,
          TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Makes checkpoints encode a background copy of the state instead of the live one.
   *
   * @param copy the running copy
   */
  void useBackgroundCopy(ShadowState copy) {
    this.shadow = copy;
  }

  /** Whether a reopened database is putting state back (sinks drop what pipelines emit). */
  boolean restoring() {
    return restoring;
  }

  /** Epoch of the last complete checkpoint, 0 before the first. */
  long lastEpoch() {
    return lastEpoch;
  }

  /** Figures of the last checkpoint of this process, or null. */
  CheckpointStats lastStats() {
    return lastStats;
  }

  /** What a sink being created recovers from and begins with. */
  SinkRecovery sinkRecovery(String sinkName) {
    String state = recoveredSinkStates.get(sinkName);
    return new SinkRecovery(lastEpoch, state == null || state.isEmpty() ? null : state,
        nextEpoch());
  }

  /** The complete checkpoints on disk, oldest first (empty in memory). */
  List<CheckpointStats> list() {
    List<CheckpointStats> out = new ArrayList<>();
    if (store != null) {
      CheckpointStats last = lastStats;
      for (CheckpointInfo i : store.list()) {
        out.add(last != null && last.epoch() == i.epoch() ? last : new CheckpointStats(i.epoch(),
            java.time.Instant.ofEpochMilli(i.completedAtMillis()), i.totalBytes(),
            i.durationMillis() * 1000, -1));
      }
    } else if (lastStats != null) {
      out.add(lastStats);
    }
    return out;
  }

  private void periodic() {
    try {
      if (store == null && !engine.read(this::hasTransactionalSinks)) {
        return; // in memory a checkpoint only ends the epochs of exactly-once sinks
      }
      checkpoint();
    } catch (RuntimeException e) {
      if (!engine.isClosed()) {
        LOG.log(System.Logger.Level.WARNING, "LaminarDB: periodic checkpoint failed", e);
      }
    }
  }

  private boolean hasTransactionalSinks() {
    for (RelationRuntime rt : engine.catalog().all()) {
      if (rt.sinkRuntime != null && rt.sinkRuntime.transactional()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Takes a checkpoint.
   *
   * @return its figures
   * @throws LaminarDBException if state cannot be encoded or written, or a sink fails to
   *     pre-commit; the previous checkpoints stay valid
   */
  synchronized CheckpointStats checkpoint() {
    long epoch = nextEpoch();
    long startNanos = System.nanoTime();
    Cut cut = new Cut();
    try {
      List<CompletableFuture<Object>> encoding = engine.exclusive(() -> takeCut(epoch, cut));
      for (CompletableFuture<Object> f : encoding) {
        f.join();
      }
      cut.collect.run();
      if (store != null && shadow != null) {
        engine.durable().commitThrough(cut.lsn); // the copy reads only what was written
        shadow.atLsn(cut.lsn, copy -> encodeCopy(copy, cut));
      }
      Map<String, String> sinkStates =
          SinkRuntime.awaitPreCommits(cut.preCommits, SINK_TIMEOUT_SECONDS);
      long bytes = 0;
      if (store != null) {
        engine.durable().commitThrough(cut.lsn);
        bytes = write(epoch, cut, sinkStates);
        retained.addLast(new long[] {epoch, cut.lsn});
        while (retained.size() > keep) {
          retained.removeFirst();
        }
        engine.durable().truncateBefore(retained.peekFirst()[1] + 1);
      }
      lastEpoch = epoch;
      SinkRuntime.commitAll(epoch, cut.preCommits.keySet(), SINK_TIMEOUT_SECONDS);
      CheckpointStats stats = new CheckpointStats(epoch, java.time.Instant.now(), bytes,
          TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startNanos), cut.pauseMicros);
      lastStats = stats;
      return stats;
    } catch (RuntimeException e) {
      // The epoch is used up: sinks may have ended theirs at its barrier; their rows are covered
      // by the next checkpoint that completes, whose commit commits them too (recovery too).
      epochFloor = Math.max(epochFloor, epoch);
      throw e;
    }
  }

  /** The consistent cut, taken with the catalog write lock held. */
  private static final class Cut {
    long lsn;
    final List<String[]> catalog = new ArrayList<>();
    final Map<String, StateFile> files = new LinkedHashMap<>();
    final Map<String, Long> watermarks = new LinkedHashMap<>();
    final Map<SinkRuntime, CompletableFuture<String>> preCommits = new LinkedHashMap<>();
    long pauseMicros;
    /** Gathers what the reactor commands encoded, once they are done. */
    Runnable collect;
  }

  /**
   * Takes the cut: with the catalog write lock held, drains the reactors, fixes the LSN and
   * submits one command per reactor that encodes its objects and places the sink barriers. The
   * lock is released before the commands finish: a command runs after exactly the chunks
   * published before it was submitted, so later writes wait only on their own reactor, and are
   * logged after {@code L}.
   */
  private List<CompletableFuture<Object>> takeCut(long epoch, Cut cut) {
    DurableLog log = engine.durable();
    Reactor[] reactors = engine.pool().reactors();
    if (log != null) {
      log.drain(reactors);
    }
    cut.lsn = log == null ? 0 : log.lastLsn();
    List<RelationRuntime> all = new ArrayList<>(engine.catalog().all());
    Predicate<Object> keep = CheckpointFiles.keepPredicate(all);
    Map<Reactor, List<Integer>> byReactor = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      RelationRuntime rt = all.get(i);
      byReactor.computeIfAbsent(rt.reactor, r -> new ArrayList<>()).add(i);
      if (!rt.createSql.startsWith("--")) {
        cut.catalog.add(new String[] {Integer.toString(rt.walStream), rt.createSql});
      }
    }
    StateFile[] encoded = new StateFile[all.size()];
    long[] watermarks = new long[all.size()];
    List<CompletableFuture<Object>> done = new ArrayList<>();
    for (Map.Entry<Reactor, List<Integer>> e : byReactor.entrySet()) {
      done.add(e.getKey().submit(() -> {
        long t0 = System.nanoTime();
        for (int i : e.getValue()) {
          RelationRuntime rt = all.get(i);
          if (store != null && shadow == null) {
            encoded[i] = stateFile(rt, keep);
          }
          watermarks[i] = rt.watermark != null ? rt.watermark.watermark() : rt.outputWatermark();
          if (rt.sinkRuntime != null && rt.sinkRuntime.transactional()) {
            synchronized (cut) {
              cut.preCommits.put(rt.sinkRuntime, rt.sinkRuntime.barrier(epoch));
            }
          }
        }
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0);
        synchronized (cut) {
          cut.pauseMicros = Math.max(cut.pauseMicros, micros);
        }
        return null;
      }));
    }
    cut.collect = () -> {
      for (int i = 0; i < all.size(); i++) {
        if (encoded[i] != null) {
          cut.files.put(encoded[i].name(), encoded[i]);
        }
        cut.watermarks.put(all.get(i).name, watermarks[i]);
      }
    };
    return done;
  }


  /**
   * Encodes the background copy's objects (at the cut's LSN) on the copy's reactors, instead of
   * the live ones.
   */
  private void encodeCopy(Engine copy, Cut cut) {
    List<RelationRuntime> all = new ArrayList<>(copy.catalog().all());
    Predicate<Object> keep = CheckpointFiles.keepPredicate(all);
    Map<Reactor, List<RelationRuntime>> byReactor = new LinkedHashMap<>();
    for (RelationRuntime rt : all) {
      byReactor.computeIfAbsent(rt.reactor, r -> new ArrayList<>()).add(rt);
    }
    List<CompletableFuture<List<StateFile>>> done = new ArrayList<>();
    for (Map.Entry<Reactor, List<RelationRuntime>> e : byReactor.entrySet()) {
      done.add(e.getKey().submit(() -> {
        List<StateFile> files = new ArrayList<>();
        for (RelationRuntime rt : e.getValue()) {
          files.add(stateFile(rt, keep));
        }
        return files;
      }));
    }
    for (CompletableFuture<List<StateFile>> f : done) {
      for (StateFile file : f.join()) {
        cut.files.put(file.name(), file);
      }
    }
  }





  /**
   * One object's state file for this checkpoint, on the object's reactor: the previous
   * checkpoint's file when nothing reached the object since (incremental checkpoints), else a
   * new encoding.
   */
  private StateFile stateFile(RelationRuntime rt, Predicate<Object> keep) {
    Written prev;
    synchronized (written) {
      prev = written.get(rt);
    }
    if (prev != null && prev.version() == rt.stateVersion) {
      return new StateFile(prev.name(), null, null, prev);
    }
    String name = prev != null ? prev.name() : "state-" + nextStateId.getAndIncrement();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(rt.name);
      out.writeLong(rt.outputWatermark());
      out.writeLong(rt.connectorRows);
      byte[] position = rt.connectorPosition;
      out.writeInt(position == null ? -1 : position.length);
      if (position != null) {
        out.write(position);
      }
      Throwable failure = rt.failure();
      out.writeBoolean(failure != null);
      if (failure != null) {
        out.writeUTF(String.valueOf(failure.getMessage()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StateOutput graph = new StateGraphWriter(keep).encode(rt.stateRoots());
    return new StateFile(name, bytes.toByteArray(), graph,
        new Written(rt, rt.stateVersion, name, null, null));
  }

  /**
   * A state file of a checkpoint being written: new bytes (header, then the graph after its
   * length), or the earlier file it reuses.
   */
  private record StateFile(String name, byte[] header, StateOutput graph, Written source) {}

  /** Where an object's state was last written, and at which version of the object. */
  private record Written(RelationRuntime rt, long version, String name, Path file,
      org.laminardb.storage.checkpoint.StateFileRef ref) {}






  private long write(long epoch, Cut cut, Map<String, String> sinkStates) {
    CheckpointWriter w = store.begin(epoch);
    Map<RelationRuntime, Written> now = new IdentityHashMap<>();
    try {
      w.writeStateFile(CATALOG_FILE, CheckpointFiles.encodeCatalog(cut.catalog));
      for (StateFile f : cut.files.values()) {
        Written source = f.source();
        if (f.header() == null) {
          w.reuseStateFile(f.name(), source.file(), source.ref());
        } else {
          try (java.io.OutputStream out = w.stateFile(f.name());
              DataOutputStream data = new DataOutputStream(out)) {
            data.write(f.header());
            data.writeLong(f.graph().size());
            f.graph().writeTo(data);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        now.put(source.rt(), source);
      }
      w.complete(w.manifest(Map.of(WAL_OFFSET, cut.lsn), cut.watermarks, sinkStates));
    } catch (RuntimeException e) {
      w.abort();
      throw e;
    }
    Path epochDir = store.directory().resolve(String.format("epoch-%020d", epoch));
    Map<String, org.laminardb.storage.checkpoint.StateFileRef> refs = new java.util.HashMap<>();
    for (org.laminardb.storage.checkpoint.StateFileRef ref : w.stateFiles()) {
      refs.put(ref.name(), ref);
    }
    synchronized (written) {
      written.clear();
      for (Written x : now.values()) {
        written.put(x.rt(), new Written(x.rt(), x.version(), x.name(),
            epochDir.resolve(x.name()), refs.get(x.name())));
      }
    }
    long bytes = 0;
    for (CheckpointInfo info : store.list()) {
      if (info.epoch() == epoch) {
        bytes = info.totalBytes();
      }
    }
    return bytes;
  }



  /**
   * Restores the newest valid checkpoint, if any, into the empty engine.
   *
   * @return the LSN the checkpoint covers; the log is replayed after it (0 without checkpoint)
   */
  long recover() {
    if (store == null) {
      return 0;
    }
    List<String> skipped = new ArrayList<>();
    Checkpoint cp = store.latestValid(skipped).orElse(null);
    if (cp == null) {
      lastEpoch = 0;
      return 0;
    }
    lastEpoch = cp.epoch();
    recoveredSinkStates = cp.manifest().sinkStates();
    long lsn = cp.manifest().sourceOffsets().getOrDefault(WAL_OFFSET, 0L);
    retained.addLast(new long[] {cp.epoch(), lsn});
    restoring = true;
    try {
      CheckpointFiles.runCatalog(engine, cp);
      for (org.laminardb.storage.checkpoint.StateFileRef ref : cp.manifest().stateFiles()) {
        if (!ref.name().equals(CATALOG_FILE)) {
          CheckpointFiles.restore(engine, cp, ref.name());
        }
      }
      CheckpointFiles.unmuteSinks(engine);
    } finally {
      restoring = false;
    }
    return lsn;
  }







  /** Stops periodic checkpoints and waits for one in progress to end. */
  void stopTimer() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
    }
    if (t != null) {
      t.shutdownNow();
      try {
        t.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stopTimer();
    ShadowState copy = shadow;
    if (copy != null) {
      copy.close();
    }
    if (store != null) {
      store.close();
    }
  }
}
