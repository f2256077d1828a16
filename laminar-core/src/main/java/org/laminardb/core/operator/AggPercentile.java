package org.laminardb.core.operator;

import java.math.BigDecimal;
import java.util.Arrays;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.state.KeyEncoder;
import org.laminardb.core.state.LongKeyTable;
import org.laminardb.core.state.Treap;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.TypeKind;

/**
 * Exact {@code PERCENTILE_CONT(f)} and {@code PERCENTILE_DISC(f)} {@code WITHIN GROUP (ORDER BY
 * x)} under retraction.
 *
 * <p>Semantics (as PostgreSQL and H2), over the n sorted non-NULL values {@code v[0..n-1]} of a
 * group: PERCENTILE_CONT is {@code v[i] + (v[i + 1] - v[i]) * t} where {@code f * (n - 1) = i +
 * t} with {@code 0 <= t < 1}, computed in double; PERCENTILE_DISC is {@code v[k - 1]} for the
 * smallest k with {@code k / n >= f} (k at least 1), the first value whose cumulative distribution
 * reaches f. Both are NULL for a group without non-NULL values. PERCENTILE_CONT is written in the
 * result type: DOUBLE and REAL as computed, DECIMAL rounded half away from zero to its scale, and
 * INT/BIGINT (Calcite types the result like the ORDER BY column) rounded half away from zero. The fraction's decimal digits are
 * used exactly to find the rank (0.3 of 10 values is rank 3, not 3.0000000000000004).
 *
 * <p>Design notes. Each distinct (group, value) pair is an entry of a {@link LongKeyTable} of
 * width 2 whose dense id indexes parallel arrays: the value's count, and a node of the group's
 * treap ordered by value, augmented with the total count of its subtree so that the value of rank
 * k is found by one descent. Adding or removing one occurrence is O(log d) for d distinct values
 * in the group (the subtree totals along the path change); finding the result is O(log d). Values
 * are stored as words: the long for LONG kinds, {@link KeyEncoder#doubleBits} for doubles (ordered
 * by {@link Double#compare}). Only numeric arguments are accepted. Garbage free in steady state.
 */
final class AggPercentile extends AggAccumulator {
  private final boolean cont;
  private final boolean doubleValues;
  private final double inputDivisor;
  private final double fraction;
  private final long fractionNum;
  private final long fractionDen;
  private final boolean resultDouble;
  private final boolean resultReal;
  private final double resultFactor;
  private final LongKeyTable table = new LongKeyTable(2);
  private final long[] key = new long[2];
  private final Treap treap = new Treap(this::compare, true);
  private int[] roots = new int[0];
  private int pending = -1;

  AggPercentile(AggregateSpec spec, DataType argType) {
    super(spec.argColumn());
    this.cont = spec.kind() == AggregateKind.PERCENTILE_CONT;
    TypeKind a = argType.kind();
    boolean numeric = a == TypeKind.INT || a == TypeKind.BIGINT || a == TypeKind.DECIMAL
        || a == TypeKind.DOUBLE || a == TypeKind.REAL;
    DataType result = spec.resultType();
    if (!numeric) {
      throw new IllegalArgumentException(spec.kind() + " needs a numeric ORDER BY column: "
          + argType);
    }
    if (cont && result.physical() == PhysicalKind.STRING
        || !cont && result.physical() != argType.physical()) {
      throw new IllegalArgumentException(spec.kind() + " of " + argType + " cannot give " + result);
    }
    this.doubleValues = argType.physical() == PhysicalKind.DOUBLE;
    this.inputDivisor = a == TypeKind.DECIMAL ? Math.pow(10, argType.scale()) : 1;
    this.fraction = spec.fraction();
    BigDecimal f = BigDecimal.valueOf(fraction);
    if (f.scale() >= 0 && f.scale() <= 18 && f.unscaledValue().bitLength() < 63) {
      this.fractionNum = f.unscaledValue().longValue();
      this.fractionDen = BigDecimal.ONE.scaleByPowerOfTen(f.scale()).longValueExact();
    } else {
      this.fractionNum = -1;
      this.fractionDen = 1;
    }
    this.resultDouble = result.physical() == PhysicalKind.DOUBLE;
    this.resultReal = result.kind() == TypeKind.REAL;
    this.resultFactor = result.kind() == TypeKind.DECIMAL ? Math.pow(10, result.scale()) : 1;
  }

