package org.laminardb.core.operator;

import org.laminardb.core.type.DataType;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.Schema;

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
   */
  static AggAccumulator create(Schema input, AggregateSpec spec, boolean appendOnly) {
    if (spec.kind() == AggregateKind.COUNT_STAR) {
      return new AggCount(-1, PhysicalKind.LONG, false);
    }
    GroupAggregateOperator.requireColumn(input, spec.argColumn(), "argColumn");
    DataType arg = input.field(spec.argColumn()).type();
    switch (spec.kind()) {
      case COUNT:
        requireResult(spec, PhysicalKind.LONG);
        return new AggCount(spec.argColumn(), arg.physical(), spec.distinct());
      case SUM:
      case AVG:
        return new AggSum(spec, arg);
      default:
        requireResult(spec, arg.physical());
        boolean max = spec.kind() == AggregateKind.MAX;
        return appendOnly
            ? new AggMinMaxAppendOnly(spec.argColumn(), arg.physical(), max)
            : new AggMinMax(spec.argColumn(), arg.physical(), max);
    }
  }

  private static void requireResult(AggregateSpec spec, PhysicalKind expected) {
    if (spec.resultType().physical() != expected) {
      throw new IllegalArgumentException(spec.kind() + " result must be stored as " + expected
          + ": resultType=" + spec.resultType());
    }
  }
}
