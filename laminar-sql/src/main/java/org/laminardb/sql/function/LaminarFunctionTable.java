package org.laminardb.sql.function;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * Operator table of the {@link LaminarFunction}s for the streaming planner. It looks names up
 * the way Calcite's catalog reader looks up schema functions in the ad-hoc path: function syntax
 * only, by name, whatever category the parser guessed. This matters because Calcite's parser
 * turns every {@code DATE_TRUNC(...)} into a call of BigQuery's operator, whose category
 * (TIMEDATE) would otherwise hide a user-defined function of the same name.
 */
final class LaminarFunctionTable implements SqlOperatorTable {
  private final List<SqlOperator> operators;

  LaminarFunctionTable(List<SqlOperator> operators) {
    this.operators = List.copyOf(operators);
  }

  @Override
  public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category,
      SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
    if (syntax != SqlSyntax.FUNCTION || !opName.isSimple()
        || category != null && category.isTableFunction()) {
      return;
    }
    for (SqlOperator op : operators) {
      if (nameMatcher.matches(op.getName(), opName.getSimple())) {
        operatorList.add(op);
      }
    }
  }

  @Override
  public List<SqlOperator> getOperatorList() {
    return new ArrayList<>(operators);
  }
}
