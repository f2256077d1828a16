package org.laminardb.sql.parser;

import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Factory of errors raised by grammar actions of the generated parser for rules that the
 * grammar itself cannot express (e.g. "at most one WATERMARK"). The parser turns them into a
 * {@link org.apache.calcite.sql.parser.SqlParseException} at the given position.
 */
public final class GrammarErrors {
  private GrammarErrors() {}

  /**
   * Error at a position of the statement, for a grammar action to throw.
   *
   * @param pos where the offending text starts and ends
   * @param message what is wrong and what is accepted
   * @return the exception, for the caller to throw
   */
  public static CalciteContextException at(SqlParserPos pos, String message) {
    return new CalciteContextException(
        message,
        new GrammarRuleViolation(message),
        pos.getLineNum(),
        pos.getColumnNum(),
        pos.getEndLineNum(),
        pos.getEndColumnNum());
  }

  /** Cause of a grammar-rule error; the parser reports its message. */
  private static final class GrammarRuleViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GrammarRuleViolation(String message) {
      super(message, null, false, false);
    }
  }
}
