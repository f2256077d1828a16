package org.laminardb.core.operator;

/** Aggregate function computed by a {@link GroupAggregateOperator}. */
public enum AggregateKind {
  /** {@code COUNT(*)}: rows in the group. */
  COUNT_STAR,
  /** {@code COUNT(x)}: rows whose argument is not NULL. */
  COUNT,
  /** {@code SUM(x)} over non-NULL arguments; NULL when there is none. */
  SUM,
  /** {@code AVG(x)} over non-NULL arguments; NULL when there is none. */
  AVG,
  /** {@code MIN(x)} over non-NULL arguments; NULL when there is none. */
  MIN,
  /** {@code MAX(x)} over non-NULL arguments; NULL when there is none. */
  MAX,
  /**
   * {@code FIRST_VALUE(x)}: the non-NULL argument with the smallest event time ({@link
   * AggregateSpec#orderColumn()}; arrival order when there is none), ties to the earliest
   * arrival; NULL when there is none. Append-only inputs only.
   */
  FIRST_VALUE,
  /**
   * {@code LAST_VALUE(x)}: the non-NULL argument with the largest event time ({@link
   * AggregateSpec#orderColumn()}; arrival order when there is none), ties to the latest arrival;
   * NULL when there is none. Append-only inputs only.
   */
  LAST_VALUE,
  /** {@code VAR_POP(x)}: population variance of the non-NULL arguments; NULL when there is none. */
  VAR_POP,
  /** {@code VAR_SAMP(x)}: sample variance of the non-NULL arguments; NULL below two. */
  VAR_SAMP,
  /** {@code STDDEV_POP(x)}: square root of {@link #VAR_POP}. */
  STDDEV_POP,
  /** {@code STDDEV_SAMP(x)}: square root of {@link #VAR_SAMP}. */
  STDDEV_SAMP,
  /**
   * {@code APPROX_COUNT_DISTINCT(x)}: HyperLogLog estimate of the number of distinct non-NULL
   * arguments (relative standard error about 1.6%); 0 when there is none. Append-only inputs only.
   */
  APPROX_COUNT_DISTINCT,
  /**
   * {@code PERCENTILE_CONT(f) WITHIN GROUP (ORDER BY x)}: the value at position {@code f * (n -
   * 1)} of the n sorted non-NULL arguments, interpolated linearly between neighbours; NULL when
   * there is none. The argument column is the ORDER BY column and {@link
   * AggregateSpec#fraction()} is {@code f}.
   */
  PERCENTILE_CONT,
  /**
   * {@code PERCENTILE_DISC(f) WITHIN GROUP (ORDER BY x)}: the first sorted non-NULL argument whose
   * cumulative distribution is at least {@code f}; NULL when there is none.
   */
  PERCENTILE_DISC
}
