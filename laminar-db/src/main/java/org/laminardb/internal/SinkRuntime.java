package org.laminardb.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.queue.ChunkChannel;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.spi.SinkConnector;
import org.laminardb.spi.TransactionalSinkConnector;

/**
 * Ring-1 thread of a sink: drains the channel the reactor forwards the sink's input into and
 * hands each chunk to the connector, so that a slow external system never blocks a reactor for
 * longer than the channel's depth allows.
 *
 * <p>For a {@link TransactionalSinkConnector} it also runs the two-phase commit: on its thread it
 * first recovers and begins the current epoch; a checkpoint barrier ({@link #barrier}) marks the
 * position in the channel where an epoch ends, and once every chunk before it is written, the
 * thread pre-commits that epoch and begins the next; {@link #commit(long)} is queued to run
 * between chunks once the checkpoint is complete.
 */
final class SinkRuntime implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SinkRuntime.class.getName());
  private final ChannelForwarder forwarder;
  private final SinkConnector connector;
  private final TransactionalSinkConnector transactional;
  private final RelationRuntime owner;
  private final Thread thread;
  private final ConcurrentLinkedQueue<Barrier> barriers = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private volatile boolean running = true;
  /** The epoch the connector writes; sink thread only. */
  private long openEpoch;
  /** Test hook run before each poll of the channel, or null; set before start. */
  private Runnable beforePoll;
  /** Pre-committed epochs not yet committed, oldest first; sink thread only. */
  private final java.util.ArrayDeque<Long> preCommitted = new java.util.ArrayDeque<>();

  /** Where epoch {@code epoch} ends: after the channel's {@code position}-th chunk. */
  private record Barrier(long epoch, long position, CompletableFuture<String> preCommitted) {}

  /**
   * Creates the runtime of a sink.
   *
   * @param name sink name (thread name)
   * @param channel channel the reactor forwards rows into
   * @param connector the connector
   * @param owner the sink's catalog object (failures are reported to it)
   * @param recovery for a transactional connector: the epoch and state to recover from, and the
   *     epoch to begin
   */
  SinkRuntime(String name, ChunkChannel channel, SinkConnector connector, RelationRuntime owner,
      Checkpointer.SinkRecovery recovery) {
    this.forwarder = new ChannelForwarder(channel);
    this.connector = connector;
    this.transactional = connector instanceof TransactionalSinkConnector
        ? (TransactionalSinkConnector) connector : null;
    this.owner = owner;
    this.thread = new Thread(() -> run(recovery), "sink-" + name);
    this.thread.setDaemon(true);
  }

  ChannelForwarder forwarder() {
    return forwarder;
  }

  /** The sink's name. */
  String name() {
    return owner.name;
  }

  /** Whether the connector takes part in checkpoints. */
  boolean transactional() {
    return transactional != null;
  }

  void start() {
    thread.start();
  }

  /**
   * Ends the current epoch after every chunk forwarded so far. Reactor thread only.
   *
   * @param epoch the epoch of the checkpoint
   * @return completes with the pre-commit state once the sink thread has pre-committed
   */
  CompletableFuture<String> barrier(long epoch) {
    CompletableFuture<String> done = new CompletableFuture<>();
    barriers.add(new Barrier(epoch, forwarder.flushForBarrier(), done));
    LockSupport.unpark(thread);
    return done;
  }

  /**
   * Commits an epoch on the sink thread, between chunks, once its checkpoint is complete, with
   * every earlier epoch the sink pre-committed (ended by checkpoints that failed, or by a
   * barrier while the sink's epoch was older).
   *
   * @param epoch the epoch
   * @return completes when the connector has committed it
   */
  CompletableFuture<Void> commit(long epoch) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (transactional == null) {
      done.complete(null);
      return done;
    }
    commands.add(() -> {
      try {
        while (!preCommitted.isEmpty() && preCommitted.peekFirst() <= epoch) {
          transactional.commit(preCommitted.peekFirst());
          preCommitted.removeFirst();
        }
        done.complete(null);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
        throw e;
      }
    });
    LockSupport.unpark(thread);
    return done;
  }

  private void run(Checkpointer.SinkRecovery recovery) {
    openEpoch = recovery.nextEpoch();
    if (transactional != null && !guard(() -> {
      transactional.recover(recovery.committedEpoch(), recovery.state());
      transactional.begin(openEpoch);
    })) {
      failBarriers();
    }
    ChunkChannel channel = forwarder.channel();
    long park = 1_000;
    while (running || channel.releasedCount() < channel.publishedCount() || !commands.isEmpty()) {
      Runnable command;
      while ((command = commands.poll()) != null) {
        guard(command);
      }
      if (endEpochs()) {
        continue;
      }
      Runnable hook = beforePoll;
      if (hook != null) {
        hook.run();
      }
      Chunk c = channel.poll();
      if (c == null) {
        LockSupport.parkNanos(park);
        park = Math.min(park * 2, 1_000_000);
        continue;
      }
      park = 1_000;
      // A barrier placed after the look above may end the epoch right before this chunk: the
      // reactor adds a barrier before it publishes the chunks after it, so having this chunk,
      // the thread sees that barrier now, and its epoch must end before the chunk is written.
      endEpochs();
      try {
        if (owner.failure() == null) {
          connector.write(c);
        }
      } catch (RuntimeException e) {
        owner.fail(e);
      } finally {
        channel.release(c);
      }
    }
    failBarriers();
    Runnable left;
    while ((left = commands.poll()) != null) {
      guard(left);
    }
  }

  /**
   * Pre-commits the epoch of every barrier that falls before the next chunk to poll (every chunk
   * before it written and released). Sink thread only.
   *
   * @return whether an epoch ended
   */
  private boolean endEpochs() {
    boolean ended = false;
    Barrier b;
    while ((b = barriers.peek()) != null
        && forwarder.channel().releasedCount() >= b.position()) {
      barriers.poll();
      preCommit(b);
      ended = true;
    }
    return ended;
  }

  /**
   * Sets code the sink thread runs right before each poll of its channel (tests: a barrier and
   * chunks placed at that moment). Before {@link #start()}.
   *
   * @param hook the code, or null
   */
  void beforePoll(Runnable hook) {
    this.beforePoll = hook;
  }

  private void preCommit(Barrier b) {
    if (transactional == null) {
      b.preCommitted().complete(null);
      return;
    }
    if (owner.failure() != null) {
      // Rows reached the failed sink and were dropped: a checkpoint past them would leave them
      // out of every replay. It fails instead, so that reopening the database writes them from
      // the last complete checkpoint (or DROP SINK gives them up).
      b.preCommitted().completeExceptionally(owner.failure());
      return;
    }
    String[] state = new String[1];
    if (guard(() -> {
      // The open epoch may be older than the barrier's (the sink began while a checkpoint it
      // was not part of ran): it ends here all the same, and commits with this checkpoint.
      state[0] = transactional.preCommit(openEpoch);
      preCommitted.addLast(openEpoch);
      openEpoch = Math.max(b.epoch(), openEpoch) + 1;
      transactional.begin(openEpoch);
    })) {
      b.preCommitted().complete(state[0]);
    } else {
      b.preCommitted().completeExceptionally(owner.failure());
    }
  }

  /** Runs a connector call; a failure fails the sink (and is reported by its status). */
  private boolean guard(Runnable call) {
    try {
      call.run();
      return true;
    } catch (RuntimeException e) {
      owner.fail(e);
      return false;
    }
  }

  private void failBarriers() {
    Barrier b;
    while ((b = barriers.poll()) != null) {
      b.preCommitted().completeExceptionally(new LaminarDBException(
          ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "sink " + owner.name + " stopped"));
    }
  }

  @Override
  public void close() {
    forwarder.close();
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connector.close();
  }

  /**
   * Waits until every sink has pre-committed at its barrier.
   *
   * @param preCommits per sink, its barrier's future
   * @param timeoutSeconds how long to wait for each
   * @return per sink name, its pre-commit state ("" for none)
   * @throws LaminarDBException 55000 if a sink failed or did not answer in time
   */
  static java.util.Map<String, String> awaitPreCommits(
      java.util.Map<SinkRuntime, CompletableFuture<String>> preCommits, long timeoutSeconds) {
    java.util.Map<String, String> states = new java.util.LinkedHashMap<>();
    for (java.util.Map.Entry<SinkRuntime, CompletableFuture<String>> e : preCommits.entrySet()) {
      try {
        String state = e.getValue().get(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS);
        states.put(e.getKey().name(), state == null ? "" : state);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw failed("interrupted while sink " + e.getKey().name() + " pre-committed", ex);
      } catch (java.util.concurrent.ExecutionException
          | java.util.concurrent.TimeoutException ex) {
        throw failed("sink " + e.getKey().name() + " did not pre-commit", ex);
      }
    }
    return states;
  }

  /**
   * Commits the epoch (with the earlier ones each sink pre-committed, whose rows it covers) in
   * every sink and waits, so that a {@code CHECKPOINT} that returned has made the epoch's output
   * visible. A sink that fails to commit is marked failed (its status says why); recovery
   * commits the epoch again.
   *
   * @param epoch the checkpoint's epoch
   * @param sinks the sinks that took part
   * @param timeoutSeconds how long to wait for each
   */
  static void commitAll(long epoch, java.util.Collection<SinkRuntime> sinks,
      long timeoutSeconds) {
    java.util.List<CompletableFuture<Void>> commits = new java.util.ArrayList<>();
    for (SinkRuntime s : sinks) {
      commits.add(s.commit(epoch));
    }
    for (CompletableFuture<Void> c : commits) {
      try {
        c.get(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (java.util.concurrent.ExecutionException
          | java.util.concurrent.TimeoutException e) {
        LOG.log(System.Logger.Level.WARNING, "LaminarDB: a sink did not commit epoch " + epoch, e);
      }
    }
  }

  private static LaminarDBException failed(String what, Throwable cause) {
    return new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
        "checkpoint failed: " + what + (cause.getMessage() == null ? "" : ": "
            + cause.getMessage()), cause);
  }
}
