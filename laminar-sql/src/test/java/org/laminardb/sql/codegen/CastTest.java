package org.laminardb.sql.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.sql.codegen.CalcHarness.eval;
import static org.laminardb.sql.codegen.CalcHarness.eval1;
import static org.laminardb.sql.codegen.CalcHarness.row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.laminardb.error.LaminarDBException;

class CastTest {
  @Test
  void decimalToIntegerRoundsHalfAwayFromZero() {
    assertThat(eval("CAST(d AS INT)", row("d", new BigDecimal("2.50")),
        row("d", new BigDecimal("-2.50")), row("d", new BigDecimal("2.49"))))
        .containsExactly(3, -3, 2);
  }

  @Test
  void doubleToIntegerRoundsHalfToEven() {
    assertThat(eval("CAST(x AS BIGINT)", row("x", 2.5), row("x", 3.5), row("x", -2.5),
        row("x", 2.6))).containsExactly(2L, 4L, -2L, 3L);
  }

  @Test
  void numericConversions() {
    Object[] r = row("i", 7, "b", 123L, "d", new BigDecimal("12.35"), "x", 0.125);
    assertThat(eval1("CAST(i AS DECIMAL(5, 2))", r)).isEqualTo(new BigDecimal("7.00"));
    assertThat(eval1("CAST(d AS DECIMAL(5, 1))", r)).isEqualTo(new BigDecimal("12.4"));
    assertThat(eval1("CAST(d AS DECIMAL(12, 4))", r)).isEqualTo(new BigDecimal("12.3500"));
    assertThat(eval1("CAST(d AS DOUBLE)", r)).isEqualTo(12.35);
    assertThat(eval1("CAST(x AS DECIMAL(4, 2))", r)).isEqualTo(new BigDecimal("0.13"));
    assertThat(eval1("CAST(b AS DOUBLE)", r)).isEqualTo(123.0);
    assertThat(eval1("CAST(b AS INT)", r)).isEqualTo(123);
    assertThat(eval1("CAST(i AS BOOLEAN)", r)).isEqualTo(true);
  }

  @Test
  void outOfRangeCastsRaise22003() {
    assertError("CAST(b AS INT)", row("b", 1L << 40), "22003");
    assertError("CAST(d AS DECIMAL(3, 1))", row("d", new BigDecimal("123.00")), "22003");
    assertError("CAST(x AS INT)", row("x", 1e12), "22003");
    assertError("CAST(x AS BIGINT)", row("x", Double.NaN), "22003");
    assertError("CAST(CAST(s AS DOUBLE) AS DECIMAL(4, 2))", row("s", "100"), "22003");
  }

  @Test
  void textToValues() {
    assertThat(eval1("CAST(s AS INT)", row("s", " 42 "))).isEqualTo(42);
    assertThat(eval1("CAST(s AS BIGINT)", row("s", "-9223372036854775808")))
        .isEqualTo(Long.MIN_VALUE);
    assertThat(eval1("CAST(s AS DECIMAL(6, 2))", row("s", "3.14159")))
        .isEqualTo(new BigDecimal("3.14"));
    assertThat(eval1("CAST(s AS DOUBLE)", row("s", "1e3"))).isEqualTo(1000.0);
    assertThat(eval1("CAST(s AS DOUBLE)", row("s", "-Infinity")))
        .isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(eval("CAST(s AS BOOLEAN)", row("s", "true"), row("s", "OFF"), row("s", "y")))
        .containsExactly(true, false, true);
    assertThat(eval1("CAST(s AS TIMESTAMP)", row("s", "2024-02-29 13:45:01.5")))
        .isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 1, 500_000_000));
    assertThat(eval1("CAST(s AS TIMESTAMP)", row("s", "2024-02-29T13:45")))
        .isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45));
    assertThat(eval1("CAST(s AS DATE)", row("s", "1999-12-31")))
        .isEqualTo(LocalDate.of(1999, 12, 31));
  }

  @Test
  void badTextRaises22P02() {
    assertError("CAST(s AS INT)", row("s", "12x"), "22P02");
    assertError("CAST(s AS INT)", row("s", "1.5"), "22P02");
    assertError("CAST(s AS INT)", row("s", ""), "22P02");
    assertError("CAST(s AS DECIMAL(5, 2))", row("s", "abc"), "22P02");
    assertError("CAST(s AS DOUBLE)", row("s", "one"), "22P02");
    assertError("CAST(s AS BOOLEAN)", row("s", "maybe"), "22P02");
    assertError("CAST(s AS TIMESTAMP)", row("s", "2024-13-01"), "22P02");
    assertError("CAST(s AS DATE)", row("s", "2023-02-29"), "22P02");
    assertError("CAST(s AS INT)", row("s", "99999999999"), "22003");
  }

  @Test
  void valuesToText() {
    Object[] r = row("i", -5, "d", new BigDecimal("1.50"), "x", 0.1, "f", false,
        "ts", LocalDateTime.of(2024, 3, 1, 12, 30, 0, 250_000_000), "dt", LocalDate.of(2024, 3, 1));
    assertThat(eval1("CAST(i AS VARCHAR)", r)).isEqualTo("-5");
    assertThat(eval1("CAST(d AS VARCHAR)", r)).isEqualTo("1.50");
    assertThat(eval1("CAST(x AS VARCHAR)", r)).isEqualTo("0.1");
    assertThat(eval1("CAST(x * 1e20 AS VARCHAR)", r)).isEqualTo("1e+19");
    assertThat(eval1("CAST(x * 1000 AS VARCHAR)", r)).isEqualTo("100");
    assertThat(eval1("CAST(f AS VARCHAR)", r)).isEqualTo("false");
    assertThat(eval1("CAST(ts AS VARCHAR)", r)).isEqualTo("2024-03-01 12:30:00.25");
    assertThat(eval1("CAST(dt AS VARCHAR)", r)).isEqualTo("2024-03-01");
    assertThat(eval1("CAST(i AS VARCHAR(1))", r)).isEqualTo("-");
    assertThat(eval1("CAST(s AS CHAR(3))", row("s", "a"))).isEqualTo("a  ");
  }

  @Test
  void temporalConversions() {
    Object[] r = row("ts", LocalDateTime.of(2024, 3, 1, 23, 59), "dt", LocalDate.of(2024, 3, 1));
    assertThat(eval1("CAST(ts AS DATE)", r)).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(eval1("CAST(dt AS TIMESTAMP)", r)).isEqualTo(LocalDateTime.of(2024, 3, 1, 0, 0));
    assertThat(eval1("CAST(ts AS DATE)", row("ts", LocalDateTime.of(1969, 12, 31, 23, 0))))
        .isEqualTo(LocalDate.of(1969, 12, 31));
  }

  @Test
  void nullCastsToNull() {
    assertThat(eval1("CAST(s AS INT)", row())).isNull();
    assertThat(eval1("CAST(NULL AS INT)", row())).isNull();
  }

  private static void assertError(String expression, Object[] r, String sqlState) {
    assertThatThrownBy(() -> eval1(expression, r))
        .isInstanceOfSatisfying(LaminarDBException.class,
            e -> assertThat(e.sqlState()).as(expression).isEqualTo(sqlState));
  }
}
