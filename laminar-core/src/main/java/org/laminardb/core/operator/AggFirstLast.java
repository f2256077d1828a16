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
final class AggFirstLast extends AggAccumulator {
  private final boolean last;
  private final int timeColumn;
  private final PhysicalKind kind;
  private long[] times = new long[0];
  private long[] longs = new long[0];
  private double[] doubles = new double[0];
  private String[] strings = new String[0];

  AggFirstLast(int arg, PhysicalKind argKind, int timeColumn, boolean isLast) {
    super(arg);
    this.last = isLast;
    this.timeColumn = timeColumn;
    this.kind = argKind;
  }

  @Override
  void growState(int capacity) {
    times = Arrays.copyOf(times, capacity);
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
  }

  @Override
  void initState(int group) {}

  @Override
  boolean checkValue(int group, Column col, int row, int weight) {
    if (weight < 0) {
      throw new IllegalStateException(
          "retraction in a " + (last ? "LAST_VALUE" : "FIRST_VALUE") + " aggregate");
    }
    return true;
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

  @Override
  void result(int group, Column out, int row) {
    if (nonNull[group] == 0) {
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

  @Override
  void free(int group) {
    if (kind == PhysicalKind.STRING) {
      strings[group] = null;
    }
  }
}
