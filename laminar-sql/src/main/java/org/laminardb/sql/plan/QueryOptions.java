package org.laminardb.sql.plan;

import org.laminardb.core.operator.EmitStrategy;

/**
 * The clauses around a continuous query that shape its plan.
 *
 * @param materialized true for a materialized view (default emit ON UPDATE), false for a stream or
 *     sink (default emit ON WINDOW CLOSE)
 * @param emit the EMIT clause (with ALLOW LATENESS), or null for the default
 * @param lateDataTo whether late rows are routed to a stream ({@code LATE DATA TO})
 * @param stateTtlMillis {@code 'state.ttl'}: processing time after which a regular join drops a
 *     stored row, in milliseconds; 0 for never
 * @param boundedState {@code 'state.bounded' = 'true'}: reject plans whose join state would grow
 *     without bound (regular joins without a time-to-live)
 */
public record QueryOptions(boolean materialized, EmitStrategy emit, boolean lateDataTo,
    long stateTtlMillis, boolean boundedState) {
  /** Options of a query without EMIT, lateness or late-data clauses, as a stream. */
  public static final QueryOptions DEFAULT = new QueryOptions(false, null, false, 0, false);
}
