package org.laminardb.core.reactor;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import org.agrona.collections.ArrayUtil;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.queue.ChunkChannel;

/**
 * Single-threaded event loop of ring 0: owns a set of pipelines and all of their state, drains
 * their input channels, and runs control commands between chunks.
 *
 * <p>Everything registered with a reactor is touched only by its thread (single writer), so
 * operators need no locks. Other threads talk to it only through lock-free bounded queues: data
 * through {@link ChunkChannel}s, control through {@link #submit(Callable)}.
 *
 * <p>A command runs after exactly the chunks that were published to the reactor's inputs before
 * the command was submitted, and before any chunk published later. That is what gives
 * read-your-writes: a writer's publish happens before its caller can submit a query command, and
 * a subscription registered by a command sees every later row.
 *
 * <p>Garbage free in steady state when processing chunks; commands allocate (control plane).
 */
public final class Reactor implements Agent {
  private static final int MAX_CHUNKS_PER_INPUT = 16;

  private final String name;
  private final ManyToOneConcurrentArrayQueue<Runnable> commands;
  private final BiConsumer<Object, Throwable> errorHandler;
  /** Replaced, never mutated: other threads read it in {@link #submit} to capture targets. */
  private volatile Input[] inputs = new Input[0];
  private IntSupplier[] duties = new IntSupplier[0];
  private AgentRunner runner;
  private volatile Thread thread;

  private static final class Input {
    final ChunkChannel channel;
    final ChunkConsumer consumer;

    Input(ChunkChannel channel, ChunkConsumer consumer) {
      this.channel = channel;
      this.consumer = consumer;
    }
  }

  /**
   * Creates a reactor; call {@link #start(IdleStrategy)} to run it.
   *
   * @param name thread name
   * @param commandQueueCapacity bound of the control command queue
   * @param errorHandler told of an exception thrown by a consumer (with the consumer); the chunk
   *     is dropped and the loop goes on
   */
  public Reactor(String name, int commandQueueCapacity, BiConsumer<Object, Throwable> errorHandler) {
    this.name = name;
    this.commands = new ManyToOneConcurrentArrayQueue<>(commandQueueCapacity);
    this.errorHandler = errorHandler;
  }

  /**
   * Starts the reactor thread.
   *
   * @param idleStrategy what the thread does when there is no work
   */
  public synchronized void start(IdleStrategy idleStrategy) {
    if (runner != null) {
      throw new IllegalStateException("reactor already started: " + name);
    }
    runner = new AgentRunner(idleStrategy, t -> errorHandler.accept(this, t), null, this);
    AgentRunner.startOnThread(runner, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  /** Stops the reactor thread and waits for it to end. */
  public synchronized void close() {
    if (runner != null) {
      runner.close();
      runner = null;
    }
  }

  @Override
  public void onStart() {
    thread = Thread.currentThread();
  }

  @Override
  public String roleName() {
    return name;
  }

  /**
   * Whether the caller runs on this reactor's thread.
   *
   * @return true on the reactor thread
   */
  public boolean inReactorThread() {
    return Thread.currentThread() == thread;
  }

  /**
   * Registers an input channel. Reactor thread only (call from a command).
   *
   * @param channel the channel to drain
   * @param consumer receives its chunks
   */
  public void addInput(ChunkChannel channel, ChunkConsumer consumer) {
    inputs = ArrayUtil.add(inputs, new Input(channel, consumer));
  }

  /**
   * Unregisters an input channel after draining it. Reactor thread only.
   *
   * @param channel the channel
   */
  public void removeInput(ChunkChannel channel) {
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i].channel == channel) {
        drain(inputs[i], Long.MAX_VALUE);
        inputs = ArrayUtil.remove(inputs, i);
        return;
      }
    }
  }

  /**
   * Adds a duty run on every cycle, e.g. flushing a partly filled chunk to an idle reader. It
   * returns the work it did (0 when none), so that the idle strategy can back off. Reactor thread
   * only.
   *
   * @param duty the duty
   */
  public void addDuty(IntSupplier duty) {
    duties = ArrayUtil.add(duties, duty);
  }

  /**
   * Removes a duty. Reactor thread only.
   *
   * @param duty the duty
   */
  public void removeDuty(IntSupplier duty) {
    duties = ArrayUtil.remove(duties, duty);
  }

  /**
   * Runs a command on the reactor thread after everything published to its inputs so far has
   * been processed. From the reactor thread itself the command runs at once.
   *
   * @param command the command
   * @param <T> result type
   * @return completes with the command's result or exception
   */
  public <T> CompletableFuture<T> submit(Callable<T> command) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Input[] snapshot = inputs;
    long[] targets = new long[snapshot.length];
    for (int i = 0; i < snapshot.length; i++) {
      targets[i] = snapshot[i].channel.publishedCount();
    }
    Runnable r = () -> {
      drainTo(snapshot, targets);
      try {
        result.complete(command.call());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    };
    if (inReactorThread()) {
      r.run();
      return result;
    }
    if (runner == null || runner.isClosed()) {
      result.completeExceptionally(new IllegalStateException("reactor is not running: " + name));
      return result;
    }
    while (!commands.offer(r)) {
      Thread.onSpinWait();
    }
    return result;
  }

  @Override
  public int doWork() {
    int work = 0;
    Runnable command;
    while ((command = commands.poll()) != null) {
      command.run();
      work++;
    }
    Input[] in = inputs;
    for (int i = 0; i < in.length; i++) {
      work += drain(in[i], MAX_CHUNKS_PER_INPUT);
    }
    IntSupplier[] d = duties;
    for (int i = 0; i < d.length; i++) {
      work += d[i].getAsInt();
    }
    return work;
  }

  /**
   * Processes, on each input that is still registered, the chunks published before the targets
   * were captured, and no later ones: a command sees exactly the writes that happened before it
   * was submitted.
   */
  private void drainTo(Input[] snapshot, long[] targets) {
    Input[] current = inputs;
    for (int i = 0; i < snapshot.length; i++) {
      if (!contains(current, snapshot[i])) {
        continue;
      }
      while (snapshot[i].channel.releasedCount() < targets[i]) {
        if (drain(snapshot[i], 1) == 0) {
          break;
        }
      }
    }
  }

  private static boolean contains(Input[] all, Input input) {
    for (Input i : all) {
      if (i == input) {
        return true;
      }
    }
    return false;
  }

  private int drain(Input input, long max) {
    int n = 0;
    Chunk c;
    while (n < max && (c = input.channel.poll()) != null) {
      try {
        input.consumer.onChunk(c);
      } catch (RuntimeException e) {
        errorHandler.accept(input.consumer, e);
      } finally {
        input.channel.release(c);
      }
      n++;
    }
    return n;
  }
}
