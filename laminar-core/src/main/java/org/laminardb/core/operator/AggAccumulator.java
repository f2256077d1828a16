package org.laminardb.core.operator;

import java.util.Arrays;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;

/**
 * State of one aggregate call for every group of a {@link GroupAggregateOperator}, in per-group
 * primitive arrays indexed by group id.
 *
 * <p>A row is applied in two steps so that a bad row changes nothing: {@link #check} validates it
 * (a retraction whose counts would go negative is refused; an overflow throws) and may remember
 * what it looked up; {@link #apply} then changes the state and cannot fail. The base class keeps
 * the per-group count of non-NULL arguments (of all rows for {@code COUNT(*)}), which also proves
 * that a retracted NULL argument was added before: a group has {@code rows - nonNull} NULL rows.
 *
 * <p>With a FILTER column ({@link #filter}), a row whose filter value is not TRUE is skipped by
 * both steps, for inserts and retractions alike: it passes {@link #check} and {@link #apply} leaves
 * the state unchanged. Subclasses that read more than the argument column (an event-time column)
 * find the row's chunk in {@link #chunk} during {@link #checkValue} and {@link #applyValue}.
 */
abstract class AggAccumulator {
  /** Input column of the argument, or -1 for {@code COUNT(*)}. */
  final int arg;
  /** Per group: rows whose argument is not NULL. */
  long[] nonNull = new long[0];
  /** Input column of {@code FILTER (WHERE ...)} (BOOLEAN), or -1 when every row counts. */
  int filter = -1;
  /** Chunk of the row being checked or applied. */
  Chunk chunk;

  AggAccumulator(int arg) {
    this.arg = arg;
  }

  /** Whether the row is skipped because its FILTER value is FALSE or NULL. */
  private boolean filteredOut(Chunk in, int row) {
    if (filter < 0) {
      return false;
    }
    Column f = in.columns[filter];
    return f.isNull(row) || f.longs[row] == 0;
  }

  /** Makes room for group ids below {@code capacity}. */
  final void grow(int capacity) {
    if (capacity > nonNull.length) {
      nonNull = Arrays.copyOf(nonNull, capacity);
      growState(capacity);
    }
  }

  /** Resets the state of a new group (its id may have been used before). */
  final void init(int group) {
    nonNull[group] = 0;
    initState(group);
  }

  /**
   * Validates a row: false when it is a retraction that was never added. {@code rows} is the
   * group's row count before the row; it is positive for retractions.
   */
  final boolean check(int group, Chunk in, int row, int weight, long rows) {
    if (filteredOut(in, row)) {
      return true;
    }
    if (arg < 0) {
      return weight > 0 || nonNull[group] > 0;
    }
    Column col = in.columns[arg];
    if (col.isNull(row)) {
      return weight > 0 || rows - nonNull[group] > 0;
    }
    if (weight < 0 && nonNull[group] <= 0) {
      return false;
    }
    chunk = in;
    return checkValue(group, col, row, weight);
  }

  /** Applies a row that passed {@link #check}. */
  final void apply(int group, Chunk in, int row, int weight) {
    if (filteredOut(in, row)) {
      return;
    }
    if (arg < 0) {
      nonNull[group] += weight;
      return;
    }
    Column col = in.columns[arg];
    if (col.isNull(row)) {
      return;
    }
    nonNull[group] += weight;
    chunk = in;
    applyValue(group, col, row, weight);
  }

  /** Grows the subclass's per-group arrays to {@code capacity}. */
  abstract void growState(int capacity);

  /** Resets the subclass's state of a new group. */
  abstract void initState(int group);

  /** Validates a non-NULL argument; may remember a lookup for {@link #applyValue}. */
  abstract boolean checkValue(int group, Column col, int row, int weight);

  /** Applies a validated non-NULL argument; {@link #nonNull} is already updated. */
  abstract void applyValue(int group, Column col, int row, int weight);

  /** Writes the group's current result (possibly NULL) into a column. */
  abstract void result(int group, Column out, int row);

  /** Drops references held for a group that is being removed. */
  void free(int group) {}
}
