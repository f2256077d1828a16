package org.laminardb.core.operator;

import java.util.Arrays;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.TypeKind;

/**
 * {@code VAR_POP}, {@code VAR_SAMP}, {@code STDDEV_POP} and {@code STDDEV_SAMP} under retraction:
 * per group the count n (the base class's non-NULL count), the running mean and M2, the sum of
 * squared deviations from the mean, kept with Welford's update, which also runs backwards to
 * remove a value: adding x gives {@code mean += (x - mean) / n; M2 += (x - mean_old) * (x -
 * mean)}, removing x gives {@code mean -= (x - mean) / n; M2 -= (x - mean_new) * (x - mean_old)}
 * with n the count after the change. The variance is {@code M2 / n} (population) or {@code M2 / (n
 * - 1)} (sample; NULL below two values); a group whose count returns to 0 starts again exactly.
 *
 * <p>Precision. Arguments are converted to double (DECIMAL divided by its scale). Welford's update
 * avoids the cancellation of the textbook {@code sum(x^2) - sum(x)^2 / n}: for inserts the
 * relative error of the variance is a small multiple of n times the double epsilon (about 1e-16)
 * in the worst case and far less typically. Removals subtract rounded terms, so after many
 * retractions of values much larger than the spread of the remaining ones the error can grow; M2
 * is clamped at 0 so that the result is never negative or NaN from rounding. A DOUBLE or REAL
 * result is written as computed (REAL rounded to float); a DECIMAL result is rounded half away
 * from zero to its scale.
 */
final class AggVariance extends AggAccumulator {
  private final boolean sample;
  private final boolean sqrt;
  private final double inputDivisor;
  private final boolean realResult;
  private final boolean decimalResult;
  private final double resultFactor;
  private double[] mean = new double[0];
  private double[] m2 = new double[0];

  AggVariance(AggregateSpec spec, DataType argType) {
    super(spec.argColumn());
    AggregateKind k = spec.kind();
    this.sample = k == AggregateKind.VAR_SAMP || k == AggregateKind.STDDEV_SAMP;
    this.sqrt = k == AggregateKind.STDDEV_POP || k == AggregateKind.STDDEV_SAMP;
    TypeKind a = argType.kind();
    boolean numeric = a == TypeKind.INT || a == TypeKind.BIGINT || a == TypeKind.DECIMAL
        || a == TypeKind.DOUBLE || a == TypeKind.REAL;
    DataType result = spec.resultType();
    boolean okResult = result.physical() == PhysicalKind.DOUBLE
        || result.kind() == TypeKind.DECIMAL;
    if (!numeric || !okResult) {
      throw new IllegalArgumentException(k + " needs a numeric argument and a DOUBLE, REAL or"
          + " DECIMAL result: argument=" + argType + ", result=" + result);
    }
    this.inputDivisor = a == TypeKind.DECIMAL ? Math.pow(10, argType.scale()) : 1;
    this.realResult = result.kind() == TypeKind.REAL;
    this.decimalResult = result.kind() == TypeKind.DECIMAL;
    this.resultFactor = decimalResult ? Math.pow(10, result.scale()) : 1;
  }

  @Override
  void growState(int capacity) {
    mean = Arrays.copyOf(mean, capacity);
    m2 = Arrays.copyOf(m2, capacity);
  }

  @Override
  void initState(int group) {
    mean[group] = 0;
    m2[group] = 0;
  }

  @Override
  boolean checkValue(int group, Column col, int row, int weight) {
    return true;
  }

  @Override
  void applyValue(int group, Column col, int row, int weight) {
    double x = col.doubles != null ? col.doubles[row] : col.longs[row] / inputDivisor;
    long n = nonNull[group];
    if (n == 0) {
      mean[group] = 0;
      m2[group] = 0;
      return;
    }
    double old = mean[group];
    if (weight > 0) {
      double m = old + (x - old) / n;
      mean[group] = m;
      m2[group] += (x - old) * (x - m);
    } else {
      double m = old - (x - old) / n;
      mean[group] = m;
      m2[group] = Math.max(0, m2[group] - (x - m) * (x - old));
    }
  }

  @Override
  void result(int group, Column out, int row) {
    long n = nonNull[group];
    if (n == 0 || sample && n < 2) {
      out.setNull(row);
      return;
    }
    double v = m2[group] / (sample ? n - 1 : n);
    if (sqrt) {
      v = Math.sqrt(v);
    }
    if (decimalResult) {
      out.longs[row] = Math.round(Math.abs(v) * resultFactor) * (v < 0 ? -1 : 1);
    } else {
      out.doubles[row] = realResult ? (float) v : v;
    }
  }
}
