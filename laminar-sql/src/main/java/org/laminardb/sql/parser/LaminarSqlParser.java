package org.laminardb.sql.parser;

import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.parser.impl.LaminarSqlParserImpl;

/**
 * Entry point of LaminarDB's SQL parser: Calcite's grammar plus the streaming statements
 * (CREATE SOURCE/STREAM/MATERIALIZED VIEW/SINK, DROP, SHOW, DESCRIBE, SUBSCRIBE, EXPLAIN,
 * CHECKPOINT). Keywords are case-insensitive; identifiers keep their case.
 */
public final class LaminarSqlParser {
  /** Longest identifier accepted, in characters. */
  public static final int IDENTIFIER_MAX_LENGTH = 256;

  private static final SqlParser.Config CONFIG =
      SqlParser.config()
          .withParserFactory(LaminarSqlParserImpl.FACTORY)
          .withQuoting(Quoting.DOUBLE_QUOTE)
          .withUnquotedCasing(Casing.UNCHANGED)
          .withQuotedCasing(Casing.UNCHANGED)
          .withCaseSensitive(false)
          .withConformance(SqlConformanceEnum.LENIENT)
          .withIdentifierMaxLength(IDENTIFIER_MAX_LENGTH);

  private LaminarSqlParser() {}

  /**
   * Parser configuration of LaminarDB: our parser factory, double-quoted identifiers, case kept,
   * case-insensitive lookup, lenient conformance ({@code LIMIT}, {@code !=}, {@code %}, ...).
   *
   * @return the configuration
   */
  public static SqlParser.Config config() {
    return CONFIG;
  }

  /**
   * Tree of a text holding exactly one statement; a trailing {@code ;} is allowed.
   *
   * @param sql the statement text
   * @return the statement's tree
   * @throws LaminarDBException {@link ErrorCode#SYNTAX_ERROR} if the text is not one valid
   *     statement
   */
  public static SqlNode parseStatement(String sql) {
    List<SqlNode> statements = parseStatements(sql);
    if (statements.isEmpty()) {
      throw new LaminarDBException(
          ErrorCode.SYNTAX_ERROR,
          "empty statement; supported statements: " + SyntaxErrors.SUPPORTED,
          1,
          1,
          null);
    }
    if (statements.size() > 1) {
      var pos = statements.get(1).getParserPosition();
      throw new LaminarDBException(
          ErrorCode.SYNTAX_ERROR,
          "expected one statement, found " + statements.size(),
          pos.getLineNum(),
          pos.getColumnNum(),
          null);
    }
    return statements.get(0);
  }

  /**
   * Trees of a script of statements separated by {@code ;}; comments are allowed, empty
   * statements are skipped. Positions in the trees are relative to the script.
   *
   * @param script the script text
   * @return the statements' trees, in order
   * @throws LaminarDBException {@link ErrorCode#SYNTAX_ERROR} at the first syntax error
   */
  public static List<SqlNode> parseStatements(String script) {
    if (StatementSplitter.split(script).isEmpty()) {
      return List.of();
    }
    try {
      SqlNodeList list = SqlParser.create(script, CONFIG).parseStmtList();
      return List.copyOf(list.getList());
    } catch (SqlParseException e) {
      throw SyntaxErrors.of(script, e);
    }
  }

  /**
   * Statement texts of a script, each without its {@code ;} and trimmed. Semicolons inside
   * string literals, quoted identifiers and comments do not split; statements with nothing but
   * whitespace and comments are dropped.
   *
   * @param script the script text
   * @return the statement texts, in order
   */
  public static List<String> splitStatements(String script) {
    return StatementSplitter.split(script).stream().map(StatementSplitter.Piece::text).toList();
  }

  /**
   * SQL text of a tree in LaminarDB's dialect; it parses back to an equal tree.
   *
   * @param node a statement or expression
   * @return the SQL text
   */
  public static String toSql(SqlNode node) {
    return node.toSqlString(
            c ->
                c.withDialect(LaminarSqlDialect.DEFAULT)
                    .withAlwaysUseParentheses(false)
                    .withSelectListItemsOnSeparateLines(false)
                    .withUpdateSetListNewline(false)
                    .withIndentation(0))
        .getSql();
  }
}
