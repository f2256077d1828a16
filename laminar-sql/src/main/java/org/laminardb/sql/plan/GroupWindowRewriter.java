package org.laminardb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;
import org.laminardb.core.type.Field;
import org.laminardb.error.ErrorCode;

/**
 * Rewrites group-window syntax into window table functions before validation.
 *
 * <p>{@code SELECT items FROM src [AS a] [WHERE c] GROUP BY keys-with-window [HAVING h]}, where
 * the window is one GROUP BY item {@code tumble(ts, size [, offset])}, {@code hop(ts, slide, size
 * [, offset])}, {@code session(ts, gap)} or {@code cumulate(ts, step, max_size [, offset])}
 * (Calcite's {@code TUMBLE}, {@code HOP}, {@code SESSION} group windows are the same calls),
 * becomes {@code SELECT items' FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), size [, offset])) AS a
 * [WHERE c] GROUP BY window_start, window_end, other-keys [HAVING h']}. In the select list, HAVING,
 * QUALIFY and ORDER BY, a call of the same window or its {@code *_start} function becomes {@code
 * window_start}, its {@code *_end} {@code window_end}, its {@code *_rowtime} {@code window_time}
 * (which is then grouped too). A session window is partitioned by the other GROUP BY keys, which
 * must be columns. A FROM without an alias gets the relation's name as alias so that qualified
 * columns still resolve. Every SELECT of the tree is rewritten; a tree without window calls is
 * returned as is (the same object), and the input tree is never modified.
 */
final class GroupWindowRewriter extends SqlShuttle {
  private static final String FROM_SUPPORTED = "a window in GROUP BY needs FROM one source, "
      + "stream or view (optionally aliased) or one subquery; for anything else apply the window "
      + "table function to it: FROM TABLE(TUMBLE(TABLE source, DESCRIPTOR(time_column), size))";

  private final RelationResolver resolver;

  private GroupWindowRewriter(RelationResolver resolver) {
    this.resolver = resolver;
  }

  /**
   * Rewrites group-window calls into window TVFs; returns the query unchanged when it has none.
   *
   * @param query a query
   * @return the rewritten query, or the same object when it has no window calls
   * @throws org.laminardb.error.LaminarDBException for window calls that cannot be rewritten
   */
  static SqlNode rewrite(SqlNode query) {
    return rewrite(query, null);
  }

  /**
   * Rewrites group-window calls into window TVFs; also rejects a source relation that already
   * has a column {@code window_start}, {@code window_end} or {@code window_time}.
   *
   * @param query a query
   * @param resolver the catalog, to check the columns of source relations; null to skip
   * @return the rewritten query, or the same object when it has no window calls
   * @throws org.laminardb.error.LaminarDBException for window calls that cannot be rewritten
   */
  static SqlNode rewrite(SqlNode query, RelationResolver resolver) {
    return query == null ? null : query.accept(new GroupWindowRewriter(resolver));
  }

  @Override
  public SqlNode visit(SqlCall call) {
    if (call instanceof SqlSelect) {
      return rewriteSelect((SqlSelect) call, null).select;
    }
    if (call instanceof SqlOrderBy) {
      return rewriteOrderBy((SqlOrderBy) call);
    }
    return super.visit(call);
  }

  private SqlNode rewriteOrderBy(SqlOrderBy orderBy) {
    SqlNode query;
    SqlNodeList orderList;
    if (orderBy.query instanceof SqlSelect) {
      Rewritten r = rewriteSelect((SqlSelect) orderBy.query, orderBy.orderList);
      query = r.select;
      orderList = r.orderList;
    } else {
      query = orderBy.query.accept(this);
      orderList = new GroupWindowExpressions(this, null, "ORDER BY").rewrite(orderBy.orderList);
    }
    if (query == orderBy.query && orderList == orderBy.orderList) {
      return orderBy;
    }
    return new SqlOrderBy(orderBy.getParserPosition(), query, orderList, orderBy.offset,
        orderBy.fetch);
  }

