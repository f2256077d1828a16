package org.laminardb;

import java.util.Objects;
import org.laminardb.core.type.DataType;

/**
 * Name and type of a result column.
 *
 * @param name column name as declared or aliased
 * @param type SQL type with nullability
 */
public record ColumnInfo(String name, DataType type) {
  /**
   * Creates column metadata.
   *
   * @param name column name
   * @param type column type
   */
  public ColumnInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /**
   * SQL spelling of the type, e.g. {@code BIGINT} or {@code DECIMAL(10, 2)}.
   *
   * @return the type name
   */
  public String typeName() {
    return type.sqlName();
  }
}
