package org.laminardb;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Row of a query result or a subscription, with its change kind and typed accessors.
 *
 * <p>Values are NULL or of the Java class of their SQL type: BOOLEAN {@link Boolean}, INT {@link
 * Integer}, BIGINT {@link Long}, DOUBLE {@link Double}, REAL {@link Float}, DECIMAL {@link
 * BigDecimal}, VARCHAR {@link String}, TIMESTAMP {@link LocalDateTime} (UTC wall clock), DATE
 * {@link LocalDate}. Numeric getters convert between numeric types; a getter for a primitive
 * returns 0 (or false) for NULL — check {@link #isNull(int)} when that matters.
 */
public interface Row {
  /**
   * Change kind: {@link ChangeKind#INSERT} for query results and plain inserts.
   *
   * @return the kind
   */
  ChangeKind kind();

  /**
   * Column metadata, in order.
   *
   * @return the columns
   */
  List<ColumnInfo> columns();

  /**
   * Number of columns.
   *
   * @return the count
   */
  default int size() {
    return columns().size();
  }

  /**
   * Value of a column.
   *
   * @param index zero-based column index
   * @return the value, or null
   */
  Object get(int index);

  /**
   * Value of a column by name (case-insensitive).
   *
   * @param column column name
   * @return the value, or null
   * @throws IllegalArgumentException if there is no such column
   */
  default Object get(String column) {
    return get(indexOf(column));
  }

  /**
   * Index of a column by name (case-insensitive).
   *
   * @param column column name
   * @return the zero-based index
   * @throws IllegalArgumentException if there is no such column
   */
  default int indexOf(String column) {
    List<ColumnInfo> cols = columns();
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).name().equalsIgnoreCase(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column named " + column + " in " + cols);
  }

  /**
   * Whether a column is NULL.
   *
   * @param index zero-based column index
   * @return true if NULL
   */
  default boolean isNull(int index) {
    return get(index) == null;
  }

  /**
   * Column as a long.
   *
   * @param index zero-based column index
   * @return the value, 0 for NULL
   */
  default long getLong(int index) {
    Object v = get(index);
    return v == null ? 0L : ((Number) v).longValue();
  }

  /**
   * Column as a long, by name.
   *
   * @param column column name
   * @return the value, 0 for NULL
   */
  default long getLong(String column) {
    return getLong(indexOf(column));
  }

  /**
   * Column as an int.
   *
   * @param index zero-based column index
   * @return the value, 0 for NULL
   */
  default int getInt(int index) {
    Object v = get(index);
    return v == null ? 0 : ((Number) v).intValue();
  }

  /**
   * Column as an int, by name.
   *
   * @param column column name
   * @return the value, 0 for NULL
   */
  default int getInt(String column) {
    return getInt(indexOf(column));
  }

  /**
   * Column as a double.
   *
   * @param index zero-based column index
   * @return the value, 0 for NULL
   */
  default double getDouble(int index) {
    Object v = get(index);
    return v == null ? 0.0 : ((Number) v).doubleValue();
  }

  /**
   * Column as a double, by name.
   *
   * @param column column name
   * @return the value, 0 for NULL
   */
  default double getDouble(String column) {
    return getDouble(indexOf(column));
  }

  /**
   * Column as a boolean.
   *
   * @param index zero-based column index
   * @return the value, false for NULL
   */
  default boolean getBoolean(int index) {
    Object v = get(index);
    return v != null && (Boolean) v;
  }

  /**
   * Column as a string (any type, formatted as SQL text).
   *
   * @param index zero-based column index
   * @return the value, or null
   */
  default String getString(int index) {
    Object v = get(index);
    return v == null ? null : v.toString();
  }

  /**
   * Column as a string, by name.
   *
   * @param column column name
   * @return the value, or null
   */
  default String getString(String column) {
    return getString(indexOf(column));
  }

  /**
   * Column as a BigDecimal.
   *
   * @param index zero-based column index
   * @return the value, or null
   */
  default BigDecimal getBigDecimal(int index) {
    Object v = get(index);
    if (v == null || v instanceof BigDecimal) {
      return (BigDecimal) v;
    }
    if (v instanceof Double || v instanceof Float) {
      return BigDecimal.valueOf(((Number) v).doubleValue());
    }
    return BigDecimal.valueOf(((Number) v).longValue());
  }

  /**
   * TIMESTAMP column.
   *
   * @param index zero-based column index
   * @return the value, or null
   */
  default LocalDateTime getTimestamp(int index) {
    return (LocalDateTime) get(index);
  }

  /**
   * DATE column.
   *
   * @param index zero-based column index
   * @return the value, or null
   */
  default LocalDate getDate(int index) {
    return (LocalDate) get(index);
  }
}
