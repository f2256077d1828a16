package org.laminardb;

import java.util.List;

/**
 * Writer that appends rows to a source. Obtained from {@link LaminarDB#source(String)}.
 *
 * <p>Rows written by one writer keep their order through stateless queries. A write returns once
 * the rows are handed to the engine; any query or subscription started afterwards sees them
 * (read-your-writes). Values are converted to the column types: numbers widen (and narrow when
 * the value fits), strings are parsed for numeric, TIMESTAMP and DATE columns, and
 * {@link java.time.LocalDateTime}, {@link java.time.Instant}, {@link java.sql.Timestamp},
 * {@link java.time.LocalDate} and {@link java.math.BigDecimal} are accepted where they fit. A
 * value that does not fit fails the whole call with a {@link
 * org.laminardb.error.LaminarDBException} and nothing of it is written.
 *
 * <p>A writer is safe to share between threads (calls are serialised); one writer per thread
 * gives the most throughput.
 */
public interface SourceWriter extends AutoCloseable {
  /**
   * Name of the source.
   *
   * @return the name
   */
  String name();

  /**
   * Column metadata of the source.
   *
   * @return the columns
   */
  List<ColumnInfo> columns();

  /**
   * Appends one row.
   *
   * @param values one value per column, in column order
   */
  void insert(Object... values);

  /**
   * Appends many rows as one unit: all are written, or (on a bad value) none.
   *
   * @param rows rows of values in column order
   * @return the number of rows written
   */
  int insertAll(List<Object[]> rows);

  /**
   * Columnar bulk path: an appender that writes primitive values straight into the engine's
   * column chunks with no object per row. Rows become visible at {@link BulkAppender#flush()} or
   * when a chunk fills up.
   *
   * @return the appender of this writer
   */
  BulkAppender bulk();

  /**
   * Advances the source's watermark explicitly: after the rows written before this call, no row
   * with an event time at or before {@code eventTime} is expected; windows ending at or before it
   * close (plus their allowed lateness). The watermark never goes back, so an earlier time than
   * the current watermark changes nothing. Flushes pending bulk rows first.
   *
   * @param eventTime the new watermark (UTC wall clock, like TIMESTAMP values)
   * @throws org.laminardb.error.LaminarDBException with {@code 55000} if the source has no
   *     WATERMARK clause
   */
  void watermark(java.time.LocalDateTime eventTime);

  /** Flushes pending bulk rows and releases the writer. */
  @Override
  void close();
}
