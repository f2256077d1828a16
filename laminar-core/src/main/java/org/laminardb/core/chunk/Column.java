package org.laminardb.core.chunk;

import java.util.Arrays;
import org.laminardb.core.type.DataType;

/**
 * One column of a {@link Chunk}: a primitive array of values plus a null bitmap.
 *
 * <p>Exactly one of {@link #longs}, {@link #doubles} and {@link #strings} is non-null, chosen by
 * the column type's {@link org.laminardb.core.type.PhysicalKind}. The arrays are public so that
 * generated code can run tight loops over them. A value slot of a NULL row holds an unspecified
 * value; always test {@link #isNull(int)} first when {@link #hasNulls} is set.
 *
 * <p>Invariant: after {@link Chunk#reset()} every null bit is clear, so writers only ever set
 * bits. Not thread-safe; a chunk has one owner at a time.
 */
public final class Column {
  /** Type of the values. */
  public final DataType type;
  /** Values of LONG-kind columns, else null. */
  public final long[] longs;
  /** Values of DOUBLE-kind columns, else null. */
  public final double[] doubles;
  /** Values of STRING-kind columns, else null. */
  public final String[] strings;
  /** Null bitmap: bit {@code row & 63} of word {@code row >>> 6} is set when the value is NULL. */
  public final long[] nulls;
  /** True when any null bit may be set; false guarantees that no value is NULL. */
  public boolean hasNulls;

  /**
   * Creates an empty column.
   *
   * @param type value type
   * @param capacity rows it can hold
   */
  public Column(DataType type, int capacity) {
    this.type = type;
    switch (type.physical()) {
      case LONG:
        longs = new long[capacity];
        doubles = null;
        strings = null;
        break;
      case DOUBLE:
        longs = null;
        doubles = new double[capacity];
        strings = null;
        break;
      default:
        longs = null;
        doubles = null;
        strings = new String[capacity];
        break;
    }
    nulls = new long[(capacity + 63) >>> 6];
  }

  /**
   * Whether the value at a row is NULL.
   *
   * @param row row index
   * @return true if NULL
   */
  public boolean isNull(int row) {
    return hasNulls && (nulls[row >>> 6] & (1L << row)) != 0;
  }

  /**
   * Marks a row NULL.
   *
   * @param row row index
   */
  public void setNull(int row) {
    nulls[row >>> 6] |= 1L << row;
    hasNulls = true;
    if (strings != null) {
      strings[row] = null;
    }
  }

  /**
   * Copies the value (and nullness) of a row of another column of the same physical kind.
   *
   * @param row destination row
   * @param src source column
   * @param srcRow source row
   */
  public void copyFrom(int row, Column src, int srcRow) {
    if (src.isNull(srcRow)) {
      setNull(row);
      return;
    }
    if (longs != null) {
      longs[row] = src.longs[srcRow];
    } else if (doubles != null) {
      doubles[row] = src.doubles[srcRow];
    } else {
      strings[row] = src.strings[srcRow];
    }
  }

  /**
   * Clears null bits and string references of the first {@code size} rows.
   *
   * @param size rows in use before the reset
   */
  void clear(int size) {
    if (hasNulls) {
      Arrays.fill(nulls, 0, (size + 63) >>> 6, 0L);
      hasNulls = false;
    }
    if (strings != null) {
      Arrays.fill(strings, 0, size, null);
    }
  }
}
