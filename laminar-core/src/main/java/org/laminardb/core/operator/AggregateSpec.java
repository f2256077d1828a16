package org.laminardb.core.operator;

import java.util.Objects;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.TypeKind;

/**
 * One aggregate call of a {@link GroupAggregateOperator}: the function, its argument column, the
 * DISTINCT flag and the type of its result column.
 *
 * <p>DISTINCT changes the result of COUNT, SUM and AVG; for MIN and MAX it is accepted and has no
 * effect. {@code COUNT(*)} has no argument and cannot be DISTINCT.
 *
 * @param kind the function
 * @param argColumn input column of the argument, or -1 for {@link AggregateKind#COUNT_STAR}
 * @param distinct whether only distinct argument values count
 * @param resultType type of the output column
 */
public record AggregateSpec(
    AggregateKind kind, int argColumn, boolean distinct, DataType resultType) {
  /**
   * Creates a spec, checking that the argument fits the function.
   *
   * @param kind the function
   * @param argColumn input column of the argument, or -1 for {@link AggregateKind#COUNT_STAR}
   * @param distinct whether only distinct argument values count
   * @param resultType type of the output column
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
}
