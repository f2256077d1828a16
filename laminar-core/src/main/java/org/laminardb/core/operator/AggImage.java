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
  private final TypedValues values;
  private long[] nulls = new long[0];

  AggImage(PhysicalKind kind) {
    this.values = new TypedValues(kind);
  }

  void grow(int capacity) {
    values.grow(capacity);
    nulls = Arrays.copyOf(nulls, (capacity + 63) >>> 6);
  }

  /** Whether the stored value of a group equals the value at a row of a column. */
  boolean sameAs(int group, Column col, int row) {
    boolean imageNull = (nulls[group >>> 6] & (1L << group)) != 0;
    if (imageNull || col.isNull(row)) {
      return imageNull && col.isNull(row);
    }
    return values.equalsValue(group, col, row);
  }

  /** Stores the value at a row of a column as the group's image. */
  void store(int group, Column col, int row) {
    if (col.isNull(row)) {
      nulls[group >>> 6] |= 1L << group;
      values.clear(group);
      return;
    }
    nulls[group >>> 6] &= ~(1L << group);
    values.set(group, col, row);
  }

  /** Writes the group's image into a row of a column. */
  void write(int group, Column out, int row) {
    if ((nulls[group >>> 6] & (1L << group)) != 0) {
      out.setNull(row);
      return;
    }
    values.write(group, out, row);
  }

  /** Drops the string reference of a removed group. */
  void clear(int group) {
    values.clear(group);
  }
}
