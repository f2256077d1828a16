package org.laminardb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.operator.GroupAggregateOperator;
import org.laminardb.sql.codegen.CalcCompiler;

/** Instantiates the operators of a {@link PlannedQuery}: generated Calcs, aggregates, unions. */
public final class PipelineBuilder {
  private final int chunkCapacity;
  private final List<Pipeline.InputBinding> inputs = new ArrayList<>();
  private final List<GroupAggregateOperator> aggregates = new ArrayList<>();

  private PipelineBuilder(int chunkCapacity) {
    this.chunkCapacity = chunkCapacity;
  }

  /**
   * Builds the operators of a plan, writing its output to a consumer.
   *
   * @param plan the plan
   * @param output receives the query's changelog
   * @param chunkCapacity rows per chunk
   * @return the pipeline, to connect to its inputs on the reactor thread
   */
  public static Pipeline build(PlannedQuery plan, ChunkConsumer output, int chunkCapacity) {
    PipelineBuilder b = new PipelineBuilder(chunkCapacity);
    b.build(plan.root(), output);
    return new Pipeline(List.copyOf(b.inputs), List.copyOf(b.aggregates));
  }

  private void build(PhysicalNode node, ChunkConsumer downstream) {
    if (node instanceof ScanNode) {
      inputs.add(new Pipeline.InputBinding(((ScanNode) node).relation(), downstream));
    } else if (node instanceof CalcNode) {
      CalcNode c = (CalcNode) node;
      build(c.input(), new CalcOperator(
          CalcCompiler.compile(c.program(), c.input().schema(), c.schema()),
          c.schema(), chunkCapacity, downstream));
    } else if (node instanceof AggregateNode) {
      AggregateNode a = (AggregateNode) node;
      GroupAggregateOperator op = new GroupAggregateOperator(a.input().schema(), a.groupColumns(),
          a.aggregates(), a.schema(), downstream, chunkCapacity, a.input().appendOnly());
      aggregates.add(op);
      build(a.input(), op);
    } else if (node instanceof UnionNode) {
      for (PhysicalNode in : node.inputs()) {
        build(in, downstream);
      }
    } else {
      throw new IllegalStateException("no operator for " + node.describe());
    }
  }
}
