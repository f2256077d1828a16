package org.laminardb.core.operator;

import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.PhysicalKind;

/**
 * An aggregate over an insert-only input whose state is one chosen argument value per group
 * ({@link TypedValues}, which subclasses update in {@link #applyValue}): the result is that value,
 * or NULL when the group has no non-NULL argument. A retraction throws {@link
 * IllegalStateException}.
 */
abstract class AggAppendOnlyValue extends AggAccumulator {
  /** The chosen value per group; meaningful when the group's non-NULL count is positive. */
  final TypedValues values;
  private final String what;

  /**
   * @param what the aggregate for the retraction error, as in "retraction in {@code what}"
   */
  AggAppendOnlyValue(int arg, PhysicalKind argKind, String what) {
    super(arg);
    this.values = new TypedValues(argKind);
    this.what = what;
  }

  @Override
  void growState(int capacity) {
    values.grow(capacity);
  }

  @Override
  void initState(int group) {}

  @Override
  final boolean checkValue(int group, Column col, int row, int weight) {
    if (weight < 0) {
      throw new IllegalStateException("retraction in " + what);
    }
    return true;
  }

  @Override
  final void result(int group, Column out, int row) {
    if (nonNull[group] == 0) {
      out.setNull(row);
      return;
    }
    values.write(group, out, row);
  }

  @Override
  final void free(int group) {
    values.clear(group);
  }
}
