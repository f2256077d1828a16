package org.laminardb.sql.plan;

import java.util.List;
import org.laminardb.core.operator.AsofJoinOperator;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.operator.GroupAggregateOperator;
import org.laminardb.core.operator.IntervalJoinOperator;
import org.laminardb.core.operator.JoinOperator;
import org.laminardb.core.operator.ProcTimeTemporalJoinOperator;
import org.laminardb.core.operator.WatermarkMerger;
import org.laminardb.core.type.Schema;
import org.laminardb.sql.codegen.CalcCompiler;
import org.laminardb.sql.type.TypeMapping;

/**
 * Instantiates the operators of a {@link PlannedQuery}: generated Calcs, aggregates, unions,
 * joins.
 */
public final class PipelineBuilder {
  private final PipelineContext context;
  private final List<Pipeline.InputBinding> inputs = new java.util.ArrayList<>();

  private PipelineBuilder(PipelineContext context) {
    this.context = context;
  }

  /**
   * Builds the operators of a plan, writing its output to a consumer; late rows are dropped.
   *
   * @param plan the plan
   * @param output receives the query's changelog
   * @param chunkCapacity rows per chunk
   * @return the pipeline, to connect to its inputs on the reactor thread
   */
  public static Pipeline build(PlannedQuery plan, ChunkConsumer output, int chunkCapacity) {
    return build(plan, output, new PipelineContext(chunkCapacity, null));
  }

  /**
   * Builds the operators of a plan, writing its output to a consumer.
   *
   * @param plan the plan
   * @param output receives the query's changelog
   * @param context chunk size and the late-row side output
   * @return the pipeline, to connect to its inputs on the reactor thread
   */
  public static Pipeline build(PlannedQuery plan, ChunkConsumer output, PipelineContext context) {
    PipelineBuilder b = new PipelineBuilder(context);
    b.build(plan.root(), output);
    return new Pipeline(List.copyOf(b.inputs), List.copyOf(context.openers),
        List.copyOf(context.timers), List.copyOf(context.lateCounters));
  }

  private ResidualPredicate residual(JoinNode j) {
    if (j.residualProgram() == null) {
      return null;
    }
    Schema result = TypeMapping.toSchema(j.residualProgram().getOutputRowType());
    return new ResidualPredicate(CalcCompiler.compile(j.residualProgram(), j.pairSchema(),
        result), result, context.chunkCapacity());
  }

  private void build(PhysicalNode node, ChunkConsumer downstream) {
    if (node instanceof ScanNode) {
      inputs.add(new Pipeline.InputBinding(((ScanNode) node).relation(), downstream));
    } else if (node instanceof CalcNode) {
      CalcNode c = (CalcNode) node;
      build(c.input(), new CalcOperator(
          CalcCompiler.compile(c.program(), c.input().schema(), c.schema()),
          c.schema(), context.chunkCapacity(), downstream));
    } else if (node instanceof AggregateNode) {
      AggregateNode a = (AggregateNode) node;
      GroupAggregateOperator op = new GroupAggregateOperator(a.input().schema(), a.groupColumns(),
          a.aggregates(), a.schema(), downstream, context.chunkCapacity(),
          a.input().appendOnly());
      context.onOpen(op::open);
      build(a.input(), op);
    } else if (node instanceof UnionNode) {
      List<PhysicalNode> ins = node.inputs();
      WatermarkMerger merger = new WatermarkMerger(ins.size(), downstream);
      for (int i = 0; i < ins.size(); i++) {
        build(ins.get(i), merger.input(i));
      }
    } else if (node instanceof JoinNode) {
      JoinNode j = (JoinNode) node;
      IntervalBounds b = j.interval();
      if (b != null) {
        IntervalJoinOperator op = new IntervalJoinOperator(j.left().schema(), j.leftKeys(),
            b.leftTime(), j.right().schema(), j.rightKeys(), b.rightTime(), b.lower(), b.upper(),
            j.kind(), j.rowtimeSide(), residual(j), j.schema(), downstream,
            context.chunkCapacity());
        context.addLateCounter(op::lateRows);
        build(j.left(), op.left());
        build(j.right(), op.right());
        return;
      }
      JoinOperator op = new JoinOperator(j.left().schema(), j.leftKeys(), j.right().schema(),
          j.rightKeys(), j.kind(), residual(j), j.schema(), downstream, context.chunkCapacity(),
          j.ttlMillis());
      build(j.left(), op.left());
      build(j.right(), op.right());
    } else if (node instanceof AsofJoinNode) {
      AsofJoinNode j = (AsofJoinNode) node;
      AsofJoinOperator op = new AsofJoinOperator(j.left().schema(), j.leftKeys(), j.leftTime(),
          j.right().schema(), j.rightKeys(), j.rightTime(), j.direction(), j.strict(),
          j.tolerance(), j.leftOuter(), j.versioned(), j.schema(), downstream,
          context.chunkCapacity());
      context.addLateCounter(op::lateRows);
      build(j.left(), op.left());
      build(j.right(), op.right());
    } else if (node instanceof TemporalJoinNode) {
      TemporalJoinNode t = (TemporalJoinNode) node;
      ProcTimeTemporalJoinOperator op = new ProcTimeTemporalJoinOperator(t.stream().schema(),
          t.streamKeys(), t.table().schema(), t.tableKeys(), t.kind(), t.schema(), downstream,
          context.chunkCapacity());
      build(t.stream(), op.stream());
      build(t.table(), op.table());
    } else if (node instanceof OperatorNode) {
      OperatorNode o = (OperatorNode) node;
      build(o.input(), o.instantiate(downstream, context));
    } else {
      throw new IllegalStateException("no operator for " + node.describe());
    }
  }
}
