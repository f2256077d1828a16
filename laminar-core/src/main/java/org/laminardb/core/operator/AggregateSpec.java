package org.laminardb.core.operator;

import java.util.Objects;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.TypeKind;

/**
 * One aggregate call of a {@link GroupAggregateOperator} (or a window aggregate): the function,
 * its argument column, the DISTINCT flag, the type of its result column, and optionally a FILTER
 * column, an ordering column and a fraction.
 *
 * <p>DISTINCT changes the result of COUNT, SUM and AVG; for MIN and MAX it is accepted and has no
 * effect; the other functions cannot be DISTINCT. {@code COUNT(*)} has no argument and cannot be
 * DISTINCT.
 *
 * <p>{@code filterColumn} is a BOOLEAN input column ({@code FILTER (WHERE cond)}): a row counts for
 * this aggregate only when it is TRUE (NULL and FALSE skip the row, for inserts and retractions
 * alike); -1 for no filter. {@code orderColumn} is the event-time column that orders {@link
 * AggregateKind#FIRST_VALUE} and {@link AggregateKind#LAST_VALUE} (-1: arrival order), and -1 for
 * every other function. {@code fraction} is the {@code f} in {@code PERCENTILE_CONT(f)} and {@code
 * PERCENTILE_DISC(f)}, between 0 and 1, and 0 for every other function; for the percentiles the
 * argument column is the {@code WITHIN GROUP (ORDER BY x)} column, sorted ascending.
 *
 * @param kind the function
 * @param argColumn input column of the argument, or -1 for {@link AggregateKind#COUNT_STAR}
 * @param distinct whether only distinct argument values count
 * @param resultType type of the output column
 * @param filterColumn BOOLEAN input column of {@code FILTER (WHERE ...)}, or -1
 * @param orderColumn event-time input column for FIRST_VALUE/LAST_VALUE, or -1
 * @param fraction percentile fraction in [0, 1] for PERCENTILE_CONT/PERCENTILE_DISC, else 0
 */
public record AggregateSpec(AggregateKind kind, int argColumn, boolean distinct,
    DataType resultType, int filterColumn, int orderColumn, double fraction) {
  /**
   * Creates a spec, checking that the arguments fit the function.
   *
   * @param kind the function
   * @param argColumn input column of the argument, or -1 for {@link AggregateKind#COUNT_STAR}
   * @param distinct whether only distinct argument values count
   * @param resultType type of the output column
   * @param filterColumn BOOLEAN input column of {@code FILTER (WHERE ...)}, or -1
   * @param orderColumn event-time input column for FIRST_VALUE/LAST_VALUE, or -1
   * @param fraction percentile fraction in [0, 1] for PERCENTILE_CONT/PERCENTILE_DISC, else 0
   * @throws IllegalArgumentException if an argument does not fit the function
   */
  public AggregateSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(resultType, "resultType");
    if (kind == AggregateKind.COUNT_STAR) {
      if (argColumn != -1) {
        throw new IllegalArgumentException(
            "COUNT(*) takes no argument column: argColumn=" + argColumn);
      }
      if (distinct) {
        throw new IllegalArgumentException("COUNT(*) cannot be DISTINCT");
      }
    } else if (argColumn < 0) {
      throw new IllegalArgumentException(
          kind + " needs an argument column: argColumn=" + argColumn);
    }
    if (distinct && kind.ordinal() > AggregateKind.MAX.ordinal()) {
      throw new IllegalArgumentException(kind + " cannot be DISTINCT");
    }
    if (filterColumn < -1) {
      throw new IllegalArgumentException("filterColumn must be -1 or a column: " + filterColumn);
    }
    boolean ordered = kind == AggregateKind.FIRST_VALUE || kind == AggregateKind.LAST_VALUE;
    if (orderColumn < -1 || !ordered && orderColumn != -1) {
      throw new IllegalArgumentException(
          kind + " cannot take orderColumn=" + orderColumn);
    }
    boolean percentile =
        kind == AggregateKind.PERCENTILE_CONT || kind == AggregateKind.PERCENTILE_DISC;
    if (percentile ? !(fraction >= 0 && fraction <= 1) : fraction != 0) {
      throw new IllegalArgumentException(kind + " cannot take fraction=" + fraction
          + (percentile ? " (must be between 0 and 1)" : ""));
    }
  }

  /**
   * Creates a spec without FILTER, ordering column or fraction.
   *
   * @param kind the function
   * @param argColumn input column of the argument, or -1 for {@link AggregateKind#COUNT_STAR}
   * @param distinct whether only distinct argument values count
   * @param resultType type of the output column
   * @throws IllegalArgumentException if an argument does not fit the function
   */
  public AggregateSpec(AggregateKind kind, int argColumn, boolean distinct, DataType resultType) {
    this(kind, argColumn, distinct, resultType, -1, -1, 0);
  }

  /**
   * Spec of {@code COUNT(*)} with a BIGINT NOT NULL result.
   *
   * @return the spec
   */
  public static AggregateSpec countStar() {
    return new AggregateSpec(
        AggregateKind.COUNT_STAR, -1, false, DataType.of(TypeKind.BIGINT).withNullable(false));
  }

  /**
   * Spec of a non-DISTINCT call.
   *
   * @param kind the function, not {@link AggregateKind#COUNT_STAR}
   * @param argColumn input column of the argument
   * @param resultType type of the output column
   * @return the spec
   */
  public static AggregateSpec of(AggregateKind kind, int argColumn, DataType resultType) {
    return new AggregateSpec(kind, argColumn, false, resultType);
  }

  /**
   * Spec of {@code PERCENTILE_CONT(fraction)} or {@code PERCENTILE_DISC(fraction)} {@code WITHIN
   * GROUP (ORDER BY x)}.
   *
   * @param kind {@link AggregateKind#PERCENTILE_CONT} or {@link AggregateKind#PERCENTILE_DISC}
   * @param fraction the fraction, between 0 and 1
   * @param orderByColumn input column {@code x}, sorted ascending
   * @param resultType type of the output column
   * @return the spec
   */
  public static AggregateSpec percentile(
      AggregateKind kind, double fraction, int orderByColumn, DataType resultType) {
    return new AggregateSpec(kind, orderByColumn, false, resultType, -1, -1, fraction);
  }

  /**
   * This spec with a {@code FILTER (WHERE ...)} column.
   *
   * @param column BOOLEAN input column, or -1 for no filter
   * @return the new spec
   */
  public AggregateSpec withFilter(int column) {
    return new AggregateSpec(
        kind, argColumn, distinct, resultType, column, orderColumn, fraction);
  }

  /**
   * This spec with an event-time ordering column (FIRST_VALUE and LAST_VALUE only).
   *
   * @param column event-time input column, or -1 for arrival order
   * @return the new spec
   */
  public AggregateSpec withOrderColumn(int column) {
    return new AggregateSpec(
        kind, argColumn, distinct, resultType, filterColumn, column, fraction);
  }
}
