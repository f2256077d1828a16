package org.laminardb.sql.codegen;

import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Compiled SQL {@code LIKE} pattern: {@code %} matches any sequence, {@code _} any one character,
 * the escape character (backslash unless {@code ESCAPE} names another, as in PostgreSQL; empty
 * {@code ESCAPE ''} disables escaping) makes the next character literal. Matching allocates
 * nothing. Immutable; generated code compiles a literal pattern once and keeps it in a field.
 */
public final class LikePattern {
  private static final int ANY_ONE = -1;
  private static final int ANY_SEQUENCE = -2;

  private final int[] tokens;
  private final boolean ignoreCase;

  private LikePattern(int[] tokens, boolean ignoreCase) {
    this.tokens = tokens;
    this.ignoreCase = ignoreCase;
  }

  /**
   * Compiles a pattern.
   *
   * @param pattern the LIKE pattern
   * @param escape the escape character as a one-character string, empty for none, or null for
   *     the default backslash
   * @param ignoreCase true for {@code ILIKE}
   * @return the compiled pattern
   * @throws LaminarDBException {@code 22000} for a bad escape string or a trailing escape
   */
  public static LikePattern compile(String pattern, String escape, boolean ignoreCase) {
    int esc = escapeChar(escape);
    int[] buffer = new int[pattern.length()];
    int n = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == esc) {
        if (++i == pattern.length()) {
          throw new LaminarDBException(ErrorCode.DATA_EXCEPTION,
              "LIKE pattern must not end with escape character: \"" + pattern + "\"");
        }
        buffer[n++] = fold(pattern.charAt(i), ignoreCase);
      } else if (c == '%') {
        if (n == 0 || buffer[n - 1] != ANY_SEQUENCE) {
          buffer[n++] = ANY_SEQUENCE;
        }
      } else if (c == '_') {
        buffer[n++] = ANY_ONE;
      } else {
        buffer[n++] = fold(c, ignoreCase);
      }
    }
    int[] tokens = new int[n];
    System.arraycopy(buffer, 0, tokens, 0, n);
    return new LikePattern(tokens, ignoreCase);
  }

  /**
   * Whether a string matches the whole pattern.
   *
   * @param s the string
   * @return true on a match
   */
  public boolean matches(String s) {
    int si = 0;
    int pi = 0;
    int starPi = -1;
    int starSi = 0;
    int len = s.length();
    while (si < len) {
      if (pi < tokens.length && tokens[pi] == ANY_SEQUENCE) {
        starPi = ++pi;
        starSi = si;
      } else if (pi < tokens.length && matchesOne(tokens[pi], s, si)) {
        si += tokens[pi] == ANY_ONE ? Character.charCount(s.codePointAt(si)) : 1;
        pi++;
      } else if (starPi >= 0) {
        pi = starPi;
        si = ++starSi;
      } else {
        return false;
      }
    }
    while (pi < tokens.length && tokens[pi] == ANY_SEQUENCE) {
      pi++;
    }
    return pi == tokens.length;
  }

  private boolean matchesOne(int token, String s, int si) {
    return token == ANY_ONE || token == fold(s.charAt(si), ignoreCase);
  }

  private static int fold(char c, boolean ignoreCase) {
    return ignoreCase ? Character.toLowerCase(Character.toUpperCase(c)) : c;
  }

  private static int escapeChar(String escape) {
    if (escape == null) {
      return '\\';
    }
    if (escape.isEmpty()) {
      return -3;
    }
    if (escape.length() != 1) {
      throw new LaminarDBException(ErrorCode.DATA_EXCEPTION,
          "invalid escape string: \"" + escape + "\"; it must be empty or one character");
    }
    return escape.charAt(0);
  }
}
