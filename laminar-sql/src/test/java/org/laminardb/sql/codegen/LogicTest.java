package org.laminardb.sql.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.sql.codegen.CalcHarness.eval;
import static org.laminardb.sql.codegen.CalcHarness.eval1;
import static org.laminardb.sql.codegen.CalcHarness.row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class LogicTest {
  private static final Object[] TRUE = row("f", true);
  private static final Object[] FALSE = row("f", false);
  private static final Object[] NULL = row("f", null);

  @Test
  void andOrNotFollowThreeValuedLogic() {
    assertThat(eval("f AND (i > 0)", row("f", true, "i", null), row("f", false, "i", null),
        row("f", null, "i", 1), row("f", null, "i", -1)))
        .containsExactly(null, false, null, false);
    assertThat(eval("f OR (i > 0)", row("f", true, "i", null), row("f", false, "i", null),
        row("f", null, "i", 1), row("f", null, "i", -1)))
        .containsExactly(true, null, true, null);
    assertThat(eval("NOT f", TRUE, FALSE, NULL)).containsExactly(false, true, null);
  }

  @Test
  void andOrShortCircuitErrors() {
    assertThat(eval1("i <> 0 AND 10 / i > 1", row("i", 0))).isEqualTo(false);
    assertThat(eval1("i = 0 OR 10 / i > 1", row("i", 0))).isEqualTo(true);
  }

  @Test
  void isTrueFalseNull() {
    assertThat(eval("f IS TRUE", TRUE, FALSE, NULL)).containsExactly(true, false, false);
    assertThat(eval("f IS NOT TRUE", TRUE, FALSE, NULL)).containsExactly(false, true, true);
    assertThat(eval("f IS FALSE", TRUE, FALSE, NULL)).containsExactly(false, true, false);
    assertThat(eval("f IS NOT FALSE", TRUE, FALSE, NULL)).containsExactly(true, false, true);
    assertThat(eval("f IS NULL", TRUE, NULL)).containsExactly(false, true);
    assertThat(eval("f IS NOT NULL", TRUE, NULL)).containsExactly(true, false);
  }

  @Test
  void isDistinctFromTreatsNullsAsEqual() {
    assertThat(eval("i IS DISTINCT FROM b", row("i", 1, "b", 1L), row("i", 1, "b", 2L),
        row("i", null, "b", 2L), row("i", null, "b", null)))
        .containsExactly(false, true, true, false);
    assertThat(eval("s IS NOT DISTINCT FROM s2", row("s", "a", "s2", "a"),
        row("s", "a", "s2", null), row("s", null, "s2", null)))
        .containsExactly(true, false, true);
  }

  @Test
  void comparisonsOfEveryType() {
    Object[] r = row("i", 2, "b", 2L, "d", new BigDecimal("2.00"), "x", 2.0, "s", "abc",
        "s2", "abd", "ts", LocalDateTime.of(2024, 1, 1, 0, 0), "dt", LocalDate.of(2024, 1, 1),
        "f", true);
    assertThat(eval1("i = b AND i = d AND d = x AND b >= x AND d <= 2.001", r)).isEqualTo(true);
    assertThat(eval1("s < s2 AND s <> s2 AND s2 > 'abc' AND s = 'abc'", r)).isEqualTo(true);
    assertThat(eval1("dt = ts AND ts >= TIMESTAMP '2023-12-31 23:59:59'", r)).isEqualTo(true);
    assertThat(eval1("dt < DATE '2024-01-02' AND dt > DATE '2023-12-31'", r)).isEqualTo(true);
    assertThat(eval1("f = TRUE AND f > FALSE", r)).isEqualTo(true);
    assertThat(eval1("d > 1.999 AND d < 2.0001", r)).isEqualTo(true);
    assertThat(eval1("i < NULLIF(i, 2)", r)).isNull();
  }

  @Test
  void searchedAndSimpleCase() {
    assertThat(eval("CASE WHEN i > 1 THEN 'big' WHEN i > 0 THEN 'one' ELSE 'nil' END",
        row("i", 5), row("i", 1), row("i", 0), row("i", null)))
        .containsExactly("big", "one", "nil", "nil");
    assertThat(eval("CASE i WHEN 1 THEN 10 WHEN 2 THEN 20 END", row("i", 1), row("i", 2),
        row("i", 3))).containsExactly(10, 20, null);
  }

  @Test
  void caseDoesNotEvaluateUntakenBranches() {
    assertThat(eval1("CASE WHEN i = 0 THEN 0 ELSE 10 / i END", row("i", 0))).isEqualTo(0);
  }

  @Test
  void coalesceAndNullif() {
    assertThat(eval("COALESCE(s, s2, 'none')", row("s", "a", "s2", "b"), row("s2", "b"), row()))
        .containsExactly("a", "b", "none");
    assertThat(eval("NULLIF(i, 3)", row("i", 3), row("i", 4), row("i", null)))
        .containsExactly(null, 4, null);
  }

  @Test
  void inListsAndBetween() {
    assertThat(eval("i IN (1, 2, 3)", row("i", 2), row("i", 5), row("i", null)))
        .containsExactly(true, false, null);
    assertThat(eval("i NOT IN (1, 2)", row("i", 2), row("i", 5))).containsExactly(false, true);
    assertThat(eval("i BETWEEN 1 AND 5", row("i", 1), row("i", 5), row("i", 6)))
        .containsExactly(true, true, false);
    assertThat(eval("s IN ('a', 'b')", row("s", "b"), row("s", "c"))).containsExactly(true, false);
    assertThat(eval("d NOT BETWEEN 1 AND 2", row("d", new BigDecimal("1.50")),
        row("d", new BigDecimal("2.01")))).containsExactly(false, true);
  }

  @Test
  void filterWithThreeValuedCondition() {
    assertThat(CalcHarness.run(CalcHarness.T, "SELECT nn FROM t WHERE NOT (i > 1)",
        row("i", 0, "nn", 1), row("i", null, "nn", 2), row("i", 5, "nn", 3)))
        .containsExactly(java.util.List.of(1));
  }
}
