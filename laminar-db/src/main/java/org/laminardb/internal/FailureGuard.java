package org.laminardb.internal;

import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.operator.ChunkConsumer;

/**
 * Entry of a continuous query's pipeline that isolates its failures: an exception (e.g. a
 * division by zero in a projection) marks the query failed and stops feeding it, without
 * disturbing other consumers of the same input.
 */
final class FailureGuard implements ChunkConsumer {
  private final RelationRuntime owner;
  private final ChunkConsumer entry;

  FailureGuard(RelationRuntime owner, ChunkConsumer entry) {
    this.owner = owner;
    this.entry = entry;
  }

  @Override
  public void onChunk(Chunk chunk) {
    owner.stateVersion++;
    if (owner.failure() != null) {
      return;
    }
    try {
      entry.onChunk(chunk);
    } catch (RuntimeException e) {
      owner.fail(e);
    }
  }

  @Override
  public void onWatermark(long watermark) {
    owner.stateVersion++;
    if (owner.failure() != null) {
      return;
    }
    try {
      entry.onWatermark(watermark);
    } catch (RuntimeException e) {
      owner.fail(e);
    }
  }
}
