package org.laminardb.sql.codegen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Numeric functions with PostgreSQL semantics and errors: {@code ROUND} of a double rounds half
 * to even, {@code ROUND(x, n)} half away from zero; logarithms of zero or negative numbers and
 * square roots of negative numbers raise {@code 22000}; overflow raises {@code 22003}.
 */
public final class MathRuntime {
  private MathRuntime() {}

  /**
   * {@code ABS} of an integer of a given range.
   *
   * @param v the value
   * @param min most negative value of the type
   * @param typeName SQL type name for messages
   * @return |v|
   * @throws LaminarDBException {@code 22003} for the most negative value
   */
  public static long abs(long v, long min, String typeName) {
    if (v == min) {
      throw ExpressionRuntime.outOfRange(typeName);
    }
    return Math.abs(v);
  }

  /**
   * {@code ROUND(x)} of a double: nearest integer, ties to even (PostgreSQL's {@code rint}).
   *
   * @param x the value
   * @return the rounded value
   */
  public static double round(double x) {
    return Math.rint(x);
  }

  /**
   * {@code ROUND(x, n)} of a double: rounded half away from zero at {@code n} decimal places
   * of its shortest decimal form.
   *
   * @param x the value
   * @param n decimal places; negative rounds left of the point
   * @return the rounded value
   */
  public static double round(double x, long n) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    if (n >= 0 && n <= 15) {
      double f = DecimalRuntime.pow10((int) n);
      double scaled = Math.abs(x) * f;
      if (scaled < 1e9) {
        double whole = Math.floor(scaled);
        double frac = scaled - whole;
        if (Math.abs(frac - 0.5) > 1e-6) {
          double r = (whole + (frac > 0.5 ? 1 : 0)) / f;
          return x < 0 ? -r : r;
        }
      }
    }
    int places = (int) Math.max(Math.min(n, 400), -400);
    return BigDecimal.valueOf(x).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }

  /**
   * {@code ROUND(x, n)} of an integer: unchanged for {@code n >= 0}, else rounded half away
   * from zero to a multiple of {@code 10^-n}.
   *
   * @param x the value
   * @param n decimal places
   * @return the rounded value
   * @throws LaminarDBException {@code 22003} on overflow
   */
  public static long round(long x, long n) {
    if (n >= 0) {
      return x;
    }
    if (n < -18) {
      return 0;
    }
    long unit = DecimalRuntime.pow10((int) -n);
    return ExpressionRuntime.multiply(DecimalRuntime.divideRound(x, unit), unit);
  }

  /**
   * {@code TRUNCATE(x, n)} of a double: digits after {@code n} places dropped toward zero.
   *
   * @param x the value
   * @param n decimal places
   * @return the truncated value
   */
  public static double truncate(double x, long n) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    int places = (int) Math.max(Math.min(n, 400), -400);
    return BigDecimal.valueOf(x).setScale(places, RoundingMode.DOWN).doubleValue();
  }

  /**
   * {@code POWER(x, y)}.
   *
   * @param x base
   * @param y exponent
   * @return x^y
   * @throws LaminarDBException {@code 22000} for zero to a negative power or a negative base
   *     with a fractional exponent; {@code 22003} on overflow
   */
  public static double power(double x, double y) {
    if (x == 0 && y < 0) {
      throw argument("zero raised to a negative power is undefined");
    }
    if (x < 0 && y != Math.rint(y)) {
      throw argument("a negative number raised to a non-integer power yields a complex result");
    }
    return ExpressionRuntime.checkDouble(Math.pow(x, y), x, y);
  }

  /**
   * {@code SQRT(x)}.
   *
   * @param x the value
   * @return the square root
   * @throws LaminarDBException {@code 22000} for negative x
   */
  public static double sqrt(double x) {
    if (x < 0) {
      throw argument("cannot take square root of a negative number");
    }
    return Math.sqrt(x);
  }

  /**
   * {@code EXP(x)}.
   *
   * @param x the exponent
   * @return e^x
   * @throws LaminarDBException {@code 22003} on overflow
   */
  public static double exp(double x) {
    return ExpressionRuntime.checkDouble(Math.exp(x), x, 0);
  }

  /**
   * {@code LN(x)}.
   *
   * @param x the value
   * @return the natural logarithm
   * @throws LaminarDBException {@code 22000} for zero or negative x
   */
  public static double ln(double x) {
    checkLogArgument(x);
    return Math.log(x);
  }

  /**
   * {@code LOG10(x)}.
   *
   * @param x the value
   * @return the base-10 logarithm
   * @throws LaminarDBException {@code 22000} for zero or negative x
   */
  public static double log10(double x) {
    checkLogArgument(x);
    return Math.log10(x);
  }

  private static void checkLogArgument(double x) {
    if (x == 0) {
      throw argument("cannot take logarithm of zero");
    }
    if (x < 0) {
      throw argument("cannot take logarithm of a negative number");
    }
  }

  private static LaminarDBException argument(String message) {
    return new LaminarDBException(ErrorCode.DATA_EXCEPTION, message);
  }
}
