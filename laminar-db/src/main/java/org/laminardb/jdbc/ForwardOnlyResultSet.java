package org.laminardb.jdbc;

import java.io.InputStream;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.util.Calendar;

/**
 * Base of the driver's result sets: forward-only ({@link java.sql.ResultSet#TYPE_FORWARD_ONLY}),
 * so cursor movements other than {@code next()} throw {@link
 * java.sql.SQLFeatureNotSupportedException} (0A000), as do getters of types LaminarDB does not
 * have (binary, TIME, LOBs, arrays, references).
 */
abstract class ForwardOnlyResultSet extends ReadOnlyResultSet {
  /**
   * Fails if the result set is closed.
   *
   * @throws SQLException HY010 when closed
   */
  abstract void checkOpen() throws SQLException;

  private static SQLException forwardOnly(String method) {
    return JdbcErrors.unsupported(
        "ResultSet." + method + " (result sets are TYPE_FORWARD_ONLY; use next())");
  }

  @Override
  public int getType() throws SQLException {
    checkOpen();
    return TYPE_FORWARD_ONLY;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return FETCH_FORWARD;
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != FETCH_FORWARD) {
      throw JdbcErrors.unsupported(
          "fetch direction " + direction + " (result sets are forward-only: FETCH_FORWARD)");
    }
  }

  @Override
  public String getCursorName() throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getCursorName (no positioned updates)");
  }

  @Override
  public void beforeFirst() throws SQLException {
    throw forwardOnly("beforeFirst");
  }

  @Override
  public void afterLast() throws SQLException {
    throw forwardOnly("afterLast");
  }

  @Override
  public boolean first() throws SQLException {
    throw forwardOnly("first");
  }

  @Override
  public boolean last() throws SQLException {
    throw forwardOnly("last");
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    throw forwardOnly("absolute");
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    throw forwardOnly("relative");
  }

  @Override
  public boolean previous() throws SQLException {
    throw forwardOnly("previous");
  }

  @Override
  public byte[] getBytes(int columnIndex) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getBytes (LaminarDB has no binary types)");
  }

  @Override
  public Time getTime(int columnIndex) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getTime (no TIME type; use getTimestamp)");
  }

  @Override
  public Time getTime(int columnIndex, Calendar cal) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getTime (no TIME type; use getTimestamp)");
  }

  @Override
  public InputStream getAsciiStream(int columnIndex) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getAsciiStream (use getString)");
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int columnIndex) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getUnicodeStream (use getString)");
  }

  @Override
  public InputStream getBinaryStream(int columnIndex) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getBinaryStream (LaminarDB has no binary types)");
  }

  @Override
  public Ref getRef(int columnIndex) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getRef");
  }

  @Override
  public Blob getBlob(int columnIndex) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getBlob");
  }

  @Override
  public Clob getClob(int columnIndex) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getClob (use getString)");
  }

  @Override
  public Array getArray(int columnIndex) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getArray (LaminarDB has no ARRAY type)");
  }

  @Override
  public URL getURL(int columnIndex) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getURL");
  }

  @Override
  public RowId getRowId(int columnIndex) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getRowId");
  }

  @Override
  public NClob getNClob(int columnIndex) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getNClob (use getString)");
  }

  @Override
  public SQLXML getSQLXML(int columnIndex) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getSQLXML");
  }

  @Override
  public byte[] getBytes(String columnLabel) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getBytes (LaminarDB has no binary types)");
  }

  @Override
  public Time getTime(String columnLabel) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getTime (no TIME type; use getTimestamp)");
  }

  @Override
  public Time getTime(String columnLabel, Calendar cal) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getTime (no TIME type; use getTimestamp)");
  }

  @Override
  public InputStream getAsciiStream(String columnLabel) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getAsciiStream (use getString)");
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(String columnLabel) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getUnicodeStream (use getString)");
  }

  @Override
  public InputStream getBinaryStream(String columnLabel) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getBinaryStream (LaminarDB has no binary types)");
  }

  @Override
  public Ref getRef(String columnLabel) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getRef");
  }

  @Override
  public Blob getBlob(String columnLabel) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getBlob");
  }

  @Override
  public Clob getClob(String columnLabel) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getClob (use getString)");
  }

  @Override
  public Array getArray(String columnLabel) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getArray (LaminarDB has no ARRAY type)");
  }

  @Override
  public URL getURL(String columnLabel) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getURL");
  }

  @Override
  public RowId getRowId(String columnLabel) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getRowId");
  }

  @Override
  public NClob getNClob(String columnLabel) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getNClob (use getString)");
  }

  @Override
  public SQLXML getSQLXML(String columnLabel) throws SQLException {
    throw JdbcErrors.unsupported("ResultSet.getSQLXML");
  }
}
