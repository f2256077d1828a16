package org.laminardb.sql.plan;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.util.SqlShuttle;
import org.laminardb.error.ErrorCode;

/**
 * Rewrites the expressions of one clause of a SELECT: each call of the GROUP BY window (or its
 * {@code *_START}) becomes {@code window_start}, its {@code *_END} {@code window_end}, its {@code
 * *_ROWTIME} {@code window_time}. Any other group-window call is an error. Subqueries are handed
 * to the query rewriter. Returns the same node when nothing changes.
 */
final class GroupWindowExpressions extends SqlShuttle {
  static final String WINDOW_START = "window_start";
  static final String WINDOW_END = "window_end";
  static final String WINDOW_TIME = "window_time";

  private final SqlShuttle queries;
  private final GroupWindowCall window;
  private final String clause;
  private boolean usesWindowTime;

  /**
   * Creates a rewriter of one clause.
   *
   * @param queries rewriter of subqueries
   * @param window the window in GROUP BY, or null if there is none
   * @param clause the clause, for messages; window calls are rejected in {@code WHERE}
   */
  GroupWindowExpressions(SqlShuttle queries, GroupWindowCall window, String clause) {
    this.queries = queries;
    this.window = window;
    this.clause = clause;
  }

  /**
   * Whether a {@code *_ROWTIME} call was rewritten.
   *
   * @return true if the clause now reads {@code window_time}
   */
  boolean usesWindowTime() {
    return usesWindowTime;
  }

  /**
   * Rewrites a node that may be null.
   *
   * @param node the node or null
   * @return the rewritten node, the same node if unchanged
   */
  SqlNode rewrite(SqlNode node) {
    return node == null ? null : node.accept(this);
  }

  /**
   * Rewrites a list that may be null.
   *
   * @param list the list or null
   * @return the rewritten list, the same list if unchanged
   */
  SqlNodeList rewrite(SqlNodeList list) {
    return list == null ? null : (SqlNodeList) list.accept(this);
  }

  @Override
  public SqlNode visit(SqlCall call) {
    if (call.getKind().belongsTo(SqlKind.QUERY) || call instanceof SqlOrderBy) {
      return call.accept(queries);
    }
    GroupWindowCall w = GroupWindowCall.of(call);
    if (w == null) {
      return super.visit(call);
    }
    w.checked();
    if (window == null || !w.sameWindowAs(window)) {
      throw noWindow(w);
    }
    if ("WHERE".equals(clause)) {
      throw SqlErrors.unsupported(call, w.name() + " cannot be used in WHERE, which filters rows "
          + "before they are grouped into windows; use it in SELECT or HAVING");
    }
    switch (w.role) {
      case END:
        return new SqlIdentifier(WINDOW_END, call.getParserPosition());
      case ROWTIME:
        usesWindowTime = true;
        return new SqlIdentifier(WINDOW_TIME, call.getParserPosition());
      default:
        return new SqlIdentifier(WINDOW_START, call.getParserPosition());
    }
  }

  private RuntimeException noWindow(GroupWindowCall w) {
    String family = w.family.lowerName();
    String signature = w.family.signature;
    String expected = window == null
        ? "the query has no window in GROUP BY"
        : "the window in GROUP BY is " + window.name() + " with other arguments";
    return SqlErrors.at(ErrorCode.GROUPING_ERROR, w.call, w.name() + " in " + clause
        + " needs the same window in GROUP BY, and " + expected + "; group by the window ("
        + "GROUP BY " + signature + ", ...) and select " + family + "(...) or " + family
        + "_end(...) with the same arguments, or read FROM TABLE(" + w.family.name()
        + "(TABLE source, DESCRIPTOR(time_column), ...)) and group by window_start, window_end");
  }
}
