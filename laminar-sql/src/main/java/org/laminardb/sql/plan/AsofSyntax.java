package org.laminardb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlAsofJoin;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.laminardb.sql.function.AsofMarkers;

/**
 * Turns ASOF joins into plain joins that carry their match condition as a marker, before
 * validation. Calcite's validator accepts only a comparison in {@code MATCH_CONDITION} and only
 * equalities in {@code ON}; LaminarDB also takes {@code NEAREST(l.ts, r.ts)}, a time tolerance in
 * {@code ON} ({@code AND l.ts - r.ts <= INTERVAL '1' SECOND}) and the shorthand without {@code
 * MATCH_CONDITION} ({@code ASOF JOIN r ON l.k = r.k AND l.ts >= r.ts}, parsed as a join of type
 * LEFT_SEMI_JOIN, or LEFT_ANTI_JOIN for LEFT ASOF, by the grammar).
 *
 * <p>{@code l ASOF JOIN r MATCH_CONDITION(a OP b) ON c} becomes {@code l JOIN r ON c AND a
 * ASOF_OP b}, LEFT ASOF a LEFT JOIN, where ASOF_OP is one of the {@link #MARKERS} (see {@link
 * AsofMarkers}). {@link AsofJoinRel}
 * later replaces the marked join before any planner rule can move conditions in or out of it.
 * In the condition, {@code x - y OP interval} on two columns is rewritten to {@code x OP y +
 * interval}, the form the validator accepts.
 */
final class AsofSyntax extends SqlShuttle {
  /** The marker of {@code >=}, {@code >}, {@code <=}, {@code <} and NEAREST, in that order. */
  static final List<SqlOperator> MARKERS = AsofMarkers.ALL;

  static final String SUPPORTED = "ASOF joins take l [LEFT] ASOF JOIN r MATCH_CONDITION(l.ts "
      + ">= r.ts) ON l.k = r.k (or <=, >, <, NEAREST(l.ts, r.ts)), the shorthand l [LEFT] ASOF "
      + "JOIN r ON l.k = r.k AND l.ts >= r.ts, and an optional tolerance in ON such as AND l.ts "
      + "- r.ts <= INTERVAL '1' SECOND";

  private AsofSyntax() {}

  /**
   * Rewrites the ASOF joins of a query; returns the query itself when it has none.
   *
   * @param query a query
   * @return the rewritten query
   */
  static SqlNode rewrite(SqlNode query) {
    return query == null || !hasAsof(query) ? query : query.accept(new AsofSyntax());
  }

