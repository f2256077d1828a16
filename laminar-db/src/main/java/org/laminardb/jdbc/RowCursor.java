package org.laminardb.jdbc;

import java.sql.SQLException;
import org.laminardb.Row;

/** Source of the rows of a result set: materialised rows or a live subscription. */
interface RowCursor {
  /**
   * Next row.
   *
   * @param timeoutSeconds longest wait for a live cursor, 0 for no limit
   * @return the row, or null at the end
   * @throws SQLException on timeout or cancellation
   */
  Row next(int timeoutSeconds) throws SQLException;

  /**
   * Whether rows are known to follow the last one returned by {@link #next}.
   *
   * @return true, false, or null if unknowable (a live feed)
   */
  Boolean hasMore();

  /** Ends the cursor; a thread waiting in {@link #next} fails with 57014. */
  void cancel();

  /** Releases the cursor; a thread waiting in {@link #next} sees the end. */
  void close();
}
