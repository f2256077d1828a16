package org.laminardb.core.operator;

import java.util.Arrays;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.PhysicalKind;

/**
 * {@code MIN} and {@code MAX} over an insert-only input: one running extreme per group, O(1) per
 * row. A retraction cannot be handled and throws {@link IllegalStateException}.
 */
final class AggMinMaxAppendOnly extends AggAccumulator {
  private final boolean max;
  private final PhysicalKind kind;
  private long[] longs = new long[0];
  private double[] doubles = new double[0];
  private String[] strings = new String[0];

  AggMinMaxAppendOnly(int arg, PhysicalKind argKind, boolean isMax) {
    super(arg);
    this.max = isMax;
    this.kind = argKind;
  }

  @Override
  void growState(int capacity) {
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
      throw new IllegalStateException("retraction in an append-only MIN/MAX aggregate");
    }
    return true;
  }

  @Override
  void applyValue(int group, Column col, int row, int weight) {
    boolean first = nonNull[group] == 1;
    switch (kind) {
      case LONG: {
        long v = col.longs[row];
        if (first || (max ? v > longs[group] : v < longs[group])) {
          longs[group] = v;
        }
        break;
      }
      case DOUBLE: {
        int c = Double.compare(col.doubles[row], doubles[group]);
        if (first || (max ? c > 0 : c < 0)) {
          doubles[group] = col.doubles[row];
        }
        break;
      }
      default: {
        String v = col.strings[row];
        if (first || (max ? v.compareTo(strings[group]) > 0 : v.compareTo(strings[group]) < 0)) {
          strings[group] = v;
        }
        break;
      }
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
