package org.laminardb.sql.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rex.RexWindowExclusion;
import org.apache.calcite.sql.SqlKind;
import org.laminardb.core.operator.OverCall;
import org.laminardb.core.operator.OverFrame;
import org.laminardb.core.operator.TopNOperator;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.type.TypeMapping;

/**
 * Translates OVER windows, Top-N and deduplication.
 *
 * <p>Top-N is a Calc whose condition bounds a ranking column ({@code rn <= N}, {@code rn < N},
 * {@code rn = N}, {@code rn BETWEEN a AND N}) over a Window computing only {@code ROW_NUMBER()},
 * {@code RANK()} or {@code DENSE_RANK()}: it becomes a {@link TopNNode} keeping ranks up to N,
 * under the unchanged Calc (which applies the rest of the condition and the projection). Other
 * Windows become a chain of {@link OverNode}s, one per window group, each appending its calls'
 * columns, which is the Window's own column order.
 */
final class OverTranslator {
  static final String SUPPORTED = "supported OVER windows are Top-N (ROW_NUMBER(), RANK() or "
      + "DENSE_RANK() OVER ([PARTITION BY ...] ORDER BY ...) in a subquery, filtered by rn <= N, "
      + "rn < N, rn = N or rn BETWEEN 1 AND N in the outer query), and LAG, LEAD, COUNT, SUM, "
      + "AVG, MIN, MAX OVER ([PARTITION BY ...] ORDER BY <event-time column> [ROWS BETWEEN n "
      + "PRECEDING AND CURRENT ROW | RANGE BETWEEN INTERVAL ... PRECEDING AND CURRENT ROW | "
      + "... UNBOUNDED PRECEDING AND CURRENT ROW])";

  private final RelTranslator parent;

  OverTranslator(RelTranslator parent) {
    this.parent = parent;
  }

  /**
   * Translates an OVER window, Top-N or deduplication pattern.
   *
   * @param rel any node
   * @return the physical node, or null when {@code rel} is not one of those patterns
   * @throws LaminarDBException 0A000 for OVER windows of an unsupported shape
   */
  PhysicalNode translate(RelNode rel) {
    if (rel instanceof Calc && ((Calc) rel).getInput() instanceof Window) {
      Calc calc = (Calc) rel;
      Window window = (Window) calc.getInput();
      if (isRanking(window)) {
        return topN(calc, window);
      }
      PhysicalNode over = over(window);
      RexProgram program = withInputTypes(calc.getProgram(), over.schema(), calc);
      return new CalcNode(over, program, TypeMapping.toSchema(program.getOutputRowType()));
    }
    if (rel instanceof Window) {
      Window window = (Window) rel;
      if (isRanking(window)) {
        throw unsupported("ROW_NUMBER(), RANK() and DENSE_RANK() need a bound on their result in "
            + "the outer query (Top-N: WHERE rn <= N)");
      }
      return over(window);
    }
    return null;
  }

