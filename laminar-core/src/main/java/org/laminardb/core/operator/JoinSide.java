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
  /** With a state time-to-live: per slot, when it was stored (epoch milliseconds). */
  long[] stored = new long[0];
  /** With a state time-to-live: per slot, how many times it was freed (tells stale entries). */
  int[] life = new int[0];
  /** With a state time-to-live: per slot, its key id. */
  int[] keyOfSlot = new int[0];
  /** With a state time-to-live: stored slots in storing order, a ring of (slot, life). */
  int[] queueSlot = new int[0];
  int[] queueLife = new int[0];
  int queueHead;
  int queueSize;

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

  /** Records when a slot of a key was stored, for the time-to-live. */
  void stamp(int slot, int keyId, long now) {
    if (slot >= stored.length) {
      int n = Math.max(slot + 1, Math.max(16, stored.length * 2));
      stored = Arrays.copyOf(stored, n);
      life = Arrays.copyOf(life, n);
      keyOfSlot = Arrays.copyOf(keyOfSlot, n);
    }
    stored[slot] = now;
    keyOfSlot[slot] = keyId;
    if (queueSize == queueSlot.length) {
      int n = Math.max(16, queueSlot.length * 2);
      int[] slots = new int[n];
      int[] lives = new int[n];
      for (int i = 0; i < queueSize; i++) {
        int j = (queueHead + i) % queueSlot.length;
        slots[i] = queueSlot[j];
        lives[i] = queueLife[j];
      }
      queueSlot = slots;
      queueLife = lives;
      queueHead = 0;
    }
    int tail = (queueHead + queueSize++) % queueSlot.length;
    queueSlot[tail] = slot;
    queueLife[tail] = life[slot];
  }

  /** Marks a slot freed, so that its queue entry is skipped (with a time-to-live only). */
  void freed(int slot) {
    if (slot < life.length) {
      life[slot]++;
    }
  }

  /**
   * The oldest stored slot if it was stored at or before {@code deadline} (and is still
   * stored), taken off the queue; -1 when there is none. Stale entries are dropped on the way.
   */
  int pollExpired(long deadline) {
    while (queueSize > 0) {
      int slot = queueSlot[queueHead];
      boolean live = queueLife[queueHead] == life[slot];
      if (live && stored[slot] > deadline) {
        return -1;
      }
      queueHead = (queueHead + 1) % queueSlot.length;
      queueSize--;
      if (live) {
        return slot;
      }
    }
    return -1;
  }

  /** Takes a slot out of its key's chain (it stays allocated). */
  void unlinkSlot(int keyId, int slot) {
    if (head[keyId] == slot) {
      head[keyId] = next[slot];
      return;
    }
    for (int s = head[keyId]; s >= 0; s = next[s]) {
      if (next[s] == slot) {
        next[s] = next[slot];
        return;
      }
    }
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
