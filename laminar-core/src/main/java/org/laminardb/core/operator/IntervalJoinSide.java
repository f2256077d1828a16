package org.laminardb.core.operator;

import java.util.Arrays;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.state.StringDictionary;
import org.laminardb.core.type.Schema;

/**
 * The rows one input of an {@link IntervalJoinOperator} holds: each stored row in its own slot of
 * an {@link OverRowStore}, the slots of each join key in a doubly linked chain from the key's
 * head, per slot its key id, its expiry time (the other input's watermark at or past which no
 * future row of the other input can match it) and whether it has matched; and a binary min-heap
 * of (expiry, slot) so that a watermark evicts exactly the expired rows. Key ids come from the
 * operator's key table, shared by both sides. Garbage free in steady state; single-threaded.
 */
final class IntervalJoinSide extends TimedJoinRows {
  /** Whether each slot's row has matched a row of the other input. */
  boolean[] matched = new boolean[16];
  /** Expiry times, smallest first, with the slot of each entry. */
  final SlotHeap expiries = new SlotHeap();

  IntervalJoinSide(Schema schema, int[] keyColumns, int timeColumn, boolean keeps,
      StringDictionary dictionary) {
    super(schema, keyColumns, timeColumn, keeps, dictionary);
  }

  @Override
  void grow(int n) {
    matched = Arrays.copyOf(matched, n);
  }

  /** Stores a row under a key id with its time, match flag and expiry; returns its slot. */
  int add(Chunk chunk, int row, int keyId, long rowTime, boolean isMatched, long expiry) {
    int slot = link(chunk, row, keyId, rowTime);
    matched[slot] = isMatched;
    expiries.push(expiry, slot, 0);
    return slot;
  }

  /** Whether the earliest expiry is at or before a watermark. */
  boolean expiredAt(long watermark) {
    return !expiries.isEmpty() && expiries.topTime() <= watermark;
  }

  /** Removes the entry with the earliest expiry and returns its slot. */
  int pop() {
    return expiries.pop();
  }
}
