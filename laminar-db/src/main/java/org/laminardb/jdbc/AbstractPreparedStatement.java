package org.laminardb.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.util.Calendar;

/**
 * Base of the driver's prepared statements: rejects the methods that take SQL text (SQLSTATE
 * 42809, as the JDBC specification requires) and the setters of types LaminarDB does not have
 * (0A000).
 */
abstract class AbstractPreparedStatement extends LaminarStatement implements PreparedStatement {
  /**
   * Creates a statement.
   *
   * @param connection its connection
   */
  AbstractPreparedStatement(LaminarConnection connection) {
    super(connection, true);
  }

  private static SQLException sqlTextGiven(String method) {
    return JdbcErrors.of(JdbcErrors.WRONG_RESULT_KIND, "PreparedStatement." + method
        + "(String) may not be called: the statement was given when it was prepared");
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    throw sqlTextGiven("executeQuery");
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    throw sqlTextGiven("executeUpdate");
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    throw sqlTextGiven("executeLargeUpdate");
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    throw sqlTextGiven("execute");
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    throw sqlTextGiven("addBatch");
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    throw JdbcErrors.unsupported(
        "PreparedStatement.getParameterMetaData (parameter types are known at execution only)");
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setBytes (LaminarDB has no binary types)");
  }

  @Override
  public void setTime(int parameterIndex, Time x) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setTime (no TIME type; use setTimestamp)");
  }

  @Override
  public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setTime (no TIME type; use setTimestamp)");
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setAsciiStream (use setString)");
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setAsciiStream (use setString)");
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setAsciiStream (use setString)");
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setUnicodeStream (use setString)");
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setBinaryStream (no binary types)");
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setBinaryStream (no binary types)");
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setBinaryStream (no binary types)");
  }

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setRef");
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setBlob (no binary types)");
  }

  @Override
  public void setBlob(int parameterIndex, InputStream x, long length) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setBlob (no binary types)");
  }

  @Override
  public void setBlob(int parameterIndex, InputStream x) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setBlob (no binary types)");
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setClob (use setString)");
  }

  @Override
  public void setClob(int parameterIndex, Reader x, long length) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setClob (use setString)");
  }

  @Override
  public void setClob(int parameterIndex, Reader x) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setClob (use setString)");
  }

  @Override
  public void setNClob(int parameterIndex, NClob x) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setNClob (use setString)");
  }

  @Override
  public void setNClob(int parameterIndex, Reader x, long length) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setNClob (use setString)");
  }

  @Override
  public void setNClob(int parameterIndex, Reader x) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setNClob (use setString)");
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setArray (LaminarDB has no ARRAY type)");
  }

  @Override
  public void setURL(int parameterIndex, URL x) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setURL");
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setRowId");
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML x) throws SQLException {
    throw JdbcErrors.unsupported("PreparedStatement.setSQLXML");
  }
}
