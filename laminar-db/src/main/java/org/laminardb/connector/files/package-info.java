/**
 * The built-in {@code FILES} sink connector: exactly-once CSV or JSON Lines files in a
 * directory, one file per checkpoint epoch, visible only once the checkpoint that covers its
 * rows is complete.
 *
 * <pre>{@code
 * CREATE SINK big_trades INTO FILES (path = '/data/out/trades', format = 'json')
 * AS SELECT id, symbol, price, ts FROM trades WHERE price > 100
 * }</pre>
 *
 * <p>Options:
 *
 * <ul>
 *   <li>{@code path} (required): the output directory, created if missing; a relative path is
 *       resolved against the working directory of the process;
 *   <li>{@code format}: {@code csv} (the default) or {@code json}.
 * </ul>
 *
 * Any other option is rejected with SQLSTATE 22023.
 *
 * <p>File layout, for a sink {@code s} and epoch {@code E} written as 20 digits ({@code
 * 00000000000000000007}), with {@code <ext>} {@code csv} or {@code json}:
 *
 * <ul>
 *   <li>{@code .s-E.<ext>.inprogress}: the rows of the epoch being written, created at its first
 *       row (an epoch without rows leaves no file at all);
 *   <li>{@code _s-E.<ext>.pending}: the epoch's file once pre-committed at the checkpoint barrier
 *       (flushed and forced to disk);
 *   <li>{@code s-E.<ext>}: the epoch's file once its checkpoint is complete, renamed atomically
 *       from the pending name (the directory is forced after every rename).
 * </ul>
 *
 * Readers must skip names starting with {@code .} or {@code _}, as Spark, Hive and most file
 * readers do; visible files are never rewritten. When a database reopens, pending files of
 * epochs covered by the last complete checkpoint are committed, and the pending files of later
 * epochs and all in-progress files are deleted: their rows are produced again. Only names of the
 * sink's own pattern are touched, so several sinks may share a directory. Epochs end at
 * checkpoints: every minute by default ({@code checkpointInterval}), and at {@code CHECKPOINT};
 * with automatic checkpoints off and no {@code CHECKPOINT}, no file becomes visible. Visible files
 * are never overwritten: if the directory already holds the committed file of an epoch the sink is
 * about to write (left there by an earlier database, or by a dropped sink of the same name), the
 * write fails with SQLSTATE 55000.
 *
 * <p>Every row carries its change kind in a last column {@code __op}: {@code +I} (insert),
 * {@code -U} and {@code +U} (the old and new image of an update) or {@code -D} (delete); an
 * append-only query writes only {@code +I}. An input column named {@code __op} is rejected
 * (SQLSTATE 42701).
 *
 * <p>Values: booleans {@code true}/{@code false}; integers, doubles ({@code Double.toString}) and
 * reals ({@code Float.toString}) as Java prints them; decimals plain, without exponent;
 * timestamps as ISO-8601 local date-times with seconds always present ({@code
 * 2026-01-05T09:30:00}, {@code 2026-01-05T09:30:00.123456}); dates ISO ({@code 2026-01-05});
 * intervals ISO-8601 durations ({@code PT1.5S}). Files are UTF-8, lines end with {@code \n}.
 *
 * <p>{@code csv}: a header line with the column names, then one line per row. Fields holding a
 * comma, double quote, CR or LF are quoted as RFC 4180 says (inner quotes doubled); NULL is an
 * empty field, the empty string {@code ""}.
 *
 * <p>{@code json}: one object per line (JSON Lines), keys the column names. NULL is {@code
 * null}; booleans, integers, decimals and finite doubles are JSON numbers and booleans; strings,
 * timestamps, dates and intervals are JSON strings, as are NaN and infinities ({@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"}). Strings escape {@code "}, {@code \} and control
 * characters ({@code \n}, {@code \r}, {@code \t}, {@code \b}, {@code \f}, else {@code \}{@code
 * u00XX}).
 */
package org.laminardb.connector.files;
