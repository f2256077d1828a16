package org.laminardb.sql.plan;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.function.ProcTimeFunction;

/**
 * Rejects, with their position, SQL constructs that parse and validate but that continuous
 * queries do not support yet, before planning turns them into relational operators that have no
 * position.
 */
final class ContinuousQueryChecker extends SqlBasicVisitor<Void> {
  static final String SUPPORTED =
      "continuous queries support SELECT with WHERE, expressions, GROUP BY with aggregates and "
          + "HAVING, SELECT DISTINCT, UNION [ALL], equi-joins, event-time windows (TABLE(TUMBLE|HOP|SESSION|"
          + "CUMULATE(...)) or GROUP BY tumble(ts, size) etc.), and OVER windows (Top-N, LAG/LEAD, "
          + "running aggregates); see docs/SQL.md";

  static final String JOINS = "continuous queries support equi-joins (regular, and interval "
      + "joins when the condition bounds the two event times), ASOF joins and [INNER | LEFT | RIGHT "
      + "| FULL [OUTER]] JOIN with at least one equality between the two inputs (ON a.k = b.k, "
      + "USING, or WHERE), plus any further condition, or with an input of a single row (a global "
      + "aggregate); see docs/SQL.md";

  private ContinuousQueryChecker() {}

  static void check(SqlNode query) {
    query.accept(new ContinuousQueryChecker());
  }

  @Override
  public Void visit(SqlCall call) {
    SqlKind kind = call.getKind();
    if (ProcTimeFunction.isCall(call)) {
      throw SqlErrors.unsupported(call, "PROCTIME() is only supported as the period of a "
          + "processing-time temporal join (FOR SYSTEM_TIME AS OF PROCTIME()); use NOW() for the "
          + "wall clock");
    }
    switch (kind) {
      case ORDER_BY:
        throw SqlErrors.unsupported(call, "ORDER BY, LIMIT and OFFSET are not supported in "
            + "continuous queries (a stream has no end to sort); use them in an ad-hoc SELECT "
            + "over a materialized view");
      case SNAPSHOT:
        // The period is checked by TemporalJoinTranslator; PROCTIME() is allowed there only.
        call.operand(0).accept(this);
        return null;
      case OVER:
      case WINDOW:
        // Checked while translating (OverTranslator), which knows the window's shape.
        break;
      case TUMBLE:
      case HOP:
      case SESSION:
        throw SqlErrors.unsupported(call, "this form of " + kind + " window is not supported; "
            + "use GROUP BY " + kind.sql.toLowerCase(java.util.Locale.ROOT) + "(ts, ...) with the "
            + "event-time column, or FROM TABLE(" + kind.sql + "(TABLE t, DESCRIPTOR(ts), ...))");
      case INTERSECT:
      case EXCEPT:
      case LATERAL:
      case UNNEST:
      case GROUPING_SETS:
      case ROLLUP:
      case CUBE:
        throw SqlErrors.unsupported(call, kind.sql + " is not supported in continuous queries; "
            + SUPPORTED);
      case SELECT:
        checkSelect((SqlSelect) call);
        break;
      default:
        break;
    }
    return super.visit(call);
  }

  private static void checkSelect(SqlSelect select) {
    if (select.getFrom() == null) {
      throw SqlErrors.unsupported(select, "a continuous query must read FROM a source, stream "
          + "or materialized view");
    }
    if (select.getFetch() != null || select.getOffset() != null
        || select.getOrderList() != null && select.getOrderList().size() > 0) {
      throw SqlErrors.unsupported(select, "ORDER BY, LIMIT and OFFSET are not supported in "
          + "continuous queries; use them in an ad-hoc SELECT over a materialized view");
    }
    if (select.getQualify() != null) {
      throw SqlErrors.unsupported(select.getQualify(), "QUALIFY is not supported yet");
    }
  }

  static LaminarDBException unsupportedRel(String what) {
    return new LaminarDBException(org.laminardb.error.ErrorCode.FEATURE_NOT_SUPPORTED,
        what + " is not supported in continuous queries; " + SUPPORTED);
  }
}