  private static LaminarDBException unsupported(String what) {
    return new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED,
        what + " in continuous queries; " + SUPPORTED);
  }

  private static boolean isRanking(Window window) {
    for (Window.Group g : window.groups) {
      for (Window.RexWinAggCall call : g.aggCalls) {
        if (rankOf(call.getKind()) != null) {
          return true;
        }
      }
    }
    return false;
  }

  private static TopNOperator.Rank rankOf(SqlKind kind) {
    switch (kind) {
      case ROW_NUMBER:
        return TopNOperator.Rank.ROW_NUMBER;
      case RANK:
        return TopNOperator.Rank.RANK;
      case DENSE_RANK:
        return TopNOperator.Rank.DENSE_RANK;
      default:
        return null;
    }
  }

  private PhysicalNode topN(Calc calc, Window window) {
    if (window.groups.size() != 1 || window.groups.get(0).aggCalls.size() != 1) {
      throw unsupported("a ranking function together with other OVER functions");
    }
    Window.Group group = window.groups.get(0);
    int rankColumn = window.getInput().getRowType().getFieldCount();
    RexProgram program = calc.getProgram();
    long n = program.getCondition() == null ? -1
        : upperBound(program.expandLocalRef(program.getCondition()), rankColumn);
    if (n < 1) {
      throw unsupported("ROW_NUMBER(), RANK() and DENSE_RANK() need an upper bound of at least 1 "
          + "on their result in the outer query (Top-N: WHERE rn <= N)");
    }
    PhysicalNode input = parent.translate(window.getInput());
    List<RelFieldCollation> orders = group.orderKeys.getFieldCollations();
    if (orders.isEmpty()) {
      throw unsupported("Top-N without ORDER BY");
    }
    int[] orderColumns = new int[orders.size()];
    boolean[] descending = new boolean[orders.size()];
    boolean[] nullsFirst = new boolean[orders.size()];
    for (int i = 0; i < orders.size(); i++) {
      RelFieldCollation o = orders.get(i);
      orderColumns[i] = o.getFieldIndex();
      descending[i] = o.getDirection().isDescending();
      RelFieldCollation.NullDirection nd = o.nullDirection == RelFieldCollation.NullDirection
          .UNSPECIFIED ? o.getDirection().defaultNullDirection() : o.nullDirection;
      nullsFirst[i] = nd == RelFieldCollation.NullDirection.FIRST;
    }
    // Rank changes of rows that stay in the top N matter when the rank is selected or filtered
    // by more than an upper bound (rn = 2, rn >= 2).
    boolean rankSelected = exactRankNeeded(program.expandLocalRef(program.getCondition()),
        rankColumn);
    for (RexNode e : program.expandList(program.getProjectList())) {
      rankSelected |= RelOptUtil.InputFinder.bits(e).get(rankColumn);
    }
    TopNNode node = new TopNNode(input, group.keys.toArray(), orderColumns, descending,
        nullsFirst, rankOf(group.aggCalls.get(0).getKind()), n, rankSelected,
        RelTranslator.schemaOf(window));
    return new CalcNode(node, program, RelTranslator.schemaOf(calc));
  }

  /**
   * Whether a conjunct reads the rank column other than as an upper bound ({@code rn <= c},
   * {@code rn < c}, {@code rn = 1}) or a lower bound that every rank meets ({@code rn >= 1}).
   */
  private static boolean exactRankNeeded(RexNode condition, int rankColumn) {
    for (RexNode c : RelOptUtil.conjunctions(condition)) {
      if (!RelOptUtil.InputFinder.bits(c).get(rankColumn)) {
        continue;
      }
      RankComparison cmp = rankComparison(c, rankColumn);
      if (cmp == null) {
        return true;
      }
      BigDecimal v = cmp.value();
      boolean harmless;
      switch (cmp.kind()) {
        case LESS_THAN:
        case LESS_THAN_OR_EQUAL:
          harmless = true;
          break;
        case EQUALS:
        case GREATER_THAN_OR_EQUAL:
          harmless = v.compareTo(BigDecimal.ONE) <= 0;
          break;
        case GREATER_THAN:
          harmless = v.compareTo(BigDecimal.ONE) < 0;
          break;
        default:
          harmless = false;
          break;
      }
      if (!harmless) {
        return true;
      }
    }
    return false;
  }

  /** The smallest upper bound of the rank column among the conjuncts, or -1 when none. */
  private static long upperBound(RexNode condition, int rankColumn) {
    long best = -1;
    for (RexNode c : RelOptUtil.conjunctions(condition)) {
      RankComparison cmp = rankComparison(c, rankColumn);
      if (cmp == null) {
        continue;
      }
      BigDecimal v = cmp.value();
      long bound;
      switch (cmp.kind()) {
        case LESS_THAN_OR_EQUAL:
        case EQUALS:
          bound = v.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
          break;
        case LESS_THAN:
          bound = v.setScale(0, java.math.RoundingMode.CEILING).longValueExact() - 1;
          break;
        default:
          continue;
      }
      best = best < 0 ? bound : Math.min(best, bound);
      if (best < 1) {
        best = 0;
      }
    }
    return best;
  }

  /** A conjunct {@code rank <kind> value}, the rank column on the left. */
  private record RankComparison(SqlKind kind, BigDecimal value) {}

  /**
   * A binary comparison of the rank column with a non-NULL numeric literal, turned around when
   * the literal is on the left ({@code 3 >= rn} is {@code rn <= 3}); null for any other conjunct.
   */
  private static RankComparison rankComparison(RexNode c, int rankColumn) {
    if (!(c instanceof RexCall) || ((RexCall) c).getOperands().size() != 2) {
      return null;
    }
    RexCall call = (RexCall) c;
    RexNode a = call.getOperands().get(0);
    RexNode b = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    if (isRef(b, rankColumn)) {
      RexNode t = a;
      a = b;
      b = t;
      kind = kind.reverse();
    }
    if (!isRef(a, rankColumn) || !(b instanceof RexLiteral)) {
      return null;
    }
    BigDecimal v = ((RexLiteral) b).getValueAs(BigDecimal.class);
    return v == null ? null : new RankComparison(kind, v);
  }

  private static boolean isRef(RexNode node, int index) {
    return node instanceof RexInputRef && ((RexInputRef) node).getIndex() == index;
  }

  private PhysicalNode over(Window window) {
    PhysicalNode node = parent.translate(window.getInput());
    int inputCount = window.getInput().getRowType().getFieldCount();
    List<RelDataTypeField> fields = window.getRowType().getFieldList();
    int column = inputCount;
    for (Window.Group group : window.groups) {
      node = overGroup(window, group, node, inputCount);
      column += group.aggCalls.size();
      List<Field> out = new ArrayList<>(node.schema().fields());
      for (int i = inputCount; i < column; i++) {
        out.set(i, new Field(fields.get(i).getName(), out.get(i).type()));
      }
      OverNode o = (OverNode) node;
      node = new OverNode(o.input(), o.partitionColumns(), o.timeColumn(), o.calls(), o.frame(),
          new Schema(out));
    }
    return node;
  }

  private PhysicalNode overGroup(Window window, Window.Group group, PhysicalNode input,
      int inputCount) {
    if (!input.appendOnly()) {
      throw unsupported("LAG, LEAD and OVER aggregates over a changelog (an aggregate, a view "
          + "with updates) are not supported");
    }
    List<RelFieldCollation> orders = group.orderKeys.getFieldCollations();
    int rowtime = input.rowtimeColumn();
    String timeName = rowtime < 0 ? null : input.schema().field(rowtime).name();
    if (orders.size() != 1 || orders.get(0).getFieldIndex() != rowtime
        || orders.get(0).getDirection().isDescending()) {
      throw unsupported(rowtime < 0 && JoinNode.reads(input)
          ? "OVER windows over the result of a regular or FULL interval join are not "
              + "supported: its output has no event-time column"
          : rowtime < 0
          ? "OVER windows over an input without a watermarked event-time column are not "
              + "supported"
          : "OVER windows must be ordered by the watermarked event-time column, ORDER BY "
              + timeName + " (ascending); other orders are not supported");
    }
    List<OverCall> calls = new ArrayList<>();
    boolean anyAggregate = false;
    List<Field> out = new ArrayList<>(input.schema().fields());
    for (Window.RexWinAggCall call : group.aggCalls) {
      OverCall c = call(window, call, inputCount);
      anyAggregate |= !c.isShift();
      calls.add(c);
      out.add(new Field("$" + out.size(), c.resultType()));
    }
    OverFrame frame = OverFrame.DEFAULT;
    if (anyAggregate) {
      frame = frame(window, group, inputCount);
    }
    return new OverNode(input, group.keys.toArray(), rowtime, calls, frame, new Schema(out));
  }

  private static OverFrame frame(Window window, Window.Group group, int inputCount) {
    RexWindowBound upper = group.upperBound;
    RexWindowBound lower = group.lowerBound;
    if (!upper.isCurrentRow() || group.exclude != RexWindowExclusion.EXCLUDE_NO_OTHER) {
      throw unsupported("OVER frames that end elsewhere than at CURRENT ROW or EXCLUDE rows are "
          + "not supported");
    }
    if (lower.isUnbounded() && lower.isPreceding()) {
      return new OverFrame(group.isRows, -1);
    }
    if (lower.isCurrentRow()) {
      return new OverFrame(group.isRows, 0);
    }
    if (!lower.isPreceding()) {
      throw unsupported("OVER frames starting after the current row are not supported");
    }
    RexLiteral offset = constant(window, lower.getOffset(), inputCount);
    BigDecimal v = offset == null ? null : offset.getValueAs(BigDecimal.class);
    if (v == null || v.signum() < 0) {
      throw unsupported("an OVER frame bound that is not a non-negative constant");
    }
    if (group.isRows) {
      return new OverFrame(true, v.longValueExact());
    }
    // Calcite holds day-time intervals in milliseconds; event times are microseconds.
    return new OverFrame(false, v.multiply(BigDecimal.valueOf(1000)).longValueExact());
  }

  /**
   * The program of a Calc over a Window, re-typed for the Window's translation: input columns
   * that Calcite typed NOT NULL but the translation may leave NULL become nullable, and so does
   * every expression over them (the generated code then tests their NULL flags).
   */
  private static RexProgram withInputTypes(RexProgram program, Schema input, Calc calc) {
    RelDataTypeFactory types = calc.getCluster().getTypeFactory();
    RexBuilder rex = calc.getCluster().getRexBuilder();
    List<RelDataTypeField> fields = program.getInputRowType().getFieldList();
    List<RelDataType> fixed = new ArrayList<>();
    boolean changed = false;
    for (int i = 0; i < fields.size(); i++) {
      RelDataType t = fields.get(i).getType();
      if (!t.isNullable() && input.field(i).type().nullable()) {
        t = types.createTypeWithNullability(t, true);
        changed = true;
      }
      fixed.add(t);
    }
    if (!changed) {
      return program;
    }
    RexShuttle shuttle = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        RelDataType t = fixed.get(ref.getIndex());
        return t == ref.getType() ? ref : new RexInputRef(ref.getIndex(), t);
      }

      @Override
      public RexNode visitCall(RexCall call) {
        boolean[] update = {false};
        List<RexNode> ops = visitList(call.getOperands(), update);
        if (!update[0]) {
          return call;
        }
        boolean nullable = call.getType().isNullable();
        for (RexNode o : ops) {
          nullable |= o.getType().isNullable();
        }
        return call.clone(types.createTypeWithNullability(call.getType(), nullable), ops);
      }
    };
    List<RexNode> projects = new ArrayList<>();
    for (RexNode e : program.expandList(program.getProjectList())) {
      projects.add(e.accept(shuttle));
    }
    RexNode condition = program.getCondition() == null ? null
        : program.expandLocalRef(program.getCondition()).accept(shuttle);
    RelDataType inputType = types.createStructType(fixed, program.getInputRowType()
        .getFieldNames());
    RelDataType outputType = RexUtil.createStructType(types, projects,
        program.getOutputRowType().getFieldNames(), null);
    return RexProgram.create(inputType, projects, condition, outputType, rex);
  }

  private static RexLiteral constant(Window window, RexNode node, int inputCount) {
    if (node instanceof RexLiteral) {
      return (RexLiteral) node;
    }
    if (node instanceof RexInputRef && ((RexInputRef) node).getIndex() >= inputCount) {
      return window.constants.get(((RexInputRef) node).getIndex() - inputCount);
    }
    return null;
  }

  private static OverCall call(Window window, Window.RexWinAggCall call, int inputCount) {
    if (call.distinct) {
      throw unsupported("DISTINCT in an OVER aggregate is not supported");
    }
    // Calcite types LAG with a NOT NULL default and SUM as NOT NULL even over NULL arguments;
    // only the counts are never NULL.
    DataType type = TypeMapping.toDataType(call.getType());
    if (call.getKind() != SqlKind.COUNT) {
      type = type.withNullable(true);
    }
    List<RexNode> ops = call.getOperands();
    int arg = -1;
    if (!ops.isEmpty()) {
      if (!(ops.get(0) instanceof RexInputRef)
          || ((RexInputRef) ops.get(0)).getIndex() >= inputCount) {
        throw unsupported("OVER function arguments must be columns");
      }
      arg = ((RexInputRef) ops.get(0)).getIndex();
    }
    SqlKind kind = call.getKind();
    switch (kind) {
      case LAG:
      case LEAD:
        return shift(window, call, kind, arg, type, inputCount);
      case COUNT:
        if (ops.size() > 1) {
          throw unsupported("COUNT over several columns is not supported");
        }
        return new OverCall(arg < 0 ? OverCall.Function.COUNT_STAR : OverCall.Function.COUNT,
            arg, 0, null, type);
      case SUM:
      case SUM0:
        return new OverCall(OverCall.Function.SUM, arg, 0, null, type);
      case AVG:
        return new OverCall(OverCall.Function.AVG, arg, 0, null, type);
      case MIN:
        return new OverCall(OverCall.Function.MIN, arg, 0, null, type);
      case MAX:
        return new OverCall(OverCall.Function.MAX, arg, 0, null, type);
      default:
        throw unsupported("the OVER function " + call.getOperator().getName()
            + " is not supported");
    }
  }

  private static OverCall shift(Window window, Window.RexWinAggCall call, SqlKind kind, int arg,
      DataType type, int inputCount) {
    List<RexNode> ops = call.getOperands();
    if (arg < 0) {
      throw unsupported(kind + " needs an argument");
    }
    int offset = 1;
    if (ops.size() > 1) {
      RexLiteral lit = constant(window, ops.get(1), inputCount);
      BigDecimal v = lit == null ? null : lit.getValueAs(BigDecimal.class);
      if (v == null || v.signum() <= 0) {
        throw unsupported(kind + " offsets must be positive integer constants");
      }
      offset = v.intValueExact();
    }
    Object dflt = null;
    if (ops.size() > 2) {
      if (kind == SqlKind.LEAD) {
        throw unsupported("LEAD with a default is not supported (a stream has no last row; a "
            + "row waits for its following rows instead)");
      }
      RexLiteral lit = constant(window, ops.get(2), inputCount);
      if (lit == null) {
        throw unsupported("LAG defaults must be constants");
      }
      dflt = value(lit, type);
    }
    return new OverCall(kind == SqlKind.LAG ? OverCall.Function.LAG : OverCall.Function.LEAD,
        arg, offset, dflt, type);
  }

  /** The value of a literal in the chunk representation of {@code type}. */
  private static Object value(RexLiteral lit, DataType type) {
    if (lit.isNull()) {
      return null;
    }
    switch (type.physical()) {
      case STRING:
        return lit.getValueAs(String.class);
      case DOUBLE:
        return lit.getValueAs(BigDecimal.class).doubleValue();
      default:
        break;
    }
    switch (type.kind()) {
      case BOOLEAN:
        return Boolean.TRUE.equals(lit.getValueAs(Boolean.class)) ? 1L : 0L;
      case DECIMAL:
        return lit.getValueAs(BigDecimal.class).setScale(type.scale()).unscaledValue()
            .longValueExact();
      case INT:
      case BIGINT:
        return lit.getValueAs(BigDecimal.class).longValueExact();
      default:
        throw unsupported("LAG defaults of type " + type.sqlName() + " are not supported");
    }
  }
}
