package org.laminardb.sql.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.laminardb.core.operator.AsofDirection;
import org.laminardb.core.operator.JoinKind;
import org.laminardb.core.type.DataType;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.type.TypeMapping;

/**
 * Translates a Calcite {@link Join} into a {@link JoinNode}: its equalities between the two inputs
 * become the join keys, the rest of the condition the residual. Equality operands that are
 * expressions or casts have been pushed into the inputs by the planner's rules, so that each key
 * is a column of its input.
 */
final class JoinTranslator {
  private final RelTranslator translator;

  JoinTranslator(RelTranslator translator) {
    this.translator = translator;
  }

  PhysicalNode translate(Join join) {
    JoinKind kind = kind(join);
    JoinInfo info = join.analyzeCondition();
    if (info.leftKeys.isEmpty() && !kind.leftOnly()
        && (singleRow(join.getLeft()) || singleRow(join.getRight()))) {
      return translator.translate(withConstantKey(join));
    }
    if (info.leftKeys.isEmpty()) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "a join needs at least one "
          + "equality between columns of its two inputs (a.k = b.k): cross joins and joins on "
          + "other conditions only are not supported; " + ContinuousQueryChecker.JOINS);
    }
    int[] leftKeys = info.leftKeys.toIntArray();
    int[] rightKeys = info.rightKeys.toIntArray();
    checkKeyTypes(join.getLeft(), leftKeys, join.getRight(), rightKeys);
    PhysicalNode left = translator.translate(join.getLeft());
    PhysicalNode right = translator.translate(join.getRight());
    RexNode residual = info.isEqui() ? null : RexUtil.composeConjunction(
        join.getCluster().getRexBuilder(), info.nonEquiConditions);
    RexProgram program = residual == null ? null : program(join, residual);
    IntervalBounds interval = residual == null ? null
        : bounds(left, right, info.nonEquiConditions);
    if (interval == null) {
      interval = windowBounds(left, right, leftKeys, rightKeys);
    }
    if (interval == null && kind.leftOnly()) {
      throw new SemiJoins.NotBounded();
    }
    long ttl = interval == null ? translator.options().stateTtlMillis() : 0;
    if (interval == null && ttl == 0 && translator.options().boundedState()) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "this join's state would "
          + "grow without bound ('state.bounded' = 'true'): it is a regular join, which keeps "
          + "every row of both inputs. Bound it with time conditions on the inputs' event-time "
          + "columns (an interval join), join windows on their window_end (a window join), use "
          + "an ASOF or temporal join, or set 'state.ttl'");
    }
    return new JoinNode(left, right, kind, leftKeys, rightKeys, residual, program,
        RelTranslator.schemaOf(join), interval, ttl);
  }

  /** Whether a relation has at most one row at any time (a global aggregate, say). */
  private static boolean singleRow(RelNode rel) {
    Double max = rel.getCluster().getMetadataQuery().getMaxRowCount(rel);
    return max != null && max <= 1;
  }

  /**
   * A join without key equalities, one of whose inputs has a single row ({@code x > (SELECT
   * AVG(...) ...)}, {@code NOT IN}, a join with a global aggregate), as a join on a constant key
   * added to both inputs, under a projection that drops it: every row then pairs with that row,
   * and a change of it updates every paired row.
   */
  private static RelNode withConstantKey(Join join) {
    RexBuilder rex = join.getCluster().getRexBuilder();
    RelNode left = withConstant(join.getLeft());
    RelNode right = withConstant(join.getRight());
    int l = join.getLeft().getRowType().getFieldCount();
    int r = join.getRight().getRowType().getFieldCount();
    RexNode condition = join.getCondition().accept(new org.apache.calcite.rex.RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return ref.getIndex() < l ? ref : new RexInputRef(ref.getIndex() + 1, ref.getType());
      }
    });
    RexNode key = rex.makeCall(SqlStdOperatorTable.EQUALS, rex.makeInputRef(left, l),
        new RexInputRef(l + 1 + r, right.getRowType().getFieldList().get(r).getType()));
    RelNode keyed = join.copy(join.getTraitSet(), RexUtil.composeConjunction(rex,
        List.of(key, condition)), left, right, join.getJoinType(), join.isSemiJoinDone());
    List<RexNode> columns = new ArrayList<>();
    for (int i = 0; i < l + r; i++) {
      columns.add(rex.makeInputRef(keyed, i < l ? i : i + 1));
    }
    return LogicalCalc.create(keyed, RexProgram.create(keyed.getRowType(), columns, null,
        join.getRowType(), rex));
  }

  /** A relation with the constant 0 as an extra, last column. */
  private static RelNode withConstant(RelNode input) {
    RexBuilder rex = input.getCluster().getRexBuilder();
    List<RexNode> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (RelDataTypeField f : input.getRowType().getFieldList()) {
      columns.add(rex.makeInputRef(input, f.getIndex()));
      names.add(f.getName());
    }
    columns.add(rex.makeLiteral(0, rex.getTypeFactory().createSqlType(SqlTypeName.INTEGER)));
    names.add("$join_key");
    return LogicalCalc.create(input, RexProgram.create(input.getRowType(), columns, null,
        names, rex));
  }

  /** Rejects key pairs whose values are stored differently (they could never be equal). */
  private static void checkKeyTypes(RelNode leftRel, int[] leftKeys, RelNode rightRel,
      int[] rightKeys) {
    List<RelDataTypeField> lf = leftRel.getRowType().getFieldList();
    List<RelDataTypeField> rf = rightRel.getRowType().getFieldList();
    for (int i = 0; i < leftKeys.length; i++) {
      DataType a = TypeMapping.toDataType(lf.get(leftKeys[i]).getType()).withNullable(true);
      DataType b = TypeMapping.toDataType(rf.get(rightKeys[i]).getType()).withNullable(true);
      if (!encoding(a).equals(encoding(b))) {
        throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "join keys must have "
            + "comparable types: " + lf.get(leftKeys[i]).getName() + " is " + a + ", "
            + rf.get(rightKeys[i]).getName() + " is " + b + "; CAST one of them");
      }
    }
  }

  /**
   * Translates an ASOF join: equalities of columns are the keys, the marker the match condition,
   * bounds on the difference of the two time columns the tolerance. Both inputs must be
   * append-only with watermarked event-time columns, which the match condition compares.
   */
  AsofJoinNode asof(AsofJoinRel join) {
    int leftCount = join.getLeft().getRowType().getFieldCount();
    List<Integer> leftKeys = new ArrayList<>();
    List<Integer> rightKeys = new ArrayList<>();
    RexCall match = null;
    List<RexNode> rest = new ArrayList<>();
    for (RexNode c : RelOptUtil.conjunctions(join.condition())) {
      if (c instanceof RexCall && AsofSyntax.MARKERS.contains(((RexCall) c).getOperator())) {
        match = (RexCall) c;
        continue;
      }
      if (c.getKind() == SqlKind.EQUALS) {
        RexNode a = ((RexCall) c).getOperands().get(0);
        RexNode b = ((RexCall) c).getOperands().get(1);
        if (a instanceof RexInputRef && b instanceof RexInputRef) {
          int x = ((RexInputRef) a).getIndex();
          int y = ((RexInputRef) b).getIndex();
          if (x < leftCount && y >= leftCount || y < leftCount && x >= leftCount) {
            leftKeys.add(Math.min(x, y));
            rightKeys.add(Math.max(x, y) - leftCount);
            continue;
          }
        }
      }
      rest.add(c);
    }
    if (match == null || leftKeys.isEmpty()) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "an ASOF join needs at "
          + "least one equality between columns of its two inputs in ON; "
          + AsofSyntax.SUPPORTED);
    }
    int index = AsofSyntax.MARKERS.indexOf(match.getOperator());
    int a = timeRef(match.getOperands().get(0));
    int b = timeRef(match.getOperands().get(1));
    boolean swapped = a >= leftCount;
    int lt = swapped ? b : a;
    int rt = (swapped ? a : b) - leftCount;
    if (lt < 0 || lt >= leftCount || rt < 0) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "the ASOF match condition "
          + "must compare a column of the left input with a column of the right input; "
          + AsofSyntax.SUPPORTED);
    }
    if (swapped && index < 4) {
      index ^= 2; // r >= l is l <= r
    }
    AsofDirection direction = index == 4 ? AsofDirection.NEAREST
        : index < 2 ? AsofDirection.BACKWARD : AsofDirection.FORWARD;
    boolean strict = index == 1 || index == 3;
    PhysicalNode left = translator.translate(join.getLeft());
    PhysicalNode right = translator.translate(join.getRight());
    requireTimedAppendOnly(left, lt, "left");
    requireTimedAppendOnly(right, rt, "right");
    int[] lk = leftKeys.stream().mapToInt(Integer::intValue).toArray();
    int[] rk = rightKeys.stream().mapToInt(Integer::intValue).toArray();
    checkKeyTypes(join.getLeft(), lk, join.getRight(), rk);
    List<RexNode> unused = new ArrayList<>();
    long[] bounds = differenceBounds(lt, leftCount + rt, rest, unused);
    if (!unused.isEmpty()) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "an ASOF join's ON takes "
          + "key equalities and a tolerance on the two time columns only, not " + unused.get(0)
          + "; filter in WHERE or in a subquery; " + AsofSyntax.SUPPORTED);
    }
    long tolerance = tolerance(direction, bounds);
    return new AsofJoinNode(left, right, lk, rk, lt, rt, direction, strict, tolerance,
        join.joinType() == JoinRelType.LEFT, false, RelTranslator.schemaOf(join));
  }

  private static int timeRef(RexNode node) {
    return node instanceof RexInputRef ? ((RexInputRef) node).getIndex() : -1;
  }

  private static void requireTimedAppendOnly(PhysicalNode input, int time, String side) {
    if (!input.appendOnly()) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "the " + side + " input of "
          + "an ASOF join must be append-only (a source or a stream, not an updating view or "
          + "table); to join the version of a changelog valid at a row's time use a temporal "
          + "join: FOR SYSTEM_TIME AS OF");
    }
    if (input.rowtimeColumn() != time) {
      String name = input.schema().field(time).name();
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "the ASOF match condition "
          + "must compare the event-time columns (with a WATERMARK) of both inputs; " + name
          + " of the " + side + " input is not " + (input.rowtimeColumn() < 0
          ? "(it has none)" : "(" + input.schema().field(input.rowtimeColumn()).name() + " is)"));
    }
  }

  /** The tolerance from bounds on {@code right.time - left.time}; Long.MAX_VALUE for none. */
  private static long tolerance(AsofDirection direction, long[] b) {
    boolean hasLower = b[0] != Long.MIN_VALUE;
    boolean hasUpper = b[1] != Long.MAX_VALUE;
    String bad = null;
    long tolerance = Long.MAX_VALUE;
    switch (direction) {
      case BACKWARD:
        if (hasUpper && b[1] < 0 || hasLower && b[0] > 0) {
          bad = "a backward ASOF join's tolerance bounds how much earlier the right row may be";
        } else if (hasLower) {
          tolerance = -b[0];
        }
        break;
      case FORWARD:
        if (hasLower && b[0] > 0 || hasUpper && b[1] < 0) {
          bad = "a forward ASOF join's tolerance bounds how much later the right row may be";
        } else if (hasUpper) {
          tolerance = b[1];
        }
        break;
      default:
        if (hasLower != hasUpper || hasLower && -b[0] != b[1]) {
          bad = "a NEAREST ASOF join's tolerance must bound both sides alike: r.ts BETWEEN l.ts "
              + "- INTERVAL 'x' SECOND AND l.ts + INTERVAL 'x' SECOND";
        } else if (hasUpper) {
          tolerance = b[1];
        }
        break;
    }
    if (bad != null) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, bad + "; "
          + AsofSyntax.SUPPORTED);
    }
    return tolerance;
  }

  /**
   * The time bounds that make a join an interval join, or null: both inputs append-only with
   * watermarked event-time columns, and conjuncts of the condition that bound {@code right.time -
   * left.time} from below and above by constants ({@code r.ts >= l.ts - INTERVAL ...}, {@code
   * BETWEEN}, strict forms, either operand order). The conjuncts stay in the residual as well.
   */
  static IntervalBounds bounds(PhysicalNode left, PhysicalNode right, List<RexNode> conditions) {
    int lt = left.rowtimeColumn();
    int rt = right.rowtimeColumn();
    if (!left.appendOnly() || !right.appendOnly() || lt < 0 || rt < 0) {
      return null;
    }
    long[] b = differenceBounds(lt, left.schema().size() + rt, conditions, null);
    if (b[0] == Long.MIN_VALUE || b[1] == Long.MAX_VALUE) {
      return null;
    }
    return new IntervalBounds(lt, rt, b[0], b[1]);
  }

  /**
   * Bounds {lower, upper} on {@code right.time - left.time} from the conjuncts that compare the
   * two time columns, each plus or minus a constant interval; other conjuncts go to {@code
   * unused} (when not null).
   */
  private static long[] differenceBounds(int lt, int rtRef, List<RexNode> conditions,
      List<RexNode> unused) {
    long[] b = {Long.MIN_VALUE, Long.MAX_VALUE};
    for (RexNode condition : conditions) {
      for (RexNode c : RelOptUtil.conjunctions(condition)) {
        if (!bounds(b, c, lt, rtRef) && unused != null) {
          unused.add(c);
        }
      }
    }
    return b;
  }

  /** Narrows the bounds by one conjunct; false if it is not a bound on the two times. */
  private static boolean bounds(long[] b, RexNode c, int lt, int rtRef) {
    if (!(c instanceof RexCall) || ((RexCall) c).getOperands().size() != 2) {
      return false;
    }
    RexCall call = (RexCall) c;
    long[] x = term(call.getOperands().get(0));
    long[] y = term(call.getOperands().get(1));
    if (x == null || y == null) {
      return false;
    }
    try {
      if (x[0] == rtRef && y[0] == lt) {
        // r + cx OP l + cy: r - l OP cy - cx
        return bound(b, call.getKind(), Math.subtractExact(y[1], x[1]));
      } else if (x[0] == lt && y[0] == rtRef) {
        // l + cx OP r + cy: r - l reverse(OP) cx - cy
        return bound(b, call.getKind().reverse(), Math.subtractExact(x[1], y[1]));
      }
    } catch (ArithmeticException e) {
      return true; // bounds beyond the range of microseconds: no bound
    }
    return false;
  }

  /**
   * Zero-width bounds when the join key equates the two inputs' event-time columns (a window
   * join: {@code ON a.window_end = b.window_end AND ...} over two windowed, append-only inputs),
   * or null: rows then match only rows of the same time, and state is freed as the watermarks
   * pass it.
   */
  static IntervalBounds windowBounds(PhysicalNode left, PhysicalNode right, int[] leftKeys,
      int[] rightKeys) {
    int lt = left.rowtimeColumn();
    int rt = right.rowtimeColumn();
    if (!left.appendOnly() || !right.appendOnly() || lt < 0 || rt < 0) {
      return null;
    }
    for (int i = 0; i < leftKeys.length; i++) {
      if (leftKeys[i] == lt && rightKeys[i] == rt) {
        return new IntervalBounds(lt, rt, 0, 0);
      }
    }
    return null;
  }

  /** Narrows {lower, upper} of an integer difference by {@code d OP v}; false for other OPs. */
  private static boolean bound(long[] b, SqlKind op, long v) {
    switch (op) {
      case GREATER_THAN_OR_EQUAL:
        b[0] = Math.max(b[0], v);
        return true;
      case GREATER_THAN:
        b[0] = Math.max(b[0], Math.addExact(v, 1));
        return true;
      case LESS_THAN_OR_EQUAL:
        b[1] = Math.min(b[1], v);
        return true;
      case LESS_THAN:
        b[1] = Math.min(b[1], Math.subtractExact(v, 1));
        return true;
      default:
        return false;
    }
  }

  /**
   * A column plus a constant day-time interval, as {column, microseconds}: {@code $i}, {@code $i
   * + INTERVAL}, {@code INTERVAL + $i}, {@code $i - INTERVAL}; null for anything else.
   */
  private static long[] term(RexNode node) {
    if (node instanceof RexInputRef) {
      return new long[] {((RexInputRef) node).getIndex(), 0};
    }
    if (!(node instanceof RexCall)) {
      return null;
    }
    RexCall call = (RexCall) node;
    SqlKind k = call.getKind();
    if (call.getOperands().size() != 2 || k != SqlKind.PLUS && k != SqlKind.MINUS) {
      return null;
    }
    RexNode a = call.getOperands().get(0);
    RexNode b = call.getOperands().get(1);
    if (k == SqlKind.PLUS && a instanceof RexLiteral && b instanceof RexInputRef) {
      RexNode t = a;
      a = b;
      b = t;
    }
    if (!(a instanceof RexInputRef) || !(b instanceof RexLiteral)) {
      return null;
    }
    Long micros = intervalMicros((RexLiteral) b);
    if (micros == null) {
      return null;
    }
    return new long[] {((RexInputRef) a).getIndex(), k == SqlKind.PLUS ? micros : -micros};
  }

  /** A day-time interval literal in microseconds (Calcite holds milliseconds), or null. */
  private static Long intervalMicros(RexLiteral literal) {
    if (literal.getType().getSqlTypeName().getFamily() != SqlTypeFamily.INTERVAL_DAY_TIME) {
      return null;
    }
    BigDecimal millis = literal.getValueAs(BigDecimal.class);
    if (millis == null) {
      return null;
    }
    try {
      return millis.movePointRight(3).longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /**
   * How a key value is stored, as a name: integers and DECIMALs as numbers with their scale
   * (INT 5, BIGINT 5 and DECIMAL(p, 0) 5 are all the long 5), other types by their kind.
   */
  static String encoding(DataType t) {
    switch (t.kind()) {
      case INT:
      case BIGINT:
        return "number/0";
      case DECIMAL:
        return "number/" + t.scale();
      default:
        return t.kind().name();
    }
  }

  private static JoinKind kind(Join join) {
    switch (join.getJoinType()) {
      case INNER:
        return JoinKind.INNER;
      case LEFT:
        return JoinKind.LEFT;
      case RIGHT:
        return JoinKind.RIGHT;
      case FULL:
        return JoinKind.FULL;
      case SEMI:
        return JoinKind.SEMI;
      case ANTI:
        return JoinKind.ANTI;
      default:
        throw ContinuousQueryChecker.unsupportedRel(
            "a " + join.getJoinType() + " join (from a subquery)");
    }
  }

  /**
   * {@code residual IS TRUE} as the single projection of a program over a pair of rows: the
   * join's row, or for a semi or anti join, whose row is the left one, the left row and the right
   * one.
   */
  private static RexProgram program(Join join, RexNode residual) {
    RexBuilder rex = join.getCluster().getRexBuilder();
    RelDataTypeFactory types = rex.getTypeFactory();
    RexNode isTrue = rex.makeCall(SqlStdOperatorTable.IS_TRUE, residual);
    RelDataType out = types.builder()
        .add("matches", types.createSqlType(SqlTypeName.BOOLEAN)).build();
    RelDataType pair = join.getJoinType().projectsRight() ? join.getRowType()
        : SqlValidatorUtil.deriveJoinRowType(join.getLeft().getRowType(),
            join.getRight().getRowType(), JoinRelType.INNER, types, null, List.of());
    return RexProgram.create(pair, List.of(isTrue), null, out, rex);
  }
}
