package org.laminardb.sql.codegen;

import java.util.Locale;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * String functions with PostgreSQL semantics. Positions and lengths count characters (Unicode
 * code points) and are 1-based.
 */
public final class StringRuntime {
  /** {@code TRIM(BOTH ...)}. */
  public static final int TRIM_BOTH = 0;
  /** {@code TRIM(LEADING ...)}. */
  public static final int TRIM_LEADING = 1;
  /** {@code TRIM(TRAILING ...)}. */
  public static final int TRIM_TRAILING = 2;

  private StringRuntime() {}

  /**
   * {@code UPPER(s)}, locale independent.
   *
   * @param s the text
   * @return upper-case text
   */
  public static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  /**
   * {@code LOWER(s)}, locale independent.
   *
   * @param s the text
   * @return lower-case text
   */
  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * {@code INITCAP(s)}: first letter of each word upper case, the rest lower case.
   *
   * @param s the text
   * @return the converted text
   */
  public static String initcap(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean start = true;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      b.appendCodePoint(start ? Character.toUpperCase(cp) : Character.toLowerCase(cp));
      start = !Character.isLetterOrDigit(cp);
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  /**
   * {@code CHAR_LENGTH(s)} in characters.
   *
   * @param s the text
   * @return number of code points
   */
  public static long charLength(String s) {
    return s.codePointCount(0, s.length());
  }

  /**
   * {@code SUBSTRING(s FROM start)}.
   *
   * @param s the text
   * @param start 1-based first character; values below 1 start at the beginning
   * @return the rest of s from {@code start}
   */
  public static String substring(String s, long start) {
    return slice(s, Math.max(start, 1), Long.MAX_VALUE);
  }

  /**
   * {@code SUBSTRING(s FROM start FOR count)}: characters {@code start .. start + count - 1},
   * clipped to the string (PostgreSQL semantics for starts below 1).
   *
   * @param s the text
   * @param start 1-based first character, may be below 1
   * @param count number of characters
   * @return the substring
   * @throws LaminarDBException {@code 22000} when count is negative
   */
  public static String substring(String s, long start, long count) {
    if (count < 0) {
      throw new LaminarDBException(ErrorCode.DATA_EXCEPTION,
          "negative substring length not allowed");
    }
    long end = start > Long.MAX_VALUE - count ? Long.MAX_VALUE : start + count;
    return slice(s, Math.max(start, 1), end);
  }

  /**
   * {@code TRIM(mode chars FROM s)}.
   *
   * @param mode {@link #TRIM_BOTH}, {@link #TRIM_LEADING} or {@link #TRIM_TRAILING}
   * @param chars characters to remove
   * @param s the text
   * @return the trimmed text
   */
  public static String trim(int mode, String chars, String s) {
    int begin = 0;
    int end = s.length();
    if (mode != TRIM_TRAILING) {
      while (begin < end) {
        int cp = s.codePointAt(begin);
        if (chars.indexOf(cp) < 0) {
          break;
        }
        begin += Character.charCount(cp);
      }
    }
    if (mode != TRIM_LEADING) {
      while (end > begin) {
        int cp = s.codePointBefore(end);
        if (chars.indexOf(cp) < 0) {
          break;
        }
        end -= Character.charCount(cp);
      }
    }
    return s.substring(begin, end);
  }

  /**
   * {@code POSITION(needle IN haystack)}.
   *
   * @param needle text to find
   * @param haystack text to search
   * @return 1-based character position of the first match, 0 when absent
   */
  public static long position(String needle, String haystack) {
    int at = haystack.indexOf(needle);
    return at < 0 ? 0 : haystack.codePointCount(0, at) + 1;
  }

  /**
   * {@code POSITION(needle IN haystack FROM start)}.
   *
   * @param needle text to find
   * @param haystack text to search
   * @param start 1-based character where the search starts
   * @return 1-based character position of the first match at or after start, 0 when absent
   */
  public static long position(String needle, String haystack, long start) {
    long count = haystack.codePointCount(0, haystack.length());
    if (start < 1 || start > count + 1) {
      return 0;
    }
    int from = haystack.offsetByCodePoints(0, (int) start - 1);
    int at = haystack.indexOf(needle, from);
    return at < 0 ? 0 : haystack.codePointCount(0, at) + 1;
  }

  /**
   * {@code REPLACE(s, from, to)}: every occurrence of {@code from} replaced.
   *
   * @param s the text
   * @param from text to replace; empty leaves s unchanged
   * @param to replacement
   * @return the new text
   */
  public static String replace(String s, String from, String to) {
    return from.isEmpty() ? s : s.replace(from, to);
  }

  /**
   * Concatenation treating NULL as empty (PostgreSQL {@code CONCAT}).
   *
   * @param a left text or null
   * @param b right text or null
   * @return the concatenation, never null
   */
  public static String concatNullAsEmpty(String a, String b) {
    if (a == null) {
      return b == null ? "" : b;
    }
    return b == null ? a : a.concat(b);
  }

  private static String slice(String s, long first, long end) {
    if (end <= first) {
      return "";
    }
    int length = s.length();
    int count = s.codePointCount(0, length);
    if (first > count) {
      return "";
    }
    int begin = s.offsetByCodePoints(0, (int) first - 1);
    if (end - 1 >= count) {
      return s.substring(begin);
    }
    return s.substring(begin, s.offsetByCodePoints(begin, (int) (end - first)));
  }
}
