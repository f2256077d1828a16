package org.laminardb.core.type;

import java.util.Objects;

/**
 * Named, typed column of a {@link Schema}. Immutable.
 *
 * @param name column name as declared (case preserved)
 * @param type column type
 */
public record Field(String name, DataType type) {
  /**
   * Creates a field.
   *
   * @param name column name
   * @param type column type
   */
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
