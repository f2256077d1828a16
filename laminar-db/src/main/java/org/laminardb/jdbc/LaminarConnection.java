package org.laminardb.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.laminardb.internal.Engine;

/**
 * JDBC connection to a LaminarDB database, from {@link LaminarDriver}.
 *
 * <p>LaminarDB has no transactions: every statement takes effect on its own, so the connection
 * is always in auto-commit mode; {@code setAutoCommit(false)} throws {@link
 * java.sql.SQLFeatureNotSupportedException} (0A000), and {@code commit()} and {@code rollback()}
 * throw SQLException 25P01 (no active transaction), as JDBC requires in auto-commit mode. Its
 * isolation level is {@link #TRANSACTION_NONE}. Statements and result sets are forward-only and
 * read-only; as nothing ever commits, both holdabilities behave alike. Read-only mode is a hint
 * and is not enforced. The connection is thread-safe.
 *
 * <p>A closed connection, and its statements, fail with SQLSTATE 08003; a closed statement or
 * result set with HY010. Power users reach the engine with {@link #engine()} or {@code
 * unwrap(Engine.class)}.
 */
public final class LaminarConnection extends AbstractConnection {
  private final DatabaseRegistry.Lease lease;
  private final String url;
  private final String user;
  private final Set<LaminarStatement> statements = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private volatile boolean readOnly;
  private volatile int holdability = ResultSet.HOLD_CURSORS_OVER_COMMIT;
  private SQLWarning warnings;

  /**
   * Creates a connection on a leased engine.
   *
   * @param lease the engine lease, released on close
   * @param url the URL connected to
   * @param user the user name given, or null
   */
  LaminarConnection(DatabaseRegistry.Lease lease, String url, String user) {
    this.lease = lease;
    this.url = url;
    this.user = user;
    this.warnings = lease.warning();
  }

  /**
   * The engine behind this connection, for the embedded API's features that SQL does not reach
   * (source writers, callback subscriptions). The engine may be shared with other connections of
   * the same named database: do not close it, close the connection.
   *
   * @return the engine
   * @throws SQLException 08003 if the connection is closed
   */
  public Engine engine() throws SQLException {
    checkOpen();
    return lease.engine();
  }

  @Override
  void checkOpen() throws SQLException {
    if (closed) {
      throw JdbcErrors.connectionClosed();
    }
  }

  /**
   * The URL this connection was opened with.
   *
   * @return the URL
   */
  String url() {
    return url;
  }

  /**
   * The user name given when connecting.
   *
   * @return the name, or null
   */
  String userName() {
    return user;
  }

  /**
   * Called by a statement when it closes.
   *
   * @param statement the statement
   */
  void statementClosed(LaminarStatement statement) {
    statements.remove(statement);
  }

  private <T extends LaminarStatement> T track(T statement) {
    statements.add(statement);
    return statement;
  }

  private static void checkResultSetOptions(int type, int concurrency, int holdability)
      throws SQLException {
    if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
      throw JdbcErrors.unsupported("result set type " + type + " with concurrency " + concurrency
          + " (only TYPE_FORWARD_ONLY and CONCUR_READ_ONLY)");
    }
    checkHoldability(holdability);
  }

  private static void checkHoldability(int holdability) throws SQLException {
    if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT
        && holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
      throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "unknown holdability " + holdability);
    }
  }

  @Override
  public Statement createStatement() throws SQLException {
    checkOpen();
    return track(new LaminarStatement(this, false));
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return createStatement(
        resultSetType, resultSetConcurrency, ResultSet.HOLD_CURSORS_OVER_COMMIT);
  }

  @Override
  public Statement createStatement(
      int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    checkResultSetOptions(resultSetType, resultSetConcurrency, resultSetHoldability);
    return createStatement();
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    checkOpen();
    if (sql == null) {
      throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "the SQL statement is null");
    }
    return track(new LaminarPreparedStatement(this, sql));
  }

  @Override
  public PreparedStatement prepareStatement(
      String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
    return prepareStatement(
        sql, resultSetType, resultSetConcurrency, ResultSet.HOLD_CURSORS_OVER_COMMIT);
  }

  @Override
  public PreparedStatement prepareStatement(
      String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    checkResultSetOptions(resultSetType, resultSetConcurrency, resultSetHoldability);
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys)
      throws SQLException {
    LaminarStatement.checkNoGeneratedKeys(autoGeneratedKeys);
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes)
      throws SQLException {
    throw JdbcErrors.unsupported("returning generated keys (LaminarDB generates no keys)");
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames)
      throws SQLException {
    throw JdbcErrors.unsupported("returning generated keys (LaminarDB generates no keys)");
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    checkOpen();
    return sql;
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    if (!autoCommit) {
      throw JdbcErrors.unsupported(
          "setAutoCommit(false): LaminarDB has no transactions, every statement commits alone");
    }
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public void commit() throws SQLException {
    checkOpen();
    throw JdbcErrors.of(JdbcErrors.NO_TRANSACTION,
        "commit() is not allowed in auto-commit mode: every statement has committed already");
  }

  @Override
  public void rollback() throws SQLException {
    checkOpen();
    throw JdbcErrors.of(JdbcErrors.NO_TRANSACTION,
        "rollback() is not allowed in auto-commit mode: there is no transaction to roll back");
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    for (LaminarStatement s : new ArrayList<>(statements)) {
      s.close();
    }
    statements.clear();
    lease.release();
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "abort needs an executor, got null");
    }
    if (closed) {
      return;
    }
    executor.execute(() -> {
      try {
        close();
      } catch (SQLException e) {
        // abort has no caller to report to; the engine is released as far as it can be
      }
    });
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "timeout must be >= 0 s: " + timeout);
    }
    return !closed && !lease.engine().isClosed();
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    return new LaminarDatabaseMetaData(this);
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
    this.readOnly = readOnly;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    return readOnly;
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    checkOpen();
    // LaminarDB has no catalogs; JDBC asks drivers without them to ignore the request
  }

  @Override
  public String getCatalog() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    checkOpen();
    // LaminarDB has no schemas; JDBC asks drivers without them to ignore the request
  }

  @Override
  public String getSchema() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    if (level != TRANSACTION_NONE) {
      throw JdbcErrors.unsupported(
          "transaction isolation level " + level + " (no transactions: TRANSACTION_NONE)");
    }
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    return TRANSACTION_NONE;
  }

  @Override
  public synchronized SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return warnings;
  }

  @Override
  public synchronized void clearWarnings() throws SQLException {
    checkOpen();
    warnings = null;
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    checkOpen();
    checkHoldability(holdability);
    this.holdability = holdability;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return holdability;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    if (iface == Engine.class) {
      return iface.cast(engine());
    }
    throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "the connection does not wrap " + iface
        + "; it wraps " + Engine.class.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this) || iface == Engine.class;
  }

  @Override
  public String toString() {
    return "LaminarConnection[" + url + (closed ? ", closed]" : "]");
  }
}
