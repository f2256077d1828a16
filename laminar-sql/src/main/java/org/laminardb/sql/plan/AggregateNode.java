package org.laminardb.sql.plan;

import java.util.List;
import org.laminardb.core.operator.AggregateSpec;
import org.laminardb.core.type.Schema;

/**
 * Unbounded GROUP BY aggregation, correct under retractions.
 *
 * @param input the input
 * @param groupColumns input columns of the grouping key
 * @param aggregates the aggregate calls
 * @param schema output: key columns, then one per aggregate
 */
public record AggregateNode(
    PhysicalNode input, int[] groupColumns, List<AggregateSpec> aggregates, Schema schema)
    implements PhysicalNode {
  @Override
  public boolean appendOnly() {
    return false;
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("GroupAggregate(keys=[");
    Schema in = input.schema();
    for (int i = 0; i < groupColumns.length; i++) {
      sb.append(i > 0 ? ", " : "").append(in.field(groupColumns[i]).name());
    }
    sb.append("], aggs=[");
    for (int i = 0; i < aggregates.size(); i++) {
      AggregateSpec a = aggregates.get(i);
      sb.append(i > 0 ? ", " : "").append(a.kind()).append('(');
      if (a.distinct()) {
        sb.append("DISTINCT ");
      }
      sb.append(a.argColumn() < 0 ? "*" : in.field(a.argColumn()).name()).append(')');
    }
    sb.append("], input=").append(input.appendOnly() ? "append-only" : "changelog");
    return sb.append(')').toString();
  }
}
