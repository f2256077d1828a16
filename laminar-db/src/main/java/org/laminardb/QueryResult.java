package org.laminardb;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** Result of an ad-hoc query: column metadata and all rows, materialised. Immutable. */
public final class QueryResult implements Iterable<Row> {
  private final List<ColumnInfo> columns;
  private final List<Row> rows;

  /**
   * Creates a result.
   *
   * @param columns the columns
   * @param rows the rows
   */
  public QueryResult(List<ColumnInfo> columns, List<Row> rows) {
    this.columns = List.copyOf(columns);
    this.rows = Collections.unmodifiableList(rows);
  }

  /**
   * Column metadata, in order.
   *
   * @return the columns
   */
  public List<ColumnInfo> columns() {
    return columns;
  }

  /**
   * All rows, in result order.
   *
   * @return the rows
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * Number of rows.
   *
   * @return the count
   */
  public int size() {
    return rows.size();
  }

  @Override
  public Iterator<Row> iterator() {
    return rows.iterator();
  }
}
