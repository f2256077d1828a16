package org.laminardb.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * Base of the driver's statements: options and limits. Result sets are forward-only and
 * read-only; the query timeout bounds each wait of {@code next()} on a subscription's result set
 * (the engine runs other statements to completion synchronously); max rows and max field size
 * apply to the result sets created after they are set; fetch size is a hint without effect, as
 * all rows are in memory or arrive live.
 */
abstract class AbstractStatement implements Statement {
  private final LaminarConnection connection;
  private volatile boolean closed;
  private volatile int queryTimeout;
  private int maxRows;
  private int maxFieldSize;
  private int fetchSize;
  private boolean poolable;
  private boolean closeOnCompletion;

  /**
   * Creates a statement.
   *
   * @param connection its connection
   * @param poolable the initial poolable hint
   */
  AbstractStatement(LaminarConnection connection, boolean poolable) {
    this.connection = connection;
    this.poolable = poolable;
  }

  /**
   * The connection.
   *
   * @return the connection
   */
  final LaminarConnection connection() {
    return connection;
  }

  /**
   * Fails if the statement or its connection is closed.
   *
   * @throws SQLException HY010 when the statement is closed, 08003 when the connection is
   */
  final void checkOpen() throws SQLException {
    if (closed) {
      throw JdbcErrors.closed("statement");
    }
    connection.checkOpen();
  }

  /**
   * Marks the statement closed.
   *
   * @return false if it was closed already
   */
  final boolean markClosed() {
    boolean was = closed;
    closed = true;
    return !was;
  }

  /**
   * Query timeout in seconds without checks, for a result set waiting on another thread.
   *
   * @return the timeout, 0 for none
   */
  final int currentQueryTimeout() {
    return queryTimeout;
  }

  /**
   * Whether closing the last result set closes the statement.
   *
   * @return the flag
   */
  final boolean closesOnCompletion() {
    return closeOnCompletion;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public Connection getConnection() throws SQLException {
    checkOpen();
    return connection;
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    checkOpen();
    return queryTimeout;
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    if (seconds < 0) {
      throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "query timeout must be >= 0 s: " + seconds);
    }
    queryTimeout = seconds;
  }

  @Override
  public int getMaxRows() throws SQLException {
    checkOpen();
    return maxRows;
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "max rows must be >= 0: " + max);
    }
    maxRows = max;
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    return getMaxRows();
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    setMaxRows((int) Math.min(max, Integer.MAX_VALUE));
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    checkOpen();
    return maxFieldSize;
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "max field size must be >= 0: " + max);
    }
    maxFieldSize = max;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "fetch size must be >= 0: " + rows);
    }
    fetchSize = rows;
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return ResultSet.FETCH_FORWARD;
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != ResultSet.FETCH_FORWARD) {
      throw JdbcErrors.unsupported(
          "fetch direction " + direction + " (result sets are forward-only: FETCH_FORWARD)");
    }
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    checkOpen();
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getResultSetType() throws SQLException {
    checkOpen();
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    checkOpen();
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
    if (enable) {
      throw JdbcErrors.unsupported("JDBC escape processing ({fn ...}, {ts ...})");
    }
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    throw JdbcErrors.unsupported("Statement.setCursorName (no positioned updates)");
  }

  @Override
  public void setPoolable(boolean isPoolable) throws SQLException {
    checkOpen();
    poolable = isPoolable;
  }

  @Override
  public boolean isPoolable() throws SQLException {
    checkOpen();
    return poolable;
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    checkOpen();
    closeOnCompletion = true;
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    checkOpen();
    return closeOnCompletion;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    checkOpen();
    return LaminarResultSet.of(java.util.List.of(), java.util.List.of());
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "the statement does not wrap " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
