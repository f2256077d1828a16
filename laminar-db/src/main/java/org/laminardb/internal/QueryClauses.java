package org.laminardb.internal;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserUtil;
import java.util.List;
import java.util.Map;
import org.laminardb.core.operator.EmitStrategy;
import org.laminardb.core.operator.EmitStrategy.EmitKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.sql.parser.ddl.EmitMode;
import org.laminardb.sql.parser.ddl.SqlEmit;
import org.laminardb.sql.parser.ddl.SqlOption;
import org.laminardb.sql.plan.PlannedQuery;
import org.laminardb.sql.plan.QueryOptions;
import org.laminardb.sql.plan.SqlErrors;

/**
 * The EMIT, ALLOW LATENESS and LATE DATA TO clauses of CREATE STREAM / MATERIALIZED VIEW / SINK:
 * turned into the planner's {@link QueryOptions}, and checked against the plan (they apply to
 * windowed queries only, except EMIT CHANGES / ON UPDATE, which every query does anyway).
 */
final class QueryClauses {
  private QueryClauses() {}

  /** The query options of a WITH clause. */
  static final String STATE_TTL = "state.ttl";
  static final String STATE_BOUNDED = "state.bounded";

  static QueryOptions options(boolean materialized, SqlEmit emit, SqlIntervalLiteral lateness,
      SqlIdentifier lateDataTo) {
    return options(materialized, emit, lateness, lateDataTo, List.of());
  }

  static QueryOptions options(boolean materialized, SqlEmit emit, SqlIntervalLiteral lateness,
      SqlIdentifier lateDataTo, List<SqlOption> with) {
    long ttlMillis = 0;
    boolean bounded = false;
    for (Map.Entry<String, String> o : DdlExecutor.options(with).entrySet()) {
      switch (o.getKey()) {
        case STATE_TTL:
          long micros = new OptionValues("query option").parseDuration(STATE_TTL,
              o.getValue());
          ttlMillis = Math.max(1, micros / 1000);
          break;
        case STATE_BOUNDED:
          String v = o.getValue().trim().toLowerCase(java.util.Locale.ROOT);
          if (!v.equals("true") && !v.equals("false")) {
            throw new org.laminardb.error.LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE,
                "'" + STATE_BOUNDED + "' takes 'true' or 'false', not '" + o.getValue() + "'");
          }
          bounded = v.equals("true");
          break;
        default:
          throw new org.laminardb.error.LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE,
              "unknown query option '" + o.getKey() + "'; query options are '" + STATE_TTL
              + "' (e.g. '1 h': a regular join drops rows stored that long) and '"
              + STATE_BOUNDED + "' ('true': reject joins whose state would grow without bound)");
      }
    }
    QueryOptions base = eventTime(materialized, emit, lateness, lateDataTo);
    return new QueryOptions(base.materialized(), base.emit(), base.lateDataTo(), ttlMillis,
        bounded);
  }

  private static QueryOptions eventTime(boolean materialized, SqlEmit emit,
      SqlIntervalLiteral lateness, SqlIdentifier lateDataTo) {
    long latenessMicros = lateness == null ? 0 : micros(lateness, "ALLOW LATENESS");
    EmitStrategy strategy = null;
    EmitMode mode = emit == null ? null : emit.mode();
    if (mode == null) {
      if (lateness != null) {
        strategy = new EmitStrategy(materialized ? EmitKind.ON_UPDATE : EmitKind.ON_WINDOW_CLOSE,
            0, latenessMicros);
      }
    } else {
      switch (mode) {
        case CHANGES:
        case ON_UPDATE:
          strategy = new EmitStrategy(EmitKind.ON_UPDATE, 0, latenessMicros);
          break;
        case ON_WINDOW_CLOSE:
          strategy = new EmitStrategy(EmitKind.ON_WINDOW_CLOSE, 0, latenessMicros);
          break;
        case FINAL:
          if (lateness != null) {
            throw SqlErrors.unsupported(lateness, "EMIT FINAL emits when the watermark passes the "
                + "window end, with no lateness; use EMIT ON WINDOW CLOSE ALLOW LATENESS ... to "
                + "wait longer");
          }
          strategy = new EmitStrategy(EmitKind.ON_WINDOW_CLOSE, 0, 0);
          break;
        default:
          long periodMicros = micros(emit.interval(), "EMIT EVERY");
          if (periodMicros < 1000) {
            throw SqlErrors.at(ErrorCode.INVALID_PARAMETER_VALUE, emit.interval(),
                "EMIT EVERY needs a period of at least 1 millisecond");
          }
          strategy = new EmitStrategy(EmitKind.PERIODIC, periodMicros / 1000, latenessMicros);
          break;
      }
    }
    return new QueryOptions(materialized, strategy, lateDataTo != null, 0, false);
  }

  /** Rejects clauses that have no meaning for the planned query. */
  static void check(PlannedQuery plan, SqlEmit emit, SqlIntervalLiteral lateness,
      SqlIdentifier lateDataTo) {
    if (plan.windowed()) {
      return;
    }
    String why = " applies to queries that aggregate over event-time windows (GROUP BY "
        + "window_start, window_end over TABLE(TUMBLE|HOP|SESSION|CUMULATE(...)), or GROUP BY "
        + "tumble(ts, size) etc.); this query has none";
    if (emit != null && emit.mode() != EmitMode.CHANGES && emit.mode() != EmitMode.ON_UPDATE) {
      throw SqlErrors.unsupported(emit, "EMIT " + emit.mode().sql() + why
          + "; its results are always a changelog (EMIT CHANGES)");
    }
    if (lateness != null) {
      throw SqlErrors.unsupported(lateness, "ALLOW LATENESS" + why);
    }
    if (lateDataTo != null) {
      throw SqlErrors.unsupported(lateDataTo, "LATE DATA TO" + why);
    }
  }

  private static long micros(SqlNode node, String clause) {
    SqlIntervalLiteral lit = (SqlIntervalLiteral) node;
    SqlIntervalLiteral.IntervalValue v = lit.getValueAs(SqlIntervalLiteral.IntervalValue.class);
    if (v.getIntervalQualifier().isYearMonth()) {
      throw SqlErrors.unsupported(node, clause + " needs a day-time interval (e.g. INTERVAL '5' "
          + "SECOND), not months or years");
    }
    long millis = SqlParserUtil.intervalToMillis(v);
    if (millis < 0) {
      throw SqlErrors.at(ErrorCode.INVALID_PARAMETER_VALUE, node, clause
          + " must not be negative");
    }
    return millis * 1000L;
  }
}
