package org.laminardb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementReaderTest {
  @Test
  void statementEndsAtSemicolonAcrossLines() {
    StatementReader r = new StatementReader();
    assertThat(r.addLine("SELECT a,")).isEmpty();
    assertThat(r.isEmpty()).isFalse();
    assertThat(r.addLine("  b FROM t;")).containsExactly("SELECT a,\n  b FROM t");
    assertThat(r.isEmpty()).isTrue();
  }

  @Test
  void semicolonInStringOrCommentDoesNotEndTheStatement() {
    StatementReader r = new StatementReader();
    assertThat(r.addLine("INSERT INTO t VALUES ('a;")).isEmpty();
    assertThat(r.addLine("b'); -- done;")).containsExactly("INSERT INTO t VALUES ('a;\nb')");
    assertThat(r.addLine("SELECT 1 /* not yet;")).isEmpty();
    assertThat(r.addLine("*/;")).containsExactly("SELECT 1 /* not yet;\n*/");
  }

  @Test
  void severalStatementsOnOneLineRunTogether() {
    StatementReader r = new StatementReader();
    assertThat(r.addLine("SELECT 1; SELECT 2;")).containsExactly("SELECT 1", "SELECT 2");
  }

  @Test
  void drainReturnsTheUnterminatedRest() {
    StatementReader r = new StatementReader();
    r.addLine("SELECT 1");
    assertThat(r.drain()).containsExactly("SELECT 1");
    assertThat(r.drain()).isEmpty();
  }
}
