package org.laminardb.sql.codegen;

import java.time.Instant;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Runtime support called by code that {@link CalcCompiler} generates: checked integer and double
 * arithmetic with PostgreSQL error semantics, comparisons and the per-chunk clock.
 *
 * <p>Helpers for other expression families live beside this class so that each stays small:
 * {@link DecimalRuntime} (DECIMAL on unscaled longs), {@link CastRuntime} (text and numeric
 * casts), {@link StringRuntime} (SUBSTRING, TRIM, POSITION, ...), {@link LikePattern} (LIKE
 * matching compiled once per pattern), {@link TemporalRuntime} (EXTRACT, DATE_TRUNC, interval
 * arithmetic, timestamp text) and {@link MathRuntime} (ROUND, POWER, LN, ...). All methods are
 * static, allocation free unless they return a new String, and throw {@link LaminarDBException}
 * with a PostgreSQL SQLSTATE on bad input.
 */
public final class ExpressionRuntime {
  private ExpressionRuntime() {}

  /**
   * Current time as epoch microseconds (UTC wall clock); generated code reads it once per chunk.
   *
   * @return microseconds since 1970-01-01 00:00:00 UTC
   */
  public static long currentTimeMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  /**
   * Error for a division or modulo by zero ({@code 22012}).
   *
   * @return the exception to throw
   */
  public static LaminarDBException divisionByZero() {
    return new LaminarDBException(ErrorCode.DIVISION_BY_ZERO, "division by zero");
  }

  /**
   * Error for a value outside the range of its type ({@code 22003}).
   *
   * @param typeName SQL name of the type, e.g. {@code integer}
   * @return the exception to throw
   */
  public static LaminarDBException outOfRange(String typeName) {
    return new LaminarDBException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, typeName + " out of range");
  }

  /**
   * Value checked against the range of a narrower integer type.
   *
   * @param value the value
   * @param min smallest allowed value
   * @param max largest allowed value
   * @param typeName SQL name of the type, for the error message
   * @return the value
   * @throws LaminarDBException {@code 22003} when out of range
   */
  public static long checkRange(long value, long min, long max, String typeName) {
    if (value < min || value > max) {
      throw outOfRange(typeName);
    }
    return value;
  }

  /**
   * Sum of two BIGINTs.
   *
   * @param a left operand
   * @param b right operand
   * @return a + b
   * @throws LaminarDBException {@code 22003} on overflow
   */
  public static long add(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      throw outOfRange("bigint");
    }
    return r;
  }

  /**
   * Difference of two BIGINTs.
   *
   * @param a left operand
   * @param b right operand
   * @return a - b
   * @throws LaminarDBException {@code 22003} on overflow
   */
  public static long subtract(long a, long b) {
    long r = a - b;
    if (((a ^ b) & (a ^ r)) < 0) {
      throw outOfRange("bigint");
    }
    return r;
  }

  /**
   * Product of two BIGINTs.
   *
   * @param a left operand
   * @param b right operand
   * @return a * b
   * @throws LaminarDBException {@code 22003} on overflow
   */
  public static long multiply(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if (hi != (lo >> 63)) {
      throw outOfRange("bigint");
    }
    return lo;
  }

  /**
   * Negation of a BIGINT.
   *
   * @param a the operand
   * @return -a
   * @throws LaminarDBException {@code 22003} for {@link Long#MIN_VALUE}
   */
  public static long negate(long a) {
    if (a == Long.MIN_VALUE) {
      throw outOfRange("bigint");
    }
    return -a;
  }

  /**
   * Integer quotient, truncated toward zero.
   *
   * @param a dividend
   * @param b divisor
   * @return a / b
   * @throws LaminarDBException {@code 22012} when b is 0, {@code 22003} on overflow
   */
  public static long divide(long a, long b) {
    if (b == 0) {
      throw divisionByZero();
    }
    if (b == -1) {
      return negate(a);
    }
    return a / b;
  }

  /**
   * Integer remainder with the sign of the dividend.
   *
   * @param a dividend
   * @param b divisor
   * @return a % b
   * @throws LaminarDBException {@code 22012} when b is 0
   */
  public static long mod(long a, long b) {
    if (b == 0) {
      throw divisionByZero();
    }
    return b == -1 ? 0 : a % b;
  }

  /**
   * Floating-point quotient.
   *
   * @param a dividend
   * @param b divisor
   * @return a / b
   * @throws LaminarDBException {@code 22012} when b is 0, {@code 22003} on overflow
   */
  public static double divide(double a, double b) {
    if (b == 0.0) {
      throw divisionByZero();
    }
    return checkDouble(a / b, a, b);
  }

  /**
   * Floating-point remainder with the sign of the dividend.
   *
   * @param a dividend
   * @param b divisor
   * @return a % b
   * @throws LaminarDBException {@code 22012} when b is 0
   */
  public static double mod(double a, double b) {
    if (b == 0.0) {
      throw divisionByZero();
    }
    return a % b;
  }

  /**
   * Result of a floating-point operation, checked for overflow to infinity.
   *
   * @param result the result
   * @param a first operand
   * @param b second operand
   * @return the result
   * @throws LaminarDBException {@code 22003} when finite operands gave an infinite result
   */
  public static double checkDouble(double result, double a, double b) {
    if (Double.isInfinite(result) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
      throw new LaminarDBException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
          "value out of range: overflow");
    }
    return result;
  }

  /**
   * REAL rounding of a double result, checked for overflow.
   *
   * @param value the double value
   * @return the value rounded to float precision
   * @throws LaminarDBException {@code 22003} when a finite value overflows REAL
   */
  public static double toReal(double value) {
    float f = (float) value;
    if (Float.isInfinite(f) && !Double.isInfinite(value)) {
      throw outOfRange("real");
    }
    return f;
  }

  /**
   * PostgreSQL ordering of doubles: {@code -0.0} equals {@code 0.0}, NaN equals NaN and sorts
   * above every other value.
   *
   * @param a left operand
   * @param b right operand
   * @return negative, zero or positive
   */
  public static int compare(double a, double b) {
    if (a < b) {
      return -1;
    }
    if (a > b) {
      return 1;
    }
    if (a == b) {
      return 0;
    }
    boolean na = Double.isNaN(a);
    boolean nb = Double.isNaN(b);
    return na == nb ? 0 : na ? 1 : -1;
  }
}
