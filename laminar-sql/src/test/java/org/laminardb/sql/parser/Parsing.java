package org.laminardb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.sql.SqlNode;

/** Test helpers for parsing a statement as an expected node class. */
final class Parsing {
  private Parsing() {}

  static <T extends SqlNode> T parse(String sql, Class<T> type) {
    SqlNode node = LaminarSqlParser.parseStatement(sql);
    assertThat(node).isInstanceOf(type);
    return type.cast(node);
  }
}
