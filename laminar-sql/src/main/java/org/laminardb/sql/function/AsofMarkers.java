package org.laminardb.sql.function;

import java.util.List;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * The operators that mark an ASOF join's match condition inside an ordinary join condition
 * between rewriting and planning (see the planner's {@code AsofSyntax}): binary operators typed
 * like comparisons, with names no SQL text can produce. In the continuous queries' operator table
 * so that the validator resolves them.
 */
public final class AsofMarkers {
  /** The markers of {@code >=}, {@code >}, {@code <=}, {@code <} and NEAREST, in that order. */
  public static final List<SqlOperator> ALL = List.of(marker("ASOF>="), marker("ASOF>"),
      marker("ASOF<="), marker("ASOF<"), marker("ASOF NEAREST"));

  private AsofMarkers() {}

  private static SqlOperator marker(String name) {
    return new SqlBinaryOperator(name, SqlKind.OTHER, 30, true, ReturnTypes.BOOLEAN_NULLABLE,
        InferTypes.FIRST_KNOWN, OperandTypes.COMPARABLE_ORDERED_COMPARABLE_ORDERED);
  }
}
