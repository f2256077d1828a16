package org.laminardb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Types;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laminardb.ChangeKind;

class LiveResultSetTest {
  private Connection connection;
  private LaminarStatement statement;
  private FakeSubscription subscription;
  private LaminarResultSet rs;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:laminar:mem:");
    statement = (LaminarStatement) connection.createStatement();
    subscription = new FakeSubscription(MetaTables.columns("k", "c:i"));
    rs = LaminarResultSet.live(subscription, statement);
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void appendsTheOpColumnAfterTheObjectColumns() throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    assertThat(md.getColumnCount()).isEqualTo(3);
    assertThat(md.getColumnName(3)).isEqualTo("__op");
    assertThat(md.getColumnType(3)).isEqualTo(Types.VARCHAR);
    assertThat(md.isNullable(3)).isEqualTo(ResultSetMetaData.columnNoNulls);
  }

  @Test
  void returnsRowsWithTheirChangeKinds() throws SQLException {
    subscription.push(ChangeKind.INSERT, "a", 1);
    subscription.push(ChangeKind.UPDATE_BEFORE, "a", 1);
    subscription.push(ChangeKind.UPDATE_AFTER, "a", 2);
    subscription.push(ChangeKind.DELETE, "a", 2);
    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      assertThat(rs.next()).isTrue();
      seen.append(rs.getString("__op")).append(rs.getString(1)).append(rs.getInt("C"))
          .append(' ');
    }
    assertThat(seen.toString()).isEqualTo("+Ia1 -Ua1 +Ua2 -Da2 ");
    assertThat(rs.getRow()).isEqualTo(4);
  }

  @Test
  void timesOutAfterTheQueryTimeoutAndStaysUsable() throws SQLException {
    statement.setQueryTimeout(1);
    long start = System.nanoTime();
    assertThatThrownBy(rs::next).isInstanceOf(SQLTimeoutException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
    assertThat(System.nanoTime() - start)
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(900));
    subscription.push(ChangeKind.INSERT, "b", 5);
    assertThat(rs.next()).isTrue();
    assertThat(rs.getInt(2)).isEqualTo(5);
  }

  @Test
  void cancelFromAnotherThreadFailsTheWaitingNextWith57014() throws Exception {
    CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return rs.next();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(200);
    rs.cancel();
    assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(SQLException.class)
        .rootCause().hasMessageContaining("cancelled")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
    assertThat(subscription.isClosed()).isTrue();
  }

  @Test
  void closeFromAnotherThreadEndsTheWaitingNext() throws Exception {
    CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
      try {
        return rs.next();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(200);
    rs.close();
    assertThat(waiting.get(5, TimeUnit.SECONDS)).isFalse();
    assertThat(subscription.isClosed()).isTrue();
    assertThat(rs.isClosed()).isTrue();
  }

  @Test
  void endsWhenTheSubscriptionEnds() throws SQLException {
    subscription.push(ChangeKind.INSERT, "a", 1);
    assertThat(rs.next()).isTrue();
    subscription.close();
    assertThat(rs.next()).isFalse();
    assertThat(rs.isAfterLast()).isTrue();
  }

  @Test
  void closedResultSetRejectsUseWithHy010() throws SQLException {
    rs.close();
    assertThat(subscription.isClosed()).isTrue();
    assertThatThrownBy(rs::next)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("HY010");
  }

  @Test
  void cannotTellWhetherALiveRowIsTheLast() throws SQLException {
    assertThat(rs.isBeforeFirst()).isTrue();
    assertThatThrownBy(rs::isLast).isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
  }
}
