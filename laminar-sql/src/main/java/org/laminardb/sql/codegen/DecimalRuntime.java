package org.laminardb.sql.codegen;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * DECIMAL arithmetic on unscaled {@code long}s: a DECIMAL(p, s) value {@code v} stands for
 * {@code v / 10^s}. Results are rounded half away from zero to the result scale (PostgreSQL's
 * rule for {@code numeric}) and checked against the result precision ({@code 22003} when they do
 * not fit). The common case runs on longs; only intermediate overflow falls back to
 * {@link BigDecimal}.
 */
public final class DecimalRuntime {
  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private DecimalRuntime() {}

  /**
   * Power of ten that fits a long.
   *
   * @param n exponent, 0 to 18
   * @return 10^n
   */
  public static long pow10(int n) {
    return POW10[n];
  }

  /**
   * Unscaled value checked against a precision.
   *
   * @param v unscaled value
   * @param precision total digits allowed, at most 18
   * @return v
   * @throws LaminarDBException {@code 22003} when v has more than {@code precision} digits
   */
  public static long checkPrecision(long v, int precision) {
    if (v >= POW10[precision] || v <= -POW10[precision]) {
      throw overflow(precision);
    }
    return v;
  }

  /**
   * Value moved from one scale to another, rounding half away from zero when digits are dropped.
   *
   * @param v unscaled value at scale {@code from}
   * @param from current scale
   * @param to target scale
   * @param precision target precision
   * @return unscaled value at scale {@code to}
   * @throws LaminarDBException {@code 22003} when the value does not fit the precision
   */
  public static long rescale(long v, int from, int to, int precision) {
    if (to >= from) {
      int up = to - from;
      if (up > 18) {
        return v == 0 ? 0 : fromBig(BigDecimal.valueOf(v, from), to, precision);
      }
      long hi = Math.multiplyHigh(v, POW10[up]);
      long lo = v * POW10[up];
      if (hi != (lo >> 63)) {
        throw overflow(precision);
      }
      return checkPrecision(lo, precision);
    }
    int down = from - to;
    return checkPrecision(down > 18 ? 0 : divideRound(v, POW10[down]), precision);
  }

  /**
   * Sum {@code a + b} at the result scale.
   *
   * @param a left unscaled value
   * @param sa scale of a
   * @param b right unscaled value
   * @param sb scale of b
   * @param s result scale
   * @param p result precision
   * @return unscaled sum
   * @throws LaminarDBException {@code 22003} on overflow
   */
  public static long add(long a, int sa, long b, int sb, int s, int p) {
    if (sa > sb) {
      return add(b, sb, a, sa, s, p);
    }
    int up = sb - sa;
    if (up <= 18) {
      long hi = Math.multiplyHigh(a, POW10[up]);
      long x = a * POW10[up];
      long r = x + b;
      if (hi == (x >> 63) && ((x ^ r) & (b ^ r)) >= 0) {
        return rescale(r, sb, s, p);
      }
    }
    return fromBig(BigDecimal.valueOf(a, sa).add(BigDecimal.valueOf(b, sb)), s, p);
  }

  /**
   * Difference {@code a - b} at the result scale.
   *
   * @param a left unscaled value
   * @param sa scale of a
   * @param b right unscaled value
   * @param sb scale of b
   * @param s result scale
   * @param p result precision
   * @return unscaled difference
   * @throws LaminarDBException {@code 22003} on overflow
   */
  public static long subtract(long a, int sa, long b, int sb, int s, int p) {
    if (b == Long.MIN_VALUE) {
      return fromBig(BigDecimal.valueOf(a, sa).subtract(BigDecimal.valueOf(b, sb)), s, p);
    }
    return add(a, sa, -b, sb, s, p);
  }

