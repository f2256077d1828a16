package org.laminardb.sql.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Exchange;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;
import org.laminardb.core.operator.AggregateSpec;
import org.laminardb.core.operator.EmitStrategy;
import org.laminardb.core.operator.WindowKind;
import org.laminardb.core.operator.WindowSpec;
import org.laminardb.core.type.Schema;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.function.WindowTableFunctions;

/**
 * Translates the window table functions ({@code TABLE(TUMBLE(...))} etc.) and aggregations over
 * them into {@link WindowAggregateNode}s and {@link WindowAssignNode}s.
 *
 * <p>An aggregation over a window function becomes one window operator: a Calc between the two
 * (filters, computed arguments) is moved below the window assignment, which is possible because
 * it may use the window columns only as plain group keys; the window columns become codes in the
 * operator's group columns ({@link WindowSpec#START} etc.).
 */
final class WindowTranslator {
  private final RelTranslator parent;

  WindowTranslator(RelTranslator parent) {
    this.parent = parent;
  }

  /**
   * Translates a windowed node.
   *
   * @param rel any node
   * @return the physical node, or null when {@code rel} is not windowed
   */
  PhysicalNode translate(RelNode rel) {
    if (rel instanceof Aggregate) {
      Aggregate agg = (Aggregate) rel;
      RelNode in = agg.getInput();
      Calc calc = null;
      if (in instanceof Calc) {
        calc = (Calc) in;
        in = calc.getInput();
      }
      if (windowFunction(in) != null) {
        return aggregate(agg, calc, (TableFunctionScan) in);
      }
      return null;
    }
    if (windowFunction(rel) != null) {
      return assign((TableFunctionScan) rel);
    }
    return null;
  }

  private static String windowFunction(RelNode rel) {
    if (rel instanceof TableFunctionScan) {
      RexNode call = ((TableFunctionScan) rel).getCall();
      if (call instanceof RexCall) {
        return WindowTableFunctions.nameOf(((RexCall) call).getOperator());
      }
    }
    return null;
  }

  /** The parsed window function: its input, time column, spec and partition keys. */
  private record Window(PhysicalNode input, int timeColumn, WindowSpec spec, int[] partition,
      int inputWidth) {}

  private Window window(TableFunctionScan scan) {
    String name = windowFunction(scan);
    RelNode inRel = scan.getInputs().get(0);
    int[] partition = new int[0];
    if (inRel instanceof Exchange) {
      partition = ((Exchange) inRel).getDistribution().getKeys().stream()
          .mapToInt(Integer::intValue).toArray();
      inRel = ((Exchange) inRel).getInput();
    }
    PhysicalNode input = parent.translate(inRel);
    RexCall call = (RexCall) scan.getCall();
    int time = -1;
    List<Long> lengths = new ArrayList<>();
    for (RexNode op : call.getOperands()) {
      if (op.getKind() == SqlKind.DESCRIPTOR) {
        RexNode col = ((RexCall) op).getOperands().get(0);
        time = ((RexInputRef) col).getIndex();
      } else if (op instanceof RexLiteral
          && op.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME) {
        BigDecimal millis = ((RexLiteral) op).getValueAs(BigDecimal.class);
        lengths.add(millis.longValueExact() * 1000L);
      } else if (op.getKind() != SqlKind.DESCRIPTOR) {
        throw unsupported(name + " takes constant day-time intervals (e.g. INTERVAL '10' SECOND)"
            + " for its sizes; got " + op);
      }
    }
    if (time < 0) {
      throw unsupported(name + " needs DESCRIPTOR(time_column)");
    }
    checkTimeColumn(input, time, name);
    WindowSpec spec = spec(name, lengths);
    if (spec.kind() != WindowKind.SESSION && partition.length > 0) {
      throw unsupported("PARTITION BY applies to SESSION windows only");
    }
    return new Window(input, time, spec, partition, inRel.getRowType().getFieldCount());
  }

