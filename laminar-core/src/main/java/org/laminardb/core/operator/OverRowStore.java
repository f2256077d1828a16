package org.laminardb.core.operator;

import java.util.Arrays;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.Schema;

/**
 * Rows kept by the OVER and Top-N operators, as a struct of arrays addressed by slot: one
 * primitive array per column plus a null flag per value. Freed slots are reused (LIFO), so
 * memory grows only to the largest number of rows held at once. Garbage free in steady state.
 * Single-threaded.
 */
final class OverRowStore {
  private final PhysicalKind[] kinds;
  private final long[][] longs;
  private final double[][] doubles;
  private final String[][] strings;
  private final boolean[][] nulls;
  private int capacity;
  private int limit;
  private int[] free = new int[16];
  private int freeCount;
  private int size;

  OverRowStore(Schema schema) {
    int n = schema.size();
    kinds = new PhysicalKind[n];
    longs = new long[n][];
    doubles = new double[n][];
    strings = new String[n][];
    nulls = new boolean[n][];
    for (int c = 0; c < n; c++) {
      kinds[c] = schema.field(c).type().physical();
    }
    grow(16);
  }

  private void grow(int needed) {
    int cap = Math.max(needed, capacity * 2);
    for (int c = 0; c < kinds.length; c++) {
      switch (kinds[c]) {
        case LONG:
          longs[c] = longs[c] == null ? new long[cap] : Arrays.copyOf(longs[c], cap);
          break;
        case DOUBLE:
          doubles[c] = doubles[c] == null ? new double[cap] : Arrays.copyOf(doubles[c], cap);
          break;
        default:
          strings[c] = strings[c] == null ? new String[cap] : Arrays.copyOf(strings[c], cap);
          break;
      }
      nulls[c] = nulls[c] == null ? new boolean[cap] : Arrays.copyOf(nulls[c], cap);
    }
    capacity = cap;
  }

  /** Slots in use. */
  int size() {
    return size;
  }

  /** One more than the largest slot ever handed out. */
  int slotLimit() {
    return limit;
  }

  /** Takes a free slot, its values unspecified. */
  int allocate() {
    size++;
    if (freeCount > 0) {
      return free[--freeCount];
    }
    if (limit == capacity) {
      grow(limit + 1);
    }
    return limit++;
  }

  /** Copies a row of a chunk (whose first columns have this store's layout) into a new slot. */
  int add(Chunk chunk, int row) {
    int s = allocate();
    for (int c = 0; c < kinds.length; c++) {
      set(s, c, chunk.columns[c], row);
    }
    return s;
  }

  /** Sets one value of a slot from a chunk column of the same physical kind. */
  void set(int slot, int column, Column src, int row) {
    boolean isNull = src.isNull(row);
    nulls[column][slot] = isNull;
    switch (kinds[column]) {
      case LONG:
        longs[column][slot] = isNull ? 0L : src.longs[row];
        break;
      case DOUBLE:
        doubles[column][slot] = isNull ? 0.0 : src.doubles[row];
        break;
      default:
        strings[column][slot] = isNull ? null : src.strings[row];
        break;
    }
  }

  /** Copies one value from a slot of another store with the same kind at that column. */
  void setFrom(int slot, int column, OverRowStore src, int srcSlot, int srcColumn) {
    nulls[column][slot] = src.nulls[srcColumn][srcSlot];
    switch (kinds[column]) {
      case LONG:
        longs[column][slot] = src.longs[srcColumn][srcSlot];
        break;
      case DOUBLE:
        doubles[column][slot] = src.doubles[srcColumn][srcSlot];
        break;
      default:
        strings[column][slot] = src.strings[srcColumn][srcSlot];
        break;
    }
  }

  /** Sets a LONG-kind value. */
  void setLong(int slot, int column, long value) {
    nulls[column][slot] = false;
    longs[column][slot] = value;
  }

  /**
   * Sets a value from a boxed constant: a {@link Long} for LONG-kind columns, a {@link Double} for
   * DOUBLE-kind ones, a {@link String} for STRING-kind ones, or null for NULL.
   */
  void setValue(int slot, int column, Object value) {
    if (value == null) {
      setNull(slot, column);
      return;
    }
    nulls[column][slot] = false;
    switch (kinds[column]) {
      case LONG:
        longs[column][slot] = (Long) value;
        break;
      case DOUBLE:
        doubles[column][slot] = (Double) value;
        break;
      default:
        strings[column][slot] = (String) value;
        break;
    }
  }

  /** Sets a value NULL. */
  void setNull(int slot, int column) {
    nulls[column][slot] = true;
    if (strings[column] != null) {
      strings[column][slot] = null;
    }
  }

  /** Returns a slot for reuse, dropping its string references. */
  void free(int slot) {
    for (int c = 0; c < kinds.length; c++) {
      if (strings[c] != null) {
        strings[c][slot] = null;
      }
    }
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, freeCount * 2);
    }
    free[freeCount++] = slot;
    size--;
  }

  boolean isNull(int slot, int column) {
    return nulls[column][slot];
  }

  long longAt(int slot, int column) {
    return longs[column][slot];
  }

  /** Writes columns {@code [0, count)} of a slot into columns {@code [first, first + count)}. */
  void write(int slot, Chunk out, int row, int first, int count) {
    for (int c = 0; c < count; c++) {
      writeValue(slot, c, out.columns[first + c], row);
    }
  }

  /** Writes one value of a slot into a chunk column. */
  void writeValue(int slot, int column, Column out, int row) {
    if (nulls[column][slot]) {
      out.setNull(row);
      return;
    }
    switch (kinds[column]) {
      case LONG:
        out.longs[row] = longs[column][slot];
        break;
      case DOUBLE:
        out.doubles[row] = doubles[column][slot];
        break;
      default:
        out.strings[row] = strings[column][slot];
        break;
    }
  }

  /**
   * Compares one column of two slots in SQL order: NULLs first when {@code nullsFirst}, numbers
   * numerically, strings by {@link String#compareTo}.
   */
  int compare(int a, int b, int column, boolean nullsFirst) {
    boolean na = nulls[column][a];
    boolean nb = nulls[column][b];
    if (na || nb) {
      if (na && nb) {
        return 0;
      }
      return na == nullsFirst ? -1 : 1;
    }
    switch (kinds[column]) {
      case LONG:
        return Long.compare(longs[column][a], longs[column][b]);
      case DOUBLE:
        return Double.compare(doubles[column][a], doubles[column][b]);
      default:
        return strings[column][a].compareTo(strings[column][b]);
    }
  }

  /** Whether every column of a slot equals the first columns of a chunk row (NULL equals NULL). */
  boolean sameRow(int slot, Chunk chunk, int row) {
    for (int c = 0; c < kinds.length; c++) {
      Column col = chunk.columns[c];
      boolean n = col.isNull(row);
      if (n != nulls[c][slot]) {
        return false;
      }
      if (n) {
        continue;
      }
      switch (kinds[c]) {
        case LONG:
          if (longs[c][slot] != col.longs[row]) {
            return false;
          }
          break;
        case DOUBLE:
          if (Double.compare(doubles[c][slot], col.doubles[row]) != 0) {
            return false;
          }
          break;
        default:
          if (!strings[c][slot].equals(col.strings[row])) {
            return false;
          }
          break;
      }
    }
    return true;
  }
}
