package org.laminardb.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.ClientInfoStatus;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.NClob;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Struct;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;

/**
 * Base of the driver's connection: what LaminarDB does not have. Stored procedures, savepoints,
 * LOBs, arrays, structs, user-defined type maps and network timeouts throw {@link
 * java.sql.SQLFeatureNotSupportedException} (0A000); there are no client-info properties.
 */
abstract class AbstractConnection implements Connection {
  /**
   * Fails if the connection is closed.
   *
   * @throws SQLException 08003 when closed
   */
  abstract void checkOpen() throws SQLException;

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    throw JdbcErrors.unsupported("Connection.prepareCall (no stored procedures)");
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return prepareCall(sql);
  }

  @Override
  public CallableStatement prepareCall(
      String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    return prepareCall(sql);
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    throw JdbcErrors.unsupported("Connection.setSavepoint (no transactions)");
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    return setSavepoint();
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    throw JdbcErrors.unsupported("Connection.rollback(Savepoint) (no transactions)");
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    throw JdbcErrors.unsupported("Connection.releaseSavepoint (no transactions)");
  }

  @Override
  public Clob createClob() throws SQLException {
    throw JdbcErrors.unsupported("Connection.createClob (use VARCHAR strings)");
  }

  @Override
  public Blob createBlob() throws SQLException {
    throw JdbcErrors.unsupported("Connection.createBlob (no binary types)");
  }

  @Override
  public NClob createNClob() throws SQLException {
    throw JdbcErrors.unsupported("Connection.createNClob (use VARCHAR strings)");
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    throw JdbcErrors.unsupported("Connection.createSQLXML");
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    throw JdbcErrors.unsupported("Connection.createArrayOf (no ARRAY type)");
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    throw JdbcErrors.unsupported("Connection.createStruct (no structured types)");
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return Collections.emptyMap();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    checkOpen();
    if (map != null && !map.isEmpty()) {
      throw JdbcErrors.unsupported("Connection.setTypeMap (no user-defined types)");
    }
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    throw JdbcErrors.unsupported("Connection.setNetworkTimeout (embedded: there is no network)");
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    throw noClientInfo(Set.of(String.valueOf(name)));
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    if (properties != null && !properties.isEmpty()) {
      throw noClientInfo(properties.stringPropertyNames());
    }
  }

  private static SQLClientInfoException noClientInfo(Set<String> names) {
    Map<String, ClientInfoStatus> failed = new HashMap<>();
    names.forEach(n -> failed.put(n, ClientInfoStatus.REASON_UNKNOWN_PROPERTY));
    return new SQLClientInfoException("client info properties " + new TreeSet<>(names)
        + " are not supported: LaminarDB has no client-info properties",
        JdbcErrors.NOT_SUPPORTED, failed);
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    checkOpen();
    return new Properties();
  }
}
