package org.laminardb.sql.parser.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;

class SqlOptionTest {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  @Test
  void shouldGiveValueTextForEachLiteralKind() {
    assertThat(new SqlOption(POS, "k", SqlLiteral.createCharString("v", POS)).valueAsString())
        .isEqualTo("v");
    assertThat(
            new SqlOption(POS, "k", SqlLiteral.createExactNumeric("100", POS)).valueAsString())
        .isEqualTo("100");
    assertThat(
            new SqlOption(POS, "k", SqlLiteral.createApproxNumeric("1e3", POS)).valueAsString())
        .isEqualTo(new BigDecimal("1e3").toPlainString());
    assertThat(new SqlOption(POS, "k", SqlLiteral.createBoolean(false, POS)).valueAsString())
        .isEqualTo("false");
  }

  @Test
  void shouldWriteKeyAsStringLiteral() {
    SqlOption option = new SqlOption(POS, "a.b", SqlLiteral.createExactNumeric("1", POS));

    assertThat(option.key()).isEqualTo("a.b");
    assertThat(option.toString()).isEqualTo("'a.b' = 1");
  }
}
