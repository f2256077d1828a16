package org.laminardb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.laminardb.sql.parser.ddl.SqlCheckpoint;
import org.laminardb.sql.parser.ddl.SqlCreateQueryObject;
import org.laminardb.sql.parser.ddl.SqlCreateSource;

class ScriptTest {
  private static final String SCRIPT =
      """
      -- a source; with a semicolon in this comment
      CREATE SOURCE orders (id BIGINT, note VARCHAR) FROM datagen ('fields.note' = 'a;b');
      /* block comment; also with ';' */
      CREATE STREAM totals AS SELECT COUNT(*) AS n FROM orders EMIT CHANGES;
      ;
      INSERT INTO orders VALUES (1, 'x;y');
      SELECT "odd;name" FROM orders;
      CHECKPOINT
      """;

  @Test
  void shouldParseMultiStatementScript() {
    List<SqlNode> statements = LaminarSqlParser.parseStatements(SCRIPT);

    assertThat(statements)
        .hasExactlyElementsOfTypes(
            SqlCreateSource.class,
            SqlCreateQueryObject.class,
            SqlInsert.class,
            SqlSelect.class,
            SqlCheckpoint.class);
    assertThat(statements.get(1).getParserPosition().getLineNum()).isEqualTo(4);
  }

  @Test
  void shouldSplitScriptIgnoringSemicolonsInStringsIdentifiersAndComments() {
    List<String> texts = LaminarSqlParser.splitStatements(SCRIPT);

    assertThat(texts).hasSize(5);
    assertThat(texts.get(0))
        .startsWith("-- a source; with a semicolon in this comment\nCREATE SOURCE orders")
        .endsWith("('fields.note' = 'a;b')");
    assertThat(texts.get(1)).startsWith("/* block comment; also with ';' */\nCREATE STREAM");
    assertThat(texts.get(2)).isEqualTo("INSERT INTO orders VALUES (1, 'x;y')");
    assertThat(texts.get(3)).isEqualTo("SELECT \"odd;name\" FROM orders");
    assertThat(texts.get(4)).isEqualTo("CHECKPOINT");
  }

  @Test
  void shouldParseEachSplitStatementAlone() {
    for (String text : LaminarSqlParser.splitStatements(SCRIPT)) {
      assertThat(LaminarSqlParser.parseStatement(text)).isNotNull();
    }
  }

  @Test
  void shouldHandleDoubledQuotesAndEscapeStrings() {
    assertThat(LaminarSqlParser.splitStatements("SELECT 'it''s; ok'; SELECT E'a\\';b'; SELECT 3"))
        .containsExactly("SELECT 'it''s; ok'", "SELECT E'a\\';b'", "SELECT 3");
    assertThat(LaminarSqlParser.splitStatements("SELECT \"a\"\";b\" FROM t; x"))
        .containsExactly("SELECT \"a\"\";b\" FROM t", "x");
  }

  @Test
  void shouldDropEmptyAndCommentOnlyStatements() {
    assertThat(LaminarSqlParser.splitStatements(" ;; \n ; -- only a comment\n")).isEmpty();
    assertThat(LaminarSqlParser.splitStatements("SELECT 1; /* trailing */")).containsExactly(
        "SELECT 1");
    assertThat(LaminarSqlParser.parseStatements("-- nothing here")).isEmpty();
  }

  @Test
  void shouldKeepLineCommentContainingSemicolonInsideStatement() {
    assertThat(LaminarSqlParser.splitStatements("SELECT a -- first; column\nFROM t; SELECT 2"))
        .containsExactly("SELECT a -- first; column\nFROM t", "SELECT 2");
  }
}
