package org.laminardb.sql.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script at the semicolons that end statements, skipping those inside string
 * literals ({@code '...'}, {@code E'...'} with backslash escapes), quoted identifiers ({@code
 * "..."}) and comments ({@code -- ...}, {@code // ...}, {@code /* ... *}{@code /}).
 */
final class StatementSplitter {
  /** A statement's text (trimmed, without its ';') and where it starts in the script. */
  record Piece(String text, int start) {}

  /** A string, quoted identifier or block comment that is never closed. */
  record Unclosed(int start, String what) {}

  private final String script;
  private final List<Piece> pieces = new ArrayList<>();
  private int pieceStart;
  private boolean pieceHasToken;
  private Unclosed unclosed;

  private StatementSplitter(String script) {
    this.script = script;
  }

  /** Splits a script into its non-empty statements. */
  static List<Piece> split(String script) {
    StatementSplitter splitter = new StatementSplitter(script);
    splitter.run();
    return splitter.pieces;
  }

  /** The first string, quoted identifier or block comment left open, or null if none. */
  static Unclosed findUnclosed(String script) {
    StatementSplitter splitter = new StatementSplitter(script);
    splitter.run();
    return splitter.unclosed;
  }

  private void run() {
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      if (c == ';') {
        endPiece(i);
        i++;
        pieceStart = i;
      } else if (startsWith(i, "--") || startsWith(i, "//")) {
        i = skipLineComment(i);
      } else if (startsWith(i, "/*")) {
        i = skipBlockComment(i);
      } else if (c == '\'') {
        pieceHasToken = true;
        i = skipQuoted(i, '\'', isEscapeStringPrefix(i));
      } else if (c == '"') {
        pieceHasToken = true;
        i = skipQuoted(i, '"', false);
      } else {
        pieceHasToken |= !Character.isWhitespace(c);
        i++;
      }
    }
    endPiece(n);
  }

  private void endPiece(int end) {
    if (pieceHasToken) {
      String raw = script.substring(pieceStart, end);
      int lead = 0;
      while (Character.isWhitespace(raw.charAt(lead))) {
        lead++;
      }
      pieces.add(new Piece(raw.strip(), pieceStart + lead));
    }
    pieceHasToken = false;
  }

  private boolean startsWith(int i, String prefix) {
    return script.startsWith(prefix, i);
  }

  private int skipLineComment(int i) {
    int end = script.indexOf('\n', i);
    return end < 0 ? script.length() : end + 1;
  }

  private int skipBlockComment(int i) {
    int end = script.indexOf("*/", i + 2);
    if (end < 0) {
      unclosed = new Unclosed(i, "comment");
      return script.length();
    }
    return end + 2;
  }

  /** Whether the quote at i opens an E'...' string, whose backslashes escape. */
  private boolean isEscapeStringPrefix(int i) {
    if (i == 0 || Character.toUpperCase(script.charAt(i - 1)) != 'E') {
      return false;
    }
    return i == 1 || !Character.isJavaIdentifierPart(script.charAt(i - 2));
  }

  /** Skips a quoted run starting at i; a doubled quote stands for one. Returns the next index. */
  private int skipQuoted(int i, char quote, boolean backslashEscapes) {
    int j = i + 1;
    int n = script.length();
    while (j < n) {
      char c = script.charAt(j);
      if (backslashEscapes && c == '\\') {
        j += 2;
      } else if (c == quote) {
        if (j + 1 < n && script.charAt(j + 1) == quote) {
          j += 2;
        } else {
          return j + 1;
        }
      } else {
        j++;
      }
    }
    unclosed = new Unclosed(i, quote == '"' ? "quoted identifier" : "string literal");
    return n;
  }
}
