package org.laminardb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Snapshot;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.laminardb.core.operator.JoinKind;
import org.laminardb.core.type.DataType;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.function.ProcTimeFunction;
import org.laminardb.sql.type.TypeMapping;

/**
 * Translates the joins that read a table "as of now" rather than joining two changelogs: a join
 * whose right input is {@code FOR SYSTEM_TIME AS OF PROCTIME()} (a processing-time temporal
 * join, {@link TemporalJoinNode}) and any join with a lookup table on its primary key ({@link
 * LookupJoinNode}, with or without {@code FOR SYSTEM_TIME AS OF PROCTIME()}). Calcite plans
 * {@code s JOIN t FOR SYSTEM_TIME AS OF p ON ...} as a Join whose right input is a Snapshot of
 * the scan (under the Calcs the planner pushed down: a cast of a key, a filter on the table's
 * columns).
 *
 * <p>The right side's Calcs are pulled above the join for a lookup table (the operator emits the
 * table's raw columns): a Calc over the join maps the raw columns through them; a filter on the
 * table's columns and the non-equi rest of the ON condition drop the row in an INNER join and
 * NULL the table's columns in a LEFT one (a lookup key matches at most one row, so that is the
 * LEFT join's meaning). For a table or view the right side stays a changelog input, Calcs and
 * all.
 */
final class TemporalJoinTranslator {
  static final String SUPPORTED = "temporal joins support s [LEFT] JOIN t FOR SYSTEM_TIME AS OF "
      + "PROCTIME() [AS x] ON s.k = x.k against a table, a materialized view or a lookup table "
      + "(and s [LEFT] JOIN lookup_table ON s.k = lookup_table.key), and s [LEFT] JOIN v FOR "
      + "SYSTEM_TIME AS OF s.ts [AS x] ON s.k = x.k against a source, stream or view with a "
      + "watermark (event time); see docs/SQL.md";

  private final RelTranslator translator;

  TemporalJoinTranslator(RelTranslator translator) {
    this.translator = translator;
  }

  /** The temporal or lookup join of a Join, or null when it is a regular join. */
  PhysicalNode translate(Join join) {
    Snapshot snapshot = snapshotUnder(join.getRight());
    if (snapshotUnder(join.getLeft()) != null) {
      throw unsupported("FOR SYSTEM_TIME AS OF on the left input of a join: the table read as "
          + "of a time must be the right input");
    }
    TableScan lookup = lookupScanUnder(join.getRight());
    if (snapshot == null && lookup == null) {
      return null;
    }
    if (snapshot != null) {
      checkPeriod(snapshot);
    }
    if (lookup == null) {
      checkTableSide(join.getRight());
    }
    JoinKind kind;
    if (join.getJoinType() == JoinRelType.INNER) {
      kind = JoinKind.INNER;
    } else if (join.getJoinType() == JoinRelType.LEFT) {
      kind = JoinKind.LEFT;
    } else {
      throw unsupported("a " + join.getJoinType() + " temporal or lookup join: only INNER and "
          + "LEFT");
    }
    PhysicalNode stream = translator.translate(join.getLeft());
    if (!stream.appendOnly()) {
      throw unsupported("a temporal or lookup join over a changelog: the left input must be "
          + "append-only (a source, or a stream over sources without aggregation)");
    }
    JoinInfo info = join.analyzeCondition();
    if (info.leftKeys.isEmpty()) {
      throw unsupported("a temporal or lookup join needs an equality between the stream and the "
          + "table (ON s.k = t.k)");
    }
    return lookup != null ? lookupJoin(join, kind, stream, info, lookup)
        : temporalJoin(join, kind, stream, info);
  }

  /**
   * A Correlate over a Snapshot: what Calcite makes of {@code FOR SYSTEM_TIME AS OF} with a
   * period that reads the left input (an event-time temporal join); null for other Correlates.
   */
  PhysicalNode translate(org.apache.calcite.rel.core.Correlate correlate) {
    Snapshot snapshot = snapshotUnder(correlate.getRight());
    if (snapshot == null) {
      return null;
    }
    int leftTime = eventTimePeriod(snapshot, correlate);
    if (leftTime < 0) {
      checkPeriod(snapshot);
      throw unsupported("FOR SYSTEM_TIME AS OF PROCTIME() with a condition that Calcite could "
          + "not turn into a join");
    }
    return eventTimeJoin(correlate, snapshot, leftTime);
  }

