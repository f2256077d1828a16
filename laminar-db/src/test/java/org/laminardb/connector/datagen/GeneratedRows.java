package org.laminardb.connector.datagen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.Schema;

/** Test helper: runs a {@link RowGenerator} into chunks and reads the rows back as objects. */
final class GeneratedRows {
  private GeneratedRows() {}

  static Schema schema(Object... namesAndTypes) {
    return org.laminardb.testing.TestSchemas.of(namesAndTypes);
  }

  static List<Object[]> generate(Schema schema, Map<String, String> options, int maxRows) {
    RowGenerator g = RowGenerator.create("s", schema, options);
    List<Object[]> rows = new ArrayList<>();
    Chunk chunk = new Chunk(schema, 64);
    while (rows.size() < maxRows && g.hasNext()) {
      chunk.reset();
      int r = chunk.size++;
      g.writeRow(chunk.columns, r);
      Object[] values = new Object[schema.size()];
      for (int c = 0; c < values.length; c++) {
        values[c] = value(chunk.columns[c], r);
      }
      rows.add(values);
    }
    return rows;
  }

  static List<Object> column(List<Object[]> rows, int index) {
    List<Object> values = new ArrayList<>();
    for (Object[] r : rows) {
      values.add(r[index]);
    }
    return values;
  }

  private static Object value(Column c, int row) {
    if (c.isNull(row)) {
      return null;
    }
    if (c.longs != null) {
      return c.longs[row];
    }
    if (c.doubles != null) {
      return c.doubles[row];
    }
    return c.strings[row];
  }
}
