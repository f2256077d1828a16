package org.laminardb.core.operator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.state.GroupedValueCounts;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * {@code SUM} and {@code AVG}, optionally DISTINCT: a per-group sum and the number of values in
 * it. The sum is an exact long (unscaled for DECIMAL) when the argument is stored as long and the
 * result needs it, else a double. Long sums are checked on every row against the range of the
 * result type (INT, BIGINT, or DECIMAL precision): leaving it raises {@code 22003} before the row
 * changes anything. AVG is computed from sum and count when the result is written: a DOUBLE, or a
 * DECIMAL at the result scale rounded half up. With DISTINCT, a value enters the sum when its
 * count in the group becomes positive and leaves it when the count returns to zero.
 */
final class AggSum extends AggAccumulator {
  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private final boolean avg;
  private final boolean longMode;
  private final boolean realResult;
  private final double inputDivisor;
  private final int inputScale;
  private final int resultScale;
  private final long lo;
  private final long hi;
  private final String resultName;
  private final GroupedValueCounts distinct;
  private long[] longSums = new long[0];
  private double[] doubleSums = new double[0];
  private int pending = -1;

  AggSum(AggregateSpec spec, DataType argType) {
    super(spec.argColumn());
    this.avg = spec.kind() == AggregateKind.AVG;
    DataType result = spec.resultType();
    requireNumeric(spec, argType);
    boolean argLong = argType.physical() == PhysicalKind.LONG;
    boolean resultLong = result.physical() == PhysicalKind.LONG;
    this.inputScale = argType.kind() == TypeKind.DECIMAL ? argType.scale() : 0;
    this.resultScale = result.kind() == TypeKind.DECIMAL ? result.scale() : 0;
    if (resultLong && (!argLong || !avg && inputScale != resultScale)) {
      throw new IllegalArgumentException(spec.kind() + " of " + argType + " cannot give " + result
          + ": an exact result needs an exact argument" + (avg ? "" : " of the same scale"));
    }
    this.longMode = avg ? argLong : resultLong;
    this.realResult = result.kind() == TypeKind.REAL;
    this.inputDivisor = POW10[inputScale];
    this.hi = upperBound(result);
    this.lo = result.kind() == TypeKind.INT ? Integer.MIN_VALUE
        : hi == Long.MAX_VALUE ? Long.MIN_VALUE : -hi;
    this.resultName = result.sqlName();
    this.distinct = spec.distinct() ? new GroupedValueCounts(argType.physical(), false) : null;
  }

  private static void requireNumeric(AggregateSpec spec, DataType argType) {
    TypeKind k = argType.kind();
    boolean numeric = k == TypeKind.INT || k == TypeKind.BIGINT || k == TypeKind.DECIMAL
        || k == TypeKind.DOUBLE || k == TypeKind.REAL || k == TypeKind.INTERVAL;
    if (!numeric || spec.resultType().physical() == PhysicalKind.STRING) {
      throw new IllegalArgumentException(
          spec.kind() + " needs a numeric argument and result: argument=" + argType
              + ", result=" + spec.resultType());
    }
  }

  private static long upperBound(DataType result) {
    if (result.kind() == TypeKind.INT) {
      return Integer.MAX_VALUE;
    }
    if (result.kind() == TypeKind.DECIMAL && result.precision() < POW10.length) {
      return POW10[result.precision()] - 1;
    }
    return Long.MAX_VALUE;
  }

  @Override
  void growState(int capacity) {
    if (longMode) {
      longSums = Arrays.copyOf(longSums, capacity);
    } else {
      doubleSums = Arrays.copyOf(doubleSums, capacity);
    }
    if (distinct != null) {
      distinct.ensureGroupCapacity(capacity);
    }
  }

  @Override
  void initState(int group) {
    if (longMode) {
      longSums[group] = 0;
    } else {
      doubleSums[group] = 0;
    }
  }

