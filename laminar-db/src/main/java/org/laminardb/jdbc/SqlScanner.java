package org.laminardb.jdbc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexical look at SQL text for the driver: counts {@code ?} parameter markers outside literals,
 * quoted identifiers and comments, and recognises the plain {@code INSERT INTO name VALUES (?,
 * ..., ?)} form that a batch may send to the engine in one call.
 */
final class SqlScanner {
  private static final Pattern PLAIN_INSERT = Pattern.compile(
      "\\s*INSERT\\s+INTO\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+VALUES\\s*\\(\\s*\\?(?:\\s*,\\s*\\?)*"
          + "\\s*\\)\\s*;?\\s*",
      Pattern.CASE_INSENSITIVE);

  private SqlScanner() {}

  /**
   * Number of {@code ?} markers, skipping {@code '...'} literals, {@code "..."} and
   * {@code `...`} identifiers, {@code --} line comments and block comments.
   *
   * @param sql the statement
   * @return the number of parameters
   */
  static int countParameters(String sql) {
    int count = 0;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = skipQuoted(sql, i, c);
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        if (c == '?') {
          count++;
        }
        i++;
      }
    }
    return count;
  }

  /** Index after a quoted run starting at {@code start}; a doubled quote stays inside. */
  private static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return i;
  }

  /**
   * Target of a plain {@code INSERT INTO name VALUES (?, ..., ?)} with only markers as values.
   *
   * @param sql the statement
   * @return the unquoted target name, or null if the statement has another form
   */
  static String plainInsertTarget(String sql) {
    Matcher m = PLAIN_INSERT.matcher(sql);
    return m.matches() ? m.group(1) : null;
  }
}
