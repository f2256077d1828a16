package org.laminardb.connector.datagen;

import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.TypeKind;

/** Exact counter from a start to an inclusive end, written as the column's type. */
final class SequenceGenerator implements FieldGenerator {
  private final TypeKind kind;
  private final long end;
  private final long scaleFactor;
  private long next;
  private boolean exhausted;

  /**
   * Creates a sequence.
   *
   * @param kind column type kind: INT, BIGINT, DECIMAL, DOUBLE, REAL or VARCHAR
   * @param start first value
   * @param end last value, at least start
   * @param scaleFactor 10^scale for DECIMAL (values are unscaled), else 1
   */
  SequenceGenerator(TypeKind kind, long start, long end, long scaleFactor) {
    this.kind = kind;
    this.next = start;
    this.end = end;
    this.scaleFactor = scaleFactor;
  }

  @Override
  public void write(Column column, int row) {
    long v = next;
    if (v == end) {
      exhausted = true;
    } else {
      next = v + 1;
    }
    switch (kind) {
      case DOUBLE:
        column.doubles[row] = v;
        break;
      case REAL:
        column.doubles[row] = (float) v;
        break;
      case VARCHAR:
        column.strings[row] = Long.toString(v);
        break;
      default:
        column.longs[row] = v * scaleFactor;
        break;
    }
  }

  @Override
  public boolean exhausted() {
    return exhausted;
  }
}
