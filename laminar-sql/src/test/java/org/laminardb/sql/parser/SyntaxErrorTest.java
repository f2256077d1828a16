package org.laminardb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

class SyntaxErrorTest {
  private static LaminarDBException errorOf(String sql) {
    LaminarDBException e =
        catchThrowableOfType(
            LaminarDBException.class, () -> LaminarSqlParser.parseStatement(sql));
    assertThat(e).as("error for %s", sql).isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
    assertThat(e.sqlState()).isEqualTo("42601");
    return e;
  }

  @Test
  void shouldReportMisspelledKeywordWithPositionAndExpectedTokens() {
    LaminarDBException e = errorOf("CREATE SOURCE s (a INT) FORM kafka ()");

    assertThat(e.getMessage()).startsWith("syntax error at or near \"FORM\"; expected one of: ");
    assertThat(e.getMessage()).contains("\"FROM\"");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(25);
  }

  @Test
  void shouldReportPositionOnLaterLines() {
    LaminarDBException e = errorOf("CREATE SOURCE s (\n  a INT,\n  b INT NOT NUL\n)");

    assertThat(e.getMessage()).contains("\"NUL\"");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(13);
  }

  @Test
  void shouldTrimLongExpectedTokenLists() {
    LaminarDBException e = errorOf("SELECT a FROM t WHERE");

    assertThat(e.getMessage()).startsWith("syntax error at end of input; expected one of:");
    assertThat(e.getMessage()).contains("more)");
    assertThat(e.getMessage().length()).isLessThan(300);
  }

  @Test
  void shouldNameSupportedStatementsForUnknownFirstWord() {
    LaminarDBException e = errorOf("SELEC * FROM t");

    assertThat(e.getMessage())
        .startsWith("syntax error at or near \"SELEC\": not a statement; supported statements: ")
        .contains("CREATE SOURCE/STREAM/MATERIALIZED VIEW/SINK")
        .contains("SUBSCRIBE")
        .contains("CHECKPOINT");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(1);
  }

  @Test
  void shouldPointAtUnknownStatementInScript() {
    LaminarDBException e =
        catchThrowableOfType(
            LaminarDBException.class,
            () -> LaminarSqlParser.parseStatements("SELECT 1;\n-- next\n  frobnicate now;"));

    assertThat(e.getMessage()).contains("\"frobnicate\": not a statement");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(3);
  }

  @Test
  void shouldReportErrorInSecondStatementOfScriptRelativeToScript() {
    LaminarDBException e =
        catchThrowableOfType(
            LaminarDBException.class,
            () -> LaminarSqlParser.parseStatements("SELECT 1;\nDROP STREM s;"));

    assertThat(e.getMessage()).contains("\"STREM\"");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(6);
  }

  @Test
  void shouldExplainReservedWordUsedAsName() {
    LaminarDBException e = errorOf("CREATE SOURCE s (value INT)");

    assertThat(e.getMessage()).contains("value is a reserved word; write \"value\"");
  }

  @Test
  void shouldReportUnexpectedCharacter() {
    LaminarDBException e = errorOf("SELECT a # b FROM t");

    assertThat(e.getMessage()).isEqualTo("syntax error: unexpected character \"#\""
        + " (at line 1, column 10)");
  }

  @Test
  void shouldReportUnterminatedComment() {
    LaminarDBException e = errorOf("SELECT a\nFROM t /* no end");

    assertThat(e.getMessage()).isEqualTo("syntax error: unterminated comment (at line 2, column 8)");
  }

  @Test
  void shouldRejectUnknownEmitMode() {
    LaminarDBException e = errorOf("CREATE STREAM s AS SELECT a FROM t EMIT SOMETIMES");

    assertThat(e.getMessage()).contains("\"SOMETIMES\"").contains("\"CHANGES\"");
    assertThat(e.column()).isEqualTo(41);
  }

  @Test
  void shouldRejectCreateOrReplace() {
    LaminarDBException e = errorOf("CREATE OR REPLACE STREAM s AS SELECT 1");

    assertThat(e.getMessage()).contains("CREATE OR REPLACE is not supported");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(1);
  }

  @Test
  void shouldRejectSecondWatermarkAndSecondPrimaryKey() {
    LaminarDBException watermark =
        errorOf("CREATE SOURCE s (a INT, WATERMARK FOR a, WATERMARK FOR a)");
    LaminarDBException key = errorOf("CREATE SOURCE s (a INT, PRIMARY KEY (a), PRIMARY KEY (a))");

    assertThat(watermark.getMessage()).contains("at most one WATERMARK");
    assertThat(watermark.column()).isEqualTo(42);
    assertThat(key.getMessage()).contains("at most one PRIMARY KEY");
    assertThat(key.column()).isEqualTo(42);
  }

  @Test
  void shouldRejectSourceWithoutColumns() {
    assertThat(errorOf("CREATE SOURCE s (WATERMARK FOR ts)").getMessage())
        .contains("at least one column");
  }

  @Test
  void shouldRejectExplainCreateSource() {
    assertThat(errorOf("EXPLAIN CREATE SOURCE s (a INT)").getMessage())
        .contains("\"SOURCE\"");
  }

  @Test
  void shouldRejectTwoStatementsWhereOneIsExpected() {
    LaminarDBException e = errorOf("SELECT 1; SELECT 2");

    assertThat(e.getMessage()).isEqualTo("expected one statement, found 2 (at line 1, column 11)");
  }

  @Test
  void shouldRejectEmptyStatement() {
    assertThat(errorOf("  -- nothing\n").getMessage()).startsWith("empty statement");
  }

  @Test
  void shouldReportUnterminatedStringAndQuotedIdentifier() {
    LaminarDBException string = errorOf("SELECT a FROM t WHERE b = 'abc");
    LaminarDBException name = errorOf("SELECT \"abc FROM t");

    assertThat(string.getMessage())
        .isEqualTo("syntax error: unterminated string literal (at line 1, column 27)");
    assertThat(name.getMessage())
        .isEqualTo("syntax error: unterminated quoted identifier (at line 1, column 8)");
  }
}
