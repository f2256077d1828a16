package org.laminardb.core.type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Ordered list of {@link Field}s describing the rows of a stream or table. Immutable. */
public final class Schema {
  private final List<Field> fields;

  /**
   * Creates a schema.
   *
   * @param fields the columns, in order
   */
  public Schema(List<Field> fields) {
    this.fields = Collections.unmodifiableList(new ArrayList<>(fields));
  }

  /**
   * The columns, in order.
   *
   * @return unmodifiable list of fields
   */
  public List<Field> fields() {
    return fields;
  }

  /**
   * Number of columns.
   *
   * @return the column count
   */
  public int size() {
    return fields.size();
  }

  /**
   * Column at an index.
   *
   * @param index zero-based index
   * @return the field
   */
  public Field field(int index) {
    return fields.get(index);
  }

  /**
   * Index of a column by name, ignoring case.
   *
   * @param name column name
   * @return zero-based index, or -1 if absent
   */
  public int indexOf(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema && ((Schema) o).fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return fields.toString();
  }
}
