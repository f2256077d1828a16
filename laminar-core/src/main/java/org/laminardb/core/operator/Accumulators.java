package org.laminardb.core.operator;

import org.laminardb.core.type.DataType;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;

/**
 * Creates the {@link AggAccumulator} of an {@link AggregateSpec}; shared by the group and window
 * aggregation operators.
 */
final class Accumulators {
  private Accumulators() {}

  /**
   * Creates the accumulator of one aggregate call.
   *
   * @param input schema of the operator's input
   * @param spec the call
   * @param appendOnly whether the input only inserts (allows cheaper state; retractions throw)
   * @return the accumulator
   * @throws IllegalArgumentException if the spec does not fit the input, or needs an append-only
   *     input (FIRST_VALUE, LAST_VALUE, APPROX_COUNT_DISTINCT) and {@code appendOnly} is false
   */
  static AggAccumulator create(Schema input, AggregateSpec spec, boolean appendOnly) {
    AggAccumulator acc = createUnfiltered(input, spec, appendOnly);
    if (spec.filterColumn() >= 0) {
      OperatorChecks.requireColumn(input, spec.filterColumn(), "filterColumn");
      DataType f = input.field(spec.filterColumn()).type();
      if (f.kind() != TypeKind.BOOLEAN) {
        throw new IllegalArgumentException("filterColumn must be BOOLEAN: " + f);
      }
      acc.filter = spec.filterColumn();
    }
    return acc;
  }

  private static AggAccumulator createUnfiltered(
      Schema input, AggregateSpec spec, boolean appendOnly) {
    if (spec.kind() == AggregateKind.COUNT_STAR) {
      return new AggCount(-1, PhysicalKind.LONG, false);
    }
    OperatorChecks.requireColumn(input, spec.argColumn(), "argColumn");
    DataType arg = input.field(spec.argColumn()).type();
    switch (spec.kind()) {
      case COUNT:
        requireResult(spec, PhysicalKind.LONG);
        return new AggCount(spec.argColumn(), arg.physical(), spec.distinct());
      case SUM:
      case AVG:
        return new AggSum(spec, arg);
      case VAR_POP:
      case VAR_SAMP:
      case STDDEV_POP:
      case STDDEV_SAMP:
        return new AggVariance(spec, arg);
      case PERCENTILE_CONT:
      case PERCENTILE_DISC:
        return new AggPercentile(spec, arg);
      case FIRST_VALUE:
      case LAST_VALUE:
        requireAppendOnly(spec, appendOnly);
        requireResult(spec, arg.physical());
        if (spec.orderColumn() >= 0) {
          OperatorChecks.requireColumn(input, spec.orderColumn(), "orderColumn");
          if (input.field(spec.orderColumn()).type().physical() != PhysicalKind.LONG) {
            throw new IllegalArgumentException("orderColumn must be an event-time column: "
                + input.field(spec.orderColumn()).type());
          }
        }
        return new AggFirstLast(spec.argColumn(), arg.physical(), spec.orderColumn(),
            spec.kind() == AggregateKind.LAST_VALUE);
      case APPROX_COUNT_DISTINCT:
        requireAppendOnly(spec, appendOnly);
        requireResult(spec, PhysicalKind.LONG);
        return new AggApproxCountDistinct(spec.argColumn(), arg.physical());
      default:
        requireResult(spec, arg.physical());
        boolean max = spec.kind() == AggregateKind.MAX;
        return appendOnly
            ? new AggMinMaxAppendOnly(spec.argColumn(), arg.physical(), max)
            : new AggMinMax(spec.argColumn(), arg.physical(), max);
    }
  }

  private static void requireAppendOnly(AggregateSpec spec, boolean appendOnly) {
    if (!appendOnly) {
      throw new IllegalArgumentException(spec.kind() + " needs an append-only input");
    }
  }

  private static void requireResult(AggregateSpec spec, PhysicalKind expected) {
    if (spec.resultType().physical() != expected) {
      throw new IllegalArgumentException(spec.kind() + " result must be stored as " + expected
          + ": resultType=" + spec.resultType());
    }
  }
}
