package org.laminardb.sql.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.laminardb.error.LaminarDBException;

class RuntimeHelpersTest {
  @Test
  void likePatterns() {
    assertThat(LikePattern.compile("%", null, false).matches("")).isTrue();
    assertThat(LikePattern.compile("_", null, false).matches("")).isFalse();
    assertThat(LikePattern.compile("_", null, false).matches("\ud83d\ude00")).isTrue();
    assertThat(LikePattern.compile("a%b%c", null, false).matches("aXbYbZc")).isTrue();
    assertThat(LikePattern.compile("a%b%c", null, false).matches("aXbYbZ")).isFalse();
    assertThat(LikePattern.compile("%%x", null, false).matches("yyx")).isTrue();
    assertThat(LikePattern.compile("a\\_b", null, false).matches("a_b")).isTrue();
    assertThat(LikePattern.compile("a\\_b", null, false).matches("axb")).isFalse();
    assertThat(LikePattern.compile("a\\_b", "", false).matches("a\\xb")).isTrue();
    assertThat(LikePattern.compile("AbC%", null, true).matches("abcdef")).isTrue();
    assertThatThrownBy(() -> LikePattern.compile("ab!", "!", false))
        .isInstanceOf(LaminarDBException.class);
    assertThatThrownBy(() -> LikePattern.compile("ab", "!!", false))
        .isInstanceOf(LaminarDBException.class);
  }

  @Test
  void likeCacheRecompilesOnlyOnChange() {
    LikeCache cache = new LikeCache(false);
    assertThat(cache.matches("abc", "a%", null)).isTrue();
    assertThat(cache.matches("xbc", "a%", null)).isFalse();
    assertThat(cache.matches("xbc", "x%", null)).isTrue();
  }

  @Test
  void decimalOperationsMatchBigDecimal() {
    Random random = new Random(42);
    for (int k = 0; k < 20_000; k++) {
      long a = random.nextLong() % 1_000_000_000_000L;
      long b = random.nextLong() % 1_000_000L;
      int sa = random.nextInt(7);
      int sb = random.nextInt(7);
      BigDecimal x = BigDecimal.valueOf(a, sa);
      BigDecimal y = BigDecimal.valueOf(b, sb);
      int s = Math.max(sa, sb);
      assertThat(DecimalRuntime.add(a, sa, b, sb, s, 18))
          .isEqualTo(x.add(y).setScale(s).unscaledValue().longValue());
      assertThat(DecimalRuntime.subtract(a, sa, b, sb, s, 18))
          .isEqualTo(x.subtract(y).setScale(s).unscaledValue().longValue());
      assertThat(DecimalRuntime.compare(a, sa, b, sb)).isEqualTo(x.compareTo(y));
      expectSame(() -> DecimalRuntime.multiply(a, sa, b, sb, 6, 18),
          () -> x.multiply(y).setScale(6, RoundingMode.HALF_UP));
      if (b != 0) {
        expectSame(() -> DecimalRuntime.divide(a, sa, b, sb, 6, 18),
            () -> x.divide(y, 6, RoundingMode.HALF_UP));
      }
    }
  }

  @Test
  void decimalRoundingAndConversions() {
    assertThat(DecimalRuntime.rescale(-125, 2, 1, 18)).isEqualTo(-13);
    assertThat(DecimalRuntime.rescale(124, 2, 1, 18)).isEqualTo(12);
    assertThat(DecimalRuntime.toLong(250, 2)).isEqualTo(3);
    assertThat(DecimalRuntime.toLong(-250, 2)).isEqualTo(-3);
    assertThat(DecimalRuntime.fromDouble(0.125, 2, 18)).isEqualTo(13);
    assertThat(DecimalRuntime.fromDouble(-0.125, 2, 18)).isEqualTo(-13);
    assertThat(DecimalRuntime.fromDouble(2.675, 2, 18)).isEqualTo(268);
    assertThat(DecimalRuntime.fromDouble(0.29, 2, 18)).isEqualTo(29);
    assertThat(DecimalRuntime.parse(" -1.005 ", 2, 18)).isEqualTo(-101);
    assertThat(DecimalRuntime.toString(-5, 2)).isEqualTo("-0.05");
    assertThat(DecimalRuntime.round(1249, 2, 1, 18)).isEqualTo(1250);
    assertThat(DecimalRuntime.floor(-150, 2, 0, 18)).isEqualTo(-2);
    assertThat(DecimalRuntime.ceil(-150, 2, 0, 18)).isEqualTo(-1);
    assertThatThrownBy(() -> DecimalRuntime.rescale(1000, 0, 2, 4))
        .isInstanceOf(LaminarDBException.class);
    assertThatThrownBy(() -> DecimalRuntime.rescale(1, 0, 18, 18))
        .isInstanceOf(LaminarDBException.class);
  }

