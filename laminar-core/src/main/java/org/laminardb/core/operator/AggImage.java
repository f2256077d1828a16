package org.laminardb.core.operator;

import java.util.Arrays;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.PhysicalKind;

/**
 * Last emitted value of one aggregate column for every group of a {@link GroupAggregateOperator}:
 * what downstream currently holds, so that an update can retract it exactly and an unchanged
 * value emits nothing. Per-group primitive arrays plus a null bitmap.
 */
final class AggImage {
  private final PhysicalKind kind;
  private long[] longs = new long[0];
  private double[] doubles = new double[0];
  private String[] strings = new String[0];
  private long[] nulls = new long[0];

  AggImage(PhysicalKind kind) {
    this.kind = kind;
  }

  void grow(int capacity) {
    switch (kind) {
      case LONG:
        longs = Arrays.copyOf(longs, capacity);
        break;
      case DOUBLE:
        doubles = Arrays.copyOf(doubles, capacity);
        break;
      default:
        strings = Arrays.copyOf(strings, capacity);
        break;
    }
    nulls = Arrays.copyOf(nulls, (capacity + 63) >>> 6);
  }

  /** Whether the stored value of a group equals the value at a row of a column. */
  boolean sameAs(int group, Column col, int row) {
    boolean imageNull = (nulls[group >>> 6] & (1L << group)) != 0;
    if (imageNull || col.isNull(row)) {
      return imageNull && col.isNull(row);
    }
    switch (kind) {
      case LONG:
        return longs[group] == col.longs[row];
      case DOUBLE:
        return Double.doubleToLongBits(doubles[group]) == Double.doubleToLongBits(col.doubles[row]);
      default:
        return strings[group].equals(col.strings[row]);
    }
  }

  /** Stores the value at a row of a column as the group's image. */
  void store(int group, Column col, int row) {
    if (col.isNull(row)) {
      nulls[group >>> 6] |= 1L << group;
      if (kind == PhysicalKind.STRING) {
        strings[group] = null;
      }
      return;
    }
    nulls[group >>> 6] &= ~(1L << group);
    switch (kind) {
      case LONG:
        longs[group] = col.longs[row];
        break;
      case DOUBLE:
        doubles[group] = col.doubles[row];
        break;
      default:
        strings[group] = col.strings[row];
        break;
    }
  }

  /** Writes the group's image into a row of a column. */
  void write(int group, Column out, int row) {
    if ((nulls[group >>> 6] & (1L << group)) != 0) {
      out.setNull(row);
      return;
    }
    switch (kind) {
      case LONG:
        out.longs[row] = longs[group];
        break;
      case DOUBLE:
        out.doubles[row] = doubles[group];
        break;
      default:
        out.strings[row] = strings[group];
        break;
    }
  }

  /** Drops the string reference of a removed group. */
  void clear(int group) {
    if (kind == PhysicalKind.STRING) {
      strings[group] = null;
    }
  }
}
