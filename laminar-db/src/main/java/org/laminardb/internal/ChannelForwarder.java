package org.laminardb.internal;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.queue.ChunkChannel;

/**
 * Consumer on a reactor thread that copies every chunk into a {@link ChunkChannel} read by
 * another thread (a subscriber or a sink). When the reader falls behind and every chunk is in
 * flight, the reactor waits (back-pressure: nothing is dropped) until a chunk frees up or the
 * forwarder is closed. Garbage free in steady state.
 */
final class ChannelForwarder implements ChunkConsumer {
  private final ChunkChannel channel;
  private final IdleStrategy idle = new BackoffIdleStrategy(100, 10, 1_000, 100_000);
  private volatile boolean closed;

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

  @Override
  public void onChunk(Chunk chunk) {
    Chunk target = null;
    for (int row = 0; row < chunk.size && !closed; row++) {
      if (target == null) {
        target = claim();
        if (target == null) {
          return;
        }
      }
      target.appendCopy(chunk, row, chunk.kinds[row]);
      if (target.isFull()) {
        channel.publish(target);
        target = null;
      }
    }
    if (target != null) {
      channel.publish(target);
    }
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
