package org.laminardb.jdbc;

import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import org.laminardb.ColumnInfo;
import org.laminardb.QueryResult;
import org.laminardb.Row;
import org.laminardb.Subscription;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.TypeKind;

/**
 * Forward-only, read-only result set over materialised rows (a query result or a metadata
 * listing) or over a live subscription. A subscription's result set has the subscribed object's
 * columns followed by {@value #OP_COLUMN}, the change kind ({@code +I}, {@code -U}, {@code +U},
 * {@code -D}); its {@link #next()} blocks until a row arrives, and fails with {@link
 * java.sql.SQLTimeoutException} (57014) after the statement's query timeout or with a plain
 * SQLException 57014 once the statement is cancelled; it returns false once the result set or
 * its statement is closed.
 */
final class LaminarResultSet extends ResultSetByLabel {
  /** Name of the change-kind column of a subscription's result set. */
  static final String OP_COLUMN = "__op";

  private final List<ColumnInfo> columns;
  private final int opIndex;
  private final RowCursor cursor;
  private final LaminarStatement statement;
  private final int maxRows;
  private final int maxFieldSize;
  private volatile boolean closed;
  private Row current;
  private int rowNumber;
  private boolean afterLast;
  private boolean lastWasNull;
  private int fetchSize;

  private LaminarResultSet(
      List<ColumnInfo> columns, int opIndex, RowCursor cursor, LaminarStatement statement)
      throws SQLException {
    this.columns = List.copyOf(columns);
    this.opIndex = opIndex;
    this.cursor = cursor;
    this.statement = statement;
    this.maxRows = statement == null ? 0 : statement.getMaxRows();
    this.maxFieldSize = statement == null ? 0 : statement.getMaxFieldSize();
  }

  /**
   * Result set over a query result.
   *
   * @param result the rows
   * @param statement the statement that produced it, or null
   * @return the result set
   * @throws SQLException if the statement is closed
   */
  static LaminarResultSet of(QueryResult result, LaminarStatement statement) throws SQLException {
    return new LaminarResultSet(
        result.columns(), -1, new ListCursor(result.rows()), statement);
  }

  /**
   * Result set over rows the driver built.
   *
   * @param columns the columns
   * @param rows the rows
   * @return the result set, with no statement
   * @throws SQLException never in practice
   */
  static LaminarResultSet of(List<ColumnInfo> columns, List<Row> rows) throws SQLException {
    return new LaminarResultSet(columns, -1, new ListCursor(rows), null);
  }

  /**
   * Result set over a live subscription; closing it closes the subscription.
   *
   * @param subscription the subscription
   * @param statement the statement that produced it
   * @return the result set
   * @throws SQLException if the statement is closed
   */
  static LaminarResultSet live(Subscription subscription, LaminarStatement statement)
      throws SQLException {
    List<ColumnInfo> cols = new ArrayList<>(subscription.columns());
    cols.add(new ColumnInfo(OP_COLUMN, DataType.of(TypeKind.VARCHAR).withNullable(false)));
    return new LaminarResultSet(
        cols, cols.size() - 1, new SubscriptionCursor(subscription), statement);
  }

  @Override
  void checkOpen() throws SQLException {
    if (closed) {
      throw JdbcErrors.closed("result set");
    }
  }

