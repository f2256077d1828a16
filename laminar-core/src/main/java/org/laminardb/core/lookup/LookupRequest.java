package org.laminardb.core.lookup;

import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.type.Schema;

/**
 * A batch of keys that missed a lookup cache, sent by the reactor to a {@link LookupFetcher} and
 * sent back with the rows found. Owned by one lookup join operator, which reuses it; between
 * {@link LookupFetcher#offer} and its return through {@link #replyTo} only the fetcher touches
 * it (the queues publish it safely).
 */
public final class LookupRequest {
  /** The keys, one per row: the lookup table's key columns. */
  public final Chunk keys;
  /** The rows found, the lookup table's columns; filled by the fetcher. */
  public final Chunk rows;
  /** The operator's id of each key (its cache entry), parallel to the rows of {@link #keys}. */
  public final int[] ids;
  /** Where the fetcher puts the request once answered: the owning operator's queue. */
  final ManyToOneConcurrentArrayQueue<LookupRequest> replyTo;

  /**
   * Creates a request.
   *
   * @param keySchema the lookup table's key columns
   * @param rowSchema the lookup table's columns
   * @param capacity keys per request
   * @param replyTo the queue the owner polls for answered requests
   */
  public LookupRequest(Schema keySchema, Schema rowSchema, int capacity,
      ManyToOneConcurrentArrayQueue<LookupRequest> replyTo) {
    this.keys = new Chunk(keySchema, capacity);
    this.rows = new Chunk(rowSchema, capacity);
    this.ids = new int[capacity];
    this.replyTo = replyTo;
  }

  /** Empties the request for reuse. */
  public void reset() {
    keys.reset();
    rows.reset();
  }
}
