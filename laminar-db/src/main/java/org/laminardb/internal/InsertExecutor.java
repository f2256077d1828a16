package org.laminardb.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.laminardb.StatementResult;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.plan.RelationKind;
import org.laminardb.sql.plan.SqlErrors;

/**
 * Executes {@code INSERT INTO source [(cols)] VALUES ...}: every value of every row is converted
 * and checked first, then all rows are written as one unit, so a bad row fails the statement and
 * writes nothing.
 */
final class InsertExecutor {
  private final Engine engine;

  InsertExecutor(Engine engine) {
    this.engine = engine;
  }

  StatementResult insert(SqlInsert node, List<Object> params) {
    SqlIdentifier target = (SqlIdentifier) node.getTargetTable();
    RelationRuntime rt = engine.catalog().require(target.getSimple(), target);
    if (rt.kind != RelationKind.SOURCE && rt.kind != RelationKind.TABLE) {
      throw SqlErrors.at(ErrorCode.WRONG_OBJECT_TYPE, target, "cannot INSERT into "
          + rt.kind.sqlName().toLowerCase(Locale.ROOT) + " \"" + rt.name
          + "\": its rows come from its query; INSERT into a source or table");
    }
    if (node.isUpsert() && rt.appendOnly) {
      throw SqlErrors.unsupported(target, "UPSERT needs a PRIMARY KEY; \"" + rt.name
          + "\" has none: use INSERT");
    }
    int[] columns = targetColumns(rt.schema, node.getTargetColumnList());
    SqlNode source = node.getSource();
    if (source.getKind() != SqlKind.VALUES) {
      throw SqlErrors.unsupported(source, "INSERT ... SELECT is not supported; use CREATE STREAM "
          + "or CREATE SINK ... AS SELECT for continuous results");
    }
    List<Object[]> rows = new ArrayList<>();
    for (SqlNode rowNode : ((SqlBasicCall) source).getOperandList()) {
      rows.add(convertRow(rt.schema, columns, rowNode, params));
    }
    return StatementResult.ofCount(node.isUpsert() ? "UPSERT" : "INSERT",
        sqlWriter(rt).writePhysical(rows));
  }

  static SourceWriterImpl sqlWriter(RelationRuntime rt) {
    synchronized (rt) {
      if (rt.sqlWriter == null) {
        throw new IllegalStateException("source without SQL writer: " + rt.name);
      }
      return rt.sqlWriter;
    }
  }

  private static int[] targetColumns(Schema schema, SqlNodeList list) {
    if (list == null) {
      int[] all = new int[schema.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] cols = new int[list.size()];
    boolean[] seen = new boolean[schema.size()];
    for (int i = 0; i < cols.length; i++) {
      SqlIdentifier id = (SqlIdentifier) list.get(i);
      int index = schema.indexOf(id.getSimple());
      if (index < 0) {
        throw SqlErrors.at(ErrorCode.UNDEFINED_COLUMN, id,
            "column \"" + id.getSimple() + "\" does not exist");
      }
      if (seen[index]) {
        throw SqlErrors.at(ErrorCode.DUPLICATE_COLUMN, id,
            "column \"" + id.getSimple() + "\" specified more than once");
      }
      seen[index] = true;
      cols[i] = index;
    }
    return cols;
  }

  private static Object[] convertRow(Schema schema, int[] columns, SqlNode rowNode,
      List<Object> params) {
    List<SqlNode> values = ((SqlBasicCall) rowNode).getOperandList();
    if (values.size() != columns.length) {
      throw SqlErrors.at(ErrorCode.SYNTAX_ERROR, rowNode, "INSERT has "
          + (values.size() > columns.length ? "more" : "fewer") + " expressions than target "
          + "columns (" + values.size() + " values for " + columns.length + " columns)");
    }
    Object[] given = new Object[schema.size()];
    boolean[] set = new boolean[schema.size()];
    for (int i = 0; i < columns.length; i++) {
      given[columns[i]] = InsertValues.evaluate(values.get(i), params);
      set[columns[i]] = true;
    }
    Object[] physical = new Object[schema.size()];
    for (int c = 0; c < physical.length; c++) {
      Field f = schema.field(c);
      try {
        physical[c] = ValueConverter.toPhysical(given[c], f.type(), f.name());
      } catch (LaminarDBException e) {
        SqlNode at = set[c] ? values.get(indexOf(columns, c)) : rowNode;
        throw SqlErrors.at(e.code(), at, e.getMessage());
      }
    }
    return physical;
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    return -1;
  }
}
