package org.laminardb.internal;

import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.storage.wal.ChunkCodec;
import org.laminardb.storage.wal.Wal;

/**
 * Consumer on the reactor thread that appends each chunk of one writer's channel to the WAL and
 * then passes it on to the source's entry. Logging on the reactor, in the order the reactor
 * processes chunks, makes the log order the processing order, so a replay feeds every operator
 * exactly the sequence it saw live (also with several writers on one source, where the
 * interleaving decides which rows are late).
 *
 * <p>The writer thread learns the LSN of its last chunk from {@link #lastLsn()} after a reactor
 * command (which runs after the chunk) and commits it. A chunk that could not be logged is not
 * passed on, so the state never holds a row the log lacks; the failure is reported to the writer.
 */
final class WalAppender implements ChunkConsumer {
  private final Wal wal;
  private final RelationRuntime source;
  private final int stream;
  /** Whether the chunks come from the source's connector (counted as its position). */
  private final boolean connector;
  private final ChunkCodec codec;
  private final ChunkConsumer next;
  private volatile long lastLsn;
  private volatile RuntimeException failure;

  WalAppender(Wal wal, RelationRuntime source, int stream, ChunkCodec codec,
      ChunkConsumer next) {
    this.wal = wal;
    this.source = source;
    this.connector = stream < 0;
    this.stream = stream;
    this.codec = codec;
    this.next = next;
  }

  @Override
  public void onChunk(Chunk chunk) {
    long lsn;
    try {
      int length = codec.encode(chunk);
      lsn = wal.append(stream, codec.buffer(), 0, length);
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
    lastLsn = lsn;
    source.stateVersion++;
    if (connector) {
      source.connectorRows += chunk.size;
      if (chunk.position != null) {
        source.connectorPosition = chunk.position;
      }
    }
    next.onChunk(chunk);
  }

  @Override
  public void onWatermark(long watermark) {
    next.onWatermark(watermark);
  }

  /** LSN of the last chunk logged, 0 before the first. */
  long lastLsn() {
    return lastLsn;
  }

  /** The error that kept a chunk out of the log, or null. */
  RuntimeException failure() {
    return failure;
  }
}
