package org.laminardb.sql.function;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code PROCTIME()}: the processing time, TIMESTAMP(3) NOT NULL. Continuous queries accept it
 * only as the period of a processing-time temporal join, {@code FOR SYSTEM_TIME AS OF
 * PROCTIME()}, where it means "the version of the table's row current when the stream row is
 * processed"; anywhere else it is rejected with 0A000 (use {@code NOW()} for the wall clock).
 */
public final class ProcTimeFunction extends SqlFunction {
  /** The function. */
  public static final ProcTimeFunction INSTANCE = new ProcTimeFunction();

  private ProcTimeFunction() {
    super("PROCTIME", SqlKind.OTHER_FUNCTION,
        ReturnTypes.explicit(SqlTypeName.TIMESTAMP, 3), null, OperandTypes.NILADIC,
        SqlFunctionCategory.TIMEDATE);
  }

  /** Not deterministic: it reads the clock. */
  @Override
  public boolean isDeterministic() {
    return false;
  }

  /** Not dynamic in Calcite's sense (that would make it per statement); still not constant. */
  @Override
  public boolean isDynamicFunction() {
    return false;
  }

  /**
   * Whether a SQL expression is a call to {@code PROCTIME()}, before or after validation.
   *
   * @param node the expression
   * @return true for {@code PROCTIME()}
   */
  public static boolean isCall(SqlNode node) {
    return node instanceof SqlCall && ((SqlCall) node).getOperator() instanceof SqlFunction
        && ((SqlCall) node).getOperator().getName().equalsIgnoreCase("PROCTIME");
  }
}
