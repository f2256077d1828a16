package org.laminardb;

import java.util.Collection;

/**
 * Writer that maps Java records or beans to source columns by name. Obtained from {@link
 * LaminarDB#source(String, Class)}, which checks once that every column has a matching record
 * component or bean getter of a compatible type.
 *
 * @param <T> the row class
 */
public interface TypedSourceWriter<T> extends AutoCloseable {
  /**
   * Appends one object as a row.
   *
   * @param row the object
   */
  void insert(T row);

  /**
   * Appends objects as rows, all or none.
   *
   * @param rows the objects
   * @return the number of rows written
   */
  int insertAll(Collection<? extends T> rows);

  /**
   * Advances the source's watermark explicitly, as {@link SourceWriter#watermark} does.
   *
   * @param eventTime the new watermark (UTC wall clock)
   * @throws org.laminardb.error.LaminarDBException with {@code 55000} if the source has no
   *     WATERMARK clause
   */
  void watermark(java.time.LocalDateTime eventTime);

  /** Releases the writer. */
  @Override
  void close();
}
