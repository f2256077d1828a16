package org.laminardb.core.operator;

import org.agrona.collections.ArrayUtil;
import org.laminardb.core.chunk.Chunk;

/**
 * Consumer that forwards each chunk to a changing set of downstream consumers, in the order they
 * were added. Mutated only on the owning reactor thread; the array is copied on change so that
 * forwarding is a plain loop with no iterator. Garbage free when forwarding.
 */
public final class Fanout implements ChunkConsumer {
  private ChunkConsumer[] targets = new ChunkConsumer[0];

  /** Creates a fan-out with no downstream consumers. */
  public Fanout() {}

  /**
   * Adds a downstream consumer.
   *
   * @param consumer the consumer
   */
  public void add(ChunkConsumer consumer) {
    targets = ArrayUtil.add(targets, consumer);
  }

  /**
   * Removes a downstream consumer, if present.
   *
   * @param consumer the consumer
   */
  public void remove(ChunkConsumer consumer) {
    targets = ArrayUtil.remove(targets, consumer);
  }

  /**
   * Number of downstream consumers.
   *
   * @return the count
   */
  public int size() {
    return targets.length;
  }

  @Override
  public void onChunk(Chunk chunk) {
    ChunkConsumer[] t = targets;
    for (int i = 0; i < t.length; i++) {
      t[i].onChunk(chunk);
    }
  }

  @Override
  public void onWatermark(long watermark) {
    ChunkConsumer[] t = targets;
    for (int i = 0; i < t.length; i++) {
      t[i].onWatermark(watermark);
    }
  }
}
