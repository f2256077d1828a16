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
  MAX
}
