package org.laminardb;

/**
 * The event-time windows the window tests run, with their SQL in each syntax, the H2 oracle query
 * computing the same result over a table of accepted rows, and the window geometry the lateness
 * model needs. Lengths are in seconds; the source is {@code trades(sym, price, qty, ts)}.
 */
enum WindowShape {
  TUMBLE(10, 10, 0),
  TUMBLE_OFFSET(10, 10, 3),
  HOP(15, 5, 0),
  CUMULATE(15, 5, 0),
  SESSION(4, 0, 0);

  /** Microseconds per second. */
  static final long SEC = 1_000_000L;

  /** The aggregates of every window query, in the result column order after the window keys. */
  static final String AGGS = "COUNT(*) AS n, COUNT(qty) AS nq, SUM(qty) AS q, MIN(price) AS lo, "
      + "MAX(price) AS hi, AVG(price) AS ap";

  /** Size (TUMBLE, HOP), maximum size (CUMULATE) or gap (SESSION), seconds. */
  final long size;
  /** Slide (HOP) or step (CUMULATE), seconds; the size for TUMBLE, 0 for SESSION. */
  final long slide;
  /** Offset of window starts, seconds. */
  final long offset;

  WindowShape(long size, long slide, long offset) {
    this.size = size;
    this.slide = slide;
    this.offset = offset;
  }

  boolean isSession() {
    return this == SESSION;
  }

  private static String iv(long seconds) {
    return "INTERVAL '" + seconds + "' SECOND";
  }

  /** The window table-valued function over {@code trades}, e.g. {@code TABLE(TUMBLE(...))}. */
  String tvf() {
    switch (this) {
      case TUMBLE:
        return "TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), " + iv(size) + "))";
      case TUMBLE_OFFSET:
        return "TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), " + iv(size) + ", " + iv(offset) + "))";
      case HOP:
        return "TABLE(HOP(TABLE trades, DESCRIPTOR(ts), " + iv(slide) + ", " + iv(size) + "))";
      case CUMULATE:
        return "TABLE(CUMULATE(TABLE trades, DESCRIPTOR(ts), " + iv(slide) + ", " + iv(size)
            + "))";
      default:
        return "TABLE(SESSION(TABLE trades PARTITION BY sym, DESCRIPTOR(ts), " + iv(size) + "))";
    }
  }

  /** The windowed aggregate in TVF syntax. */
  String tvfQuery() {
    return "SELECT window_start, window_end, sym, " + AGGS + " FROM " + tvf()
        + " GROUP BY window_start, window_end, sym";
  }

  /** Arguments of the group-window functions, e.g. {@code ts, INTERVAL '10' SECOND}. */
  private String groupArgs() {
    switch (this) {
      case TUMBLE:
      case SESSION:
        return "ts, " + iv(size);
      case HOP:
      case CUMULATE:
        return "ts, " + iv(slide) + ", " + iv(size);
      default:
        return null;
    }
  }

  private String function() {
    return this == TUMBLE ? "tumble" : name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The windowed aggregate in LaminarDB style ({@code tumble(ts, size)} as the start and {@code
   * tumble_end(...)}), or null when this window has no such form.
   */
  String laminarQuery() {
    String args = groupArgs();
    if (args == null) {
      return null;
    }
    String f = function();
    return "SELECT " + f + "(" + args + ") AS window_start, " + f + "_end(" + args
        + ") AS window_end, sym, " + AGGS + " FROM trades GROUP BY " + f + "(" + args + "), sym";
  }

  /**
   * The windowed aggregate in Calcite's group-window style ({@code GROUP BY TUMBLE(ts, size)} with
   * {@code TUMBLE_START}/{@code TUMBLE_END}), or null when Calcite has no such form.
   */
  String calciteQuery() {
    if (this == TUMBLE_OFFSET || this == CUMULATE) {
      return null;
    }
    String f = function().toUpperCase(java.util.Locale.ROOT);
    String args = groupArgs();
    return "SELECT " + f + "_START(" + args + ") AS window_start, " + f + "_END(" + args
        + ") AS window_end, sym, " + AGGS + " FROM trades GROUP BY " + f + "(" + args + "), sym";
  }

  /**
   * End of the last window a row at {@code ts} belongs to (not for sessions), microseconds.
   *
   * @param ts event time, microseconds
   * @return the latest window end
   */
  long lastWindowEnd(long ts) {
    long sizeUs = size * SEC;
    long offUs = offset * SEC;
    switch (this) {
      case TUMBLE:
      case TUMBLE_OFFSET:
        return ts - Math.floorMod(ts - offUs, sizeUs) + sizeUs;
      case HOP:
        return ts - Math.floorMod(ts, slide * SEC) + sizeUs;
      case CUMULATE:
        return ts - Math.floorMod(ts, sizeUs) + sizeUs;
      default:
        throw new IllegalStateException("sessions have no fixed windows");
    }
  }

  /**
   * H2 query with the result of the windowed aggregate over {@code table(id, sym, price, qty, ts,
   * open_after)} with ts in microseconds: columns window_start, window_end (microseconds), sym and
   * the aggregates. A row contributes only to windows ending after its {@code open_after} (the
   * windows that were still open when it arrived); table {@code k(i)} holds 0..15.
   *
   * @param table the table of accepted rows
   * @return the SQL
   */
  String oracle(String table) {
    long s = size * SEC;
    long p = slide * SEC;
    long o = offset * SEC;
    String aggs = AGGS;
    switch (this) {
      case TUMBLE:
      case TUMBLE_OFFSET:
        return "SELECT ws, ws + " + s + " AS we, sym, " + aggs + " FROM (SELECT r.*, ts - MOD(ts - "
            + o + ", " + s + ") AS ws FROM " + table + " r) x WHERE ws + " + s
            + " > open_after GROUP BY ws, sym";
      case HOP:
        return "SELECT ws, ws + " + s + " AS we, sym, " + aggs + " FROM (SELECT r.*, ts - MOD(ts, "
            + p + ") - k.i * " + p + " AS ws FROM " + table + " r CROSS JOIN k WHERE k.i < "
            + (s / p) + ") x WHERE ws + " + s + " > open_after GROUP BY ws, sym";
      case CUMULATE:
        return "SELECT ws, we, sym, " + aggs + " FROM (SELECT r.*, ts - MOD(ts, " + s
            + ") AS ws, ts - MOD(ts, " + s + ") + k.i * " + p + " AS we FROM " + table
            + " r CROSS JOIN k WHERE k.i BETWEEN 1 AND " + (s / p)
            + ") x WHERE we > ts AND we > open_after GROUP BY ws, we, sym";
      default:
        return "SELECT MIN(ts) AS ws, MAX(ts) + " + s + " AS we, sym, " + aggs + " FROM ("
            + "SELECT y.*, SUM(f) OVER (PARTITION BY sym ORDER BY ts, id ROWS UNBOUNDED PRECEDING)"
            + " AS sid FROM (SELECT r.*, CASE WHEN ts - LAG(ts) OVER (PARTITION BY sym ORDER BY ts,"
            + " id) < " + s + " THEN 0 ELSE 1 END AS f FROM " + table + " r) y) z GROUP BY sym, sid";
    }
  }
}
