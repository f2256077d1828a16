package org.laminardb.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.laminardb.Row;
import org.laminardb.StatementResult;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.type.Field;
import org.laminardb.error.ErrorCode;
import org.laminardb.sql.parser.LaminarSqlParser;
import org.laminardb.sql.plan.RelationKind;
import org.laminardb.sql.plan.SqlErrors;

/**
 * Executes {@code UPDATE} and {@code DELETE} on tables: the rows to change are found by an ad-hoc
 * query over the table's current contents (so {@code WHERE} and {@code SET} take any expression
 * an ad-hoc query takes, {@code ?} parameters included), then written to the table as one batch:
 * the new image of each updated row (a delete of the old key first when the key changes), or a
 * delete per deleted key. The update count is the number of rows found.
 *
 * <p>A statement sees the table as of its start; rows written concurrently by others between
 * the query and the write are not seen (the write is atomic, the read-then-write is not).
 */
final class TableStatements {
  private final Engine engine;
  private final QueryExecutor queries;

  TableStatements(Engine engine) {
    this.engine = engine;
    this.queries = new QueryExecutor(engine);
  }

  StatementResult update(SqlUpdate node, List<Object> params) {
    RelationRuntime rt = table(node.getTargetTable(), "UPDATE");
    if (node.getAlias() != null) {
      throw SqlErrors.unsupported(node.getAlias(), "UPDATE with a table alias is not supported");
    }
    SqlNodeList targets = node.getTargetColumnList();
    SqlNodeList values = node.getSourceExpressionList();
    int width = rt.schema.size();
    int[] setIndex = new int[width];
    java.util.Arrays.fill(setIndex, -1);
    StringBuilder select = new StringBuilder("SELECT ");
    int[] key = keyColumns(rt);
    for (int k : key) {
      select.append(quote(rt.schema.field(k).name())).append(", ");
    }
    for (int i = 0; i < targets.size(); i++) {
      SqlIdentifier col = (SqlIdentifier) targets.get(i);
      int index = rt.schema.indexOf(col.getSimple());
      if (index < 0) {
        throw SqlErrors.at(ErrorCode.UNDEFINED_COLUMN, col,
            "column \"" + col.getSimple() + "\" of table " + rt.name + " does not exist");
      }
      if (setIndex[index] >= 0) {
        throw SqlErrors.at(ErrorCode.DUPLICATE_COLUMN, col,
            "column \"" + col.getSimple() + "\" is set more than once");
      }
      setIndex[index] = i;
      select.append(i == 0 ? "" : ", ").append(LaminarSqlParser.toSql(values.get(i)));
    }
    for (int c = 0; c < width; c++) {
      if (setIndex[c] < 0) {
        select.append(", ").append(quote(rt.schema.field(c).name()));
      }
    }
    List<Row> found = query(rt, select, node.getCondition(), params);
    List<Object[]> rows = new ArrayList<>();
    List<Byte> kinds = new ArrayList<>();
    for (Row r : found) {
      Object[] image = new Object[width];
      int next = key.length + targets.size();
      for (int c = 0; c < width; c++) {
        Object v = setIndex[c] >= 0 ? r.get(key.length + setIndex[c]) : r.get(next++);
        Field f = rt.schema.field(c);
        image[c] = ValueConverter.toPhysical(v, f.type(), f.name());
      }
      Object[] oldKey = new Object[width];
      boolean keyChanged = false;
      for (int i = 0; i < key.length; i++) {
        Field f = rt.schema.field(key[i]);
        oldKey[key[i]] = ValueConverter.toPhysical(r.get(i), f.type(), f.name());
        keyChanged |= !java.util.Objects.equals(oldKey[key[i]], image[key[i]]);
      }
      if (keyChanged) {
        rows.add(oldKey);
        kinds.add(RowKind.DELETE);
      }
      rows.add(image);
      kinds.add(RowKind.INSERT);
    }
    InsertExecutor.sqlWriter(rt).writePhysical(rows, kinds);
    return StatementResult.ofCount("UPDATE", found.size());
  }

  StatementResult delete(SqlDelete node, List<Object> params) {
    RelationRuntime rt = table(node.getTargetTable(), "DELETE FROM");
    if (node.getAlias() != null) {
      throw SqlErrors.unsupported(node.getAlias(), "DELETE with a table alias is not supported");
    }
    int[] key = keyColumns(rt);
    StringBuilder select = new StringBuilder("SELECT ");
    for (int i = 0; i < key.length; i++) {
      select.append(i == 0 ? "" : ", ").append(quote(rt.schema.field(key[i]).name()));
    }
    List<Row> found = query(rt, select, node.getCondition(), params);
    List<Object[]> rows = new ArrayList<>();
    List<Byte> kinds = new ArrayList<>();
    for (Row r : found) {
      Object[] keyOnly = new Object[rt.schema.size()];
      for (int i = 0; i < key.length; i++) {
        Field f = rt.schema.field(key[i]);
        keyOnly[key[i]] = ValueConverter.toPhysical(r.get(i), f.type(), f.name());
      }
      rows.add(keyOnly);
      kinds.add(RowKind.DELETE);
    }
    InsertExecutor.sqlWriter(rt).writePhysical(rows, kinds);
    return StatementResult.ofCount("DELETE", found.size());
  }

  private RelationRuntime table(SqlNode target, String statement) {
    if (!(target instanceof SqlIdentifier)) {
      throw SqlErrors.unsupported(target, statement + " takes a table name");
    }
    SqlIdentifier id = (SqlIdentifier) target;
    RelationRuntime rt = engine.catalog().require(id.getSimple(), id);
    if (rt.kind != RelationKind.TABLE) {
      throw SqlErrors.at(ErrorCode.WRONG_OBJECT_TYPE, id, statement + " works on tables; \""
          + rt.name + "\" is a " + rt.kind.sqlName().toLowerCase(Locale.ROOT)
          + (rt.kind == RelationKind.SOURCE ? " (append-only or keyed input: write rows with "
              + "INSERT; CREATE TABLE for rows that change)" : ""));
    }
    return rt;
  }

  private List<Row> query(RelationRuntime rt, StringBuilder select, SqlNode condition,
      List<Object> params) {
    select.append(" FROM ").append(quote(rt.name));
    if (condition != null) {
      select.append(" WHERE ").append(LaminarSqlParser.toSql(condition));
    }
    String sql = select.toString();
    return queries.query(LaminarSqlParser.parseStatement(sql), sql, params).rows().rows();
  }

  private static int[] keyColumns(RelationRuntime rt) {
    return rt.key;
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
