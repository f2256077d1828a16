package org.laminardb.sql.codegen;

import java.util.Objects;

/**
 * {@code LIKE} with a pattern computed per row: keeps the last compiled {@link LikePattern} and
 * recompiles only when the pattern or escape text changes. One instance per generated
 * expression; not thread-safe (a compiled query runs on one thread at a time).
 */
public final class LikeCache {
  private final boolean ignoreCase;
  private String lastPattern;
  private String lastEscape;
  private LikePattern compiled;

  /**
   * Creates an empty cache.
   *
   * @param ignoreCase true for {@code ILIKE}
   */
  public LikeCache(boolean ignoreCase) {
    this.ignoreCase = ignoreCase;
  }

  /**
   * Whether {@code s} matches {@code pattern}.
   *
   * @param s the string
   * @param pattern the LIKE pattern
   * @param escape escape character string, or null for the default backslash
   * @return true on a match
   */
  public boolean matches(String s, String pattern, String escape) {
    if (compiled == null || !pattern.equals(lastPattern) || !Objects.equals(escape, lastEscape)) {
      compiled = LikePattern.compile(pattern, escape, ignoreCase);
      lastPattern = pattern;
      lastEscape = escape;
    }
    return compiled.matches(s);
  }
}