  @Override
  void growState(int capacity) {
    int old = roots.length;
    roots = Arrays.copyOf(roots, capacity);
    Arrays.fill(roots, old, capacity, -1);
  }

  @Override
  void initState(int group) {
    roots[group] = -1;
  }

  private long word(Column col, int row) {
    return doubleValues ? KeyEncoder.doubleBits(col.doubles[row]) : col.longs[row];
  }

  @Override
  boolean checkValue(int group, Column col, int row, int weight) {
    if (weight > 0) {
      return true;
    }
    key[0] = group;
    key[1] = word(col, row);
    pending = table.get(key, 0);
    return pending >= 0;
  }

  @Override
  void applyValue(int group, Column col, int row, int weight) {
    if (weight > 0) {
      key[0] = group;
      key[1] = word(col, row);
      int e = table.getOrAdd(key, 0);
      if (table.lastAdded()) {
        treap.newNode(e);
        roots[group] = treap.insert(roots[group], e);
      } else {
        treap.adjust(roots[group], e, 1);
      }
    } else if (treap.count(pending) == 1) {
      roots[group] = treap.delete(roots[group], pending);
      table.remove(pending);
    } else {
      treap.adjust(roots[group], pending, -1);
    }
  }

  @Override
  void result(int group, Column out, int row) {
    long n = nonNull[group];
    if (n == 0) {
      out.setNull(row);
      return;
    }
    if (!cont) {
      int e = treap.select(roots[group], discreteRank(n));
      long w = table.key(e, 1);
      if (doubleValues) {
        out.doubles[row] = Double.longBitsToDouble(w);
      } else {
        out.longs[row] = w;
      }
      return;
    }
    long i;
    double t;
    long m = n - 1;
    if (fractionNum >= 0 && Math.multiplyHigh(fractionNum, m) == 0
        && fractionNum * m >= 0) {
      long p = fractionNum * m;
      i = p / fractionDen;
      t = (double) (p % fractionDen) / fractionDen;
    } else {
      double p = fraction * m;
      i = Math.min(m, (long) Math.floor(p));
      t = p - i;
    }
    double lo = value(treap.select(roots[group], i));
    double v = t == 0 ? lo : lo + (value(treap.select(roots[group], i + 1)) - lo) * t;
    if (resultDouble) {
      out.doubles[row] = resultReal ? (float) v : v;
    } else {
      out.longs[row] = Math.round(Math.abs(v) * resultFactor) * (v < 0 ? -1 : 1);
    }
  }

  /** 0-based rank of the PERCENTILE_DISC value among n values. */
  private long discreteRank(long n) {
    long k;
    if (fractionNum >= 0 && Math.multiplyHigh(fractionNum, n) == 0 && fractionNum * n >= 0) {
      long p = fractionNum * n;
      k = p / fractionDen + (p % fractionDen == 0 ? 0 : 1);
    } else {
      k = (long) Math.ceil(fraction * n);
    }
    return Math.max(1, Math.min(n, k)) - 1;
  }

  private double value(int e) {
    long w = table.key(e, 1);
    return doubleValues ? Double.longBitsToDouble(w) : w / inputDivisor;
  }

  private int compare(int a, int b) {
    long wa = table.key(a, 1);
    long wb = table.key(b, 1);
    return doubleValues
        ? Double.compare(Double.longBitsToDouble(wa), Double.longBitsToDouble(wb))
        : Long.compare(wa, wb);
  }

  @Override
  void free(int group) {
    while (roots[group] >= 0) {
      int e = roots[group];
      roots[group] = treap.deleteRoot(e);
      table.remove(e);
    }
  }
}
