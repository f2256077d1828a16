package org.laminardb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

class JdbcErrorsTest {
  private static Throwable translated(ErrorCode code) {
    LaminarDBException e = new LaminarDBException(code, "boom");
    SQLException s = JdbcErrors.translate(e);
    assertThat(s.getSQLState()).isEqualTo(code.sqlState());
    assertThat(s.getMessage()).isEqualTo("boom");
    assertThat(s.getCause()).isSameAs(e);
    return s;
  }

  @Test
  void choosesTheSubclassBySqlStateClass() {
    assertThat(translated(ErrorCode.SYNTAX_ERROR)).isInstanceOf(SQLSyntaxErrorException.class);
    assertThat(translated(ErrorCode.UNDEFINED_RELATION))
        .isInstanceOf(SQLSyntaxErrorException.class);
    assertThat(translated(ErrorCode.DIVISION_BY_ZERO)).isInstanceOf(SQLDataException.class);
    assertThat(translated(ErrorCode.NOT_NULL_VIOLATION))
        .isInstanceOf(SQLIntegrityConstraintViolationException.class);
    assertThat(translated(ErrorCode.FEATURE_NOT_SUPPORTED))
        .isInstanceOf(SQLFeatureNotSupportedException.class);
    assertThat(translated(ErrorCode.QUERY_CANCELED)).isInstanceOf(SQLTimeoutException.class);
    assertThat(translated(ErrorCode.INTERNAL_ERROR))
        .isExactlyInstanceOf(SQLNonTransientException.class);
  }

  @Test
  void wrapsOtherRuntimeFailuresAsInternalErrors() {
    IllegalStateException e = new IllegalStateException("bad state");
    SQLException s = JdbcErrors.translate(e);
    assertThat(s.getSQLState()).isEqualTo("XX000");
    assertThat(s.getMessage()).contains("bad state");
    assertThat(s.getCause()).isSameAs(e);
  }

  @Test
  void reportsCancellationWithoutCallingItATimeout() {
    Throwable cancelled = JdbcErrors.cancelled();
    Throwable timedOut = JdbcErrors.timedOut(3);
    assertThat(cancelled).isNotInstanceOf(SQLTimeoutException.class);
    assertThat(JdbcErrors.cancelled().getSQLState()).isEqualTo("57014");
    assertThat(timedOut).isInstanceOf(SQLTimeoutException.class);
    assertThat(JdbcErrors.timedOut(3).getSQLState()).isEqualTo("57014");
  }
}
