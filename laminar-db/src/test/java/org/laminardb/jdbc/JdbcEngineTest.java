package org.laminardb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laminardb.error.LaminarDBException;

class JdbcEngineTest {
  private static final LocalDateTime TS = LocalDateTime.of(2024, 2, 3, 4, 5, 6, 789_000_000);
  private static final String INSERT = "INSERT INTO src VALUES (?, ?, ?, ?, ?, ?)";

  private Connection connection;
  private Statement statement;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:laminar:mem:");
    statement = connection.createStatement();
    statement.executeUpdate("CREATE SOURCE src (k VARCHAR, v BIGINT, ts TIMESTAMP,"
        + " amount DECIMAL(10, 2), d DATE, note VARCHAR)");
    statement.executeUpdate(
        "CREATE MATERIALIZED VIEW totals AS SELECT k, COUNT(*) c, SUM(v) s FROM src GROUP BY k");
    statement.executeUpdate("CREATE MATERIALIZED VIEW raw AS SELECT * FROM src");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private static String state(Throwable e) {
    return ((SQLException) e).getSQLState();
  }

  private long count(String view) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) AS n FROM " + view)) {
      assertThat(rs.next()).isTrue();
      return rs.getLong("n");
    }
  }

  @Test
  void reportsUpdateCountZeroForDdl() throws SQLException {
    assertThat(statement.executeUpdate("CREATE SOURCE other (a INT)")).isZero();
    assertThat(statement.execute("CREATE SOURCE third (a INT);")).isFalse();
    assertThat(statement.getUpdateCount()).isZero();
    assertThat(statement.getResultSet()).isNull();
    assertThat(statement.getMoreResults()).isFalse();
    assertThat(statement.getUpdateCount()).isEqualTo(-1);
  }

  @Test
  void returnsTheRowCountOfAnInsert() throws SQLException {
    assertThat(statement.executeUpdate("INSERT INTO src (k, v) VALUES ('a', 1), ('b', 2)"))
        .isEqualTo(2);
    assertThat(statement.execute("INSERT INTO src (k, v) VALUES ('c', 3)")).isFalse();
    assertThat(statement.getUpdateCount()).isEqualTo(1);
    assertThat(count("raw")).isEqualTo(3);
  }

  @Test
  void returnsTheAffectedRowsOfTableStatementsWithParameters() throws SQLException {
    statement.executeUpdate("CREATE TABLE t (id BIGINT, v DOUBLE, PRIMARY KEY (id))");
    assertThat(statement.executeUpdate("INSERT INTO t VALUES (1, 1.0), (2, 2.0), (3, 3.0)"))
        .isEqualTo(3);
    assertThat(statement.executeUpdate("UPSERT INTO t VALUES (3, 30.0)")).isEqualTo(1);
    try (PreparedStatement p = connection.prepareStatement(
        "UPDATE t SET v = v * ? WHERE id >= ?")) {
      p.setDouble(1, 10);
      p.setLong(2, 2);
      assertThat(p.executeUpdate()).isEqualTo(2);
    }
    try (PreparedStatement p = connection.prepareStatement("DELETE FROM t WHERE id = ?")) {
      p.setLong(1, 1);
      assertThat(p.executeUpdate()).isEqualTo(1);
      p.setLong(1, 1);
      assertThat(p.executeUpdate()).isZero();
    }
    try (ResultSet rs = statement.executeQuery("SELECT id, v FROM t ORDER BY id")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(2);
      assertThat(rs.getDouble(2)).isEqualTo(20.0);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getDouble(2)).isEqualTo(300.0);
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void insertsTypedParametersAndReadsThemBack() throws SQLException {
    try (PreparedStatement p = connection.prepareStatement(INSERT)) {
      p.setString(1, "a");
      p.setLong(2, 42);
      p.setTimestamp(3, Timestamp.valueOf(TS));
      p.setBigDecimal(4, new BigDecimal("12.34"));
      p.setDate(5, Date.valueOf(LocalDate.of(2024, 2, 3)));
      p.setNull(6, Types.VARCHAR);
      assertThat(p.executeUpdate()).isEqualTo(1);
      p.clearParameters();
      p.setObject(1, "b");
      p.setObject(2, 7);
      p.setObject(3, TS.plusDays(1));
      p.setObject(4, 1.5);
      p.setObject(5, LocalDate.of(2024, 2, 4));
      p.setString(6, "second");
      assertThat(p.executeUpdate()).isEqualTo(1);
    }
    try (ResultSet rs = statement.executeQuery("SELECT * FROM raw ORDER BY k")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("k")).isEqualTo("a");
      assertThat(rs.getLong("v")).isEqualTo(42);
      assertThat(rs.getTimestamp("ts")).isEqualTo(Timestamp.valueOf(TS));
      assertThat(rs.getObject("ts", LocalDateTime.class)).isEqualTo(TS);
      assertThat(rs.getBigDecimal("amount")).isEqualByComparingTo("12.34");
      assertThat(rs.getDate("d")).isEqualTo(Date.valueOf(LocalDate.of(2024, 2, 3)));
      assertThat(rs.getString("note")).isNull();
      assertThat(rs.wasNull()).isTrue();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt("v")).isEqualTo(7);
      assertThat(rs.getObject("ts")).isEqualTo(Timestamp.valueOf(TS.plusDays(1)));
      assertThat(rs.getBigDecimal("amount")).isEqualByComparingTo("1.50");
      assertThat(rs.getObject("d")).isEqualTo(Date.valueOf(LocalDate.of(2024, 2, 4)));
      assertThat(rs.getString("note")).isEqualTo("second");
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void executesBatchesInOrder() throws SQLException {
    try (PreparedStatement p = connection.prepareStatement(INSERT)) {
      for (int i = 0; i < 3; i++) {
        p.setString(1, "k" + i);
        p.setLong(2, i);
        p.setTimestamp(3, Timestamp.valueOf(TS));
        p.setBigDecimal(4, BigDecimal.ONE);
        p.setNull(5, Types.DATE);
        p.setString(6, "batch");
        p.addBatch();
      }
      assertThat(p.executeBatch()).containsExactly(1, 1, 1);
      assertThat(p.executeBatch()).isEmpty();
    }
    try (PreparedStatement p =
        connection.prepareStatement("INSERT INTO src (k, v) VALUES (?, ?)")) {
      p.setString(1, "x");
      p.setLong(2, 10);
      p.addBatch();
      p.setString(1, "y");
      p.setLong(2, 20);
      p.addBatch();
      assertThat(p.executeBatch()).containsExactly(1, 1);
    }
    statement.addBatch("INSERT INTO src (k, v) VALUES ('z', 1), ('z', 2)");
    statement.addBatch("INSERT INTO src (k) VALUES ('w')");
    assertThat(statement.executeBatch()).containsExactly(2, 1);
    assertThat(count("raw")).isEqualTo(8);
    assertThat(count("totals")).isEqualTo(7);
  }

  @Test
  void reportsTheFailingStatementOfABatch() throws SQLException {
    statement.addBatch("INSERT INTO src (k, v) VALUES ('ok', 1)");
    statement.addBatch("INSERT INTO src (k, v) VALUES ('bad', 'abc')");
    statement.addBatch("INSERT INTO src (k, v) VALUES ('never', 3)");
    assertThatThrownBy(statement::executeBatch)
        .isInstanceOfSatisfying(BatchUpdateException.class,
            e -> assertThat(e.getUpdateCounts()).containsExactly(1))
        .extracting(JdbcEngineTest::state).isEqualTo("22P02");
    try (PreparedStatement p = connection.prepareStatement(INSERT)) {
      for (String v : new String[] {"1", "abc"}) {
        p.setString(1, "p");
        p.setString(2, v);
        p.setNull(3, Types.TIMESTAMP);
        p.setNull(4, Types.DECIMAL);
        p.setNull(5, Types.DATE);
        p.setNull(6, Types.VARCHAR);
        p.addBatch();
      }
      assertThatThrownBy(p::executeBatch).isInstanceOf(BatchUpdateException.class)
          .extracting(JdbcEngineTest::state).isEqualTo("22P02");
    }
    assertThat(count("raw")).isEqualTo(1);
  }

  @Test
  void readsAViewWithTypedGettersAndMetadata() throws SQLException {
    statement.executeUpdate("INSERT INTO src (k, v) VALUES ('a', 1), ('b', 5), ('a', 2)");
    try (ResultSet rs = statement.executeQuery("SELECT k, c, s FROM totals ORDER BY k")) {
      ResultSetMetaData md = rs.getMetaData();
      assertThat(md.getColumnCount()).isEqualTo(3);
      assertThat(md.getColumnLabel(1)).isEqualToIgnoringCase("k");
      assertThat(md.getColumnType(1)).isEqualTo(Types.VARCHAR);
      assertThat(md.getColumnType(2)).isEqualTo(Types.BIGINT);
      assertThat(md.getColumnTypeName(2)).isEqualTo("BIGINT");
      assertThat(md.getColumnClassName(2)).isEqualTo("java.lang.Long");
      assertThat(md.getColumnType(3)).isEqualTo(Types.BIGINT);
      assertThat(rs.getStatement()).isSameAs(statement);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("a");
      assertThat(rs.getLong("c")).isEqualTo(2);
      assertThat(rs.getInt("S")).isEqualTo(3);
      assertThat(rs.getObject(2)).isEqualTo(2L);
      assertThat(rs.getBigDecimal("s")).isEqualByComparingTo("3");
      assertThat(rs.getDouble("s")).isEqualTo(3.0);
      assertThat(rs.getString("c")).isEqualTo("2");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("k")).isEqualTo("b");
      assertThat(rs.getLong("s")).isEqualTo(5);
      assertThat(rs.next()).isFalse();
    }
    statement.setMaxRows(1);
    try (ResultSet rs = statement.executeQuery("SELECT * FROM totals")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void rejectsTheWrongExecuteMethodWith42809() throws SQLException {
    assertThatThrownBy(() -> statement.executeQuery("INSERT INTO src (k) VALUES ('q')"))
        .extracting(JdbcEngineTest::state).isEqualTo("42809");
    assertThatThrownBy(() -> statement.executeUpdate("SELECT * FROM totals"))
        .extracting(JdbcEngineTest::state).isEqualTo("42809");
    assertThatThrownBy(() -> statement.executeUpdate("SUBSCRIBE totals"))
        .extracting(JdbcEngineTest::state).isEqualTo("42809");
  }

  @Test
  void carriesTheEngineSqlStates() {
    assertThatThrownBy(() -> statement.execute("SELEC 1"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasCauseInstanceOf(LaminarDBException.class)
        .extracting(JdbcEngineTest::state).isEqualTo("42601");
    assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM nope"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageContaining("nope")
        .extracting(JdbcEngineTest::state).isEqualTo("42P01");
    assertThatThrownBy(
        () -> statement.execute("CREATE MATERIALIZED VIEW v AS SELECT zz FROM src"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .extracting(JdbcEngineTest::state).isEqualTo("42703");
    assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM src"))
        .extracting(JdbcEngineTest::state).isEqualTo("42809");
  }

  @Test
  void listsObjectsAndColumnsInMetadata() throws SQLException {
    statement.executeUpdate("CREATE STREAM big AS SELECT k, v FROM src WHERE v > 10");
    List<String> all = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", null)) {
      while (rs.next()) {
        assertThat(rs.getString("TABLE_CAT")).isNull();
        assertThat(rs.getString("TABLE_SCHEM")).isNull();
        all.add(rs.getString("TABLE_TYPE") + ":" + rs.getString("TABLE_NAME").toLowerCase());
      }
    }
    assertThat(all).containsExactly(
        "MATERIALIZED VIEW:raw", "MATERIALIZED VIEW:totals", "SOURCE:src", "STREAM:big");
    try (ResultSet rs =
        connection.getMetaData().getTables("", "", "T_T%", new String[] {"MATERIALIZED VIEW"})) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("TABLE_NAME")).isEqualToIgnoringCase("totals");
      assertThat(rs.next()).isFalse();
    }
    try (ResultSet rs =
        connection.getMetaData().getTables(null, null, "%", new String[] {"SINK"})) {
      assertThat(rs.next()).isFalse();
    }
    try (ResultSet rs = connection.getMetaData().getColumns(null, null, "src", "%")) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString("COLUMN_NAME").toLowerCase());
        assertThat(rs.getInt("ORDINAL_POSITION")).isEqualTo(names.size());
        assertThat(rs.getString("IS_NULLABLE")).isEqualTo("YES");
        assertThat(rs.getInt("NULLABLE")).isEqualTo(java.sql.DatabaseMetaData.columnNullable);
        if (names.size() == 4) {
          assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.DECIMAL);
          assertThat(rs.getString("TYPE_NAME")).isEqualTo("DECIMAL");
          assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(10);
          assertThat(rs.getInt("DECIMAL_DIGITS")).isEqualTo(2);
        }
        if (names.size() == 3) {
          assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.TIMESTAMP);
        }
      }
      assertThat(names).containsExactly("k", "v", "ts", "amount", "d", "note");
    }
  }
}
