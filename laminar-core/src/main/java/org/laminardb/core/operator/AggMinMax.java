package org.laminardb.core.operator;

import org.laminardb.core.chunk.Column;
import org.laminardb.core.state.GroupedValueCounts;
import org.laminardb.core.type.PhysicalKind;

/**
 * {@code MIN} and {@code MAX} under retraction: every group's distinct values with their counts in
 * an ordered {@link GroupedValueCounts}, so that when the current extreme is retracted the next
 * one is found in O(log d) for d distinct values in the group. Works for every type: numbers,
 * DECIMAL, BOOLEAN, TIMESTAMP and DATE as longs, DOUBLE and REAL as doubles, VARCHAR by {@link
 * String#compareTo}.
 */
final class AggMinMax extends AggAccumulator {
  private final boolean max;
  private final GroupedValueCounts values;
  private int pending = -1;

  AggMinMax(int arg, PhysicalKind argKind, boolean isMax) {
    super(arg);
    this.max = isMax;
    this.values = new GroupedValueCounts(argKind, true);
  }

  @Override
  void growState(int capacity) {
    values.ensureGroupCapacity(capacity);
  }

  @Override
  void initState(int group) {}

  @Override
  boolean checkValue(int group, Column col, int row, int weight) {
    if (weight > 0) {
      return true;
    }
    pending = values.find(group, col, row);
    return pending >= 0;
  }

  @Override
  void applyValue(int group, Column col, int row, int weight) {
    if (weight > 0) {
      values.add(group, col, row);
    } else {
      values.decrement(pending);
    }
  }

  @Override
  void result(int group, Column out, int row) {
    int e = max ? values.last(group) : values.first(group);
    if (e < 0) {
      out.setNull(row);
    } else {
      values.writeValue(e, out, row);
    }
  }

  /** Drops the group's per-value counts (a window closing with rows still in the group). */
  @Override
  void free(int group) {
    values.clearGroup(group);
  }
}
