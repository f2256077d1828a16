package org.laminardb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcSubscribeTest {
  private static final String URL = "jdbc:laminar:mem:subscribe-test";

  private Connection connection;
  private Statement writer;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection(URL);
    writer = connection.createStatement();
    writer.executeUpdate("CREATE SOURCE src (k VARCHAR, v BIGINT)");
    writer.executeUpdate(
        "CREATE MATERIALIZED VIEW totals AS SELECT k, COUNT(*) c, SUM(v) s FROM src GROUP BY k");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private static String row(ResultSet rs) throws SQLException {
    return rs.getString("__op") + " " + rs.getString("k") + " " + rs.getLong("c") + " "
        + rs.getLong("s");
  }

  private static List<String> take(ResultSet rs, int n) throws SQLException {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      assertThat(rs.next()).isTrue();
      rows.add(row(rs));
    }
    return rows;
  }

  @Test
  void deliversChangesWithTheirOpValues() throws SQLException {
    writer.executeUpdate("INSERT INTO src VALUES ('a', 1)");
    try (Statement s = connection.createStatement()) {
      s.setQueryTimeout(20);
      ResultSet rs = s.executeQuery("SUBSCRIBE totals");
      ResultSetMetaData md = rs.getMetaData();
      assertThat(md.getColumnCount()).isEqualTo(4);
      assertThat(md.getColumnName(4)).isEqualTo("__op");
      assertThat(take(rs, 1)).containsExactly("+I a 1 1");
      try (Connection other = DriverManager.getConnection(URL);
          Statement w = other.createStatement()) {
        w.executeUpdate("INSERT INTO src VALUES ('b', 5)");
        assertThat(take(rs, 1)).containsExactly("+I b 1 5");
        w.executeUpdate("INSERT INTO src VALUES ('a', 2)");
        assertThat(take(rs, 2)).containsExactly("-U a 1 1", "+U a 2 3");
      }
      assertThat(s.getResultSet()).isSameAs(rs);
    }
  }

  @Test
  void followsAStreamThroughExecuteAndGetResultSet() throws SQLException {
    writer.executeUpdate("CREATE STREAM big AS SELECT k, v FROM src WHERE v > 10");
    try (Statement s = connection.createStatement()) {
      s.setQueryTimeout(20);
      assertThat(s.execute("SUBSCRIBE big")).isTrue();
      ResultSet rs = s.getResultSet();
      assertThat(s.getUpdateCount()).isEqualTo(-1);
      writer.executeUpdate("INSERT INTO src VALUES ('small', 5), ('large', 50)");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("__op") + " " + rs.getString(1) + " " + rs.getLong(2))
          .isEqualTo("+I large 50");
    }
  }

  @Test
  void failsWithSqlTimeoutExceptionWhenNoRowArrives() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.setQueryTimeout(1);
      ResultSet rs = s.executeQuery("SUBSCRIBE totals");
      assertThatThrownBy(rs::next).isInstanceOf(SQLTimeoutException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
      writer.executeUpdate("INSERT INTO src VALUES ('late', 1)");
      s.setQueryTimeout(20);
      assertThat(take(rs, 1)).containsExactly("+I late 1 1");
    }
  }

  @Test
  void endsAWaitingReadWhenCancelledFromAnotherThread() throws Exception {
    try (Statement s = connection.createStatement()) {
      ResultSet rs = s.executeQuery("SUBSCRIBE totals");
      CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
        try {
          Thread.sleep(300);
          s.cancel();
        } catch (InterruptedException | SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      assertThatThrownBy(rs::next).isInstanceOf(SQLException.class)
          .isNotInstanceOf(SQLTimeoutException.class)
          .hasMessageContaining("cancelled")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
      cancel.get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void endsAWaitingReadWhenTheStatementIsClosed() throws Exception {
    Statement s = connection.createStatement();
    ResultSet rs = s.executeQuery("SUBSCRIBE totals");
    CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return rs.next();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(300);
    s.close();
    assertThat(waiting.get(5, TimeUnit.SECONDS)).isFalse();
    assertThat(rs.isClosed()).isTrue();
  }
}