  /**
   * Whether a query has an ASOF join (with MATCH_CONDITION or the shorthand).
   *
   * @param query a query
   * @return true if it has one
   */
  static boolean hasAsof(SqlNode query) {
    boolean[] found = {false};
    query.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call instanceof SqlJoin && asofType(((SqlJoin) call).getJoinType()) != null) {
          found[0] = true;
        }
        return super.visit(call);
      }
    });
    return found[0];
  }

  /** INNER or LEFT for the ASOF join types (shorthand included), else null. */
  private static JoinType asofType(JoinType type) {
    switch (type) {
      case ASOF:
      case LEFT_SEMI_JOIN:
        return JoinType.INNER;
      case LEFT_ASOF:
      case LEFT_ANTI_JOIN:
        return JoinType.LEFT;
      default:
        return null;
    }
  }

  @Override
  public SqlNode visit(SqlCall call) {
    if (!(call instanceof SqlJoin)) {
      return super.visit(call);
    }
    SqlJoin join = (SqlJoin) call;
    JoinType type = asofType(join.getJoinType());
    if (type == null) {
      return super.visit(call);
    }
    if (join.getConditionType() != JoinConditionType.ON || join.getCondition() == null) {
      throw SqlErrors.unsupported(join, "an ASOF join needs an ON condition; " + SUPPORTED);
    }
    SqlNode left = join.getLeft().accept(this);
    SqlNode right = join.getRight().accept(this);
    List<SqlNode> conjuncts = new ArrayList<>();
    for (SqlNode c : conjuncts(join.getCondition())) {
      conjuncts.add(tolerance(c));
    }
    SqlNode match;
    if (join instanceof SqlAsofJoin) {
      match = marked(((SqlAsofJoin) join).getMatchCondition());
    } else {
      match = shorthandMatch(join, conjuncts);
    }
    conjuncts.add(match);
    SqlNode condition = conjuncts.get(0);
    for (int i = 1; i < conjuncts.size(); i++) {
      condition = SqlStdOperatorTable.AND.createCall(condition.getParserPosition(), condition,
          conjuncts.get(i));
    }
    return new SqlJoin(join.getParserPosition(), left,
        SqlLiteral.createBoolean(false, join.getParserPosition()),
        type.symbol(join.getJoinTypeNode().getParserPosition()), right,
        JoinConditionType.ON.symbol(join.getConditionTypeNode().getParserPosition()), condition);
  }

  private static List<SqlNode> conjuncts(SqlNode condition) {
    List<SqlNode> out = new ArrayList<>();
    if (condition.getKind() == SqlKind.AND) {
      for (SqlNode operand : ((SqlCall) condition).getOperandList()) {
        out.addAll(conjuncts(operand));
      }
    } else {
      out.add(condition);
    }
    return out;
  }

  /** The marker call for a MATCH_CONDITION: a comparison or NEAREST(a, b). */
  private static SqlNode marked(SqlNode match) {
    if (match instanceof SqlCall) {
      SqlCall call = (SqlCall) match;
      int index = markerIndex(call);
      if (index >= 0 && call.operandCount() == 2) {
        return MARKERS.get(index).createCall(call.getParserPosition(), call.operand(0),
            call.operand(1));
      }
    }
    throw SqlErrors.unsupported(match, "MATCH_CONDITION must compare the event-time columns of "
        + "the two inputs with >=, >, <= or <, or be NEAREST(l.ts, r.ts); " + SUPPORTED);
  }

  private static int markerIndex(SqlCall call) {
    switch (call.getKind()) {
      case GREATER_THAN_OR_EQUAL:
        return 0;
      case GREATER_THAN:
        return 1;
      case LESS_THAN_OR_EQUAL:
        return 2;
      case LESS_THAN:
        return 3;
      default:
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        return "NEAREST".equals(name) ? 4 : -1;
    }
  }

  /**
   * The shorthand's match condition: the one conjunct comparing two columns (or NEAREST of two
   * columns), taken out of the conjuncts.
   */
  private static SqlNode shorthandMatch(SqlJoin join, List<SqlNode> conjuncts) {
    int found = -1;
    for (int i = 0; i < conjuncts.size(); i++) {
      SqlNode c = conjuncts.get(i);
      if (c instanceof SqlCall && markerIndex((SqlCall) c) >= 0
          && ((SqlCall) c).operandCount() == 2
          && ((SqlCall) c).operand(0) instanceof SqlIdentifier
          && ((SqlCall) c).operand(1) instanceof SqlIdentifier) {
        if (found >= 0) {
          throw SqlErrors.unsupported(c, "the ASOF shorthand takes exactly one comparison of "
              + "two time columns in ON; write MATCH_CONDITION(...) to say which; " + SUPPORTED);
        }
        found = i;
      }
    }
    if (found < 0) {
      throw SqlErrors.unsupported(join.getCondition(), "an ASOF join without MATCH_CONDITION "
          + "needs a comparison of the two time columns in ON (l.ts >= r.ts); " + SUPPORTED);
    }
    return marked(conjuncts.remove(found));
  }

  /** {@code x - y OP interval} with columns x and y as {@code x OP y + interval}. */
  private static SqlNode tolerance(SqlNode c) {
    if (!(c instanceof SqlCall) || ((SqlCall) c).operandCount() != 2) {
      return c;
    }
    SqlCall call = (SqlCall) c;
    switch (call.getKind()) {
      case LESS_THAN_OR_EQUAL:
      case LESS_THAN:
      case GREATER_THAN_OR_EQUAL:
      case GREATER_THAN:
        break;
      default:
        return c;
    }
    SqlNode diff = call.operand(0);
    if (diff.getKind() != SqlKind.MINUS || ((SqlCall) diff).operandCount() != 2) {
      return c;
    }
    SqlNode x = ((SqlCall) diff).operand(0);
    SqlNode y = ((SqlCall) diff).operand(1);
    if (!(x instanceof SqlIdentifier) || !(y instanceof SqlIdentifier)) {
      return c;
    }
    SqlNode shifted = SqlStdOperatorTable.PLUS.createCall(diff.getParserPosition(), y,
        call.operand(1));
    return new SqlBasicCall(call.getOperator(), List.of(x, shifted), call.getParserPosition());
  }
}