  /** A rewritten SELECT and the ORDER BY list around it. */
  private record Rewritten(SqlSelect select, SqlNodeList orderList) {}

  private Rewritten rewriteSelect(SqlSelect select, SqlNodeList outerOrder) {
    rejectNestedWindows(select.getGroup());
    GroupWindowCall window = findWindow(select.getGroup());
    GroupWindowExpressions exprs = new GroupWindowExpressions(this, window, "SELECT");
    GroupWindowExpressions where = new GroupWindowExpressions(this, window, "WHERE");
    GroupWindowExpressions having = new GroupWindowExpressions(this, window, "HAVING");
    GroupWindowExpressions order = new GroupWindowExpressions(this, window, "ORDER BY");
    SqlNode from = select.getFrom() == null ? null : select.getFrom().accept(this);
    SqlNodeList items = exprs.rewrite(select.getSelectList());
    SqlNode filter = where.rewrite(select.getWhere());
    SqlNode havingNode = having.rewrite(select.getHaving());
    SqlNode qualify = having.rewrite(select.getQualify());
    SqlNodeList innerOrder = order.rewrite(select.getOrderList());
    SqlNodeList outer = order.rewrite(outerOrder);
    if (window == null) {
      if (from == select.getFrom() && items == select.getSelectList()
          && filter == select.getWhere() && havingNode == select.getHaving()
          && qualify == select.getQualify() && innerOrder == select.getOrderList()) {
        return new Rewritten(select, outer);
      }
      SqlSelect copy = copy(select);
      set(copy, from, items, filter, select.getGroup(), havingNode, qualify, innerOrder);
      return new Rewritten(copy, outer);
    }
    boolean windowTime = exprs.usesWindowTime() || having.usesWindowTime()
        || order.usesWindowTime();
    List<SqlNode> keys = otherKeys(select.getGroup(), window);
    SqlNode windowedFrom = windowedFrom(from, window, keys);
    SqlParserPos pos = window.call.getParserPosition();
    List<SqlNode> group = new ArrayList<>();
    group.add(new SqlIdentifier(GroupWindowExpressions.WINDOW_START, pos));
    group.add(new SqlIdentifier(GroupWindowExpressions.WINDOW_END, pos));
    if (windowTime) {
      group.add(new SqlIdentifier(GroupWindowExpressions.WINDOW_TIME, pos));
    }
    group.addAll(keys);
    SqlSelect copy = copy(select);
    set(copy, windowedFrom, items, filter,
        new SqlNodeList(group, select.getGroup().getParserPosition()), havingNode, qualify,
        innerOrder);
    return new Rewritten(copy, outer);
  }

  private static SqlSelect copy(SqlSelect select) {
    return (SqlSelect) select.clone(select.getParserPosition());
  }

  private static void set(SqlSelect copy, SqlNode from, SqlNodeList items, SqlNode where,
      SqlNodeList group, SqlNode having, SqlNode qualify, SqlNodeList order) {
    copy.setFrom(from);
    copy.setSelectList(items);
    copy.setWhere(where);
    copy.setGroupBy(group);
    copy.setHaving(having);
    copy.setQualify(qualify);
    copy.setOrderBy(order);
  }

  /** The one window of a GROUP BY, checked; null if there is none. */
  private static GroupWindowCall findWindow(SqlNodeList group) {
    if (group == null) {
      return null;
    }
    GroupWindowCall window = null;
    for (SqlNode item : group) {
      GroupWindowCall w = GroupWindowCall.of(item);
      if (w == null) {
        continue;
      }
      if (w.role != GroupWindowCall.Role.WINDOW) {
        throw SqlErrors.unsupported(item, "GROUP BY " + w.name() + "(...) is not supported; "
            + "group by the window itself, e.g. GROUP BY " + w.family.signature
            + ", and select " + w.name() + "(...) with the same arguments");
      }
      if (window != null) {
        throw SqlErrors.unsupported(item, "a GROUP BY may have only one window; found "
            + window.name() + " and " + w.name() + "; group by one window (tumble, hop, "
            + "session or cumulate) and plain keys");
      }
      window = w.checked();
    }
    return window;
  }

