package org.laminardb.sql.function;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.util.Optionality;

/**
 * Aggregate functions whose Calcite definitions do not fit continuous GROUP BY queries, redefined
 * under the same names and {@link SqlKind}s.
 *
 * <p>{@code FIRST_VALUE(x)} and {@code LAST_VALUE(x)}: Calcite only allows them with {@code OVER};
 * these also work as plain aggregates (first/last value by event time). With {@code OVER} they
 * type and validate as Calcite's (same kind, framing allowed, {@code IGNORE/RESPECT NULLS}
 * accepted). Calcite's definitions must be removed from the lookup, not merely shadowed: a name
 * lookup that finds two built-in candidates resolves neither ({@link #replacing}).
 */
public final class LaminarAggFunctions {
  /** {@code FIRST_VALUE(x)} usable with or without {@code OVER}. */
  public static final SqlAggFunction FIRST_VALUE = new FirstLastValue(SqlKind.FIRST_VALUE);
  /** {@code LAST_VALUE(x)} usable with or without {@code OVER}. */
  public static final SqlAggFunction LAST_VALUE = new FirstLastValue(SqlKind.LAST_VALUE);

  private LaminarAggFunctions() {}

  /**
   * The redefined functions.
   *
   * @return FIRST_VALUE and LAST_VALUE
   */
  public static List<SqlAggFunction> all() {
    return List.of(FIRST_VALUE, LAST_VALUE);
  }

  /**
   * Whether an operator is one of Calcite's definitions that these functions replace.
   *
   * @param op an operator
   * @return true for Calcite's own FIRST_VALUE and LAST_VALUE
   */
  public static boolean replaces(SqlOperator op) {
    return op == SqlStdOperatorTable.FIRST_VALUE || op == SqlStdOperatorTable.LAST_VALUE;
  }

  /**
   * An operator table with these functions in place of Calcite's definitions in {@code calcite}.
   *
   * @param calcite Calcite's operator table
   * @return the table: these functions, then {@code calcite} without the replaced operators
   */
  public static SqlOperatorTable replacing(SqlOperatorTable calcite) {
    return SqlOperatorTables.chain(SqlOperatorTables.of(all()), new Without(calcite));
  }

  /** A table minus the operators {@link #replaces} matches. */
  private static final class Without implements SqlOperatorTable {
    private final SqlOperatorTable delegate;

    Without(SqlOperatorTable delegate) {
      this.delegate = delegate;
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category,
        SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
      int before = operatorList.size();
      delegate.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
      for (int i = operatorList.size() - 1; i >= before; i--) {
        if (replaces(operatorList.get(i))) {
          operatorList.remove(i);
        }
      }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
      List<SqlOperator> out = new ArrayList<>();
      for (SqlOperator op : delegate.getOperatorList()) {
        if (!replaces(op)) {
          out.add(op);
        }
      }
      return out;
    }
  }

  /** FIRST_VALUE / LAST_VALUE that do not require OVER. */
  private static final class FirstLastValue extends SqlAggFunction {
    FirstLastValue(SqlKind kind) {
      super(kind.name(), null, kind, ReturnTypes.ARG0_NULLABLE_IF_EMPTY, null, OperandTypes.ANY,
          SqlFunctionCategory.NUMERIC, false, false, Optionality.FORBIDDEN);
    }

    @Override
    public boolean allowsNullTreatment() {
      return true;
    }
  }
}
