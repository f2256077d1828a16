package org.laminardb.core.queue;

import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.type.Schema;

/**
 * Single-producer single-consumer hand-off of pooled chunks between two threads.
 *
 * <p>A fixed set of chunks circulates between two lock-free bounded queues: the producer
 * {@link #claim()}s an empty chunk, fills it and {@link #publish}es it; the consumer {@link #poll()}s
 * it, reads it and {@link #release}s it back. When all chunks are in flight, {@code claim()} returns
 * null: the caller is back-pressured and decides whether to wait. Nothing is allocated after
 * construction.
 *
 * <p>Counters of published and released chunks let other threads wait until everything published
 * before a point in time has been processed (read-your-writes).
 */
public final class ChunkChannel {
  private final OneToOneConcurrentArrayQueue<Chunk> free;
  private final OneToOneConcurrentArrayQueue<Chunk> full;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong released = new AtomicLong();
  private final Schema schema;

  /**
   * Creates a channel with its chunks.
   *
   * @param schema row layout of the chunks
   * @param chunks number of pooled chunks (the queue depth)
   * @param chunkCapacity rows per chunk
   */
  public ChunkChannel(Schema schema, int chunks, int chunkCapacity) {
    if (chunks <= 0) {
      throw new IllegalArgumentException("channel depth must be positive: chunks=" + chunks);
    }
    this.schema = schema;
    this.free = new OneToOneConcurrentArrayQueue<>(chunks);
    this.full = new OneToOneConcurrentArrayQueue<>(chunks);
    for (int i = 0; i < chunks; i++) {
      free.offer(new Chunk(schema, chunkCapacity));
    }
  }

  /**
   * Row layout of the chunks.
   *
   * @return the schema
   */
  public Schema schema() {
    return schema;
  }

  /**
   * Producer side: takes an empty chunk to fill.
   *
   * @return an empty chunk, or null when back-pressured (every chunk is in flight)
   */
  public Chunk claim() {
    return free.poll();
  }

  /**
   * Producer side: hands a filled chunk to the consumer. Never fails, since the chunk came from
   * {@link #claim()}.
   *
   * @param chunk the chunk
   */
  public void publish(Chunk chunk) {
    full.offer(chunk);
    // Single writer (the producer), so get-then-lazySet cannot lose an increment; the release
    // store orders it after the offer, so a reader that sees the count finds the chunk queued.
    published.lazySet(published.get() + 1);
  }

  /**
   * Producer side: returns a claimed chunk unpublished.
   *
   * @param chunk the chunk
   */
  public void abandon(Chunk chunk) {
    chunk.reset();
    free.offer(chunk);
  }

  /**
   * Whether published chunks are waiting for the consumer (approximate, any thread).
   *
   * @return true if the consumer has work queued
   */
  public boolean hasQueued() {
    return !full.isEmpty();
  }

  /**
   * Consumer side: the next filled chunk.
   *
   * @return the chunk, or null if none is waiting
   */
  public Chunk poll() {
    return full.poll();
  }

  /**
   * Consumer side: gives a processed chunk back to the producer.
   *
   * @param chunk the chunk from {@link #poll()}
   */
  public void release(Chunk chunk) {
    chunk.reset();
    free.offer(chunk);
    // Single writer (the consumer): as in publish(), a release store after the hand-back.
    released.lazySet(released.get() + 1);
  }

  /**
   * Number of chunks published so far (any thread).
   *
   * @return the count
   */
  public long publishedCount() {
    return published.get();
  }

  /**
   * Number of chunks processed and released so far (any thread).
   *
   * @return the count
   */
  public long releasedCount() {
    return released.get();
  }
}