  /** The GROUP BY items other than the window. */
  private static List<SqlNode> otherKeys(SqlNodeList group, GroupWindowCall window) {
    List<SqlNode> keys = new ArrayList<>();
    for (SqlNode item : group) {
      if (item != window.call) {
        keys.add(item);
      }
    }
    return keys;
  }

  /** Rejects window calls nested inside GROUP BY items (ROLLUP, expressions). */
  private static void rejectNestedWindows(SqlNodeList group) {
    if (group == null) {
      return;
    }
    SqlBasicVisitor<Void> visitor = new SqlBasicVisitor<>() {
      @Override
      public Void visit(SqlCall call) {
        GroupWindowCall w = GroupWindowCall.of(call);
        if (w != null) {
          throw SqlErrors.unsupported(call, w.name() + " must be a GROUP BY item of its own, "
              + "e.g. GROUP BY " + w.family.signature + ", symbol");
        }
        return call.getKind().belongsTo(SqlKind.QUERY) ? null : super.visit(call);
      }
    };
    for (SqlNode item : group) {
      if (GroupWindowCall.of(item) == null) {
        item.accept(visitor);
      }
    }
  }

  /** {@code TABLE(W(TABLE src, DESCRIPTOR(ts), args...)) AS alias} for a query's FROM. */
  private SqlNode windowedFrom(SqlNode from, GroupWindowCall window, List<SqlNode> keys) {
    if (from == null) {
      throw SqlErrors.unsupported(window.call, FROM_SUPPORTED);
    }
    SqlNode relation = from;
    SqlIdentifier alias = null;
    if (from.getKind() == SqlKind.AS) {
      SqlCall as = (SqlCall) from;
      if (as.operandCount() > 2) {
        throw SqlErrors.unsupported(from, "column aliases on the FROM of a windowed GROUP BY "
            + "are not supported; rename the columns in a subquery");
      }
      relation = as.operand(0);
      alias = as.operand(1);
    }
    SqlNode table;
    if (relation instanceof SqlIdentifier) {
      SqlIdentifier name = (SqlIdentifier) relation;
      table = SqlStdOperatorTable.EXPLICIT_TABLE.createCall(name.getParserPosition(), name);
      if (alias == null) {
        alias = new SqlIdentifier(name.names.get(name.names.size() - 1),
            name.getParserPosition());
      }
    } else if (relation.getKind().belongsTo(SqlKind.QUERY)
        && relation.getKind() != SqlKind.VALUES) {
      table = relation;
    } else if (relation.getKind() == SqlKind.JOIN) {
      throw SqlErrors.unsupported(relation, "a window in GROUP BY over a join is not supported; "
          + FROM_SUPPORTED);
    } else {
      throw SqlErrors.unsupported(relation, FROM_SUPPORTED);
    }
    checkNoWindowColumns(relation);
    SqlIdentifier time = bareColumn(window.timeColumn(), alias, "time column of " + window.name());
    SqlParserPos pos = window.call.getParserPosition();
    if (window.family == GroupWindowCall.Family.SESSION && !keys.isEmpty()) {
      List<SqlNode> partition = new ArrayList<>();
      for (SqlNode key : keys) {
        if (!(key instanceof SqlIdentifier) || ((SqlIdentifier) key).isStar()) {
          throw SqlErrors.unsupported(key, "a session window partitions by the other GROUP BY "
              + "items, which must be columns; compute " + key + " in a subquery and group by "
              + "its column");
        }
        partition.add(bareColumn((SqlIdentifier) key, alias, "GROUP BY key"));
      }
      table = SqlStdOperatorTable.SET_SEMANTICS_TABLE.createCall(pos, table,
          new SqlNodeList(partition, pos), SqlNodeList.EMPTY);
    }
    List<SqlNode> args = new ArrayList<>();
    args.add(table);
    args.add(SqlStdOperatorTable.DESCRIPTOR.createCall(time.getParserPosition(), time));
    args.addAll(window.parameters());
    SqlUnresolvedFunction function = new SqlUnresolvedFunction(
        new SqlIdentifier(window.family.name(), pos), null, null, null, null,
        SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
    SqlCall tvf = function.createCall(null, pos, args);
    SqlCall collection = SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, tvf);
    if (alias == null) {
      return collection;
    }
    return new SqlBasicCall(SqlStdOperatorTable.AS, List.of(collection, alias),
        from.getParserPosition());
  }

