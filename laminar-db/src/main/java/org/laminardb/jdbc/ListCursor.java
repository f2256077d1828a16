package org.laminardb.jdbc;

import java.util.List;
import org.laminardb.Row;

/** Cursor over materialised rows. */
final class ListCursor implements RowCursor {
  private final List<Row> rows;
  private int next;

  /**
   * Creates a cursor.
   *
   * @param rows the rows
   */
  ListCursor(List<Row> rows) {
    this.rows = rows;
  }

  @Override
  public Row next(int timeoutSeconds) {
    return next < rows.size() ? rows.get(next++) : null;
  }

  @Override
  public Boolean hasMore() {
    return next < rows.size();
  }

  @Override
  public void cancel() {
    // materialised rows are complete: there is nothing running to cancel
  }

  @Override
  public void close() {
    next = rows.size();
  }
}
