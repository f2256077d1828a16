package org.laminardb.cli;

import java.util.Arrays;
import java.util.List;
import org.laminardb.ChangeKind;
import org.laminardb.ColumnInfo;
import org.laminardb.Row;

/** Row of fixed values, for printer tests. */
final class TestRow implements Row {
  private final ChangeKind kind;
  private final List<ColumnInfo> columns;
  private final Object[] values;

  TestRow(ChangeKind kind, List<ColumnInfo> columns, Object... values) {
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
}
