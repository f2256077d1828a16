package org.laminardb.sql.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.sql.codegen.CalcHarness.T;
import static org.laminardb.sql.codegen.CalcHarness.eval1;
import static org.laminardb.sql.codegen.CalcHarness.row;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.LaminarDBException;

class ArithmeticTest {
  private static final Schema DECIMALS = new Schema(List.of(
      new Field("a", DataType.decimal(10, 2)),
      new Field("c", DataType.decimal(12, 4)),
      new Field("k", DataType.of(TypeKind.INT)),
      new Field("r", DataType.of(TypeKind.REAL))));

  @Test
  void integerArithmetic() {
    Object[] r = row("i", 7, "b", 10L);
    assertThat(eval1("i + 3", r)).isEqualTo(10);
    assertThat(eval1("i - 10", r)).isEqualTo(-3);
    assertThat(eval1("i * b", r)).isEqualTo(70L);
    assertThat(eval1("i / 2", r)).isEqualTo(3);
    assertThat(eval1("-i / 2", r)).isEqualTo(-3);
    assertThat(eval1("i % 4", r)).isEqualTo(3);
    assertThat(eval1("-i % 4", r)).isEqualTo(-3);
    assertThat(eval1("MOD(b, 4)", r)).isEqualTo(2);
    assertThat(eval1("-i", r)).isEqualTo(-7);
    assertThat(eval1("i + b", r)).isEqualTo(17L);
  }

  @Test
  void doubleArithmetic() {
    Object[] r = row("x", 1.5, "i", 2);
    assertThat(eval1("x * i", r)).isEqualTo(3.0);
    assertThat(eval1("x / 2", r)).isEqualTo(0.75);
    assertThat(eval1("x + 1e0", r)).isEqualTo(2.5);
    assertThat(eval1("x - d", row("x", 1.5, "d", new BigDecimal("0.25")))).isEqualTo(1.25);
    assertThat(eval1("-x", r)).isEqualTo(-1.5);
    assertThat(new BigDecimal(eval1("MOD(x, 1)", r).toString())).isEqualByComparingTo("0.5");
  }

  @Test
  void realResultsAreRoundedToFloat() {
    Object[] r = {null, null, null, 0.1};
    assertThat(CalcHarness.run(DECIMALS, "SELECT r * 3 FROM t", r).get(0).get(0))
        .isEqualTo((double) (0.1f * 3));
  }

  @Test
  void integerOverflowRaises22003() {
    assertError("i * 100000", row("i", 100000), "22003");
    assertError("b + 1", row("b", Long.MAX_VALUE), "22003");
    assertError("b * b", row("b", 1L << 40), "22003");
    assertError("-b", row("b", Long.MIN_VALUE), "22003");
    assertError("b / -1", row("b", Long.MIN_VALUE), "22003");
    assertError("-i", row("i", Integer.MIN_VALUE), "22003");
  }

  @Test
  void divisionByZeroRaises22012ForAllNumericTypes() {
    assertError("i / 0", row("i", 1), "22012");
    assertError("MOD(i, 0)", row("i", 1), "22012");
    assertError("i % b", row("i", 1, "b", 0L), "22012");
    assertError("d / 0", row("d", BigDecimal.ONE), "22012");
    assertError("x / 0", row("x", 1.0), "22012");
    assertError("x % 0", row("x", 1.0), "22012");
  }

  @Test
  void divisionByZeroOnNullRowIsNull() {
    assertThat(eval1("i / b", row("i", null, "b", 0L))).isNull();
  }

  @Test
  void decimalArithmeticKeepsCalciteScales() {
    Object[] r = {new BigDecimal("1.25"), new BigDecimal("0.0004"), 3, null};
    List<Object> out = CalcHarness.run(DECIMALS,
        "SELECT a + c, a - c, a * c, a / c, a / k, a * k, a + k, -a, MOD(a, k) FROM t", r).get(0);
    assertThat(out).containsExactly(new BigDecimal("1.2504"), new BigDecimal("1.2496"),
        new BigDecimal("0.000500"), new BigDecimal("3125.000000"), new BigDecimal("0.416667"),
        new BigDecimal("3.75"), new BigDecimal("4.25"), new BigDecimal("-1.25"),
        new BigDecimal("1.25"));
  }

  @Test
  void decimalDivisionRoundsHalfAwayFromZero() {
    Object[] r = {new BigDecimal("-2.00"), null, 3, null};
    assertThat(CalcHarness.run(DECIMALS, "SELECT a / k FROM t", r).get(0).get(0))
        .isEqualTo(new BigDecimal("-0.666667"));
  }

  @Test
  void decimalOverflowRaises22003() {
    Object[] r = {new BigDecimal("99999999.99"), null, null, null};
    assertThatThrownBy(() -> CalcHarness.run(DECIMALS,
        "SELECT a * a * a * a * a FROM t", r))
        .isInstanceOfSatisfying(LaminarDBException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22003"));
  }

  @Test
  void implicitWideningInCase() {
    assertThat(CalcHarness.eval("CASE WHEN f THEN b ELSE 0 END",
        row("f", true, "b", 5L), row("f", false, "b", 5L), row("f", null, "b", 5L)))
        .containsExactly(5L, 0L, 0L);
    assertThat(eval1("COALESCE(i, b)", row("i", null, "b", 9L))).isEqualTo(9L);
    assertThat(eval1("COALESCE(i, b)", row("i", 4, "b", 9L))).isEqualTo(4L);
  }

  @Test
  void doubleOverflowRaises22003() {
    assertError("x * x", row("x", 1e200), "22003");
  }

  private static void assertError(String expression, Object[] r, String sqlState) {
    assertThatThrownBy(() -> eval1(expression, r))
        .isInstanceOfSatisfying(LaminarDBException.class,
            e -> assertThat(e.sqlState()).as(expression).isEqualTo(sqlState));
  }
}
