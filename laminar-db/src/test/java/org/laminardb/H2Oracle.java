package org.laminardb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An in-memory H2 database as the batch oracle of the differential tests: its tables get the same
 * rows as LaminarDB's sources, and its query results are normalized with {@link
 * ResultComparison#normalize} to compare with LaminarDB's.
 */
final class H2Oracle implements AutoCloseable {
  private final Connection connection;

  /**
   * Opens an in-memory database.
   *
   * @param name the database name ({@code jdbc:h2:mem:<name>}); empty for one private to this
   *     oracle
   * @throws SQLException if H2 cannot open it
   */
  H2Oracle(String name) throws SQLException {
    this.connection = DriverManager.getConnection("jdbc:h2:mem:" + name);
  }

  /**
   * Executes statements in order.
   *
   * @param sql the statements (DDL or DML)
   * @throws SQLException if one fails
   */
  void execute(String... sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    }
  }

  /**
   * Inserts rows into a table as one batch, value {@code i} of a row as parameter {@code i + 1}
   * of {@code INSERT INTO table VALUES (?, ...)}.
   *
   * @param table the table
   * @param rows the rows, all as long as the table is wide; none is a no-op
   * @throws SQLException if the insert fails
   */
  void insert(String table, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    int width = rows.get(0).length;
    String sql = "INSERT INTO " + table + " VALUES ("
        + String.join(", ", Collections.nCopies(width, "?")) + ")";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (Object[] r : rows) {
        for (int c = 0; c < width; c++) {
          ps.setObject(c + 1, r[c]);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Runs a query.
   *
   * @param sql the query, with a {@code ?} per parameter (none: run as a plain statement)
   * @param params the parameters in order
   * @return its rows with every value normalized ({@link ResultComparison#normalize})
   * @throws SQLException if the query fails
   */
  List<List<Object>> query(String sql, Object... params) throws SQLException {
    if (params.length == 0) {
      try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
        return rows(rs);
      }
    }
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rows(rs);
      }
    }
  }

  private static List<List<Object>> rows(ResultSet rs) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      List<Object> row = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        row.add(ResultComparison.normalize(rs.getObject(i)));
      }
      out.add(row);
    }
    return out;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
