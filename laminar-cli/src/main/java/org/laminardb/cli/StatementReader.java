package org.laminardb.cli;

import java.util.List;
import org.laminardb.sql.parser.LaminarSqlParser;

/**
 * Collects interactive input lines until they form complete statements: the input is complete
 * when its last statement ends with a {@code ;} outside string literals, quoted identifiers and
 * comments (only comments may follow). Splitting is left to {@link
 * LaminarSqlParser#splitStatements(String)}.
 */
public final class StatementReader {
  /** A token that cannot occur in the user's input, appended to find where the input ends. */
  private static final String MARKER = "\u0000";

  private final StringBuilder buffer = new StringBuilder();

  /** Creates an empty reader. */
  public StatementReader() {
    // nothing buffered yet
  }

  /**
   * Adds a line of input.
   *
   * @param line the line, without its line terminator
   * @return the statements it completes (without {@code ;}), possibly none
   */
  public List<String> addLine(String line) {
    buffer.append(line).append('\n');
    if (line.indexOf(';') < 0) {
      return List.of();
    }
    List<String> pieces = LaminarSqlParser.splitStatements(buffer + MARKER);
    String last = pieces.isEmpty() ? "" : pieces.get(pieces.size() - 1);
    // Complete when the marker stands after the last ';' with nothing but comments before it.
    if (!last.endsWith(MARKER) || !LaminarSqlParser.splitStatements(
        last.substring(0, last.length() - MARKER.length())).isEmpty()) {
      return List.of();
    }
    buffer.setLength(0);
    return List.copyOf(pieces.subList(0, pieces.size() - 1));
  }

  /**
   * Whether nothing but whitespace is buffered (a fresh prompt, not a continuation).
   *
   * @return true if nothing is pending
   */
  public boolean isEmpty() {
    return buffer.toString().isBlank();
  }

  /**
   * Takes the statements of the pending input, complete or not (at the end of input).
   *
   * @return the statements, possibly none
   */
  public List<String> drain() {
    String rest = buffer.toString();
    buffer.setLength(0);
    return rest.isBlank() ? List.of() : LaminarSqlParser.splitStatements(rest);
  }
}