  /**
   * The left column an event-time period reads ({@code FOR SYSTEM_TIME AS OF s.ts}: a field of
   * the Correlate's variable), or -1 for any other period.
   */
  private static int eventTimePeriod(Snapshot snapshot,
      org.apache.calcite.rel.core.Correlate correlate) {
    RexNode period = snapshot.getPeriod();
    if (period instanceof RexFieldAccess
        && ((RexFieldAccess) period).getReferenceExpr() instanceof RexCorrelVariable
        && ((RexCorrelVariable) ((RexFieldAccess) period).getReferenceExpr()).id
            .equals(correlate.getCorrelationId())) {
      return ((RexFieldAccess) period).getField().getIndex();
    }
    return -1;
  }

  /**
   * An event-time temporal join: each row of the append-only left input joins the version of
   * the right input's key valid at the row's time, found by an {@link AsofJoinNode} in versioned
   * mode (backward match, deletes end a version), emitted once the right watermark reaches the
   * row's time. The right side is a Filter of key equalities over the Snapshot of a relation
   * with a watermarked event-time column.
   */
  private PhysicalNode eventTimeJoin(org.apache.calcite.rel.core.Correlate correlate,
      Snapshot snapshot, int leftTime) {
    JoinKind kind;
    if (correlate.getJoinType() == JoinRelType.INNER) {
      kind = JoinKind.INNER;
    } else if (correlate.getJoinType() == JoinRelType.LEFT) {
      kind = JoinKind.LEFT;
    } else {
      throw unsupported("a " + correlate.getJoinType() + " temporal join: only INNER and LEFT");
    }
    RelNode right = correlate.getRight();
    RexNode condition = null;
    if (right instanceof org.apache.calcite.rel.core.Filter) {
      condition = ((org.apache.calcite.rel.core.Filter) right).getCondition();
      right = ((org.apache.calcite.rel.core.Filter) right).getInput();
    } else if (right instanceof Calc && ((Calc) right).getProgram().projectsOnlyIdentity()) {
      RexProgram program = ((Calc) right).getProgram();
      condition = program.getCondition() == null ? null
          : program.expandLocalRef(program.getCondition());
      right = ((Calc) right).getInput();
    }
    if (right != snapshot) {
      throw unsupported("an event-time temporal join over a subquery or expression of the "
          + "versioned relation: FOR SYSTEM_TIME AS OF s.ts must follow a source, stream or "
          + "view name");
    }
    List<Integer> leftKeys = new ArrayList<>();
    List<Integer> rightKeys = new ArrayList<>();
    for (RexNode c : condition == null ? List.<RexNode>of()
        : org.apache.calcite.plan.RelOptUtil.conjunctions(condition)) {
      int[] pair = c.getKind() == SqlKind.EQUALS ? correlatedKey((RexCall) c, correlate) : null;
      if (pair == null) {
        throw unsupported("conditions other than key equalities (s.k = v.k) in the ON clause "
            + "of an event-time temporal join, here " + c + " (filter in WHERE, or filter the "
            + "versioned relation in a view)");
      }
      leftKeys.add(pair[0]);
      rightKeys.add(pair[1]);
    }
    if (leftKeys.isEmpty()) {
      throw unsupported("an event-time temporal join needs an equality between the stream and "
          + "the versioned relation's key (ON s.k = v.k)");
    }
    PhysicalNode stream = translator.translate(correlate.getLeft());
    if (!stream.appendOnly() || stream.rowtimeColumn() != leftTime) {
      throw unsupported("an event-time temporal join whose left input is not append-only with "
          + "FOR SYSTEM_TIME AS OF its watermarked event-time column");
    }
    PhysicalNode versions = translator.translate(snapshot.getInput());
    int rightTime = versions.rowtimeColumn();
    if (rightTime < 0) {
      throw unsupported("an event-time temporal join against a relation without a watermarked "
          + "event-time column (declare WATERMARK FOR on the versioned source; for a table use "
          + "FOR SYSTEM_TIME AS OF PROCTIME())");
    }
    int[] lk = leftKeys.stream().mapToInt(Integer::intValue).toArray();
    int[] rk = rightKeys.stream().mapToInt(Integer::intValue).toArray();
    checkKeyTypes(stream, lk, versions, rk);
    return new AsofJoinNode(stream, versions, lk, rk, leftTime, rightTime,
        org.laminardb.core.operator.AsofDirection.BACKWARD, false, Long.MAX_VALUE,
        kind == JoinKind.LEFT, true, RelTranslator.schemaOf(correlate));
  }

