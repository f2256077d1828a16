package org.laminardb.sql.parser;

import org.apache.calcite.sql.parser.SqlParserPos;

/** A SQL text with conversions between offsets and the parser's 1-based line and column. */
final class SourceText {
  private final String text;

  SourceText(String text) {
    this.text = text;
  }

  int length() {
    return text.length();
  }

  /** Offset of a 1-based line and column; the text's length if beyond the text. */
  int offset(int line, int column) {
    int start = 0;
    for (int l = 1; l < line; l++) {
      start = nextLineStart(start);
      if (start < 0) {
        return text.length();
      }
    }
    return Math.min(text.length(), start + Math.max(0, column - 1));
  }

  /** 1-based line of an offset. */
  int line(int offset) {
    int line = 1;
    for (int next = nextLineStart(0); next >= 0 && next <= offset; next = nextLineStart(next)) {
      line++;
    }
    return line;
  }

  /** 1-based column of an offset. */
  int column(int offset) {
    int start = 0;
    for (int next = nextLineStart(0); next >= 0 && next <= offset; next = nextLineStart(next)) {
      start = next;
    }
    return offset - start + 1;
  }

  /** Text between a position's start and end (inclusive), or "" at the end of the text. */
  String span(SqlParserPos pos) {
    if (pos == null) {
      return "";
    }
    int from = offset(pos.getLineNum(), pos.getColumnNum());
    int to = Math.max(from, offset(pos.getEndLineNum(), pos.getEndColumnNum()) + 1);
    return text.substring(from, Math.min(to, text.length()));
  }

  /** Offset of the first character after whitespace and comments from an offset. */
  int firstTokenStart(int from) {
    int i = from;
    while (i < text.length()) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
      } else if (text.startsWith("--", i) || text.startsWith("//", i)) {
        int next = nextLineStart(i);
        i = next < 0 ? text.length() : next;
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? text.length() : end + 2;
      } else {
        return i;
      }
    }
    return i;
  }

  /** The word (letters, digits, '_') at an offset, or the one character there if not a word. */
  String wordAt(int offset) {
    if (offset >= text.length()) {
      return "";
    }
    int end = offset;
    while (end < text.length() && isWordChar(text.charAt(end))) {
      end++;
    }
    return end == offset ? text.substring(offset, offset + 1) : text.substring(offset, end);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** Offset after the line break that ends the line containing an offset, or -1 if none. */
  private int nextLineStart(int offset) {
    for (int i = offset; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if (c == '\r') {
        return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return text;
  }
}
