package org.laminardb.jdbc;

import java.util.Arrays;
import java.util.List;
import org.laminardb.ChangeKind;
import org.laminardb.ColumnInfo;
import org.laminardb.Row;

/** Row held in memory, for result sets the driver builds itself (metadata listings). */
final class MemoryRow implements Row {
  private final List<ColumnInfo> columns;
  private final Object[] values;

  /**
   * Creates a row.
   *
   * @param columns the columns
   * @param values one value per column, of the classes {@link Row} documents
   */
  MemoryRow(List<ColumnInfo> columns, Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          values.length + " values for " + columns.size() + " columns " + columns);
    }
    this.columns = columns;
    this.values = values.clone();
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.INSERT;
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
    return Arrays.toString(values);
  }
}