  /** {left column, right column} of {@code $cor.x = $i} (either order), or null. */
  private static int[] correlatedKey(RexCall eq, org.apache.calcite.rel.core.Correlate c) {
    RexNode a = eq.getOperands().get(0);
    RexNode b = eq.getOperands().get(1);
    if (a instanceof RexInputRef) {
      RexNode t = a;
      a = b;
      b = t;
    }
    if (a instanceof RexFieldAccess && b instanceof RexInputRef
        && ((RexFieldAccess) a).getReferenceExpr() instanceof RexCorrelVariable
        && ((RexCorrelVariable) ((RexFieldAccess) a).getReferenceExpr()).id
            .equals(c.getCorrelationId())) {
      return new int[] {((RexFieldAccess) a).getField().getIndex(),
          ((RexInputRef) b).getIndex()};
    }
    return null;
  }

  /**
   * The one place that decides which periods {@code FOR SYSTEM_TIME AS OF} supports: {@code
   * PROCTIME()} only. Event-time temporal joins ({@code FOR SYSTEM_TIME AS OF s.ts} against a
   * versioned table) plug in here.
   */
  private static void checkPeriod(Snapshot snapshot) {
    RexNode period = snapshot.getPeriod();
    if (period instanceof RexCall && ((RexCall) period).getOperator() instanceof ProcTimeFunction) {
      return;
    }
    throw unsupported("FOR SYSTEM_TIME AS OF " + period + " (the period must be PROCTIME() or "
        + "the left input's event-time column)");
  }

  private PhysicalNode temporalJoin(Join join, JoinKind kind, PhysicalNode stream,
      JoinInfo info) {
    if (!info.isEqui()) {
      if (kind == JoinKind.LEFT) {
        throw unsupported("conditions other than key equalities in the ON clause of a LEFT "
            + "temporal join (put them in WHERE, or filter the table in a view)");
      }
    }
    PhysicalNode table = tableSide(join.getRight());
    int[] leftKeys = info.leftKeys.toIntArray();
    int[] rightKeys = info.rightKeys.toIntArray();
    checkKeyTypes(stream, leftKeys, table, rightKeys);
    TemporalJoinNode node = new TemporalJoinNode(stream, table, kind, leftKeys, rightKeys,
        RelTranslator.schemaOf(join));
    if (info.isEqui()) {
      return node;
    }
    RexBuilder rex = join.getCluster().getRexBuilder();
    RexNode residual = RexUtil.composeConjunction(rex, info.nonEquiConditions);
    List<RexNode> exprs = new ArrayList<>();
    for (int i = 0; i < join.getRowType().getFieldCount(); i++) {
      exprs.add(rex.makeInputRef(join.getRowType().getFieldList().get(i).getType(), i));
    }
    RexProgram program = RexProgram.create(join.getRowType(), exprs, residual,
        join.getRowType(), rex);
    return new CalcNode(node, program, RelTranslator.schemaOf(join));
  }

  /** Rejects a temporal join whose right side is not a table or a materialized view. */
  private static void checkTableSide(RelNode right) {
    TableScan scan = scanUnder(right);
    RelationKind tableKind = scan == null ? null
        : scan.getTable().unwrap(RelationTable.class).relation().kind();
    if (tableKind != RelationKind.TABLE && tableKind != RelationKind.MATERIALIZED_VIEW) {
      throw unsupported("FOR SYSTEM_TIME AS OF on a "
          + (tableKind == null ? "subquery" : tableKind.sqlName().toLowerCase(Locale.ROOT))
          + " (temporal joins read a table, a materialized view or a lookup table)");
    }
  }

  /** The right side of a temporal join without its Snapshot (Calcs above it kept). */
  private PhysicalNode tableSide(RelNode rel) {
    if (rel instanceof Snapshot) {
      return translator.translate(((Snapshot) rel).getInput());
    }
    if (rel instanceof Calc) {
      Calc calc = (Calc) rel;
      return new CalcNode(tableSide(calc.getInput()), calc.getProgram(),
          RelTranslator.schemaOf(calc));
    }
    return translator.translate(rel);
  }

