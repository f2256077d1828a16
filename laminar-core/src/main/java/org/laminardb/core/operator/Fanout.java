package org.laminardb.core.operator;

import java.util.Arrays;
import org.laminardb.core.chunk.Chunk;

/**
 * Consumer that forwards each chunk to a changing set of downstream consumers, in the order they
 * were added. Mutated only on the owning reactor thread; the array is copied on change so that
 * forwarding is a plain loop with no iterator. Garbage free when forwarding.
 */
public final class Fanout implements ChunkConsumer {
  private ChunkConsumer[] targets = new ChunkConsumer[0];

  /**
   * Adds a downstream consumer.
   *
   * @param consumer the consumer
   */
  public void add(ChunkConsumer consumer) {
    ChunkConsumer[] next = Arrays.copyOf(targets, targets.length + 1);
    next[targets.length] = consumer;
    targets = next;
  }

  /**
   * Removes a downstream consumer, if present.
   *
   * @param consumer the consumer
   */
  public void remove(ChunkConsumer consumer) {
    for (int i = 0; i < targets.length; i++) {
      if (targets[i] == consumer) {
        ChunkConsumer[] next = new ChunkConsumer[targets.length - 1];
        System.arraycopy(targets, 0, next, 0, i);
        System.arraycopy(targets, i + 1, next, i, targets.length - i - 1);
        targets = next;
        return;
      }
    }
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
}
