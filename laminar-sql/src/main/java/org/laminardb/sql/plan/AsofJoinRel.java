package org.laminardb.sql.plan;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * An ASOF join as a relational node of its own, so that no planner rule treats it as an ordinary
 * join (pushing a WHERE into an ASOF join's condition would change which row it matches). It
 * replaces, right after conversion to relational algebra, each join whose condition holds one of
 * the {@link AsofSyntax#MARKERS}; {@link JoinTranslator#asof} reads the condition.
 */
final class AsofJoinRel extends BiRel {
  private final RexNode condition;
  private final JoinRelType joinType;
  private final RelDataType type;

  private AsofJoinRel(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
      RexNode condition, JoinRelType joinType, RelDataType type) {
    super(cluster, traits, left, right);
    this.condition = condition;
    this.joinType = joinType;
    this.type = type;
  }

  /** The join condition: key equalities, one marker, tolerance bounds. */
  RexNode condition() {
    return condition;
  }

  /** INNER or LEFT. */
  JoinRelType joinType() {
    return joinType;
  }

  @Override
  protected RelDataType deriveRowType() {
    return type;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new AsofJoinRel(getCluster(), traitSet, inputs.get(0), inputs.get(1), condition,
        joinType, type);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("condition", condition).item("joinType", joinType);
  }

  /**
   * Replaces every join marked as an ASOF join in a tree.
   *
   * @param root the tree
   * @return the tree with {@link AsofJoinRel}s
   */
  static RelNode replaceMarkedJoins(RelNode root) {
    return root.accept(new RelHomogeneousShuttle() {
      @Override
      public RelNode visit(RelNode other) {
        RelNode node = super.visit(other);
        if (node instanceof LogicalJoin && marked(((LogicalJoin) node).getCondition())) {
          LogicalJoin j = (LogicalJoin) node;
          return new AsofJoinRel(j.getCluster(), j.getTraitSet(), j.getLeft(), j.getRight(),
              j.getCondition(), j.getJoinType(), j.getRowType());
        }
        return node;
      }
    });
  }

  private static boolean marked(RexNode condition) {
    boolean[] found = {false};
    condition.accept(new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall call) {
        if (AsofSyntax.MARKERS.contains(call.getOperator())) {
          found[0] = true;
        }
        return super.visitCall(call);
      }
    });
    return found[0];
  }
}
