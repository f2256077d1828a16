package org.laminardb.internal;

import java.util.function.IntSupplier;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.queue.ChunkChannel;

/**
 * Consumer on a reactor thread that copies every chunk into a {@link ChunkChannel} read by
 * another thread (a subscriber or a sink). Batching adapts: rows go out at once while the reader
 * is waiting (latency), and fill the current chunk while it is busy (throughput); a reactor duty
 * ({@link #getAsInt()}) publishes the partly filled chunk as soon as the reader has caught up.
 * When the reader falls behind and every chunk is in flight, the reactor waits (back-pressure:
 * nothing is dropped) until a chunk frees up or the forwarder is closed. Garbage free in steady
 * state.
 */
final class ChannelForwarder implements ChunkConsumer, IntSupplier {
  private final ChunkChannel channel;
  private final IdleStrategy idle = new BackoffIdleStrategy(100, 10, 1_000, 100_000);
  private volatile boolean closed;
  /** Drops rows instead of forwarding them (while a reopened database restores state). */
  private boolean muted;
  private Chunk pending;

  ChannelForwarder(ChunkChannel channel) {
    this.channel = channel;
  }

  ChunkChannel channel() {
    return channel;
  }

  void close() {
    closed = true;
  }

  boolean isClosed() {
    return closed;
  }

  /**
   * Drops or forwards rows from now on: a sink is muted while a reopened database rebuilds its
   * pipelines, whose first output was already delivered before the checkpoint. Reactor thread
   * only (or before the forwarder is registered).
   */
  void mute(boolean mute) {
    this.muted = mute;
  }

  /**
   * Publishes the rows forwarded so far and returns how many chunks the channel has received,
   * so that a reader knows where a checkpoint barrier falls. Reactor thread only.
   *
   * @return the channel's published count after the flush
   */
  long flushForBarrier() {
    if (pending != null && pending.size > 0) {
      channel.publish(pending);
      pending = null;
    }
    return channel.publishedCount();
  }

  @Override
  public void onChunk(Chunk chunk) {
    if (muted) {
      return;
    }
    for (int row = 0; row < chunk.size && !closed; row++) {
      if (pending == null) {
        pending = claim();
        if (pending == null) {
          return;
        }
      }
      pending.appendCopy(chunk, row, chunk.kinds[row]);
      if (pending.isFull()) {
        channel.publish(pending);
        pending = null;
      }
    }
    getAsInt();
  }

  /**
   * Reactor duty: publishes the partly filled chunk if the reader has nothing queued.
   *
   * @return 1 if a chunk was published, else 0
   */
  @Override
  public int getAsInt() {
    if (pending != null && pending.size > 0 && !channel.hasQueued() && !closed) {
      channel.publish(pending);
      pending = null;
      return 1;
    }
    return 0;
  }

  private Chunk claim() {
    idle.reset();
    Chunk c;
    while ((c = channel.claim()) == null) {
      if (closed) {
        return null;
      }
      idle.idle();
    }
    return c;
  }
}