  private PhysicalNode lookupJoin(Join join, JoinKind kind, PhysicalNode stream, JoinInfo info,
      TableScan scan) {
    RelationTable t = scan.getTable().unwrap(RelationTable.class);
    Relation table = t.relation();
    LookupTableInfo lookup = t.lookup();
    RexBuilder rex = join.getCluster().getRexBuilder();
    int leftCount = join.getLeft().getRowType().getFieldCount();
    // The raw row the operator emits: the stream's columns, then the lookup table's.
    RelDataType raw = SqlValidatorUtil.deriveJoinRowType(join.getLeft().getRowType(),
        scan.getRowType(), join.getJoinType(), rex.getTypeFactory(), null, List.of());
    // Each right output column, and the right side's filter, over the raw row.
    List<RexNode> rightExprs = new ArrayList<>();
    List<RexNode> filters = new ArrayList<>();
    pullUp(join.getRight(), leftCount, raw, rex, rightExprs, filters);
    int[] streamKeys = info.leftKeys.toIntArray();
    int[] tableKeys = new int[lookup.key().length];
    int[] byKey = new int[lookup.key().length];
    java.util.Arrays.fill(byKey, -1);
    for (int i = 0; i < streamKeys.length; i++) {
      int column = rawColumn(rightExprs.get(info.rightKeys.get(i)), leftCount);
      int k = indexOf(lookup.key(), column);
      if (k < 0 || byKey[k] >= 0) {
        throw unsupported("a lookup join whose ON clause equates other columns than the primary "
            + "key of " + table.name() + " once each (ON s.x = " + table.name() + "."
            + keyNames(table, lookup) + ")");
      }
      byKey[k] = streamKeys[i];
    }
    for (int k = 0; k < byKey.length; k++) {
      if (byKey[k] < 0) {
        throw unsupported("a lookup join must equate every primary-key column of "
            + table.name() + " (" + keyNames(table, lookup) + ") with a column of the stream");
      }
      tableKeys[k] = lookup.key()[k];
    }
    checkKeyTypes(stream, byKey, new ScanNode(table), tableKeys);
    LookupJoinNode node = new LookupJoinNode(stream, table, lookup, kind, byKey, tableKeys,
        TypeMapping.toSchema(raw));
    // Pull the right side's Calcs and the non-equi conditions above the join.
    for (RexNode c : info.nonEquiConditions) {
      filters.add(substitute(c, leftCount, rightExprs));
    }
    boolean identity = filters.isEmpty() && rightExprs.size() == scan.getRowType()
        .getFieldCount();
    for (int i = 0; identity && i < rightExprs.size(); i++) {
      identity = rightExprs.get(i) instanceof RexInputRef
          && ((RexInputRef) rightExprs.get(i)).getIndex() == leftCount + i;
    }
    if (identity) {
      return node;
    }
    RexNode condition = RexUtil.composeConjunction(rex, filters);
    List<RexNode> exprs = new ArrayList<>();
    for (int i = 0; i < leftCount; i++) {
      exprs.add(rex.makeInputRef(raw.getFieldList().get(i).getType(), i));
    }
    for (int i = 0; i < rightExprs.size(); i++) {
      RexNode e = rightExprs.get(i);
      RelDataType type = join.getRowType().getFieldList().get(leftCount + i).getType();
      if (kind == JoinKind.LEFT && !filters.isEmpty()) {
        e = rex.makeCall(SqlStdOperatorTable.CASE, rex.makeCall(SqlStdOperatorTable.IS_TRUE,
            condition), e, rex.makeNullLiteral(type));
      }
      exprs.add(rex.ensureType(type, e, true));
    }
    RexProgram program = RexProgram.create(raw, exprs,
        kind == JoinKind.INNER && !filters.isEmpty() ? condition : null, join.getRowType(), rex);
    return new CalcNode(node, program, RelTranslator.schemaOf(join));
  }

