package org.laminardb.jdbc;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * Prepared statement: the SQL text with {@code ?} markers is sent to the engine with the
 * parameter values at each execution. Values are passed as the engine's classes (see {@link
 * TypedValues#toParameter(Object)}). A batch of a plain {@code INSERT INTO source VALUES (?, ...)}
 * is written in one call through the source's writer, all rows or none; other batches run one
 * parameter set after the other and stop at the first failure.
 */
final class LaminarPreparedStatement extends AbstractPreparedStatement {
  private static final Object UNSET = new Object();

  private final String sql;
  private final Object[] values;
  private final List<Object[]> batch = new ArrayList<>();

  /**
   * Prepares a statement.
   *
   * @param connection its connection
   * @param sql the SQL text
   */
  LaminarPreparedStatement(LaminarConnection connection, String sql) {
    super(connection);
    this.sql = sql;
    this.values = new Object[SqlScanner.countParameters(sql)];
    Arrays.fill(values, UNSET);
  }

  private void set(int parameterIndex, Object value) throws SQLException {
    checkOpen();
    if (parameterIndex < 1 || parameterIndex > values.length) {
      throw JdbcErrors.of(JdbcErrors.BAD_INDEX, "parameter index " + parameterIndex
          + " is out of range: the statement has " + values.length + " parameters");
    }
    values[parameterIndex - 1] = value;
  }

  private List<Object> parameters() throws SQLException {
    checkOpen();
    List<Object> params = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == UNSET) {
        throw JdbcErrors.of(JdbcErrors.MISSING_PARAMETER,
            "no value specified for parameter " + (i + 1) + " of " + values.length);
      }
      params.add(values[i]);
    }
    return params;
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    run(sql, parameters());
    return requireResultSet(sql);
  }

  @Override
  public int executeUpdate() throws SQLException {
    return clampCount(executeLargeUpdate());
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    run(sql, parameters());
    return requireUpdateCount(sql);
  }

  @Override
  public boolean execute() throws SQLException {
    return run(sql, parameters());
  }

  @Override
  public void addBatch() throws SQLException {
    batch.add(parameters().toArray());
  }

  @Override
  public void clearBatch() throws SQLException {
    super.clearBatch();
    batch.clear();
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    getMoreResults();
    List<Object[]> sets = new ArrayList<>(batch);
    batch.clear();
    long[] counts = BatchInserts.tryInsertAll(connection().engine(), sql, values.length, sets);
    if (counts != null) {
      return counts;
    }
    counts = new long[sets.size()];
    for (int i = 0; i < counts.length; i++) {
      try {
        counts[i] = batchCount(executeOnEngine(sql, Arrays.asList(sets.get(i))), sql);
      } catch (SQLException e) {
        throw batchFailure(counts, i, e);
      }
    }
    return counts;
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    Arrays.fill(values, UNSET);
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    set(parameterIndex, null);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    set(parameterIndex, null);
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    set(parameterIndex, (int) x);
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    set(parameterIndex, (int) x);
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    set(parameterIndex, value);
  }

  @Override
  public void setDate(int parameterIndex, Date x) throws SQLException {
    set(parameterIndex, x == null ? null : x.toLocalDate());
  }

  @Override
  public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
    if (x == null || cal == null) {
      setDate(parameterIndex, x);
      return;
    }
    set(parameterIndex, x.toInstant().atZone(cal.getTimeZone().toZoneId()).toLocalDate());
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    set(parameterIndex, x == null ? null : x.toLocalDateTime());
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
    if (x == null || cal == null) {
      setTimestamp(parameterIndex, x);
      return;
    }
    set(parameterIndex, x.toInstant().atZone(cal.getTimeZone().toZoneId()).toLocalDateTime());
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    set(parameterIndex, TypedValues.toParameter(x));
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    set(parameterIndex, TypedValues.toParameter(x, targetSqlType, -1));
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength)
      throws SQLException {
    set(parameterIndex, TypedValues.toParameter(x, targetSqlType, scaleOrLength));
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    setObject(parameterIndex, x, vendorCode(targetSqlType));
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    setObject(parameterIndex, x, vendorCode(targetSqlType), scaleOrLength);
  }

  private static int vendorCode(SQLType type) throws SQLException {
    if (type instanceof JDBCType) {
      return type.getVendorTypeNumber();
    }
    throw JdbcErrors.unsupported("SQL type " + type + " (only java.sql.JDBCType)");
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    set(parameterIndex, read(reader, Long.MAX_VALUE));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, int length)
      throws SQLException {
    set(parameterIndex, read(reader, length));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, long length)
      throws SQLException {
    set(parameterIndex, read(reader, length));
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    setCharacterStream(parameterIndex, value);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length)
      throws SQLException {
    setCharacterStream(parameterIndex, value, length);
  }

  private static String read(Reader reader, long length) throws SQLException {
    if (reader == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[4096];
    try {
      while (sb.length() < length) {
        int n = reader.read(buf, 0, (int) Math.min(buf.length, length - sb.length()));
        if (n < 0) {
          break;
        }
        sb.append(buf, 0, n);
      }
    } catch (IOException e) {
      throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "cannot read the character stream: " + e, e);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return sql;
  }
}
