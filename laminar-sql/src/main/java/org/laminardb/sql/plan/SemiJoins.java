package org.laminardb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Semi and anti joins from subqueries, for the interval join: a conjunct of a {@code WHERE}
 * clause that is {@code EXISTS (subquery)}, {@code NOT EXISTS (subquery)} or {@code x IN
 * (subquery)}, whose subquery is filters (and, for {@code EXISTS}, projections) over a relation
 * that does not refer to the outer query, becomes a {@link JoinRelType#SEMI} or {@link
 * JoinRelType#ANTI} join of the outer rows with that relation on the filters' condition, the outer
 * columns it names taking the place of the correlation variables.
 *
 * <p>The planner tries this form first for queries with such subqueries; the {@link
 * JoinTranslator} runs a semi or anti join only as an interval join (both inputs append-only,
 * the condition bounding their event times), and throws {@link NotBounded} otherwise, upon which
 * the planner plans the query again the general way, decorrelating the subqueries into regular
 * joins with aggregates.
 */
final class SemiJoins {
  private SemiJoins() {}

  /** A semi or anti join whose state the watermarks cannot bound: plan it the general way. */
  static final class NotBounded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotBounded() {
      super("a semi or anti join without time bounds", null, false, false);
    }
  }

  /** Not a form this rewrite handles. */
  private static final class Unsuitable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsuitable() {
      super(null, null, false, false);
    }
  }

  /**
   * Whether a query has subqueries the rewrite could turn into semi or anti joins.
   *
   * @param query the query
   * @return true if it has {@code EXISTS} or {@code IN} with a subquery
   */
  static boolean candidates(SqlNode query) {
    boolean[] found = {false};
    query.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        SqlKind k = call.getKind();
        if (k == SqlKind.EXISTS || k == SqlKind.IN && call.operandCount() == 2
            && call.operand(1) != null && call.operand(1).isA(SqlKind.QUERY)) {
          found[0] = true;
        }
        return super.visit(call);
      }
    });
    return found[0];
  }

  /**
   * Rejects {@code x NOT IN (subquery)}: Calcite cannot convert a correlated one, and plans an
   * uncorrelated one over a NOT NULL column without the case of a NULL {@code x}.
   *
   * @param query the query
   * @throws org.laminardb.error.LaminarDBException 0A000 for {@code NOT IN (subquery)}
   */
  static void rejectNotIn(SqlNode query) {
    query.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call.getKind() == SqlKind.NOT_IN && call.operand(1) != null
            && call.operand(1).isA(SqlKind.QUERY)) {
          throw SqlErrors.unsupported(call, "NOT IN (subquery) is not supported; use NOT "
              + "EXISTS (SELECT 1 FROM b WHERE b.y = a.x AND ...), which differs from NOT IN "
              + "only when a.x or b.y is NULL (NOT IN is then never true unless the subquery "
              + "is empty); NOT IN (value, ...) lists are supported");
        }
        return super.visit(call);
      }
    });
  }

  /**
   * The plan with its subqueries turned into semi and anti joins.
   *
   * @param rel a plan converted without expanding subqueries
   * @return the rewritten plan, or null if a subquery is not of the handled forms
   */
  static RelNode rewrite(RelNode rel) {
    try {
      RelNode result = visit(rel);
      return hasSubQuery(result) ? null : result;
    } catch (Unsuitable e) {
      return null;
    }
  }

  private static RelNode visit(RelNode node) {
    List<RelNode> inputs = new ArrayList<>();
    boolean changed = false;
    for (RelNode in : node.getInputs()) {
      RelNode v = visit(in);
      inputs.add(v);
      changed |= v != in;
    }
    RelNode copy = changed ? node.copy(node.getTraitSet(), inputs) : node;
    if (copy instanceof Filter && RexUtil.SubQueryFinder.find(
        ((Filter) copy).getCondition()) != null) {
      return filter((Filter) copy);
    }
    return copy;
  }

  /** A filter with subqueries as a chain of semi and anti joins under the other conjuncts. */
  private static RelNode filter(Filter filter) {
    Set<CorrelationId> variables = filter.getVariablesSet();
    RelNode left = filter.getInput();
    List<RexNode> rest = new ArrayList<>();
    for (RexNode c : RelOptUtil.conjunctions(filter.getCondition())) {
      if (c.getKind() == SqlKind.EXISTS) {
        left = join(left, (RexSubQuery) c, JoinRelType.SEMI, variables);
      } else if (c.getKind() == SqlKind.NOT
          && ((RexCall) c).getOperands().get(0).getKind() == SqlKind.EXISTS) {
        left = join(left, (RexSubQuery) ((RexCall) c).getOperands().get(0), JoinRelType.ANTI,
            variables);
      } else if (c.getKind() == SqlKind.IN && c instanceof RexSubQuery) {
        left = join(left, (RexSubQuery) c, JoinRelType.SEMI, variables);
      } else if (RexUtil.SubQueryFinder.find(c) != null) {
        throw new Unsuitable();
      } else {
        rest.add(c);
      }
    }
    RexBuilder rex = filter.getCluster().getRexBuilder();
    return rest.isEmpty() ? left
        : LogicalFilter.create(left, RexUtil.composeConjunction(rex, rest));
  }

  /**
   * The outer rows joined with the subquery's relation: its filters' conditions, and for {@code
   * IN} the equalities of the operands with the subquery's columns.
   */
  private static RelNode join(RelNode left, RexSubQuery sub, JoinRelType type,
      Set<CorrelationId> variables) {
    RelNode body = sub.rel;
    List<RexNode> selected = null;
    if (sub.getKind() == SqlKind.IN) {
      if (!(body instanceof Project)) {
        throw new Unsuitable();
      }
      selected = ((Project) body).getProjects();
      body = ((Project) body).getInput();
    } else {
      while (body instanceof Project) {
        body = ((Project) body).getInput();
      }
    }
    List<RexNode> conditions = new ArrayList<>();
    while (body instanceof Filter) {
      conditions.add(((Filter) body).getCondition());
      body = ((Filter) body).getInput();
    }
    if (conditions.isEmpty() || !RelOptUtil.getVariablesUsed(body).isEmpty()
        || hasSubQuery(body)) {
      throw new Unsuitable();
    }
    int leftCount = left.getRowType().getFieldCount();
    RexShuttle shift = new Shift(left.getRowType(), leftCount, variables);
    RexBuilder rex = left.getCluster().getRexBuilder();
    List<RexNode> on = new ArrayList<>();
    for (RexNode c : conditions) {
      on.add(c.accept(shift));
    }
    if (selected != null) {
      List<RexNode> operands = sub.getOperands();
      for (int i = 0; i < operands.size(); i++) {
        on.add(rex.makeCall(SqlStdOperatorTable.EQUALS, operands.get(i),
            selected.get(i).accept(shift)));
      }
    }
    return LogicalJoin.create(left, body, List.of(), RexUtil.composeConjunction(rex, on),
        Set.of(), type);
  }

  /**
   * Moves the subquery's column references past the outer row's columns and turns references to
   * the outer row (correlation variables) into column references.
   */
  private static final class Shift extends RexShuttle {
    private final RelDataType outer;
    private final int offset;
    private final Set<CorrelationId> variables;

    Shift(RelDataType outer, int offset, Set<CorrelationId> variables) {
      this.outer = outer;
      this.offset = offset;
      this.variables = variables;
    }

    @Override
    public RexNode visitInputRef(RexInputRef ref) {
      return new RexInputRef(ref.getIndex() + offset, ref.getType());
    }

    @Override
    public RexNode visitFieldAccess(RexFieldAccess access) {
      if (access.getReferenceExpr() instanceof RexCorrelVariable) {
        RexCorrelVariable v = (RexCorrelVariable) access.getReferenceExpr();
        if (!variables.contains(v.id) || v.getType().getFieldCount() != offset) {
          throw new Unsuitable();
        }
        int index = access.getField().getIndex();
        return new RexInputRef(index, outer.getFieldList().get(index).getType());
      }
      return super.visitFieldAccess(access);
    }

    @Override
    public RexNode visitCorrelVariable(RexCorrelVariable variable) {
      throw new Unsuitable();
    }

    @Override
    public RexNode visitSubQuery(RexSubQuery subQuery) {
      throw new Unsuitable();
    }
  }

  /** Whether any expression of a plan holds a subquery. */
  private static boolean hasSubQuery(RelNode rel) {
    boolean[] found = {false};
    rel.accept(new RexShuttle() {
      @Override
      public RexNode visitSubQuery(RexSubQuery subQuery) {
        found[0] = true;
        return subQuery;
      }
    });
    if (found[0]) {
      return true;
    }
    for (RelNode in : rel.getInputs()) {
      if (hasSubQuery(in)) {
        return true;
      }
    }
    return false;
  }
}
