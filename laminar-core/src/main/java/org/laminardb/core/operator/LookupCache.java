package org.laminardb.core.operator;

import java.util.Arrays;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.state.KeyEncoder;
import org.laminardb.core.state.LongKeyTable;
import org.laminardb.core.state.StringDictionary;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.Schema;

/**
 * The cache of a {@link LookupJoinOperator}: per key id of the operator's key table, whether its
 * row is being fetched or loaded, when it was loaded, and the row itself, or the fact that the
 * external table has none (misses are cached too). Loaded entries are evicted oldest-loaded first
 * (FIFO) beyond a maximum count. Keys are never NULL ({@link KeyEncoder#notNull}): a one-column
 * key is one word beside its slot in the key table. Garbage free once grown; single-threaded
 * (reactor).
 *
 * <p>Design notes. A key has at most one row, so the row lives at the key's id: one block of
 * {@link #stride} words per id in {@link #words} — load time, state, null masks, then the
 * numeric columns (doubles as their bits) — and the string columns' references in {@link
 * #strings}. A hit reads the key table's slot, the id's block and the strings: the fewest memory
 * accesses when the cache outgrows the CPU caches.
 */
final class LookupCache {
  static final int NONE = 0;
  static final int LOADING = 1;
  /** Loaded, no row (the external table has none with this key). */
  static final int ABSENT = 2;
  /** Loaded, with a row. */
  static final int PRESENT = 3;

  final KeyEncoder encoder;
  final int[] keyColumns;
  private final LongKeyTable keys;
  /** The encoder of the probing side's keys, which owns the key table's entries. */
  private final KeyEncoder owner;
  private final int columns;
  private final int maskWords;
  /** Per column: its index among the numeric words or among the strings. */
  private final int[] position;
  private final byte[] kind;
  /** Words per id: load time, state, null masks, numeric columns. */
  final int stride;
  private final int stringStride;
  long[] words;
  private String[] strings;
  /** Loaded entries (with or without a row). */
  int loaded;
  /** Ring of (id, loadedAt) in load order, for FIFO eviction; stale pairs are skipped. */
  private int[] fifoIds = new int[16];
  private long[] fifoAt = new long[16];
  private int fifoHead;
  private int fifoSize;

  private static final byte LONG = 0;
  private static final byte DOUBLE = 1;
  private static final byte STRING = 2;

  LookupCache(Schema schema, int[] keyColumns, StringDictionary dictionary, LongKeyTable keys,
      KeyEncoder owner) {
    this.encoder = KeyEncoder.notNull(schema, keyColumns, dictionary);
    this.keyColumns = keyColumns.clone();
    this.keys = keys;
    this.owner = owner;
    this.columns = schema.size();
    this.maskWords = (columns + 63) >>> 6;
    this.position = new int[columns];
    this.kind = new byte[columns];
    int numeric = 0;
    int text = 0;
    for (int c = 0; c < columns; c++) {
      PhysicalKind p = schema.field(c).type().physical();
      kind[c] = p == PhysicalKind.LONG ? LONG : p == PhysicalKind.DOUBLE ? DOUBLE : STRING;
      position[c] = kind[c] == STRING ? text++ : numeric++;
    }
    this.stride = 2 + maskWords + numeric;
    this.stringStride = text;
    this.words = new long[16 * stride];
    this.strings = new String[16 * stringStride];
  }

  /** The state of an entry's state word. */
  static int state(long info) {
    return (int) info;
  }

  int state(int id) {
    return (int) words[id * stride + 1];
  }

  long loadedAt(int id) {
    return words[id * stride];
  }

  /** Makes room for the key table's ids. */
  void ensure() {
    int limit = keys.idLimit();
    if (limit * stride > words.length) {
      int n = Math.max(limit, 2 * (words.length / stride));
      words = Arrays.copyOf(words, n * stride);
      strings = Arrays.copyOf(strings, n * stringStride);
    }
  }

  /** Marks an entry as being fetched, dropping the row it had. */
  void startLoading(int id) {
    int s = state(id);
    if (s == PRESENT || s == ABSENT) {
      clearStrings(id);
      loaded--;
    }
    words[id * stride + 1] = LOADING;
  }

  /**
   * Stores the row of a loading entry: row {@code r} of a chunk of the table's columns, or no
   * row when {@code rows} is null.
   */
  void load(int id, Chunk rows, int r, long now) {
    int base = id * stride;
    words[base] = now;
    words[base + 1] = rows == null ? ABSENT : PRESENT;
    if (rows != null) {
      for (int m = 0; m < maskWords; m++) {
        words[base + 2 + m] = 0L;
      }
      int numeric = base + 2 + maskWords;
      int text = id * stringStride;
      for (int c = 0; c < columns; c++) {
        Column col = rows.columns[c];
        if (col.isNull(r)) {
          words[base + 2 + (c >>> 6)] |= 1L << c;
          if (kind[c] == STRING) {
            strings[text + position[c]] = null;
          }
          continue;
        }
        switch (kind[c]) {
          case LONG:
            words[numeric + position[c]] = col.longs[r];
            break;
          case DOUBLE:
            words[numeric + position[c]] = Double.doubleToRawLongBits(col.doubles[r]);
            break;
          default:
            strings[text + position[c]] = col.strings[r];
            break;
        }
      }
    }
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

  /** Writes the row of a PRESENT entry into columns {@code [first, first + columns)} of a row. */
  void write(int id, Chunk out, int o, int first) {
    int base = id * stride;
    int numeric = base + 2 + maskWords;
    int text = id * stringStride;
    long mask = words[base + 2];
    for (int c = 0; c < columns; c++) {
      if (c > 0 && (c & 63) == 0) {
        mask = words[base + 2 + (c >>> 6)];
      }
      Column col = out.columns[first + c];
      if ((mask & (1L << c)) != 0) {
        col.setNull(o);
        continue;
      }
      switch (kind[c]) {
        case LONG:
          col.longs[o] = words[numeric + position[c]];
          break;
        case DOUBLE:
          col.doubles[o] = Double.longBitsToDouble(words[numeric + position[c]]);
          break;
        default:
          col.strings[o] = strings[text + position[c]];
          break;
      }
    }
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
      int s = keys.isLive(id) ? state(id) : NONE;
      if ((s == PRESENT || s == ABSENT) && loadedAt(id) == at) {
        clearStrings(id);
        words[id * stride + 1] = NONE;
        loaded--;
        owner.release(keys, id);
        keys.remove(id);
        n++;
      }
    }
    return n;
  }

  private void clearStrings(int id) {
    Arrays.fill(strings, id * stringStride, (id + 1) * stringStride, null);
  }
}
