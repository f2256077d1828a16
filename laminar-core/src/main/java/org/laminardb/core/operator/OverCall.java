package org.laminardb.core.operator;

import java.util.Objects;
import org.laminardb.core.type.DataType;

/**
 * One function computed by an {@link OverOperator} over event-time ordered rows of a partition.
 *
 * <p>{@link Function#LAG} and {@link Function#LEAD} read the argument of the row {@code offset}
 * rows before or after the current one in the partition (ties of the event time in arrival
 * order), {@code defaultValue} when there is none (for LEAD never used: a row waits until its
 * following row arrives). The aggregates read the rows of the operator's frame.
 *
 * @param function the function
 * @param argColumn input column of the argument, -1 for {@code COUNT(*)}
 * @param offset rows back (LAG) or ahead (LEAD), at least 1; 0 for aggregates
 * @param defaultValue LAG's value when there is no such row: a {@link Long} (LONG-kind result),
 *     {@link Double} or {@link String}, or null for NULL
 * @param resultType type of the output column
 */
public record OverCall(
    Function function, int argColumn, int offset, Object defaultValue, DataType resultType) {
  /** The functions. */
  public enum Function {
    /** {@code LAG(x, offset, default)}. */
    LAG,
    /** {@code LEAD(x, offset)}. */
    LEAD,
    /** {@code COUNT(*)}. */
    COUNT_STAR,
    /** {@code COUNT(x)}. */
    COUNT,
    /** {@code SUM(x)}, NULL over no non-NULL value. */
    SUM,
    /** {@code AVG(x)}, NULL over no non-NULL value. */
    AVG,
    /** {@code MIN(x)}. */
    MIN,
    /** {@code MAX(x)}. */
    MAX
  }

  /**
   * Creates a call, checking its arguments.
   *
   * @param function the function
   * @param argColumn input column of the argument, -1 for {@code COUNT(*)}
   * @param offset rows back or ahead for LAG and LEAD, at least 1; 0 for aggregates
   * @param defaultValue LAG's default or null
   * @param resultType type of the output column
   */
  public OverCall {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(resultType, "resultType");
    boolean shift = function == Function.LAG || function == Function.LEAD;
    if (shift ? offset < 1 : offset != 0) {
      throw new IllegalArgumentException(function + " offset must be "
          + (shift ? "at least 1" : "0") + ": offset=" + offset);
    }
    if ((function == Function.COUNT_STAR) != (argColumn < 0)) {
      throw new IllegalArgumentException(function + (argColumn < 0 ? " needs" : " takes no")
          + " argument column: argColumn=" + argColumn);
    }
  }

  /**
   * Whether this is LAG or LEAD rather than an aggregate.
   *
   * @return true for LAG and LEAD
   */
  public boolean isShift() {
    return function == Function.LAG || function == Function.LEAD;
  }

  /**
   * The aggregate spec of an aggregate call.
   *
   * @return the spec
   * @throws IllegalStateException for LAG and LEAD
   */
  public AggregateSpec aggregateSpec() {
    switch (function) {
      case COUNT_STAR:
        return new AggregateSpec(AggregateKind.COUNT_STAR, -1, false, resultType);
      case COUNT:
        return AggregateSpec.of(AggregateKind.COUNT, argColumn, resultType);
      case SUM:
        return AggregateSpec.of(AggregateKind.SUM, argColumn, resultType);
      case AVG:
        return AggregateSpec.of(AggregateKind.AVG, argColumn, resultType);
      case MIN:
        return AggregateSpec.of(AggregateKind.MIN, argColumn, resultType);
      case MAX:
        return AggregateSpec.of(AggregateKind.MAX, argColumn, resultType);
      default:
        throw new IllegalStateException(function + " is not an aggregate");
    }
  }
}
