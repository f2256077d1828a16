package org.laminardb.core.operator;

import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.PhysicalKind;

/**
 * {@code MIN} and {@code MAX} over an insert-only input: one running extreme per group, O(1) per
 * row. A retraction cannot be handled and throws {@link IllegalStateException}.
 */
final class AggMinMaxAppendOnly extends AggAppendOnlyValue {
  private final boolean max;

  AggMinMaxAppendOnly(int arg, PhysicalKind argKind, boolean isMax) {
    super(arg, argKind, "an append-only MIN/MAX aggregate");
    this.max = isMax;
  }

  @Override
  void applyValue(int group, Column col, int row, int weight) {
    if (nonNull[group] == 1) {
      values.set(group, col, row);
      return;
    }
    int c;
    switch (values.kind) {
      case LONG:
        c = Long.compare(col.longs[row], values.longs[group]);
        break;
      case DOUBLE:
        c = Double.compare(col.doubles[row], values.doubles[group]);
        break;
      default:
        c = col.strings[row].compareTo(values.strings[group]);
        break;
    }
    if (max ? c > 0 : c < 0) {
      values.set(group, col, row);
    }
  }
}
