package org.laminardb;

/**
 * Garbage-free columnar appender for high-throughput ingestion, from {@link SourceWriter#bulk()}.
 *
 * <pre>{@code
 * BulkAppender a = writer.bulk();
 * for (...) {
 *   a.beginRow();
 *   a.setLong(0, id);
 *   a.setDouble(1, price);
 *   a.setString(2, symbol);
 *   a.endRow();
 * }
 * a.flush();
 * }</pre>
 *
 * <p>Values are stored in the column's physical form: {@code setLong} for BOOLEAN (0/1), INT,
 * BIGINT, DECIMAL (unscaled, at the column's scale), TIMESTAMP (epoch microseconds) and DATE
 * (epoch days); {@code setDouble} for DOUBLE and REAL; {@code setString} for VARCHAR. A column
 * not set in a row is NULL; a NOT NULL column left unset fails {@link #endRow()}. Not thread-safe.
 */
public interface BulkAppender {
  /** Starts a new row; waits for space when the engine is back-pressuring. */
  void beginRow();

  /**
   * Sets a long-valued column of the current row.
   *
   * @param column zero-based column index
   * @param value the value in physical form
   * @return this appender
   */
  BulkAppender setLong(int column, long value);

  /**
   * Sets a double-valued column of the current row.
   *
   * @param column zero-based column index
   * @param value the value
   * @return this appender
   */
  BulkAppender setDouble(int column, double value);

  /**
   * Sets a VARCHAR column of the current row.
   *
   * @param column zero-based column index
   * @param value the value, or null
   * @return this appender
   */
  BulkAppender setString(int column, String value);

  /**
   * Sets a column of the current row to NULL.
   *
   * @param column zero-based column index
   * @return this appender
   */
  BulkAppender setNull(int column);

  /** Completes the current row; publishes the chunk to the engine when it is full. */
  void endRow();

  /** Publishes the rows appended so far, so that queries see them. */
  void flush();
}
