package org.laminardb.sql.plan;

import java.util.List;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
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
    return new JoinNode(left, right, kind, leftKeys, rightKeys, residual, program,
        RelTranslator.schemaOf(join));
  }

  /**
   * How a key value is stored, as a name: integers and DECIMALs as numbers with their scale
   * (INT 5, BIGINT 5 and DECIMAL(p, 0) 5 are all the long 5), other types by their kind.
   */
  private static String encoding(DataType t) {
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
