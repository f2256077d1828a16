package org.laminardb.sql.plan;

import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.laminardb.core.operator.AggregateKind;
import org.laminardb.core.operator.AggregateSpec;
import org.laminardb.core.type.DataType;
import org.laminardb.sql.type.TypeMapping;

/** Maps Calcite aggregate calls to {@link AggregateSpec}s. */
final class AggregateSpecs {
  private AggregateSpecs() {}

  /**
   * The spec of one aggregate call.
   *
   * @param call Calcite's call
   * @param input the aggregate's input (its event-time column and whether it is append-only)
   * @return the spec
   * @throws org.laminardb.error.LaminarDBException 0A000 for unsupported calls
   */
  static AggregateSpec of(AggregateCall call, PhysicalNode input) {
    if (call.filterArg >= 0) {
      throw ContinuousQueryChecker.unsupportedRel("FILTER (WHERE ...) on an aggregate");
    }
    List<Integer> args = call.getArgList();
    AggregateKind kind;
    switch (call.getAggregation().getKind()) {
      case COUNT:
        if (args.size() > 1) {
          throw ContinuousQueryChecker.unsupportedRel("COUNT over several columns");
        }
        kind = args.isEmpty() ? AggregateKind.COUNT_STAR : AggregateKind.COUNT;
        break;
      case SUM:
        kind = AggregateKind.SUM;
        break;
      case AVG:
        kind = AggregateKind.AVG;
        break;
      case MIN:
        kind = AggregateKind.MIN;
        break;
      case MAX:
        kind = AggregateKind.MAX;
        break;
      default:
        throw ContinuousQueryChecker.unsupportedRel(
            "the aggregate function " + call.getAggregation().getName());
    }
    DataType result = TypeMapping.toDataType(call.getType());
    return new AggregateSpec(kind, args.isEmpty() ? -1 : args.get(0), call.isDistinct(), result);
  }
}
