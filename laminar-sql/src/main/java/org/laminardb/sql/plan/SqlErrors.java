package org.laminardb.sql.plan;

import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/** Turns Calcite's validation errors into {@link LaminarDBException}s with SQLSTATE codes. */
public final class SqlErrors {
  private static final Pattern UNKNOWN_RELATION =
      Pattern.compile("(Object|Table) '.*' not found.*", Pattern.DOTALL);
  private static final Pattern UNKNOWN_COLUMN =
      Pattern.compile("(Column '.*' not found.*|Unknown field.*|Unknown target column.*)",
          Pattern.DOTALL);
  private static final Pattern UNKNOWN_FUNCTION =
      Pattern.compile("(No match found for function signature.*|Cannot apply .*)",
          Pattern.DOTALL);
  private static final Pattern TYPE_MISMATCH =
      Pattern.compile("(Cannot assign.*|Cannot infer.*|.*type mismatch.*|Cast function cannot.*"
          + "|.*incompatible.*|Type .* is not supported.*|.*must be.*type.*)",
          Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern GROUPING =
      Pattern.compile("Expression '.*' is not being grouped.*", Pattern.DOTALL);

  private SqlErrors() {}

  /**
   * Error for an exception thrown by Calcite's validator.
   *
   * @param e the exception
   * @return the error to throw
   */
  public static LaminarDBException fromValidation(RuntimeException e) {
    if (e instanceof LaminarDBException) {
      return (LaminarDBException) e;
    }
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String message = cause.getMessage() == null ? e.toString() : cause.getMessage();
    int line = 0;
    int column = 0;
    if (e instanceof CalciteContextException) {
      CalciteContextException c = (CalciteContextException) e;
      line = c.getPosLine();
      column = c.getPosColumn();
    }
    return new LaminarDBException(codeFor(message), message, line, column, e);
  }

  private static ErrorCode codeFor(String message) {
    if (UNKNOWN_RELATION.matcher(message).matches()) {
      return ErrorCode.UNDEFINED_RELATION;
    }
    if (UNKNOWN_COLUMN.matcher(message).matches()) {
      return ErrorCode.UNDEFINED_COLUMN;
    }
    if (UNKNOWN_FUNCTION.matcher(message).matches()) {
      return ErrorCode.UNDEFINED_FUNCTION;
    }
    if (GROUPING.matcher(message).matches()) {
      return ErrorCode.GROUPING_ERROR;
    }
    if (TYPE_MISMATCH.matcher(message).matches()) {
      return ErrorCode.DATATYPE_MISMATCH;
    }
    return ErrorCode.INVALID_STATEMENT;
  }

  /**
   * Error for syntax that is recognised but not supported, at a node's position.
   *
   * @param node where in the statement
   * @param message what is not supported and what is
   * @return the error to throw
   */
  public static LaminarDBException unsupported(SqlNode node, String message) {
    return at(ErrorCode.FEATURE_NOT_SUPPORTED, node, message);
  }

  /**
   * Error with a code at a node's position.
   *
   * @param code the code
   * @param node where in the statement, or null
   * @param message the message
   * @return the error to throw
   */
  public static LaminarDBException at(ErrorCode code, SqlNode node, String message) {
    SqlParserPos pos = node == null ? SqlParserPos.ZERO : node.getParserPosition();
    return new LaminarDBException(code, message, pos.getLineNum(), pos.getColumnNum(), null);
  }
}
