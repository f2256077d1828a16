package org.laminardb.internal;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserUtil;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.sql.parser.ddl.SqlWatermark;
import org.laminardb.sql.plan.SqlErrors;

/** Validates a source's WATERMARK clause and builds its tracker. */
final class SourceWatermarks {
  private SourceWatermarks() {}

  static WatermarkTracker tracker(SqlWatermark wm, Schema schema, long idleTimeoutNanos) {
    if (wm == null) {
      return null;
    }
    String col = wm.column().getSimple();
    int index = schema.indexOf(col);
    if (index < 0) {
      throw SqlErrors.at(ErrorCode.UNDEFINED_COLUMN, wm.column(),
          "watermark column \"" + col + "\" is not a column of the source");
    }
    if (schema.field(index).type().kind() != TypeKind.TIMESTAMP) {
      throw SqlErrors.at(ErrorCode.DATATYPE_MISMATCH, wm.column(), "watermark column \"" + col
          + "\" must be a TIMESTAMP, not " + schema.field(index).type().sqlName());
    }
    return new WatermarkTracker(index, boundMicros(wm.expression(), col), idleTimeoutNanos);
  }

  private static long boundMicros(SqlNode expr, String col) {
    if (expr == null || expr instanceof SqlIdentifier
        && ((SqlIdentifier) expr).getSimple().equalsIgnoreCase(col)) {
      return 0L;
    }
    if (expr.getKind() == SqlKind.MINUS && expr instanceof SqlBasicCall) {
      SqlBasicCall call = (SqlBasicCall) expr;
      SqlNode left = call.operand(0);
      SqlNode right = call.operand(1);
      if (left instanceof SqlIdentifier && ((SqlIdentifier) left).getSimple().equalsIgnoreCase(col)
          && right instanceof SqlIntervalLiteral) {
        SqlIntervalLiteral lit = (SqlIntervalLiteral) right;
        SqlIntervalLiteral.IntervalValue v = lit.getValueAs(SqlIntervalLiteral.IntervalValue.class);
        if (!v.getIntervalQualifier().isYearMonth()) {
          long millis = SqlParserUtil.intervalToMillis(v);
          if (millis >= 0) {
            return millis * 1000L;
          }
        }
      }
    }
    throw SqlErrors.unsupported(expr, "WATERMARK FOR " + col + " supports AS " + col + " or AS "
        + col + " - INTERVAL 'n' unit (a non-negative day-time interval)");
  }
}