  private static void checkTimeColumn(PhysicalNode input, int time, String name) {
    String col = input.schema().field(time).name();
    int rowtime = input.rowtimeColumn();
    if (rowtime < 0 && JoinNode.reads(input)) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, name + " windows over the "
          + "result of a regular join or a FULL interval join are not supported: its output "
          + "has no event-time column (a regular join pairs new rows with old ones behind the "
          + "watermark; a FULL interval join pads rows of both sides); use an INNER, LEFT or "
          + "RIGHT interval join (time bounds between two watermarked event-time columns), "
          + "window the inputs before joining them, or aggregate the join without a window");
    }
    if (rowtime < 0) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, name + " windows need an "
          + "event-time column with a watermark, and the input of this query has none: declare "
          + "one on the source, e.g. WATERMARK FOR " + col + " AS " + col
          + " - INTERVAL '5' SECOND (a stream carries its source's watermark when it keeps the "
          + "event-time column, or window_end/window_time of an EMIT ON WINDOW CLOSE window)");
    }
    if (rowtime != time) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, name + " over column " + col
          + ": windows must use the column with the watermark, "
          + input.schema().field(rowtime).name());
    }
    if (!input.appendOnly()) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, name + " windows need an "
          + "append-only input; this input is a changelog (updates/deletes), e.g. a source with a "
          + "PRIMARY KEY or a materialized view");
    }
  }

  private static WindowSpec spec(String name, List<Long> l) {
    try {
      switch (name) {
        case "TUMBLE":
          arity(name, l, 1, 2);
          return WindowSpec.tumble(l.get(0), l.size() > 1 ? l.get(1) : 0);
        case "HOP":
          arity(name, l, 2, 3);
          return WindowSpec.hop(l.get(0), l.get(1), l.size() > 2 ? l.get(2) : 0);
        case "CUMULATE":
          arity(name, l, 2, 3);
          return WindowSpec.cumulate(l.get(0), l.get(1), l.size() > 2 ? l.get(2) : 0);
        default:
          arity(name, l, 1, 1);
          return WindowSpec.session(l.get(0));
      }
    } catch (IllegalArgumentException e) {
      throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE,
          "invalid " + name + " window: " + e.getMessage() + " (lengths in microseconds)");
    }
  }

  private static void arity(String name, List<Long> l, int min, int max) {
    if (l.size() < min || l.size() > max) {
      throw unsupported(name + " takes " + min + (max > min ? " or " + max : "")
          + " interval arguments after DESCRIPTOR(ts); got " + l.size());
    }
  }

  private PhysicalNode assign(TableFunctionScan scan) {
    Window w = window(scan);
    if (w.spec().kind() == WindowKind.SESSION) {
      throw unsupported("SESSION windows must be aggregated (GROUP BY window_start, window_end, "
          + "and the PARTITION BY keys)");
    }
    return new WindowAssignNode(w.input(), w.timeColumn(), w.spec(),
        RelTranslator.schemaOf(scan));
  }

  private PhysicalNode aggregate(Aggregate agg, Calc calc, TableFunctionScan scan) {
    if (agg.getGroupType() != Aggregate.Group.SIMPLE) {
      throw unsupported("GROUPING SETS, ROLLUP and CUBE over windows");
    }
    Window w = window(scan);
    int n = w.inputWidth();
    // Columns of the aggregate's input: window codes, or expressions over the window's input.
    int aggInputWidth = agg.getInput().getRowType().getFieldCount();
    int[] code = new int[aggInputWidth];
    List<RexNode> exprs = new ArrayList<>();
    RexBuilder rex = agg.getCluster().getRexBuilder();
    RexNode condition = null;
    if (calc == null) {
      for (int i = 0; i < aggInputWidth; i++) {
        code[i] = i < n ? exprs.size() : windowCode(i - n);
        if (i < n) {
          exprs.add(rex.makeInputRef(scan.getRowType().getFieldList().get(i).getType(), i));
        }
      }
    } else {
      RexProgram p = calc.getProgram();
      for (int i = 0; i < aggInputWidth; i++) {
        RexNode e = p.expandLocalRef(p.getProjectList().get(i));
        if (e instanceof RexInputRef && ((RexInputRef) e).getIndex() >= n) {
          code[i] = windowCode(((RexInputRef) e).getIndex() - n);
        } else {
          checkNoWindowColumns(e, n);
          code[i] = exprs.size();
          exprs.add(e);
        }
      }
      RexLocalRef cond = p.getCondition();
      if (cond != null) {
        condition = p.expandLocalRef(cond);
        checkNoWindowColumns(condition, n);
      }
    }
    // Keep the whole input row first when late rows are routed, then the time column.
    int prefix = parent.options().lateDataTo() ? n : 0;
    List<RexNode> pushed = new ArrayList<>();
    RelNode windowInput = scan.getInputs().get(0);
    if (windowInput instanceof Exchange) {
      windowInput = ((Exchange) windowInput).getInput();
    }
    for (int i = 0; i < prefix; i++) {
      pushed.add(rex.makeInputRef(windowInput.getRowType().getFieldList().get(i).getType(), i));
    }
    pushed.addAll(exprs);
    int timeOut = pushed.size();
    pushed.add(rex.makeInputRef(windowInput.getRowType().getFieldList().get(w.timeColumn())
        .getType(), w.timeColumn()));
    RexProgramBuilder pb = new RexProgramBuilder(windowInput.getRowType(), rex);
    java.util.Set<String> names = new java.util.HashSet<>();
    List<String> inputNames = windowInput.getRowType().getFieldNames();
    for (int i = 0; i < pushed.size(); i++) {
      RexNode e = pushed.get(i);
      String fieldName = e instanceof RexInputRef ? inputNames.get(((RexInputRef) e).getIndex())
          : "expr" + i;
      while (!names.add(fieldName.toLowerCase(java.util.Locale.ROOT))) {
        fieldName = fieldName + "_" + i;
      }
      pb.addProject(e, fieldName);
    }
    if (condition != null) {
      pb.addCondition(condition);
    }
    RexProgram program = pb.getProgram();
    // Without a filter and with only column references, the operator reads its input directly
    // (no copy of every row): pushed column i is input column direct[i].
    int[] direct = condition == null ? directColumns(pushed) : null;
    PhysicalNode opInput = direct != null ? w.input() : new CalcNode(w.input(), program,
        org.laminardb.sql.type.TypeMapping.toSchema(program.getOutputRowType()));
    java.util.function.IntUnaryOperator col = direct == null ? i -> i : i -> direct[i];
    // Group columns, in the aggregate's output order.
    ImmutableBitSet groups = agg.getGroupSet();
    int[] groupColumns = new int[groups.cardinality()];
    int g = 0;
    boolean hasWindow = false;
    List<Integer> keys = new ArrayList<>();
    for (int i : groups) {
      int c = code[i];
      if (c < 0) {
        hasWindow |= c == WindowSpec.START || c == WindowSpec.END;
        groupColumns[g++] = c;
      } else {
        groupColumns[g++] = col.applyAsInt(prefix + c);
        keys.add(prefix + c);
      }
    }
    if (!hasWindow) {
      throw unsupported("an aggregation over a window function must GROUP BY window_start, "
          + "window_end (and any keys)");
    }
    if (w.spec().kind() == WindowKind.SESSION) {
      checkSessionKeys(w, code, prefix, calc, keys);
    }
    // Aggregate arguments, remapped onto the pushed-down Calc's columns.
    Mappings.TargetMapping map = Mappings.create(MappingType.PARTIAL_FUNCTION, aggInputWidth,
        opInput.schema().size());
    for (int i = 0; i < aggInputWidth; i++) {
      if (code[i] >= 0) {
        map.set(i, col.applyAsInt(prefix + code[i]));
      }
    }
    List<AggregateSpec> specs = new ArrayList<>();
    for (AggregateCall call : agg.getAggCallList()) {
      for (int a : call.getArgList()) {
        if (code[a] < 0) {
          throw unsupported("aggregating a window column (window_start, window_end, "
              + "window_time)");
        }
      }
      if (call.filterArg >= 0 && code[call.filterArg] < 0) {
        throw unsupported("a FILTER on a window column");
      }
      specs.add(AggregateSpecs.of(call.transform(map), opInput));
    }
    EmitStrategy emit = emit();
    Schema late = prefix > 0 ? org.laminardb.sql.type.TypeMapping.toSchema(
        windowInput.getRowType()) : null;
    return new WindowAggregateNode(opInput, col.applyAsInt(timeOut), w.spec(), groupColumns,
        specs, RelTranslator.schemaOf(agg), emit, late);
  }

  /** Input column of each pushed expression, or null unless all are column references. */
  private static int[] directColumns(List<RexNode> pushed) {
    int[] direct = new int[pushed.size()];
    for (int i = 0; i < direct.length; i++) {
      if (!(pushed.get(i) instanceof RexInputRef)) {
        return null;
      }
      direct[i] = ((RexInputRef) pushed.get(i)).getIndex();
    }
    return direct;
  }

  /** SESSION: the non-window group keys must be exactly the PARTITION BY columns. */
  private static void checkSessionKeys(Window w, int[] code, int prefix, Calc calc,
      List<Integer> keys) {
    List<Integer> partitionCols = new ArrayList<>();
    for (int p : w.partition()) {
      partitionCols.add(p);
    }
    List<Integer> keyCols = new ArrayList<>();
    for (int k : keys) {
      int exprIndex = k - prefix;
      int source = -1;
      if (calc == null) {
        source = exprIndex;
      } else {
        for (int i = 0; i < code.length; i++) {
          if (code[i] == exprIndex) {
            RexNode e = calc.getProgram().expandLocalRef(calc.getProgram().getProjectList()
                .get(i));
            source = e instanceof RexInputRef ? ((RexInputRef) e).getIndex() : -1;
          }
        }
      }
      keyCols.add(source);
    }
    if (!new java.util.HashSet<>(keyCols).equals(new java.util.HashSet<>(partitionCols))) {
      throw unsupported("a SESSION window aggregation must GROUP BY window_start, window_end and "
          + "exactly the PARTITION BY columns of SESSION(TABLE t PARTITION BY ..., ...)");
    }
  }

  private static int windowCode(int offset) {
    switch (offset) {
      case 0:
        return WindowSpec.START;
      case 1:
        return WindowSpec.END;
      default:
        return WindowSpec.TIME;
    }
  }

  private static void checkNoWindowColumns(RexNode e, int n) {
    for (int i : org.apache.calcite.plan.RelOptUtil.InputFinder.bits(e)) {
      if (i >= n) {
        throw unsupported("window_start, window_end and window_time can be grouped by and "
            + "selected, but not used in WHERE or in expressions before the aggregation");
      }
    }
  }

  private EmitStrategy emit() {
    QueryOptions o = parent.options();
    if (o.emit() != null) {
      return o.emit();
    }
    return new EmitStrategy(o.materialized() ? EmitStrategy.EmitKind.ON_UPDATE
        : EmitStrategy.EmitKind.ON_WINDOW_CLOSE, 0, 0);
  }

  private static LaminarDBException unsupported(String what) {
    return new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, what);
  }

}
