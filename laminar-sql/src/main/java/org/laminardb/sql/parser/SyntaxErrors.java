package org.laminardb.sql.parser;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.parser.impl.ParseException;
import org.laminardb.sql.parser.impl.Token;
import org.laminardb.sql.parser.impl.TokenMgrError;

/** Turns Calcite's parse errors into short {@code 42601} errors with 1-based positions. */
final class SyntaxErrors {
  static final String SUPPORTED =
      "CREATE SOURCE/STREAM/MATERIALIZED VIEW/SINK, INSERT, SELECT, SUBSCRIBE, SHOW, DESCRIBE,"
          + " EXPLAIN, DROP, CHECKPOINT";

  private static final Set<String> STATEMENT_STARTS =
      Set.of(
          "CREATE", "INSERT", "UPSERT", "SELECT", "VALUES", "WITH", "TABLE", "(", "SUBSCRIBE",
          "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "DROP", "CHECKPOINT", "DELETE", "UPDATE",
          "MERGE", "CALL", "ALTER", "SET", "RESET");

  private static final int MAX_EXPECTED = 12;

  private static final Pattern LEXICAL =
      Pattern.compile("Encountered: (<EOF>|\"(?:[^\"\\\\]|\\\\.)*\")");

  private SyntaxErrors() {}

  /** Converts a parse error in a text (a statement or a script). */
  static LaminarDBException of(String sql, SqlParseException e) {
    SqlParserPos pos = e.getPos();
    int line = pos == null ? 0 : pos.getLineNum();
    int column = pos == null ? 0 : pos.getColumnNum();
    SourceText text = new SourceText(sql);
    StatementSplitter.Unclosed unclosed = StatementSplitter.findUnclosed(sql);
    if (unclosed != null) {
      return new LaminarDBException(
          ErrorCode.SYNTAX_ERROR,
          "syntax error: unterminated " + unclosed.what(),
          text.line(unclosed.start()),
          text.column(unclosed.start()),
          e);
    }
    LaminarDBException unknown = unknownStatement(text, line, column, e);
    if (unknown != null) {
      return unknown;
    }
    String message = "syntax error" + problem(text, pos, e);
    return new LaminarDBException(ErrorCode.SYNTAX_ERROR, message, line, column, e);
  }

  /** The part of the message after "syntax error". */
  private static String problem(SourceText text, SqlParserPos pos, SqlParseException e) {
    Throwable cause = e.getCause();
    if (cause instanceof ParseException parse && e.getExpectedTokenSequences() != null) {
      return " " + near(text, pos, parse) + expected(e) + reservedHint(text, pos, e);
    }
    if (cause instanceof TokenMgrError) {
      return ": " + lexical(cause.getMessage());
    }
    return ": " + withoutPosition(e.getMessage());
  }

  /** An error for a statement that does not start with a statement keyword, else null. */
  private static LaminarDBException unknownStatement(
      SourceText text, int line, int column, SqlParseException e) {
    int offset = line > 0 ? text.offset(line, column) : text.length();
    StatementSplitter.Piece statement = null;
    for (StatementSplitter.Piece piece : StatementSplitter.split(text.toString())) {
      if (piece.start() <= offset) {
        statement = piece;
      }
    }
    if (statement == null) {
      return null;
    }
    int start = text.firstTokenStart(statement.start());
    String word = text.wordAt(start);
    if (word.isEmpty() || STATEMENT_STARTS.contains(word.toUpperCase(Locale.ROOT))) {
      return null;
    }
    String message =
        "syntax error at or near \"" + word + "\": not a statement; supported statements: "
            + SUPPORTED;
    return new LaminarDBException(
        ErrorCode.SYNTAX_ERROR, message, text.line(start), text.column(start), e);
  }

  private static String near(SourceText text, SqlParserPos pos, ParseException cause) {
    Token token = cause.currentToken == null ? null : cause.currentToken.next;
    if (token != null && token.kind == 0) {
      return "at end of input";
    }
    String image = token != null ? token.image : text.span(pos);
    return image.isEmpty() ? "at end of input" : "at or near \"" + image + "\"";
  }

  /** Hint for a reserved word where a name may stand, e.g. a column named {@code value}. */
  private static String reservedHint(SourceText text, SqlParserPos pos, SqlParseException e) {
    String word = text.span(pos);
    if (word.isEmpty()
        || !e.getExpectedTokenNames().contains("<IDENTIFIER>")
        || !LaminarSqlDialect.DEFAULT.isReservedWord(word)) {
      return "";
    }
    return " (" + word + " is a reserved word; write \"" + word + "\" to use it as a name)";
  }

  private static String expected(SqlParseException e) {
    Set<String> names = new LinkedHashSet<>();
    for (String image : e.getExpectedTokenNames()) {
      names.add(tokenName(image));
    }
    if (names.isEmpty()) {
      return "";
    }
    List<String> list = List.copyOf(names);
    String shown = String.join(", ", list.subList(0, Math.min(list.size(), MAX_EXPECTED)));
    return "; expected " + (list.size() == 1 ? "" : "one of: ") + shown
        + (list.size() > MAX_EXPECTED ? ", ... (" + (list.size() - MAX_EXPECTED) + " more)" : "");
  }

  /** Readable name of a token image: keywords and symbols as quoted, classes in words. */
  private static String tokenName(String image) {
    if (!image.startsWith("<")) {
      return image;
    }
    if (image.equals("<EOF>")) {
      return "end of input";
    }
    if (image.contains("IDENTIFIER")) {
      return "identifier";
    }
    if (image.contains("STRING")) {
      return "string";
    }
    if (image.contains("NUMERIC") || image.contains("INTEGER")) {
      return "number";
    }
    return image.substring(1, image.length() - 1).toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Describes a lexer error, e.g. {@code Encountered: "#" (35), after : ""}. */
  private static String lexical(String message) {
    Matcher m = LEXICAL.matcher(message == null ? "" : message);
    if (!m.find()) {
      return withoutPosition(message);
    }
    return m.group(1).equals("<EOF>")
        ? "unexpected end of input"
        : "unexpected character " + m.group(1);
  }

  private static String withoutPosition(String message) {
    String firstLine = message == null ? "" : message.strip().lines().findFirst().orElse("");
    return firstLine.replaceAll(" ?at line \\d+, column \\d+\\.?", "").strip();
  }
}
