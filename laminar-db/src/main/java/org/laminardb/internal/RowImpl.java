package org.laminardb.internal;

import java.util.Arrays;
import java.util.List;
import org.laminardb.ChangeKind;
import org.laminardb.ColumnInfo;
import org.laminardb.Row;

/** Immutable materialised row. */
public final class RowImpl implements Row {
  private final ChangeKind kind;
  private final List<ColumnInfo> columns;
  private final Object[] values;

  /**
   * Creates a row.
   *
   * @param kind the change kind
   * @param columns column metadata (shared between rows)
   * @param values the values, not copied
   */
  public RowImpl(ChangeKind kind, List<ColumnInfo> columns, Object[] values) {
    this.kind = kind;
    this.columns = columns;
    this.values = values;
  }

  @Override
  public ChangeKind kind() {
    return kind;
  }

  @Override
  public List<ColumnInfo> columns() {
    return columns;
  }

  @Override
  public Object get(int index) {
    return values[index];
  }

  @Override
  public String toString() {
    return kind.shortString() + Arrays.toString(values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RowImpl && ((RowImpl) o).kind == kind
        && Arrays.equals(((RowImpl) o).values, values);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Arrays.hashCode(values);
  }
}