  /**
   * Expresses the right side's output columns and filters over the raw row (stream columns,
   * then the lookup table's), through Calcs and the Snapshot down to the scan.
   */
  private static void pullUp(RelNode rel, int leftCount, RelDataType raw, RexBuilder rex,
      List<RexNode> exprs, List<RexNode> filters) {
    if (rel instanceof TableScan) {
      for (int i = 0; i < rel.getRowType().getFieldCount(); i++) {
        exprs.add(rex.makeInputRef(raw.getFieldList().get(leftCount + i).getType(),
            leftCount + i));
      }
      return;
    }
    if (rel instanceof Snapshot) {
      pullUp(((Snapshot) rel).getInput(), leftCount, raw, rex, exprs, filters);
      return;
    }
    Calc calc = (Calc) rel;
    List<RexNode> below = new ArrayList<>();
    pullUp(calc.getInput(), leftCount, raw, rex, below, filters);
    RexProgram p = calc.getProgram();
    if (p.getCondition() != null) {
      filters.add(substitute(p.expandLocalRef(p.getCondition()), 0, below));
    }
    for (org.apache.calcite.rex.RexLocalRef ref : p.getProjectList()) {
      exprs.add(substitute(p.expandLocalRef(ref), 0, below));
    }
  }

  /** Replaces input refs from {@code first} on by the given expressions. */
  private static RexNode substitute(RexNode e, int first, List<RexNode> exprs) {
    return e.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return ref.getIndex() < first ? ref : exprs.get(ref.getIndex() - first);
      }
    });
  }

  /** The raw lookup column of a key expression (a column, or a cast of one), or -1. */
  private static int rawColumn(RexNode e, int leftCount) {
    while (e.getKind() == SqlKind.CAST) {
      e = ((RexCall) e).getOperands().get(0);
    }
    return e instanceof RexInputRef && ((RexInputRef) e).getIndex() >= leftCount
        ? ((RexInputRef) e).getIndex() - leftCount : -1;
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }

  private static String keyNames(Relation table, LookupTableInfo lookup) {
    List<String> names = new ArrayList<>();
    for (int k : lookup.key()) {
      names.add(table.schema().field(k).name());
    }
    return String.join(", ", names);
  }

  private static void checkKeyTypes(PhysicalNode left, int[] leftKeys, PhysicalNode right,
      int[] rightKeys) {
    for (int i = 0; i < leftKeys.length; i++) {
      DataType a = left.schema().field(leftKeys[i]).type().withNullable(true);
      DataType b = right.schema().field(rightKeys[i]).type().withNullable(true);
      if (!JoinTranslator.encoding(a).equals(JoinTranslator.encoding(b))) {
        throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "join keys must have "
            + "comparable types: " + left.schema().field(leftKeys[i]).name() + " is " + a + ", "
            + right.schema().field(rightKeys[i]).name() + " is " + b + "; CAST one of them");
      }
    }
  }

  /** The Snapshot at the bottom of a chain of Calcs and Filters, or null. */
  private static Snapshot snapshotUnder(RelNode rel) {
    while (rel instanceof Calc || rel instanceof org.apache.calcite.rel.core.Filter) {
      rel = ((Calc) rel).getInput();
    }
    return rel instanceof Snapshot ? (Snapshot) rel : null;
  }

  /** The scan of a relation under Calcs and a Snapshot, or null. */
  private static TableScan scanUnder(RelNode rel) {
    while (rel instanceof Calc || rel instanceof Snapshot) {
      rel = rel.getInput(0);
    }
    return rel instanceof TableScan && rel.getTable().unwrap(RelationTable.class) != null
        ? (TableScan) rel : null;
  }

  /** The scan of a lookup table under Calcs and a Snapshot, or null. */
  private static TableScan lookupScanUnder(RelNode rel) {
    TableScan scan = scanUnder(rel);
    return scan != null && scan.getTable().unwrap(RelationTable.class).relation().kind()
        == RelationKind.LOOKUP_TABLE ? scan : null;
  }

  static LaminarDBException unsupported(String what) {
    return new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, what + " is not supported; "
        + SUPPORTED);
  }

  /** A reading of a lookup table other than by a join on its key. */
  static LaminarDBException lookupTableScan(String name) {
    return new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "lookup table " + name
        + " can only be read by a join on its primary key (s [LEFT] JOIN " + name
        + " [FOR SYSTEM_TIME AS OF PROCTIME()] ON s.k = " + name + ".key); it is not a "
        + "relation whose rows can be scanned");
  }
}
