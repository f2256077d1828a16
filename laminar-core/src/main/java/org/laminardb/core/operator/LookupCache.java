package org.laminardb.core.operator;

import java.util.Arrays;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.state.KeyEncoder;
import org.laminardb.core.state.LongKeyTable;
import org.laminardb.core.state.StringDictionary;
import org.laminardb.core.type.Schema;

/**
 * The cache of a {@link LookupJoinOperator}: per key id of the operator's key table, whether its
 * row is being fetched or loaded, when it was loaded, and the row itself (a slot of {@link
 * #rows}, -1 when the external table has no row with that key: misses are cached too). Loaded
 * entries are evicted oldest-loaded first (FIFO) beyond a maximum count. Keys are never NULL
 * ({@link KeyEncoder#notNull}): a one-column key is one word beside its slot in the key table.
 * Garbage free once grown; single-threaded (reactor).
 *
 * <p>Design notes. A hit reads the key table's slot, then {@link #meta} at {@code 2 * id} and
 * {@code 2 * id + 1} (load time; state and row slot), which share a cache line, then the row:
 * the fewest memory accesses when the cache outgrows the CPU caches.
 */
final class LookupCache extends KeyedJoinRows {
  static final int NONE = 0;
  static final int LOADING = 1;
  static final int LOADED = 2;

  private final LongKeyTable keys;
  /** The encoder of the probing side's keys, which owns the key table's entries. */
  private final KeyEncoder owner;
  /** Per key id: the load time at {@code 2 * id}, then {@code state << 32 | (slot + 1)}. */
  long[] meta = new long[32];
  /** Loaded entries (with or without a row). */
  int loaded;
  /** Ring of (id, loadedAt) in load order, for FIFO eviction; stale pairs are skipped. */
  private int[] fifoIds = new int[16];
  private long[] fifoAt = new long[16];
  private int fifoHead;
  private int fifoSize;

  LookupCache(Schema schema, int[] keyColumns, StringDictionary dictionary, LongKeyTable keys,
      KeyEncoder owner) {
    super(schema, keyColumns, false, KeyEncoder.notNull(schema, keyColumns, dictionary));
    this.keys = keys;
    this.owner = owner;
  }

  static int state(long info) {
    return (int) (info >>> 32);
  }

  /** The row slot of an entry's info word, -1 for a key without a row. */
  static int slot(long info) {
    return (int) info - 1;
  }

  int state(int id) {
    return state(meta[2 * id + 1]);
  }

  /** Makes room for the key table's ids. */
  void ensure() {
    int limit = 2 * keys.idLimit();
    if (limit > meta.length) {
      meta = Arrays.copyOf(meta, Math.max(limit, meta.length * 2));
    }
  }

  /** Marks an entry as being fetched, dropping the row it had. */
  void startLoading(int id) {
    if (state(id) == LOADED) {
      dropRow(id);
      loaded--;
    }
    meta[2 * id + 1] = (long) LOADING << 32;
  }

  /** Stores the row of a loading entry (row {@code r} of a chunk of the table's columns). */
  void load(int id, Chunk rows, int r, long now) {
    int slot = rows == null ? -1 : this.rows.add(rows, r);
    meta[2 * id] = now;
    meta[2 * id + 1] = (long) LOADED << 32 | (slot + 1);
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
      if (keys.isLive(id) && state(id) == LOADED && meta[2 * id] == at) {
        dropRow(id);
        meta[2 * id + 1] = 0L;
        loaded--;
        owner.release(keys, id);
        keys.remove(id);
        n++;
      }
    }
    return n;
  }

  private void dropRow(int id) {
    int slot = slot(meta[2 * id + 1]);
    if (slot >= 0) {
      rows.free(slot);
    }
  }
}
