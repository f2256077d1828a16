package org.laminardb.testing;

import java.util.ArrayList;
import java.util.List;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;

/** Test helper: schemas written as name, type pairs. */
public final class TestSchemas {
  private TestSchemas() {}

  /**
   * A schema from alternating names and types.
   *
   * @param namesAndTypes name, then a {@link TypeKind} or {@link DataType}, repeated
   * @return the schema
   */
  public static Schema of(Object... namesAndTypes) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      Object t = namesAndTypes[i + 1];
      DataType type = t instanceof DataType ? (DataType) t : DataType.of((TypeKind) t);
      fields.add(new Field((String) namesAndTypes[i], type));
    }
    return new Schema(fields);
  }
}
