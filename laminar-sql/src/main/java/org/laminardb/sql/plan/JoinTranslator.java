package org.laminardb.sql.plan;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
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
import org.laminardb.core.operator.JoinKind;
import org.laminardb.core.type.DataType;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

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

  JoinNode translate(Join join) {
    JoinKind kind = kind(join);
    JoinInfo info = join.analyzeCondition();
    if (info.leftKeys.isEmpty()) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "a join needs at least one "
          + "equality between columns of its two inputs (a.k = b.k): cross joins and joins on "
          + "other conditions only are not supported; " + ContinuousQueryChecker.JOINS);
    }
    int[] leftKeys = info.leftKeys.toIntArray();
    int[] rightKeys = info.rightKeys.toIntArray();
    List<org.apache.calcite.rel.type.RelDataTypeField> lf = join.getLeft().getRowType()
        .getFieldList();
    List<org.apache.calcite.rel.type.RelDataTypeField> rf = join.getRight().getRowType()
        .getFieldList();
    for (int i = 0; i < leftKeys.length; i++) {
      DataType a = org.laminardb.sql.type.TypeMapping.toDataType(lf.get(leftKeys[i]).getType())
          .withNullable(true);
      DataType b = org.laminardb.sql.type.TypeMapping.toDataType(rf.get(rightKeys[i]).getType())
          .withNullable(true);
      if (!encoding(a).equals(encoding(b))) {
        throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "join keys must have "
            + "comparable types: " + lf.get(leftKeys[i]).getName() + " is " + a + ", "
            + rf.get(rightKeys[i]).getName() + " is " + b + "; CAST one of them");
      }
    }
    PhysicalNode left = translator.translate(join.getLeft());
    PhysicalNode right = translator.translate(join.getRight());
    RexNode residual = info.isEqui() ? null : RexUtil.composeConjunction(
        join.getCluster().getRexBuilder(), info.nonEquiConditions);
    RexProgram program = residual == null ? null : program(join, residual);
    IntervalBounds interval = residual == null ? null
        : bounds(left, right, info.nonEquiConditions);
    return new JoinNode(left, right, kind, leftKeys, rightKeys, residual, program,
        RelTranslator.schemaOf(join), interval);
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
    int rtRef = left.schema().size() + rt;
    long[] b = {Long.MIN_VALUE, Long.MAX_VALUE};
    for (RexNode condition : conditions) {
      for (RexNode c : RelOptUtil.conjunctions(condition)) {
        if (!(c instanceof RexCall) || ((RexCall) c).getOperands().size() != 2) {
          continue;
        }
        RexCall call = (RexCall) c;
        long[] x = term(call.getOperands().get(0));
        long[] y = term(call.getOperands().get(1));
        if (x == null || y == null) {
          continue;
        }
        try {
          if (x[0] == rtRef && y[0] == lt) {
            // r + cx OP l + cy: r - l OP cy - cx
            bound(b, call.getKind(), Math.subtractExact(y[1], x[1]));
          } else if (x[0] == lt && y[0] == rtRef) {
            // l + cx OP r + cy: r - l reverse(OP) cx - cy
            bound(b, call.getKind().reverse(), Math.subtractExact(x[1], y[1]));
          }
        } catch (ArithmeticException e) {
          // bounds beyond the range of microseconds: ignore this conjunct
        }
      }
    }
    if (b[0] == Long.MIN_VALUE || b[1] == Long.MAX_VALUE) {
      return null;
    }
    return new IntervalBounds(lt, rt, b[0], b[1]);
  }

  /** Narrows {lower, upper} of an integer difference by {@code d OP v}. */
  private static void bound(long[] b, SqlKind op, long v) {
    switch (op) {
      case GREATER_THAN_OR_EQUAL:
        b[0] = Math.max(b[0], v);
        break;
      case GREATER_THAN:
        b[0] = Math.max(b[0], Math.addExact(v, 1));
        break;
      case LESS_THAN_OR_EQUAL:
        b[1] = Math.min(b[1], v);
        break;
      case LESS_THAN:
        b[1] = Math.min(b[1], Math.subtractExact(v, 1));
        break;
      default:
        break;
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
      default:
        throw ContinuousQueryChecker.unsupportedRel(
            "a " + join.getJoinType() + " join (from a subquery)");
    }
  }

  /** {@code residual IS TRUE} as the single projection of a program over the join's row. */
  private static RexProgram program(Join join, RexNode residual) {
    RexBuilder rex = join.getCluster().getRexBuilder();
    RelDataTypeFactory types = rex.getTypeFactory();
    RexNode isTrue = rex.makeCall(SqlStdOperatorTable.IS_TRUE, residual);
    RelDataType out = types.builder()
        .add("matches", types.createSqlType(SqlTypeName.BOOLEAN)).build();
    return RexProgram.create(join.getRowType(), List.of(isTrue), null, out, rex);
  }
}
