package org.laminardb.core.operator;

import java.util.Arrays;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.state.StringDictionary;
import org.laminardb.core.type.Schema;

/**
 * Join rows kept with their event time in doubly linked per-key chains, so that any slot can be
 * unlinked: the stored rows of an interval join's input and an ASOF join's waiting left rows.
 * Per slot: the previous slot of its chain, its key id and its time; subclasses add arrays of
 * their own, grown with these. Garbage free in steady state; single-threaded.
 */
abstract class TimedJoinRows extends KeyedJoinRows {
  final int timeColumn;
  /** Previous slot in the same key's chain, -1 at the head. */
  int[] prev = new int[16];
  /** Key id of each slot. */
  int[] keyOf = new int[16];
  /** Event time of each slot's row. */
  long[] time = new long[16];

  TimedJoinRows(Schema schema, int[] keyColumns, int timeColumn, boolean keeps,
      StringDictionary dictionary) {
    super(schema, keyColumns, keeps, dictionary);
    this.timeColumn = timeColumn;
  }

  /** Grows the subclass's per-slot arrays to {@code n} slots. */
  abstract void grow(int n);

  /** Stores a row at the head of its key's chain with its time; returns its slot. */
  int link(Chunk chunk, int row, int keyId, long rowTime) {
    int slot = rows.add(chunk, row);
    if (slot >= next.length) {
      int n = Math.max(slot + 1, next.length * 2);
      next = Arrays.copyOf(next, n);
      prev = Arrays.copyOf(prev, n);
      keyOf = Arrays.copyOf(keyOf, n);
      time = Arrays.copyOf(time, n);
      grow(n);
    }
    int h = head[keyId];
    next[slot] = h;
    prev[slot] = -1;
    if (h >= 0) {
      prev[h] = slot;
    }
    head[keyId] = slot;
    keyOf[slot] = keyId;
    time[slot] = rowTime;
    return slot;
  }

  /** Takes a slot out of its key's chain (the row stays allocated: free it with rows.free). */
  void unlink(int slot) {
    int p = prev[slot];
    int n = next[slot];
    if (p < 0) {
      head[keyOf[slot]] = n;
    } else {
      next[p] = n;
    }
    if (n >= 0) {
      prev[n] = p;
    }
  }
}