  /**
   * Product {@code a * b} at the result scale.
   *
   * @param a left unscaled value
   * @param sa scale of a
   * @param b right unscaled value
   * @param sb scale of b
   * @param s result scale
   * @param p result precision
   * @return unscaled product
   * @throws LaminarDBException {@code 22003} on overflow
   */
  public static long multiply(long a, int sa, long b, int sb, int s, int p) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    if (hi == (lo >> 63) && lo != Long.MIN_VALUE) {
      return rescale(lo, sa + sb, s, p);
    }
    return fromBig(BigDecimal.valueOf(a, sa).multiply(BigDecimal.valueOf(b, sb)), s, p);
  }

  /**
   * Quotient {@code a / b} at the result scale, rounded half away from zero.
   *
   * @param a dividend, unscaled
   * @param sa scale of a
   * @param b divisor, unscaled
   * @param sb scale of b
   * @param s result scale
   * @param p result precision
   * @return unscaled quotient
   * @throws LaminarDBException {@code 22012} when b is 0, {@code 22003} on overflow
   */
  public static long divide(long a, int sa, long b, int sb, int s, int p) {
    if (b == 0) {
      throw ExpressionRuntime.divisionByZero();
    }
    int e = s - sa + sb;
    if (e >= 0 && e <= 18) {
      long hi = Math.multiplyHigh(a, POW10[e]);
      long lo = a * POW10[e];
      if (hi == (lo >> 63) && lo != Long.MIN_VALUE) {
        return checkPrecision(divideRound(lo, b), p);
      }
    } else if (e < 0 && e >= -18) {
      long hi = Math.multiplyHigh(b, POW10[-e]);
      long lo = b * POW10[-e];
      if (hi == (lo >> 63) && lo != Long.MIN_VALUE) {
        return checkPrecision(divideRound(a, lo), p);
      }
    }
    BigDecimal q =
        BigDecimal.valueOf(a, sa).divide(BigDecimal.valueOf(b, sb), s, RoundingMode.HALF_UP);
    return fromBig(q, s, p);
  }

  /**
   * Remainder {@code a % b} (sign of the dividend) at the result scale.
   *
   * @param a dividend, unscaled
   * @param sa scale of a
   * @param b divisor, unscaled
   * @param sb scale of b
   * @param s result scale
   * @param p result precision
   * @return unscaled remainder
   * @throws LaminarDBException {@code 22012} when b is 0
   */
  public static long mod(long a, int sa, long b, int sb, int s, int p) {
    if (b == 0) {
      throw ExpressionRuntime.divisionByZero();
    }
    if (sa == sb) {
      return rescale(a % b, sa, s, p);
    }
    return fromBig(BigDecimal.valueOf(a, sa).remainder(BigDecimal.valueOf(b, sb)), s, p);
  }

  /**
   * Numeric comparison of two decimals of possibly different scales.
   *
   * @param a left unscaled value
   * @param sa scale of a
   * @param b right unscaled value
   * @param sb scale of b
   * @return negative, zero or positive
   */
  public static int compare(long a, int sa, long b, int sb) {
    if (sa == sb) {
      return Long.compare(a, b);
    }
    if (sa < sb && sb - sa <= 18) {
      long hi = Math.multiplyHigh(a, POW10[sb - sa]);
      long lo = a * POW10[sb - sa];
      if (hi == (lo >> 63)) {
        return Long.compare(lo, b);
      }
    } else if (sb < sa) {
      return -compare(b, sb, a, sa);
    }
    return BigDecimal.valueOf(a, sa).compareTo(BigDecimal.valueOf(b, sb));
  }

  /**
   * Decimal as a double.
   *
   * @param v unscaled value
   * @param s scale
   * @return the nearest double
   */
  public static double toDouble(long v, int s) {
    if (s == 0) {
      return v;
    }
    if (Math.abs(v) < (1L << 53)) {
      return v / (double) POW10[s];
    }
    return BigDecimal.valueOf(v, s).doubleValue();
  }

  /**
   * Decimal rounded half away from zero to an integer (PostgreSQL's numeric to integer cast).
   *
   * @param v unscaled value
   * @param s scale
   * @return the rounded integer
   */
  public static long toLong(long v, int s) {
    return s == 0 ? v : divideRound(v, POW10[s]);
  }

  /**
   * Integer converted to a decimal.
   *
   * @param v the integer
   * @param s target scale
   * @param p target precision
   * @return unscaled value
   * @throws LaminarDBException {@code 22003} when it does not fit
   */
  public static long fromLong(long v, int s, int p) {
    return rescale(v, 0, s, p);
  }

  /**
   * Double converted to a decimal via its shortest decimal representation, rounded half away
   * from zero.
   *
   * @param d the double
   * @param s target scale
   * @param p target precision
   * @return unscaled value
   * @throws LaminarDBException {@code 22003} for NaN, infinities and values that do not fit
   */
  public static long fromDouble(double d, int s, int p) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new LaminarDBException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
          "cannot convert " + d + " to DECIMAL(" + p + ", " + s + ")");
    }
    double scaled = d * POW10[s];
    double abs = Math.abs(scaled);
    if (abs < 1e9) {
      double whole = Math.floor(abs);
      double frac = abs - whole;
      if (Math.abs(frac - 0.5) > 1e-6) {
        long r = (long) whole + (frac > 0.5 ? 1 : 0);
        return checkPrecision(scaled < 0 ? -r : r, p);
      }
    }
    return fromBig(BigDecimal.valueOf(d), s, p);
  }

  /**
   * Text parsed as a decimal (leading and trailing blanks allowed).
   *
   * @param text the text
   * @param s target scale
   * @param p target precision
   * @return unscaled value
   * @throws LaminarDBException {@code 22P02} on bad text, {@code 22003} when it does not fit
   */
  public static long parse(String text, int s, int p) {
    BigDecimal d;
    try {
      d = new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new LaminarDBException(ErrorCode.INVALID_TEXT_REPRESENTATION,
          "invalid input syntax for type numeric: \"" + text + "\"");
    }
    return fromBig(d, s, p);
  }

  /**
   * Decimal as plain text with exactly {@code s} digits after the point, e.g. {@code -1.50}.
   *
   * @param v unscaled value
   * @param s scale
   * @return the text
   */
  public static String toString(long v, int s) {
    return BigDecimal.valueOf(v, s).toPlainString();
  }

  /**
   * Decimal rounded half away from zero to {@code digits} places after the point (negative:
   * before it), keeping scale {@code s}.
   *
   * @param v unscaled value
   * @param s scale of v and of the result
   * @param digits places to keep
   * @param p result precision
   * @return unscaled rounded value
   * @throws LaminarDBException {@code 22003} when rounding up overflows the precision
   */
  public static long round(long v, int s, long digits, int p) {
    long drop = s - digits;
    if (drop <= 0) {
      return v;
    }
    if (drop > 18) {
      return 0;
    }
    long unit = POW10[(int) drop];
    return checkPrecision(divideRound(v, unit) * unit, p);
  }

  /**
   * Decimal truncated toward zero to {@code digits} places, keeping scale {@code s}.
   *
   * @param v unscaled value
   * @param s scale of v and of the result
   * @param digits places to keep
   * @return unscaled truncated value
   */
  public static long truncate(long v, int s, long digits) {
    long drop = s - digits;
    if (drop <= 0) {
      return v;
    }
    if (drop > 18) {
      return 0;
    }
    long unit = POW10[(int) drop];
    return v / unit * unit;
  }

  /**
   * Largest integer not greater than the decimal, at scale {@code rs}.
   *
   * @param v unscaled value
   * @param s scale of v
   * @param rs result scale
   * @param p result precision
   * @return unscaled result
   */
  public static long floor(long v, int s, int rs, int p) {
    long whole = Math.floorDiv(v, POW10[s]);
    return rescale(whole, 0, rs, p);
  }

  /**
   * Smallest integer not less than the decimal, at scale {@code rs}.
   *
   * @param v unscaled value
   * @param s scale of v
   * @param rs result scale
   * @param p result precision
   * @return unscaled result
   */
  public static long ceil(long v, int s, int rs, int p) {
    long whole = -Math.floorDiv(-v, POW10[s]);
    return rescale(whole, 0, rs, p);
  }

  /**
   * Quotient of two longs rounded half away from zero.
   *
   * @param n dividend
   * @param d divisor, not zero
   * @return rounded n / d
   */
  static long divideRound(long n, long d) {
    long q = n / d;
    long r = n % d;
    if (r != 0) {
      long ar = Math.abs(r);
      long ad = Math.abs(d);
      if (ar >= ad - ar) {
        q += (n < 0) == (d < 0) ? 1 : -1;
      }
    }
    return q;
  }

  private static long fromBig(BigDecimal d, int s, int p) {
    BigInteger unscaled = d.setScale(s, RoundingMode.HALF_UP).unscaledValue();
    if (unscaled.bitLength() > 63) {
      throw overflow(p);
    }
    return checkPrecision(unscaled.longValue(), p);
  }

  private static LaminarDBException overflow(int precision) {
    return new LaminarDBException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
        "numeric field overflow: the value does not fit in " + precision + " digits");
  }
}