  /** Ends a live result set from another thread: a waiting {@link #next()} fails with 57014. */
  void cancel() {
    cursor.cancel();
  }

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (afterLast) {
      return false;
    }
    Row row = maxRows > 0 && rowNumber >= maxRows ? null : cursor.next(queryTimeout());
    if (row == null || closed) {
      current = null;
      afterLast = true;
      return false;
    }
    current = row;
    rowNumber++;
    return true;
  }

  private int queryTimeout() throws SQLException {
    return statement == null ? 0 : statement.currentQueryTimeout();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    current = null;
    cursor.close();
    if (statement != null) {
      statement.resultSetClosed(this);
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    return lastWasNull;
  }

  private Object value(int columnIndex) throws SQLException {
    checkOpen();
    if (columnIndex < 1 || columnIndex > columns.size()) {
      throw JdbcErrors.of(JdbcErrors.BAD_INDEX, "column index " + columnIndex
          + " is out of range: the result has " + columns.size() + " columns");
    }
    if (current == null) {
      throw JdbcErrors.of(JdbcErrors.INVALID_CURSOR, afterLast
          ? "no current row: the cursor is after the last row"
          : "no current row: call next() first");
    }
    Object v = columnIndex - 1 == opIndex
        ? current.kind().shortString() : current.get(columnIndex - 1);
    lastWasNull = v == null;
    if (maxFieldSize > 0 && v instanceof String && ((String) v).length() > maxFieldSize) {
      v = ((String) v).substring(0, maxFieldSize);
    }
    return v;
  }

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    checkOpen();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(columnLabel)) {
        return i + 1;
      }
    }
    List<String> names = new ArrayList<>();
    columns.forEach(c -> names.add(c.name()));
    throw JdbcErrors.of(JdbcErrors.UNDEFINED_COLUMN,
        "no column labelled " + columnLabel + " in the result; its columns are " + names);
  }

  @Override
  public String getString(int columnIndex) throws SQLException {
    return JdbcValues.toText(value(columnIndex));
  }

  @Override
  public boolean getBoolean(int columnIndex) throws SQLException {
    return JdbcValues.toBoolean(value(columnIndex));
  }

  @Override
  public byte getByte(int columnIndex) throws SQLException {
    return (byte) JdbcValues.toLong(
        value(columnIndex), Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
  }

  @Override
  public short getShort(int columnIndex) throws SQLException {
    return (short) JdbcValues.toLong(
        value(columnIndex), Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
  }

  @Override
  public int getInt(int columnIndex) throws SQLException {
    return (int) JdbcValues.toLong(
        value(columnIndex), Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
  }

  @Override
  public long getLong(int columnIndex) throws SQLException {
    return JdbcValues.toLong(value(columnIndex), Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
  }

  @Override
  public float getFloat(int columnIndex) throws SQLException {
    return JdbcValues.toFloat(value(columnIndex));
  }

  @Override
  public double getDouble(int columnIndex) throws SQLException {
    return JdbcValues.toDouble(value(columnIndex));
  }

  @Override
  public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    return JdbcValues.toBigDecimal(value(columnIndex));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
    BigDecimal d = getBigDecimal(columnIndex);
    return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  public Date getDate(int columnIndex) throws SQLException {
    LocalDate d = JdbcValues.toLocalDate(value(columnIndex));
    return d == null ? null : Date.valueOf(d);
  }

  @Override
  public Date getDate(int columnIndex, Calendar cal) throws SQLException {
    LocalDate d = JdbcValues.toLocalDate(value(columnIndex));
    if (d == null || cal == null) {
      return d == null ? null : Date.valueOf(d);
    }
    return new Date(d.atStartOfDay(cal.getTimeZone().toZoneId()).toInstant().toEpochMilli());
  }

  @Override
  public Timestamp getTimestamp(int columnIndex) throws SQLException {
    LocalDateTime t = JdbcValues.toLocalDateTime(value(columnIndex));
    return t == null ? null : Timestamp.valueOf(t);
  }

  @Override
  public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
    LocalDateTime t = JdbcValues.toLocalDateTime(value(columnIndex));
    if (t == null || cal == null) {
      return t == null ? null : Timestamp.valueOf(t);
    }
    return Timestamp.from(t.atZone(cal.getTimeZone().toZoneId()).toInstant());
  }

  @Override
  public Object getObject(int columnIndex) throws SQLException {
    return JdbcValues.toJdbcObject(value(columnIndex));
  }

  @Override
  public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
    if (map != null && !map.isEmpty()) {
      throw JdbcErrors.unsupported("ResultSet.getObject with a type map (no user-defined types)");
    }
    return getObject(columnIndex);
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    if (type == null) {
      throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "getObject needs a class, got null");
    }
    return TypedValues.convert(value(columnIndex), type);
  }

  @Override
  public Reader getCharacterStream(int columnIndex) throws SQLException {
    String s = getString(columnIndex);
    return s == null ? null : new StringReader(s);
  }

  @Override
  public Reader getNCharacterStream(int columnIndex) throws SQLException {
    return getCharacterStream(columnIndex);
  }

  @Override
  public String getNString(int columnIndex) throws SQLException {
    return getString(columnIndex);
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return new LaminarResultSetMetaData(columns);
  }

  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
    return statement;
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    return rowNumber == 0 && !afterLast && !Boolean.FALSE.equals(cursor.hasMore());
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return afterLast && rowNumber > 0;
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return current != null && rowNumber == 1;
  }

  @Override
  public boolean isLast() throws SQLException {
    checkOpen();
    Boolean more = cursor.hasMore();
    if (more == null) {
      throw JdbcErrors.unsupported("ResultSet.isLast on a subscription (a live feed has no end)");
    }
    return current != null && (!more || (maxRows > 0 && rowNumber >= maxRows));
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return current == null ? 0 : rowNumber;
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
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "the result set does not wrap " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