  @Override
  boolean checkValue(int group, Column col, int row, int weight) {
    boolean contributes = true;
    if (distinct != null) {
      if (weight > 0) {
        contributes = distinct.find(group, col, row) < 0;
      } else {
        pending = distinct.find(group, col, row);
        if (pending < 0) {
          return false;
        }
        contributes = distinct.count(pending) == 1;
      }
    }
    if (contributes && longMode) {
      long a = longSums[group];
      long v = col.longs[row];
      long r = weight > 0 ? a + v : a - v;
      boolean overflow = weight > 0 ? ((a ^ r) & (v ^ r)) < 0 : ((a ^ v) & (a ^ r)) < 0;
      if (overflow || !avg && (r < lo || r > hi)) {
        throw new LaminarDBException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
            (avg ? "AVG" : "SUM") + " out of range of " + (avg ? "BIGINT" : resultName)
                + " after adding " + (weight > 0 ? v : -v) + " to " + a);
      }
    }
    return true;
  }

  @Override
  void applyValue(int group, Column col, int row, int weight) {
    if (distinct != null) {
      if (weight > 0) {
        if (distinct.count(distinct.add(group, col, row)) != 1) {
          return;
        }
      } else if (!distinct.decrement(pending)) {
        return;
      }
    }
    boolean empty = count(group) == 0;
    if (longMode) {
      long v = col.longs[row];
      longSums[group] = empty ? 0 : weight > 0 ? longSums[group] + v : longSums[group] - v;
    } else {
      double v = col.doubles != null ? col.doubles[row] : col.longs[row] / inputDivisor;
      doubleSums[group] = empty ? 0 : doubleSums[group] + (weight > 0 ? v : -v);
    }
  }

  private long count(int group) {
    return distinct == null ? nonNull[group] : distinct.distinctCount(group);
  }

  @Override
  void result(int group, Column out, int row) {
    long n = count(group);
    if (n == 0) {
      out.setNull(row);
    } else if (out.doubles != null) {
      double v = longMode ? longSums[group] / inputDivisor : doubleSums[group];
      if (avg) {
        v = longMode ? (double) longSums[group] / n / inputDivisor : v / n;
      }
      out.doubles[row] = realResult ? (float) v : v;
    } else if (avg) {
      out.longs[row] = average(longSums[group], n);
    } else {
      out.longs[row] = longSums[group];
    }
  }

  /** Exact average at the result scale, rounded half away from zero. */
  private long average(long sum, long n) {
    int d = resultScale - inputScale;
    long q;
    if (d >= 0) {
      long f = POW10[d];
      long scaled = sum * f;
      boolean fits = Math.multiplyHigh(sum, f) == (scaled >> 63);
      q = fits ? divideHalfUp(scaled, n) : slowAverage(sum, n);
    } else {
      long f = POW10[-d];
      long divisor = n * f;
      boolean fits = Math.multiplyHigh(n, f) == 0 && divisor > 0;
      q = fits ? divideHalfUp(sum, divisor) : slowAverage(sum, n);
    }
    if (q < lo || q > hi) {
      throw new LaminarDBException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
          "AVG out of range of " + resultName + ": " + BigDecimal.valueOf(q, resultScale));
    }
    return q;
  }

  private long slowAverage(long sum, long n) {
    BigInteger q = BigDecimal.valueOf(sum, inputScale)
        .divide(BigDecimal.valueOf(n), resultScale, RoundingMode.HALF_UP)
        .unscaledValue();
    if (q.bitLength() > 63) {
      throw new LaminarDBException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
          "AVG out of range of " + resultName + ": " + new BigDecimal(q, resultScale));
    }
    return q.longValue();
  }

  /** {@code a / n} rounded half away from zero, for {@code n > 0}. */
  static long divideHalfUp(long a, long n) {
    long q = a / n;
    long r = Math.abs(a % n);
    if (r >= n - r) {
      q += a < 0 ? -1 : 1;
    }
    return q;
  }

  /** Drops the group's per-value counts (a window closing with rows still in the group). */
  @Override
  void free(int group) {
    if (distinct != null) {
      distinct.clearGroup(group);
    }
  }
}
