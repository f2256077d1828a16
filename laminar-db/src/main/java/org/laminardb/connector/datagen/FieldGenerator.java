package org.laminardb.connector.datagen;

import org.laminardb.core.chunk.Column;

/** Producer of the values of one generated column, written in the column's physical form. */
interface FieldGenerator {
  /**
   * Writes the next value into a row of a column.
   *
   * @param column the column, of this generator's type
   * @param row the row index
   */
  void write(Column column, int row);

  /**
   * Whether the generator has produced its last value (only bounded sequences end).
   *
   * @return true once exhausted
   */
  default boolean exhausted() {
    return false;
  }
}
