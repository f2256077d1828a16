package org.laminardb.internal;

import java.util.concurrent.locks.LockSupport;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.queue.ChunkChannel;
import org.laminardb.spi.SinkConnector;

/**
 * Ring-1 thread of a sink: drains the channel the reactor forwards the sink's input into and
 * hands each chunk to the connector, so that a slow external system never blocks a reactor for
 * longer than the channel's depth allows.
 */
final class SinkRuntime implements AutoCloseable {
  private final ChannelForwarder forwarder;
  private final SinkConnector connector;
  private final RelationRuntime owner;
  private final Thread thread;
  private volatile boolean running = true;

  SinkRuntime(String name, ChunkChannel channel, SinkConnector connector, RelationRuntime owner) {
    this.forwarder = new ChannelForwarder(channel);
    this.connector = connector;
    this.owner = owner;
    this.thread = new Thread(this::run, "sink-" + name);
    this.thread.setDaemon(true);
  }

  ChannelForwarder forwarder() {
    return forwarder;
  }

  void start() {
    thread.start();
  }

  private void run() {
    ChunkChannel channel = forwarder.channel();
    long park = 1_000;
    while (running || channel.releasedCount() < channel.publishedCount()) {
      Chunk c = channel.poll();
      if (c == null) {
        LockSupport.parkNanos(park);
        park = Math.min(park * 2, 1_000_000);
        continue;
      }
      park = 1_000;
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
  }

  @Override
  public void close() {
    forwarder.close();
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connector.close();
  }
}
