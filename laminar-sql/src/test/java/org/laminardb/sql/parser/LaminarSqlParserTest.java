package org.laminardb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.junit.jupiter.api.Test;
import org.laminardb.sql.parser.impl.LaminarSqlParserImpl;

class LaminarSqlParserTest {
  @Test
  void shouldConfigureCalciteForLaminarSql() {
    SqlParser.Config config = LaminarSqlParser.config();

    assertThat(config.parserFactory()).isSameAs(LaminarSqlParserImpl.FACTORY);
    assertThat(config.quoting()).isEqualTo(Quoting.DOUBLE_QUOTE);
    assertThat(config.unquotedCasing()).isEqualTo(Casing.UNCHANGED);
    assertThat(config.quotedCasing()).isEqualTo(Casing.UNCHANGED);
    assertThat(config.caseSensitive()).isFalse();
    assertThat(config.conformance()).isEqualTo(SqlConformanceEnum.LENIENT);
    assertThat(config.identifierMaxLength()).isEqualTo(256);
  }

  @Test
  void shouldPreserveIdentifierCaseInQueries() {
    SqlSelect select =
        (SqlSelect) LaminarSqlParser.parseStatement("select OrderId, \"Quoted\" from MyOrders");

    assertThat(select.getSelectList()).extracting(n -> ((SqlIdentifier) n).getSimple())
        .containsExactly("OrderId", "Quoted");
    assertThat(((SqlIdentifier) select.getFrom()).getSimple()).isEqualTo("MyOrders");
  }

  @Test
  void shouldAcceptTrailingSemicolonAndComments() {
    assertThat(LaminarSqlParser.parseStatement("/* hi */ SELECT 1 -- one\n;"))
        .isInstanceOf(SqlSelect.class);
  }

  @Test
  void shouldAcceptParserFactoryInCalciteParserDirectly() throws Exception {
    SqlParser parser = SqlParser.create("SHOW SOURCES", LaminarSqlParser.config());

    assertThat(parser.parseStmt().toString()).isEqualTo("SHOW SOURCES");
  }
}
