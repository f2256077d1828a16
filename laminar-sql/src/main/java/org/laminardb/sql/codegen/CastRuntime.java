package org.laminardb.sql.codegen;

import java.math.BigDecimal;
import java.util.Locale;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Casts between text, booleans and numbers with PostgreSQL's rules: text is trimmed before
 * parsing, bad text raises {@code 22P02}, values outside the target range raise {@code 22003},
 * doubles become integers by rounding half to even (PostgreSQL's {@code rint}) and are printed
 * in their shortest round-trip form ({@code 0.1}, {@code 100}, {@code 1e+20}).
 */
public final class CastRuntime {
  private CastRuntime() {}

  /**
   * Text parsed as an integer of a given range.
   *
   * @param text the text
   * @param min smallest allowed value
   * @param max largest allowed value
   * @param typeName SQL type name for messages, e.g. {@code integer}
   * @return the value
   * @throws LaminarDBException {@code 22P02} on bad text, {@code 22003} when out of range
   */
  public static long parseLong(String text, long min, long max, String typeName) {
    String s = text.strip();
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    if (i == n) {
      throw badText(typeName, text);
    }
    long acc = 0;
    for (; i < n; i++) {
      int digit = s.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        throw badText(typeName, text);
      }
      if (acc < (Long.MIN_VALUE + digit) / 10) {
        throw ExpressionRuntime.outOfRange(typeName);
      }
      acc = acc * 10 - digit;
    }
    if (!negative) {
      if (acc == Long.MIN_VALUE) {
        throw ExpressionRuntime.outOfRange(typeName);
      }
      acc = -acc;
    }
    return ExpressionRuntime.checkRange(acc, min, max, typeName);
  }

  /**
   * Text parsed as a double; accepts {@code NaN}, {@code Infinity} and {@code inf}, any case.
   *
   * @param text the text
   * @return the value
   * @throws LaminarDBException {@code 22P02} on bad text
   */
  public static double parseDouble(String text) {
    String s = text.strip();
    String lower = s.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "nan":
        return Double.NaN;
      case "infinity": case "+infinity": case "inf": case "+inf":
        return Double.POSITIVE_INFINITY;
      case "-infinity": case "-inf":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
    if (!Character.isDigit(last) && last != '.') {
      throw badText("double precision", text);
    }
    try {
      double d = Double.parseDouble(s);
      if (Double.isInfinite(d)) {
        throw new LaminarDBException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
            "\"" + text + "\" is out of range for type double precision");
      }
      return d;
    } catch (NumberFormatException e) {
      throw badText("double precision", text);
    }
  }

  /**
   * Text parsed as a boolean: {@code true/false, t/f, yes/no, y/n, on/off, 1/0}, any case.
   *
   * @param text the text
   * @return the value
   * @throws LaminarDBException {@code 22P02} on bad text
   */
  public static boolean parseBoolean(String text) {
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "t": case "true": case "y": case "yes": case "on": case "1":
        return true;
      case "f": case "false": case "n": case "no": case "off": case "0":
        return false;
      default:
        throw badText("boolean", text);
    }
  }

  /**
   * Double rounded half to even to an integer of a given range.
   *
   * @param d the double
   * @param min smallest allowed value
   * @param max largest allowed value
   * @param typeName SQL type name for messages
   * @return the integer
   * @throws LaminarDBException {@code 22003} for NaN, infinities and out-of-range values
   */
  public static long doubleToLong(double d, long min, long max, String typeName) {
    double r = Math.rint(d);
    if (Double.isNaN(r) || r < -9.223372036854775808E18 || r >= 9.223372036854775808E18) {
      throw ExpressionRuntime.outOfRange(typeName);
    }
    return ExpressionRuntime.checkRange((long) r, min, max, typeName);
  }

  /**
   * Double as text, PostgreSQL style: shortest round-trip digits, no trailing {@code .0},
   * exponent form ({@code 1e+20}, {@code 1e-05}) below 1e-4 and from 1e15 on.
   *
   * @param d the value
   * @return the text
   */
  public static String doubleToString(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    return format(new BigDecimal(Double.toString(d)), 15);
  }

  /**
   * REAL as text, PostgreSQL style (shortest round-trip digits of the float).
   *
   * @param d the value, holding a float
   * @return the text
   */
  public static String realToString(double d) {
    float f = (float) d;
    if (Float.isNaN(f) || Float.isInfinite(f) || f == 0) {
      return doubleToString(f);
    }
    return format(new BigDecimal(Float.toString(f)), 6);
  }

  /**
   * Boolean as PostgreSQL text.
   *
   * @param b the value
   * @return {@code true} or {@code false}
   */
  public static String booleanToString(boolean b) {
    return b ? "true" : "false";
  }

  /**
   * Text cut to a maximum length in characters ({@code CAST(s AS VARCHAR(n))}).
   *
   * @param s the text
   * @param length maximum characters
   * @return s or its prefix
   */
  public static String truncate(String s, int length) {
    if (s.length() <= length) {
      return s;
    }
    int count = s.codePointCount(0, s.length());
    return count <= length ? s : s.substring(0, s.offsetByCodePoints(0, length));
  }

  /**
   * Text cut or padded with blanks to an exact length ({@code CAST(s AS CHAR(n))}).
   *
   * @param s the text
   * @param length characters
   * @return the padded or cut text
   */
  public static String pad(String s, int length) {
    String t = truncate(s, length);
    int count = t.codePointCount(0, t.length());
    return count >= length ? t : t + " ".repeat(length - count);
  }

  /**
   * Text without trailing blanks (PostgreSQL's {@code CHAR(n)} to {@code VARCHAR} cast).
   *
   * @param s the text
   * @return s without trailing blanks
   */
  public static String trimTrailingBlanks(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  private static String format(BigDecimal shortest, int maxExponent) {
    BigDecimal v = shortest.stripTrailingZeros();
    int exponent = v.precision() - v.scale() - 1;
    if (exponent < -4 || exponent >= maxExponent) {
      String digits = v.unscaledValue().abs().toString();
      StringBuilder b = new StringBuilder();
      if (v.signum() < 0) {
        b.append('-');
      }
      b.append(digits.charAt(0));
      if (digits.length() > 1) {
        b.append('.').append(digits, 1, digits.length());
      }
      b.append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      if (abs < 10) {
        b.append('0');
      }
      return b.append(abs).toString();
    }
    return v.toPlainString();
  }

  private static LaminarDBException badText(String typeName, String text) {
    return new LaminarDBException(ErrorCode.INVALID_TEXT_REPRESENTATION,
        "invalid input syntax for type " + typeName + ": \"" + text + "\"");
  }
}
