package org.laminardb.sql.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.sql.codegen.CalcHarness.eval1;
import static org.laminardb.sql.codegen.CalcHarness.row;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.laminardb.error.LaminarDBException;

class MathFunctionsTest {
  @Test
  void absOfEachType() {
    assertThat(eval1("ABS(i)", row("i", -3))).isEqualTo(3);
    assertThat(eval1("ABS(d)", row("d", new BigDecimal("-1.25"))))
        .isEqualTo(new BigDecimal("1.25"));
    assertThat(eval1("ABS(x)", row("x", -0.5))).isEqualTo(0.5);
    assertThatThrownBy(() -> eval1("ABS(b)", row("b", Long.MIN_VALUE)))
        .isInstanceOfSatisfying(LaminarDBException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22003"));
  }

  @Test
  void roundDecimalsHalfAwayFromZero() {
    assertThat(eval1("ROUND(d, 1)", row("d", new BigDecimal("2.45"))))
        .isEqualTo(new BigDecimal("2.50"));
    assertThat(eval1("ROUND(d, 1)", row("d", new BigDecimal("-2.45"))))
        .isEqualTo(new BigDecimal("-2.50"));
    assertThat(eval1("ROUND(d)", row("d", new BigDecimal("2.50"))))
        .isEqualTo(new BigDecimal("3.00"));
    assertThat(eval1("ROUND(i, -1)", row("i", 15))).isEqualTo(20);
    assertThat(eval1("ROUND(i, -1)", row("i", -15))).isEqualTo(-20);
  }

  @Test
  void roundDoublesLikePostgres() {
    assertThat(eval1("ROUND(x)", row("x", 2.5))).isEqualTo(2.0);
    assertThat(eval1("ROUND(x)", row("x", 3.5))).isEqualTo(4.0);
    assertThat(eval1("ROUND(x, 2)", row("x", 2.675))).isEqualTo(2.68);
    assertThat(eval1("ROUND(x, 1)", row("x", -0.25))).isEqualTo(-0.3);
  }

  @Test
  void floorAndCeil() {
    assertThat(eval1("FLOOR(d)", row("d", new BigDecimal("-1.50"))))
        .isEqualTo(new BigDecimal("-2"));
    assertThat(eval1("CEIL(d)", row("d", new BigDecimal("1.01")))).isEqualTo(new BigDecimal("2"));
    assertThat(eval1("CEILING(x)", row("x", -1.5))).isEqualTo(-1.0);
    assertThat(eval1("FLOOR(x)", row("x", 1.5))).isEqualTo(1.0);
    assertThat(eval1("FLOOR(i)", row("i", 7))).isEqualTo(7);
  }

  @Test
  void transcendentalFunctions() {
    assertThat(eval1("POWER(i, 2)", row("i", 3))).isEqualTo(9.0);
    assertThat(eval1("SQRT(x)", row("x", 16.0))).isEqualTo(4.0);
    assertThat(eval1("EXP(x)", row("x", 0.0))).isEqualTo(1.0);
    assertThat(eval1("LN(x)", row("x", Math.E))).isEqualTo(1.0);
    assertThat(eval1("LOG10(i)", row("i", 1000))).isEqualTo(3.0);
    assertThat(eval1("MOD(i, 3)", row("i", 10))).isEqualTo(1);
  }

  @Test
  void badArgumentsRaiseErrors() {
    assertError("LN(x)", row("x", 0.0), "22000");
    assertError("LOG10(x)", row("x", -1.0), "22000");
    assertError("SQRT(x)", row("x", -4.0), "22000");
    assertError("POWER(x, -1)", row("x", 0.0), "22000");
    assertError("EXP(x)", row("x", 1000.0), "22003");
  }

  private static void assertError(String expression, Object[] r, String sqlState) {
    assertThatThrownBy(() -> eval1(expression, r))
        .isInstanceOfSatisfying(LaminarDBException.class,
            e -> assertThat(e.sqlState()).as(expression).isEqualTo(sqlState));
  }
}