  @Test
  void doublesPrintLikePostgres() {
    assertThat(CastRuntime.doubleToString(0.1)).isEqualTo("0.1");
    assertThat(CastRuntime.doubleToString(100.0)).isEqualTo("100");
    assertThat(CastRuntime.doubleToString(-1.5)).isEqualTo("-1.5");
    assertThat(CastRuntime.doubleToString(1e20)).isEqualTo("1e+20");
    assertThat(CastRuntime.doubleToString(1.25e-5)).isEqualTo("1.25e-05");
    assertThat(CastRuntime.doubleToString(123456789012345.0)).isEqualTo("123456789012345");
    assertThat(CastRuntime.doubleToString(1234567890123456.0)).isEqualTo("1.234567890123456e+15");
    assertThat(CastRuntime.doubleToString(0.0001)).isEqualTo("0.0001");
    assertThat(CastRuntime.doubleToString(Double.NaN)).isEqualTo("NaN");
    assertThat(CastRuntime.doubleToString(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    assertThat(CastRuntime.realToString(0.1f)).isEqualTo("0.1");
  }

  @Test
  void integerParsingChecksRangeAndSyntax() {
    assertThat(CastRuntime.parseLong("+17", Integer.MIN_VALUE, Integer.MAX_VALUE, "integer"))
        .isEqualTo(17);
    assertThat(CastRuntime.parseLong("9223372036854775807", Long.MIN_VALUE, Long.MAX_VALUE, "x"))
        .isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> CastRuntime.parseLong("9223372036854775808", Long.MIN_VALUE,
        Long.MAX_VALUE, "bigint"))
        .isInstanceOfSatisfying(LaminarDBException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22003"));
    assertThatThrownBy(() -> CastRuntime.parseLong("-", Long.MIN_VALUE, Long.MAX_VALUE, "bigint"))
        .isInstanceOfSatisfying(LaminarDBException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22P02"));
  }

  @Test
  void stringHelpers() {
    assertThat(StringRuntime.substring("abc", -1, 3)).isEqualTo("a");
    assertThat(StringRuntime.substring("a\ud83d\ude00b", 2, 1)).isEqualTo("\ud83d\ude00");
    assertThat(StringRuntime.position("b", "a\ud83d\ude00b")).isEqualTo(3);
    assertThat(StringRuntime.position("a", "banana", 3)).isEqualTo(4);
    assertThat(StringRuntime.trim(StringRuntime.TRIM_BOTH, "", "  x ")).isEqualTo("  x ");
    assertThat(CastRuntime.trimTrailingBlanks("a  ")).isEqualTo("a");
    assertThat(StringRuntime.concatNullAsEmpty(null, null)).isEmpty();
  }

  private static void expectSame(java.util.function.LongSupplier actual,
      java.util.function.Supplier<BigDecimal> expected) {
    BigDecimal e = expected.get();
    if (e.precision() - e.scale() + 6 > 18) {
      assertThatThrownBy(actual::getAsLong).isInstanceOf(LaminarDBException.class);
    } else {
      assertThat(actual.getAsLong()).isEqualTo(e.unscaledValue().longValue());
    }
  }
}
