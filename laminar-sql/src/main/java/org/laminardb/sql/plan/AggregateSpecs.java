package org.laminardb.sql.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;
import org.laminardb.core.operator.AggregateKind;
import org.laminardb.core.operator.AggregateSpec;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.sql.type.TypeMapping;

/**
 * Maps Calcite aggregate calls to {@link AggregateSpec}s.
 *
 * <p>{@code FILTER (WHERE cond)} maps to the spec's filter column (Calcite projects {@code cond IS
 * TRUE} as a BOOLEAN input column). {@code APPROX_COUNT_DISTINCT(x)} arrives as an approximate
 * {@code COUNT}. {@code STDDEV} and {@code VARIANCE} arrive as {@code STDDEV_SAMP} and {@code
 * VAR_SAMP}. {@code FIRST_VALUE}/{@code LAST_VALUE} are ordered by the input's event-time column
 * ({@link PhysicalNode#rowtimeColumn()}, arrival order without one). The fraction of {@code
 * PERCENTILE_CONT/DISC(f)} is a literal that Calcite projects as an input column; it is read from
 * the input Calc's program. FIRST_VALUE, LAST_VALUE and APPROX_COUNT_DISTINCT need an append-only
 * input.
 */
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
    List<Integer> args = call.getArgList();
    String name = call.getAggregation().getName();
    DataType result = TypeMapping.toDataType(call.getType());
    AggregateSpec spec;
    switch (call.getAggregation().getKind()) {
      case COUNT:
        if (args.size() > 1) {
          throw ContinuousQueryChecker.unsupportedRel("COUNT over several columns");
        }
        if (call.isApproximate()) {
          requireAppendOnly(input, "APPROX_COUNT_DISTINCT");
          spec = simple(AggregateKind.APPROX_COUNT_DISTINCT, args, result);
        } else {
          spec = new AggregateSpec(args.isEmpty() ? AggregateKind.COUNT_STAR : AggregateKind.COUNT,
              args.isEmpty() ? -1 : args.get(0), call.isDistinct(), result);
        }
        break;
      case SUM:
        spec = basic(AggregateKind.SUM, call, result);
        break;
      case AVG:
        spec = basic(AggregateKind.AVG, call, result);
        break;
      case MIN:
        spec = basic(AggregateKind.MIN, call, result);
        break;
      case MAX:
        spec = basic(AggregateKind.MAX, call, result);
        break;
      case STDDEV_POP:
        spec = statistic(AggregateKind.STDDEV_POP, call, result);
        break;
      case STDDEV_SAMP:
        spec = statistic(AggregateKind.STDDEV_SAMP, call, result);
        break;
      case VAR_POP:
        spec = statistic(AggregateKind.VAR_POP, call, result);
        break;
      case VAR_SAMP:
        spec = statistic(AggregateKind.VAR_SAMP, call, result);
        break;
      case FIRST_VALUE:
      case LAST_VALUE:
        requireAppendOnly(input, name);
        spec = simple(call.getAggregation().getKind() == SqlKind.FIRST_VALUE
            ? AggregateKind.FIRST_VALUE : AggregateKind.LAST_VALUE, args, result)
            .withOrderColumn(input.rowtimeColumn());
        break;
      case PERCENTILE_CONT:
      case PERCENTILE_DISC:
        spec = percentile(call, input, result);
        break;
      default:
        throw ContinuousQueryChecker.unsupportedRel("the aggregate function " + name);
    }
    return call.filterArg >= 0 ? spec.withFilter(call.filterArg) : spec;
  }

  /**
   * The aggregate's input, extended when needed so that FIRST_VALUE/LAST_VALUE can see the event
   * time: Calcite prunes the event-time column from the Calc below an aggregate that does not
   * name it, so when the aggregate has a FIRST_VALUE or LAST_VALUE call, the input is a Calc
   * without an event-time column and the Calc's own input has one, the Calc is rebuilt with that
   * column appended as a last output column (existing column indices do not change).
   *
   * @param agg the aggregate
   * @param input its translated input
   * @return {@code input}, or a Calc with the event-time column appended
   */
  static PhysicalNode withRowtime(Aggregate agg, PhysicalNode input) {
    boolean needed = false;
    for (AggregateCall call : agg.getAggCallList()) {
      SqlKind k = call.getAggregation().getKind();
      needed |= k == SqlKind.FIRST_VALUE || k == SqlKind.LAST_VALUE;
    }
    if (!needed || input.rowtimeColumn() >= 0 || !(input instanceof CalcNode)) {
      return input;
    }
    CalcNode calc = (CalcNode) input;
    int rowtime = calc.input().rowtimeColumn();
    if (rowtime < 0) {
      return input;
    }
    RexProgram p = calc.program();
    RexBuilder rex = agg.getCluster().getRexBuilder();
    List<RexNode> exprs = new ArrayList<>(p.expandList(p.getProjectList()));
    RelDataType timeType = p.getInputRowType().getFieldList().get(rowtime).getType();
    exprs.add(rex.makeInputRef(timeType, rowtime));
    RelDataType outType = rex.getTypeFactory().builder()
        .addAll(p.getOutputRowType().getFieldList())
        .add("$rowtime" + p.getOutputRowType().getFieldCount(), timeType)
        .build();
    RexNode condition = p.getCondition() == null ? null : p.expandLocalRef(p.getCondition());
    RexProgram extended = RexProgram.create(p.getInputRowType(), exprs, condition, outType, rex);
    return new CalcNode(calc.input(), extended, TypeMapping.toSchema(outType));
  }

  private static AggregateSpec basic(AggregateKind kind, AggregateCall call, DataType result) {
    return new AggregateSpec(kind, call.getArgList().get(0), call.isDistinct(), result);
  }

  private static AggregateSpec simple(AggregateKind kind, List<Integer> args, DataType result) {
    return AggregateSpec.of(kind, args.get(0), result);
  }

  private static AggregateSpec statistic(
      AggregateKind kind, AggregateCall call, DataType result) {
    if (call.isDistinct()) {
      throw ContinuousQueryChecker.unsupportedRel(
          call.getAggregation().getName() + " with DISTINCT");
    }
    return simple(kind, call.getArgList(), result);
  }

  private static void requireAppendOnly(PhysicalNode input, String function) {
    if (!input.appendOnly()) {
      throw ContinuousQueryChecker.unsupportedRel(function + " over an input that updates or"
          + " deletes rows (it is supported on append-only inputs only)");
    }
  }

  private static AggregateSpec percentile(
      AggregateCall call, PhysicalNode input, DataType result) {
    String name = call.getAggregation().getName();
    boolean cont = call.getAggregation().getKind() == SqlKind.PERCENTILE_CONT;
    List<RelFieldCollation> order = call.getCollation().getFieldCollations();
    if (call.isDistinct() || call.getArgList().size() != 1 || order.size() != 1) {
      throw ContinuousQueryChecker.unsupportedRel(
          name + " other than " + name + "(fraction) WITHIN GROUP (ORDER BY column)");
    }
    int column = order.get(0).getFieldIndex();
    if (input.schema().field(column).type().physical() == PhysicalKind.STRING) {
      throw ContinuousQueryChecker.unsupportedRel(name + " over a non-numeric column");
    }
    double f = fraction(input, call.getArgList().get(0), name);
    if (order.get(0).getDirection().isDescending()) {
      if (!cont) {
        throw ContinuousQueryChecker.unsupportedRel(name + " WITHIN GROUP (ORDER BY ... DESC)");
      }
      f = BigDecimal.ONE.subtract(BigDecimal.valueOf(f)).doubleValue();
    }
    return AggregateSpec.percentile(cont ? AggregateKind.PERCENTILE_CONT
        : AggregateKind.PERCENTILE_DISC, f, column, result);
  }

  /** The constant fraction that the input projects as column {@code column}. */
  private static double fraction(PhysicalNode input, int column, String name) {
    if (input instanceof CalcNode) {
      CalcNode calc = (CalcNode) input;
      RexNode e = calc.program().expandLocalRef(calc.program().getProjectList().get(column));
      if (e instanceof RexLiteral) {
        BigDecimal v = ((RexLiteral) e).getValueAs(BigDecimal.class);
        if (v != null && v.signum() >= 0 && v.compareTo(BigDecimal.ONE) <= 0) {
          return v.doubleValue();
        }
      }
    }
    throw ContinuousQueryChecker.unsupportedRel(
        name + " with a fraction that is not a literal between 0 and 1");
  }
}
