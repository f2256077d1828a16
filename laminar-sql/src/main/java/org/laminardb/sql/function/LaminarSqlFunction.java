package org.laminardb.sql.function;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * SQL operator of a {@link LaminarFunction} for the streaming planner's validator: the same
 * kind of operator Calcite's catalog reader makes from a schema function in the ad-hoc path,
 * with a result that is nullable only when an argument is, and {@code NOW()} marked dynamic and
 * non-deterministic so that planner rules never fold it into a constant.
 */
final class LaminarSqlFunction extends SqlUserDefinedFunction {
  private final boolean deterministic;

  private LaminarSqlFunction(LaminarFunction function, List<SqlTypeFamily> families,
      List<SqlTypeName> types) {
    super(new SqlIdentifier(function.name(), SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        ReturnTypes.explicit(SqlTypeName.TIMESTAMP).andThen(SqlTypeTransforms.TO_NULLABLE),
        (binding, returnType, operandTypes) -> {
          for (int i = 0; i < operandTypes.length && i < types.size(); i++) {
            operandTypes[i] = binding.getTypeFactory().createSqlType(types.get(i));
          }
        },
        OperandTypes.operandMetadata(families,
            factory -> {
              List<RelDataType> list = new ArrayList<>();
              for (SqlTypeName t : types) {
                list.add(factory.createSqlType(t));
              }
              return list;
            },
            i -> function.getParameters().get(i).getName(), i -> false),
        function, SqlFunctionCategory.USER_DEFINED_FUNCTION, SqlSyntax.FUNCTION);
    this.deterministic = function.isDeterministic();
  }

  /**
   * Operator for a LaminarDB function.
   *
   * @param function the function
   * @return the operator
   */
  static LaminarSqlFunction of(LaminarFunction function) {
    List<SqlTypeFamily> families = new ArrayList<>();
    for (SqlTypeName t : function.parameterTypes()) {
      families.add(t.getFamily());
    }
    return new LaminarSqlFunction(function, families, function.parameterTypes());
  }

  @Override
  public boolean isDeterministic() {
    return deterministic;
  }

  @Override
  public boolean isDynamicFunction() {
    return !deterministic;
  }
}
