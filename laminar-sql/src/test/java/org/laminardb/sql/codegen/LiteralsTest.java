package org.laminardb.sql.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.sql.codegen.CalcHarness.T;
import static org.laminardb.sql.codegen.CalcHarness.row;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiteralsTest {
  @Test
  void literalsOfEveryType() {
    List<Object> values = CalcHarness.run(T, "SELECT TRUE, 7, 9000000000, 12.50, 1.5e3, "
        + "'it''s \"q\" \\ \u00e9', TIMESTAMP '2024-05-06 07:08:09.123456', DATE '1999-12-31', "
        + "INTERVAL '1 02:03:04.5' DAY TO SECOND, CAST(NULL AS VARCHAR), -2147483648 FROM t",
        row()).get(0);
    assertThat(values).containsExactly(true, 7, 9000000000L, new BigDecimal("12.50"), 1500.0,
        "it's \"q\" \\ \u00e9", LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000),
        LocalDate.of(1999, 12, 31), Duration.ofSeconds(93784, 500_000_000), null,
            Integer.MIN_VALUE);
  }

  @Test
  void controlCharactersInStringLiterals() {
    assertThat(CalcHarness.eval1("s || 'a\nb\tc'", row("s", ">"))).isEqualTo(">a\nb\tc");
  }

  @Test
  void constantOnlyProjection() {
    assertThat(CalcHarness.run(T, "SELECT 1 + 2, UPPER('x') FROM t WHERE 1 = 1", row(), row()))
        .containsExactly(Arrays.asList(3, "X"), Arrays.asList(3, "X"));
  }
}
