package org.laminardb.core.operator;

import java.util.Arrays;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.state.KeyEncoder;
import org.laminardb.core.state.LongKeyTable;
import org.laminardb.core.state.StringDictionary;
import org.laminardb.core.type.Schema;

/**
 * The cache of a {@link LookupJoinOperator}: per key id of the operator's key table, whether its
 * row is being fetched or loaded, when it was loaded, and the row itself ({@link #head}, -1 when
 * the external table has no row with that key: misses are cached too). Loaded entries are
 * evicted oldest-loaded first (FIFO) beyond a maximum count. Garbage free once grown;
 * single-threaded (reactor).
 */
final class LookupCache extends KeyedJoinRows {
  static final byte NONE = 0;
  static final byte LOADING = 1;
  static final byte LOADED = 2;

  private final LongKeyTable keys;
  /** The encoder of the probing side's keys, which owns the key table's entries. */
  private final KeyEncoder owner;
  byte[] state = new byte[16];
  long[] loadedAt = new long[16];
  /** Loaded entries (with or without a row). */
  int loaded;
  /** Ring of (id, loadedAt) in load order, for FIFO eviction; stale pairs are skipped. */
  private int[] fifoIds = new int[16];
  private long[] fifoAt = new long[16];
  private int fifoHead;
  private int fifoSize;

  LookupCache(Schema schema, int[] keyColumns, StringDictionary dictionary, LongKeyTable keys,
      KeyEncoder owner) {
    super(schema, keyColumns, false, dictionary);
    this.keys = keys;
    this.owner = owner;
  }

  /** Makes room for the key table's ids. */
  void ensure() {
    int limit = keys.idLimit();
    ensureKeys(limit);
    if (limit > state.length) {
      int n = Math.max(limit, state.length * 2);
      state = Arrays.copyOf(state, n);
      loadedAt = Arrays.copyOf(loadedAt, n);
    }
  }

  /** Marks an entry as being fetched, dropping the row it had. */
  void startLoading(int id) {
    if (state[id] == LOADED) {
      dropRow(id);
      loaded--;
    }
    state[id] = LOADING;
  }

  /** Stores the row of a loading entry (row {@code r} of a chunk of the table's columns). */
  void load(int id, Chunk rows, int r, long now) {
    head[id] = rows == null ? -1 : this.rows.add(rows, r);
    state[id] = LOADED;
    loadedAt[id] = now;
    loaded++;
    if (fifoSize == fifoIds.length) {
      int n = fifoIds.length * 2;
      int[] ids = new int[n];
      long[] at = new long[n];
      for (int i = 0; i < fifoSize; i++) {
        ids[i] = fifoIds[(fifoHead + i) % fifoIds.length];
        at[i] = fifoAt[(fifoHead + i) % fifoIds.length];
      }
      fifoIds = ids;
      fifoAt = at;
      fifoHead = 0;
    }
    int t = (fifoHead + fifoSize++) % fifoIds.length;
    fifoIds[t] = id;
    fifoAt[t] = now;
  }

  /**
   * Evicts the oldest loaded entries while more than {@code max} are loaded.
   *
   * @return entries evicted
   */
  int evictBeyond(long max) {
    int n = 0;
    while (loaded > max && fifoSize > 0) {
      int id = fifoIds[fifoHead];
      long at = fifoAt[fifoHead];
      fifoHead = (fifoHead + 1) % fifoIds.length;
      fifoSize--;
      if (keys.isLive(id) && state[id] == LOADED && loadedAt[id] == at) {
        dropRow(id);
        state[id] = NONE;
        loaded--;
        owner.release(keys, id);
        keys.remove(id);
        n++;
      }
    }
    return n;
  }

  private void dropRow(int id) {
    if (head[id] >= 0) {
      rows.free(head[id]);
      head[id] = -1;
    }
  }
}
