package org.laminardb.core.operator;

import org.laminardb.core.chunk.Column;
import org.laminardb.core.state.GroupedValueCounts;
import org.laminardb.core.type.PhysicalKind;

/**
 * {@code COUNT(*)}, {@code COUNT(x)} and {@code COUNT(DISTINCT x)}. Without DISTINCT the count is
 * the base class's non-NULL count; with DISTINCT it is the number of distinct values with a
 * positive count in a {@link GroupedValueCounts}.
 */
final class AggCount extends AggAccumulator {
  private final GroupedValueCounts distinct;
  private int pending = -1;

  AggCount(int arg, PhysicalKind argKind, boolean isDistinct) {
    super(arg);
    this.distinct = isDistinct ? new GroupedValueCounts(argKind, false) : null;
  }

  @Override
  void growState(int capacity) {
    if (distinct != null) {
      distinct.ensureGroupCapacity(capacity);
    }
  }

  @Override
  void initState(int group) {}

  @Override
  boolean checkValue(int group, Column col, int row, int weight) {
    if (distinct == null || weight > 0) {
      return true;
    }
    pending = distinct.find(group, col, row);
    return pending >= 0;
  }

  @Override
  void applyValue(int group, Column col, int row, int weight) {
    if (distinct != null) {
      if (weight > 0) {
        distinct.add(group, col, row);
      } else {
        distinct.decrement(pending);
      }
    }
  }

  @Override
  void result(int group, Column out, int row) {
    out.longs[row] = distinct == null ? nonNull[group] : distinct.distinctCount(group);
  }

  /** Drops the group's per-value counts (a window closing with rows still in the group). */
  @Override
  void free(int group) {
    if (distinct != null) {
      distinct.clearGroup(group);
    }
  }
}
