package org.laminardb.jdbc;

import java.sql.BatchUpdateException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.laminardb.StatementResult;

/**
 * Statement running one SQL statement at a time on the connection's engine. Rows (SELECT, SHOW,
 * DESCRIBE, EXPLAIN) and SUBSCRIBE give a result set; INSERT an update count; DDL the update
 * count 0. {@link #cancel()} ends a subscription's result set (its waiting {@code next()} fails
 * with SQLSTATE 57014); other statements run to completion, so there is nothing to cancel.
 */
class LaminarStatement extends AbstractStatement {
  private volatile LaminarResultSet resultSet;
  private long updateCount = -1;
  private final List<String> batch = new ArrayList<>();

  /**
   * Creates a statement.
   *
   * @param connection its connection
   * @param poolable the initial poolable hint
   */
  LaminarStatement(LaminarConnection connection, boolean poolable) {
    super(connection, poolable);
  }

  /**
   * Runs a statement on the engine, translating errors.
   *
   * @param sql the statement
   * @param params parameter values, or null
   * @return the engine's result
   * @throws SQLException the translated error
   */
  final StatementResult executeOnEngine(String sql, List<Object> params) throws SQLException {
    checkOpen();
    if (sql == null) {
      throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "the SQL statement is null");
    }
    try {
      return connection().engine().execute(sql, params);
    } catch (RuntimeException e) {
      throw JdbcErrors.translate(e);
    }
  }

  /**
   * Runs a statement and keeps its result as the current one.
   *
   * @param sql the statement
   * @param params parameter values, or null
   * @return true if the result is a result set
   * @throws SQLException on failure
   */
  final boolean run(String sql, List<Object> params) throws SQLException {
    detachResult();
    StatementResult r = executeOnEngine(sql, params);
    switch (r.kind()) {
      case ROWS:
        resultSet = LaminarResultSet.of(r.rows(), this);
        return true;
      case SUBSCRIPTION:
        try {
          resultSet = LaminarResultSet.live(r.subscription(), this);
        } catch (SQLException | RuntimeException e) {
          r.subscription().close();
          throw e;
        }
        return true;
      case UPDATE_COUNT:
        updateCount = r.updateCount();
        return false;
      default:
        updateCount = 0;
        return false;
    }
  }

  /** Closes the current result set without closing the statement on completion. */
  private void detachResult() {
    LaminarResultSet old = resultSet;
    resultSet = null;
    updateCount = -1;
    if (old != null) {
      old.close();
    }
  }

  /**
   * Called by a result set of this statement when it closes.
   *
   * @param rs the result set
   */
  final void resultSetClosed(LaminarResultSet rs) {
    if (rs == resultSet) {
      resultSet = null;
      if (closesOnCompletion()) {
        close();
      }
    }
  }

  /**
   * Current result set, or an error saying the statement returned none.
   *
   * @param sql the statement, for the message
   * @return the result set
   * @throws SQLException 42809 if there is none
   */
  final ResultSet requireResultSet(String sql) throws SQLException {
    LaminarResultSet rs = resultSet;
    if (rs == null) {
      throw JdbcErrors.of(JdbcErrors.WRONG_RESULT_KIND, "executeQuery takes a statement that "
          + "returns rows (SELECT, SHOW, DESCRIBE, EXPLAIN, SUBSCRIBE), but this one returned an "
          + "update count and has been executed; use executeUpdate or execute for: " + sql);
    }
    return rs;
  }

  /**
   * Current update count, or an error (after closing the result) if the statement returned rows.
   *
   * @param sql the statement, for the message
   * @return the update count
   * @throws SQLException 42809 if it returned rows
   */
  final long requireUpdateCount(String sql) throws SQLException {
    if (resultSet != null) {
      detachResult();
      throw JdbcErrors.of(JdbcErrors.WRONG_RESULT_KIND, "executeUpdate takes a statement that "
          + "returns no rows, but this one returned rows; use executeQuery or execute for: "
          + sql);
    }
    return updateCount;
  }

  /**
   * Update count of one statement of a batch; fails for a statement returning rows.
   *
   * @param r the engine's result
   * @param sql the statement, for the message
   * @return the count, 0 for DDL
   * @throws SQLException 42809 for rows or a subscription (which is closed)
   */
  static long batchCount(StatementResult r, String sql) throws SQLException {
    switch (r.kind()) {
      case UPDATE_COUNT:
        return r.updateCount();
      case DONE:
        return 0;
      default:
        if (r.subscription() != null) {
          r.subscription().close();
        }
        throw JdbcErrors.of(JdbcErrors.WRONG_RESULT_KIND,
            "a batch may not contain statements that return rows: " + sql);
    }
  }

  /**
   * Error of a batch that failed at one statement, with the counts of those before it.
   *
   * @param counts the counts so far
   * @param done how many statements succeeded
   * @param e the failure
   * @return the exception
   */
  static BatchUpdateException batchFailure(long[] counts, int done, SQLException e) {
    long[] ok = java.util.Arrays.copyOf(counts, done);
    return new BatchUpdateException("batch statement " + (done + 1) + " failed: " + e.getMessage(),
        e.getSQLState(), e.getErrorCode(), ok, e);
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    run(sql, null);
    return requireResultSet(sql);
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    return clampCount(executeLargeUpdate(sql));
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    run(sql, null);
    return requireUpdateCount(sql);
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    return run(sql, null);
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    checkOpen();
    return resultSet;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return clampCount(getLargeUpdateCount());
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    checkOpen();
    return resultSet == null ? updateCount : -1;
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return getMoreResults(CLOSE_CURRENT_RESULT);
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    checkOpen();
    if (current != KEEP_CURRENT_RESULT) {
      detachResult();
    } else {
      resultSet = null;
    }
    updateCount = -1;
    return false;
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    checkOpen();
    if (sql == null) {
      throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "the SQL statement is null");
    }
    batch.add(sql);
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    return clampCounts(executeLargeBatch());
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    detachResult();
    List<String> statements = new ArrayList<>(batch);
    batch.clear();
    long[] counts = new long[statements.size()];
    for (int i = 0; i < counts.length; i++) {
      try {
        counts[i] = batchCount(executeOnEngine(statements.get(i), null), statements.get(i));
      } catch (SQLException e) {
        throw batchFailure(counts, i, e);
      }
    }
    return counts;
  }

  @Override
  public void cancel() throws SQLException {
    checkOpen();
    LaminarResultSet rs = resultSet;
    if (rs != null) {
      rs.cancel();
    }
  }

  @Override
  public void close() {
    if (markClosed()) {
      detachResult();
      connection().statementClosed(this);
    }
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    checkNoGeneratedKeys(autoGeneratedKeys);
    return executeUpdate(sql);
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    checkNoGeneratedKeys(autoGeneratedKeys);
    return executeLargeUpdate(sql);
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    checkNoGeneratedKeys(autoGeneratedKeys);
    return execute(sql);
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw generatedKeys();
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    throw generatedKeys();
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw generatedKeys();
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    throw generatedKeys();
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    throw generatedKeys();
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    throw generatedKeys();
  }

  /**
   * Fails unless no generated keys are requested.
   *
   * @param autoGeneratedKeys the flag passed to an execute method
   * @throws SQLException 0A000 for {@link #RETURN_GENERATED_KEYS}
   */
  static void checkNoGeneratedKeys(int autoGeneratedKeys) throws SQLException {
    if (autoGeneratedKeys != NO_GENERATED_KEYS) {
      throw generatedKeys();
    }
  }

  private static SQLException generatedKeys() {
    return JdbcErrors.unsupported("returning generated keys (LaminarDB generates no keys)");
  }

  /**
   * Count as an int, {@link Integer#MAX_VALUE} if larger.
   *
   * @param count the count
   * @return the int count
   */
  static int clampCount(long count) {
    return (int) Math.min(count, Integer.MAX_VALUE);
  }

  /**
   * Counts as ints.
   *
   * @param counts the counts
   * @return the int counts
   */
  static int[] clampCounts(long[] counts) {
    int[] r = new int[counts.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = clampCount(counts[i]);
    }
    return r;
  }
}
