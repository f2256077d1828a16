package org.laminardb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laminardb.internal.Engine;

class LaminarConnectionTest {
  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:laminar:mem:;reactorThreads=1", "sa", "");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private static String state(Throwable e) {
    return ((SQLException) e).getSQLState();
  }

  private static void assertUnsupported(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(SQLFeatureNotSupportedException.class)
        .extracting(LaminarConnectionTest::state).isEqualTo("0A000");
  }

  @Test
  void staysInAutoCommitMode() throws SQLException {
    assertThat(connection.getAutoCommit()).isTrue();
    connection.setAutoCommit(true);
    assertUnsupported(() -> connection.setAutoCommit(false));
    assertThatThrownBy(connection::commit).extracting(LaminarConnectionTest::state)
        .isEqualTo("25P01");
    assertThatThrownBy(connection::rollback).extracting(LaminarConnectionTest::state)
        .isEqualTo("25P01");
    assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
    assertUnsupported(
        () -> connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED));
  }

  @Test
  void throwsForUnsupportedFeatures() {
    List<ThrowingCallable> calls = new ArrayList<>();
    calls.add(() -> connection.prepareCall("CALL x()"));
    calls.add(connection::setSavepoint);
    calls.add(() -> connection.releaseSavepoint(null));
    calls.add(connection::createBlob);
    calls.add(connection::createClob);
    calls.add(() -> connection.createArrayOf("INT", new Object[0]));
    calls.add(() -> connection.createStatement(
        ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY));
    calls.add(() -> connection.prepareStatement(
        "SELECT 1", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE));
    calls.add(() -> connection.prepareStatement("SELECT 1", Statement.RETURN_GENERATED_KEYS));
    calls.add(() -> connection.setNetworkTimeout(Executors.newSingleThreadExecutor(), 10));
    calls.add(() -> connection.setTypeMap(java.util.Map.of("T", String.class)));
    calls.forEach(LaminarConnectionTest::assertUnsupported);
    assertThatThrownBy(() -> connection.setClientInfo("app", "x"))
        .isInstanceOf(SQLClientInfoException.class);
  }

  @Test
  void answersCatalogSchemaAndReadOnlySensibly() throws SQLException {
    assertThat(connection.getCatalog()).isNull();
    assertThat(connection.getSchema()).isNull();
    connection.setCatalog("ignored");
    connection.setSchema("ignored");
    assertThat(connection.getCatalog()).isNull();
    assertThat(connection.isReadOnly()).isFalse();
    connection.setReadOnly(true);
    assertThat(connection.isReadOnly()).isTrue();
    assertThat(connection.nativeSQL("SELECT 1")).isEqualTo("SELECT 1");
    assertThat(connection.getHoldability()).isEqualTo(ResultSet.HOLD_CURSORS_OVER_COMMIT);
    assertThat(connection.getWarnings() == null).isTrue();
    connection.clearWarnings();
  }

  @Test
  void unwrapsToTheEngine() throws SQLException {
    assertThat(connection.isWrapperFor(Engine.class)).isTrue();
    assertThat(connection.unwrap(Engine.class))
        .isSameAs(connection.unwrap(LaminarConnection.class).engine());
    assertThat(connection.isWrapperFor(String.class)).isFalse();
    assertThatThrownBy(() -> connection.unwrap(String.class)).isInstanceOf(SQLException.class);
  }

  @Test
  void closesItsStatementsAndRejectsUseAfterClose() throws SQLException {
    Statement s = connection.createStatement();
    PreparedStatement p = connection.prepareStatement("INSERT INTO x VALUES (?)");
    connection.close();
    connection.close();
    assertThat(connection.isClosed()).isTrue();
    assertThat(connection.isValid(0)).isFalse();
    assertThat(s.isClosed()).isTrue();
    assertThat(p.isClosed()).isTrue();
    assertThatThrownBy(connection::createStatement)
        .extracting(LaminarConnectionTest::state).isEqualTo("08003");
    assertThatThrownBy(() -> s.execute("SELECT 1"))
        .extracting(LaminarConnectionTest::state).isEqualTo("HY010");
  }

  @Test
  void describesTheDatabase() throws SQLException {
    DatabaseMetaData md = connection.getMetaData();
    assertThat(md.getDatabaseProductName()).isEqualTo("LaminarDB");
    assertThat(md.getDriverName()).contains("LaminarDB");
    assertThat(md.getDriverVersion()).isEqualTo(LaminarDriver.VERSION);
    assertThat(md.getURL()).isEqualTo("jdbc:laminar:mem:;reactorThreads=1");
    assertThat(md.getUserName()).isEqualTo("sa");
    assertThat(md.getIdentifierQuoteString()).isEqualTo("\"");
    assertThat(md.getConnection()).isSameAs(connection);
    assertThat(md.supportsTransactions()).isFalse();
    assertThat(md.supportsBatchUpdates()).isTrue();
    assertThat(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY)).isTrue();
    assertThat(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE)).isFalse();
    assertThat(md.getDefaultTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
    try (ResultSet rs = md.getTableTypes()) {
      List<String> types = new ArrayList<>();
      while (rs.next()) {
        types.add(rs.getString("TABLE_TYPE"));
      }
      assertThat(types).containsExactly("LOOKUP TABLE", "MATERIALIZED VIEW", "SINK", "SOURCE",
          "STREAM", "TABLE");
    }
    try (ResultSet rs = md.getSchemas()) {
      assertThat(rs.next()).isFalse();
    }
    try (ResultSet rs = md.getCatalogs()) {
      assertThat(rs.next()).isFalse();
    }
    try (ResultSet rs = md.getPrimaryKeys(null, null, "x")) {
      assertThat(rs.getMetaData().getColumnName(5)).isEqualTo("KEY_SEQ");
      assertThat(rs.next()).isFalse();
    }
    try (ResultSet rs = md.getTypeInfo()) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString("TYPE_NAME"));
      }
      assertThat(names).contains("BIGINT", "DECIMAL", "VARCHAR", "TIMESTAMP", "DATE");
    }
  }

  @Test
  void validatesStatementOptionsWithoutTheEngine() throws SQLException {
    try (Statement s = connection.createStatement()) {
      assertThat(s.getResultSetType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
      assertThat(s.getResultSetConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
      s.setQueryTimeout(3);
      assertThat(s.getQueryTimeout()).isEqualTo(3);
      s.setMaxRows(10);
      assertThat(s.getMaxRows()).isEqualTo(10);
      assertThatThrownBy(() -> s.setMaxRows(-1))
          .extracting(LaminarConnectionTest::state).isEqualTo("22023");
      assertThatThrownBy(() -> s.setQueryTimeout(-1))
          .extracting(LaminarConnectionTest::state).isEqualTo("22023");
      assertUnsupported(() -> s.setEscapeProcessing(true));
      assertUnsupported(() -> s.setCursorName("c"));
      assertUnsupported(() -> s.executeUpdate("INSERT INTO x VALUES (1)", new int[] {1}));
      assertThat(s.getGeneratedKeys().next()).isFalse();
      assertThat(s.getConnection()).isSameAs(connection);
    }
  }

  @Test
  void checksPreparedParametersBeforeExecuting() throws SQLException {
    try (PreparedStatement p = connection.prepareStatement("INSERT INTO x VALUES (?, '?', ?)")) {
      p.setInt(1, 1);
      assertThatThrownBy(() -> p.setInt(3, 1))
          .extracting(LaminarConnectionTest::state).isEqualTo("07009");
      assertThatThrownBy(p::executeUpdate)
          .hasMessageContaining("parameter 2")
          .extracting(LaminarConnectionTest::state).isEqualTo("07001");
      assertThatThrownBy(() -> p.executeQuery("SELECT 1"))
          .extracting(LaminarConnectionTest::state).isEqualTo("42809");
      assertThatThrownBy(() -> p.addBatch("SELECT 1"))
          .extracting(LaminarConnectionTest::state).isEqualTo("42809");
      assertUnsupported(() -> p.setBytes(1, new byte[0]));
      assertUnsupported(() -> p.setTime(1, null));
      assertUnsupported(p::getParameterMetaData);
      assertUnsupported(() -> p.setObject(1, new Object()));
      assertThat(p.getMetaData()).isNull();
    }
  }
}