  /** A column as a bare name, after checking that its qualifier (if any) is the FROM alias. */
  private static SqlIdentifier bareColumn(SqlIdentifier column, SqlIdentifier alias,
      String what) {
    List<String> names = column.names;
    if (names.size() > 2 || names.size() == 2
        && (alias == null || !names.get(0).equalsIgnoreCase(alias.getSimple()))) {
      throw SqlErrors.at(ErrorCode.UNDEFINED_COLUMN, column, "the " + what + " " + column
          + " must be a column of the FROM relation"
          + (alias == null ? "" : " " + alias.getSimple()));
    }
    String name = names.get(names.size() - 1);
    return new SqlIdentifier(name, column.getParserPosition());
  }

  /** Rejects a source whose known columns include the columns a window adds. */
  private void checkNoWindowColumns(SqlNode relation) {
    for (String column : knownColumns(relation)) {
      String lower = column.toLowerCase(Locale.ROOT);
      if (lower.equals(GroupWindowExpressions.WINDOW_START)
          || lower.equals(GroupWindowExpressions.WINDOW_END)
          || lower.equals(GroupWindowExpressions.WINDOW_TIME)) {
        throw SqlErrors.at(ErrorCode.DUPLICATE_COLUMN, relation, "the FROM of a windowed "
            + "GROUP BY has a column " + column + ", a name the window adds (window_start, "
            + "window_end, window_time); rename it in a subquery, e.g. FROM (SELECT " + column
            + " AS " + column + "_0, ... FROM ...) AS s");
      }
    }
  }

  /** Column names of a relation that are known without validation (may be incomplete). */
  private List<String> knownColumns(SqlNode relation) {
    List<String> names = new ArrayList<>();
    if (relation.getKind() == SqlKind.AS) {
      return knownColumns(((SqlCall) relation).operand(0));
    }
    if (relation instanceof SqlIdentifier) {
      SqlIdentifier id = (SqlIdentifier) relation;
      String name = id.names.get(id.names.size() - 1);
      if (resolver != null) {
        for (Relation r : resolver.relations()) {
          if (r.name().equalsIgnoreCase(name)) {
            for (Field f : r.schema().fields()) {
              names.add(f.name());
            }
            break;
          }
        }
      }
    } else if (relation instanceof SqlSelect) {
      SqlSelect select = (SqlSelect) relation;
      for (SqlNode item : select.getSelectList()) {
        if (item.getKind() == SqlKind.AS) {
          names.add(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple());
        } else if (item instanceof SqlIdentifier && !((SqlIdentifier) item).isStar()) {
          SqlIdentifier id = (SqlIdentifier) item;
          names.add(id.names.get(id.names.size() - 1));
        } else if (item instanceof SqlIdentifier && select.getFrom() != null
            && select.getFrom().getKind() != SqlKind.JOIN) {
          names.addAll(knownColumns(select.getFrom()));
        }
      }
    } else if (relation instanceof SqlOrderBy) {
      return knownColumns(((SqlOrderBy) relation).query);
    }
    return names;
  }
}
