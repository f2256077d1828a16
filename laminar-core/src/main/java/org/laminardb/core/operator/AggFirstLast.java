package org.laminardb.core.operator;

import java.util.Arrays;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.PhysicalKind;

/**
 * {@code FIRST_VALUE(x)} and {@code LAST_VALUE(x)} over an insert-only input: per group the chosen
 * value and its event time, O(1) per row. The order is the event-time column ({@code
 * orderColumn}, a TIMESTAMP stored as long); without one (-1) it is arrival order. FIRST_VALUE
 * keeps the value of the smallest time, and on a tie the one that arrived first; LAST_VALUE keeps
 * the value of the largest time, and on a tie the one that arrived last. A row with a NULL event
 * time (event-time columns are normally NOT NULL) never replaces a FIRST_VALUE that has a time and
 * always replaces a LAST_VALUE, keeping the time of the value it replaces. NULL arguments are skipped (the result is the first/last non-NULL value); the result
 * is NULL when the group has none. A retraction cannot be handled and throws {@link
 * IllegalStateException}.
 */
final class AggFirstLast extends AggAppendOnlyValue {
  private final boolean last;
  private final int timeColumn;
  private long[] times = new long[0];

  AggFirstLast(int arg, PhysicalKind argKind, int timeColumn, boolean isLast) {
    super(arg, argKind, isLast ? "a LAST_VALUE aggregate" : "a FIRST_VALUE aggregate");
    this.last = isLast;
    this.timeColumn = timeColumn;
  }

  @Override
  void growState(int capacity) {
    super.growState(capacity);
    times = Arrays.copyOf(times, capacity);
  }

  @Override
  void applyValue(int group, Column col, int row, int weight) {
    boolean take;
    long t = 0;
    boolean timed = false;
    if (timeColumn >= 0) {
      Column tc = chunk.columns[timeColumn];
      timed = !tc.isNull(row);
      t = timed ? tc.longs[row] : 0;
    }
    if (nonNull[group] == 1) {
      take = true;
    } else if (!timed) {
      take = last;
    } else {
      take = last ? t >= times[group] : t < times[group];
    }
    if (!take) {
      return;
    }
    if (timed || nonNull[group] == 1) {
      times[group] = timed ? t : last ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    values.set(group, col, row);
  }
}
