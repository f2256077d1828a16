package org.laminardb.jdbc;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import org.laminardb.error.LaminarDBException;

/** Factory of the SQLExceptions the driver throws, choosing the JDBC subclass by SQLSTATE. */
final class JdbcErrors {
  /** Feature not supported. */
  static final String NOT_SUPPORTED = "0A000";
  /** Connection does not exist: the connection is closed. */
  static final String CONNECTION_CLOSED = "08003";
  /** Unable to establish a connection (bad URL). */
  static final String CONNECTION_FAILED = "08001";
  /** Function sequence error: the statement or result set is closed. */
  static final String OBJECT_CLOSED = "HY010";
  /** Invalid cursor state: no current row. */
  static final String INVALID_CURSOR = "24000";
  /** Invalid descriptor index: column or parameter index out of range. */
  static final String BAD_INDEX = "07009";
  /** Wrong number of parameters: a parameter has no value. */
  static final String MISSING_PARAMETER = "07001";
  /** Undefined column: no column with that label. */
  static final String UNDEFINED_COLUMN = "42703";
  /** Wrong object type: the statement does not return what the method expects. */
  static final String WRONG_RESULT_KIND = "42809";
  /** Invalid parameter value. */
  static final String INVALID_VALUE = "22023";
  /** Invalid character value for cast. */
  static final String BAD_CAST = "22018";
  /** Numeric value out of range. */
  static final String OUT_OF_RANGE = "22003";
  /** No active SQL transaction (commit or rollback in auto-commit mode). */
  static final String NO_TRANSACTION = "25P01";
  /** Query cancelled or timed out. */
  static final String CANCELED = "57014";
  /** Internal error. */
  static final String INTERNAL = "XX000";

  private JdbcErrors() {}

  /**
   * SQLException for a LaminarDB error, with its SQLSTATE and message and the error as cause.
   *
   * @param e the error
   * @return the exception
   */
  static SQLException translate(LaminarDBException e) {
    return of(e.sqlState(), e.getMessage(), e);
  }

  /**
   * SQLException for any runtime failure of the engine.
   *
   * @param e the failure
   * @return the exception
   */
  static SQLException translate(RuntimeException e) {
    if (e instanceof LaminarDBException) {
      return translate((LaminarDBException) e);
    }
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    return of(INTERNAL, "internal error: " + msg, e);
  }

  /**
   * SQLException of the subclass matching a SQLSTATE.
   *
   * @param state the SQLSTATE
   * @param message the message
   * @param cause the cause, or null
   * @return the exception
   */
  static SQLException of(String state, String message, Throwable cause) {
    String cls = state.substring(0, 2);
    switch (cls) {
      case "0A":
        return new SQLFeatureNotSupportedException(message, state, cause);
      case "42":
        return new SQLSyntaxErrorException(message, state, cause);
      case "22":
        return new SQLDataException(message, state, cause);
      case "23":
        return new SQLIntegrityConstraintViolationException(message, state, cause);
      case "08":
        return new SQLNonTransientConnectionException(message, state, cause);
      default:
        if (CANCELED.equals(state)) {
          return new SQLTimeoutException(message, state, cause);
        }
        return new SQLNonTransientException(message, state, cause);
    }
  }

  /**
   * SQLException without cause, of the subclass matching a SQLSTATE.
   *
   * @param state the SQLSTATE
   * @param message the message
   * @return the exception
   */
  static SQLException of(String state, String message) {
    return of(state, message, null);
  }

  /**
   * Exception for a JDBC method or option the driver does not support.
   *
   * @param what the method or option, e.g. {@code "Connection.setSavepoint"}
   * @return the exception
   */
  static SQLFeatureNotSupportedException unsupported(String what) {
    return new SQLFeatureNotSupportedException(
        what + " is not supported by LaminarDB", NOT_SUPPORTED);
  }

  /**
   * Exception for a use of a closed object.
   *
   * @param what {@code "statement"} or {@code "result set"}
   * @return the exception
   */
  static SQLException closed(String what) {
    return new SQLNonTransientException("the " + what + " is closed", OBJECT_CLOSED);
  }

  /**
   * Exception for a use of a closed connection.
   *
   * @return the exception
   */
  static SQLException connectionClosed() {
    return new SQLNonTransientConnectionException("the connection is closed", CONNECTION_CLOSED);
  }

  /**
   * Exception for a cancelled subscription read; SQLSTATE 57014, deliberately not a timeout.
   *
   * @return the exception
   */
  static SQLException cancelled() {
    return new SQLNonTransientException(
        "the statement was cancelled (Statement.cancel)", CANCELED);
  }

  /**
   * Exception for a subscription read that waited longer than the query timeout.
   *
   * @param seconds the timeout
   * @return the exception
   */
  static SQLTimeoutException timedOut(int seconds) {
    return new SQLTimeoutException(
        "no row arrived within the query timeout of " + seconds + " s; the result set stays open"
            + " and next() may be called again",
        CANCELED);
  }
}
