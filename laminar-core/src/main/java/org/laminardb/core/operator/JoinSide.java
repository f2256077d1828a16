package org.laminardb.core.operator;

import java.util.Arrays;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.state.StringDictionary;
import org.laminardb.core.type.Schema;

/**
 * The rows one input of a {@link JoinOperator} holds: every current row in its own slot of an
 * {@link OverRowStore} (duplicates in several slots), the slots of each join key chained from the
 * key's head, and per slot the number of rows of the other input it matches. Key ids come from
 * the operator's key table, shared by both sides. Garbage free in steady state; single-threaded.
 */
final class JoinSide extends KeyedJoinRows {
  /** Per slot, the rows of the other input it matches (kept only when unmatched rows show). */
  long[] matches = new long[16];

  JoinSide(Schema schema, int[] keyColumns, boolean keeps, StringDictionary dictionary) {
    super(schema, keyColumns, keeps, dictionary);
  }

  /** Stores a row under a key id with its match count; returns its slot. */
  int add(Chunk chunk, int row, int keyId, long matchCount) {
    int slot = rows.add(chunk, row);
    if (slot >= next.length) {
      int n = Math.max(slot + 1, next.length * 2);
      next = Arrays.copyOf(next, n);
      matches = Arrays.copyOf(matches, n);
    }
    next[slot] = head[keyId];
    head[keyId] = slot;
    matches[slot] = matchCount;
    return slot;
  }

  /**
   * Takes out of its key's chain a slot holding a row equal to the given one in every column, and
   * returns it (still allocated: free it with {@code rows.free}), or -1 if there is none.
   */
  int unlink(int keyId, Chunk chunk, int row) {
    int prev = -1;
    for (int s = head[keyId]; s >= 0; s = next[s]) {
      if (rows.sameRow(s, chunk, row)) {
        if (prev < 0) {
          head[keyId] = next[s];
        } else {
          next[prev] = next[s];
        }
        return s;
      }
      prev = s;
    }
    return -1;
  }
}
