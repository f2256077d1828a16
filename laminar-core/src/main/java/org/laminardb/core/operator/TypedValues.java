package org.laminardb.core.operator;

import java.util.Arrays;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.PhysicalKind;

/**
 * One value per group, stored by physical kind: an array of longs, doubles or strings (only the
 * one of the kind is used). NULLs are not tracked here; the owner knows which groups hold a value.
 * The arrays are read directly by the owner (for example to compare with a running extreme).
 */
final class TypedValues {
  final PhysicalKind kind;
  long[] longs = new long[0];
  double[] doubles = new double[0];
  String[] strings = new String[0];

  TypedValues(PhysicalKind kind) {
    this.kind = kind;
  }

  /** Grows the array of the kind to hold group ids below {@code capacity}. */
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
  }

  /** Stores the (non-NULL) value at a row of a column as the group's value. */
  void set(int group, Column col, int row) {
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

  /** Whether the group's value equals the (non-NULL) value at a row; doubles compare by bits. */
  boolean equalsValue(int group, Column col, int row) {
    switch (kind) {
      case LONG:
        return longs[group] == col.longs[row];
      case DOUBLE:
        return Double.doubleToLongBits(doubles[group]) == Double.doubleToLongBits(col.doubles[row]);
      default:
        return strings[group].equals(col.strings[row]);
    }
  }

  /** Writes the group's value into a row of a column (not touching its null bit). */
  void write(int group, Column out, int row) {
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

  /** Drops the string reference of a group (a no-op for other kinds). */
  void clear(int group) {
    if (kind == PhysicalKind.STRING) {
      strings[group] = null;
    }
  }
}
