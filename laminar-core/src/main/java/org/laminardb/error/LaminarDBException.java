package org.laminardb.error;

/**
 * Error reported to users of LaminarDB: carries a PostgreSQL SQLSTATE code and, for errors in a
 * SQL statement, the 1-based line and column where the problem starts.
 */
public class LaminarDBException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final int line;
  private final int column;

  /**
   * Creates an error without a statement position.
   *
   * @param code the error code
   * @param message what was wrong and what is accepted
   */
  public LaminarDBException(ErrorCode code, String message) {
    this(code, message, 0, 0, null);
  }

  /**
   * Creates an error with a cause.
   *
   * @param code the error code
   * @param message what was wrong and what is accepted
   * @param cause the underlying exception
   */
  public LaminarDBException(ErrorCode code, String message, Throwable cause) {
    this(code, message, 0, 0, cause);
  }

  /**
   * Creates an error at a position in a statement.
   *
   * @param code the error code
   * @param message what was wrong and what is accepted
   * @param line 1-based line, or 0 if unknown
   * @param column 1-based column, or 0 if unknown
   * @param cause the underlying exception, or null
   */
  public LaminarDBException(ErrorCode code, String message, int line, int column, Throwable cause) {
    super(line > 0 ? message + " (at line " + line + ", column " + column + ")" : message, cause);
    this.code = code;
    this.line = line;
    this.column = column;
  }

  /**
   * The error code.
   *
   * @return the code
   */
  public ErrorCode code() {
    return code;
  }

  /**
   * The SQLSTATE, e.g. {@code 42P01}.
   *
   * @return the SQLSTATE
   */
  public String sqlState() {
    return code.sqlState();
  }

  /**
   * 1-based line of the error in the statement, or 0 if not known.
   *
   * @return the line
   */
  public int line() {
    return line;
  }

  /**
   * 1-based column of the error in the statement, or 0 if not known.
   *
   * @return the column
   */
  public int column() {
    return column;
  }
}
