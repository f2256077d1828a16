package org.laminardb.durable;

import java.util.ArrayList;
import java.util.List;
import org.laminardb.LaminarDB;
import org.laminardb.Row;
import org.laminardb.error.LaminarDBException;

/** Query results as comparable strings, and SQLSTATE extraction, for the durable-mode tests. */
final class Rows {
  private Rows() {}

  /**
   * Runs a query and renders each row as its values joined by {@code |}.
   *
   * @param db the database
   * @param sql the query; give it an ORDER BY when comparing lists
   * @return one string per row
   */
  static List<String> of(LaminarDB db, String sql) {
    List<String> out = new ArrayList<>();
    for (Row r : db.query(sql).rows()) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        sb.append(i == 0 ? "" : "|").append(r.get(i));
      }
      out.add(sb.toString());
    }
    return out;
  }

  /**
   * The first column of every row of a query, as strings.
   *
   * @param db the database
   * @param sql the query
   * @return the values
   */
  static List<String> firstColumn(LaminarDB db, String sql) {
    List<String> out = new ArrayList<>();
    for (Row r : db.query(sql).rows()) {
      out.add(r.getString(0));
    }
    return out;
  }

  /**
   * The SQLSTATE of a {@link LaminarDBException}, for {@code extracting(Rows::sqlState)}.
   *
   * @param t the exception
   * @return its SQLSTATE
   */
  static String sqlState(Throwable t) {
    return ((LaminarDBException) t).sqlState();
  }
}
