package org.laminardb.connector.nexmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;

/** Test helper: runs a {@link NexmarkGenerator} into a chunk and reads events back by name. */
final class NexmarkEvents {
  /** One generated event: its number in the stream and its values by column name. */
  record Event(long number, Map<String, Object> values) {
    long getLong(String column) {
      return (Long) values.get(column);
    }

    String getString(String column) {
      return (String) values.get(column);
    }
  }

  private NexmarkEvents() {}

  static Map<String, String> options(String table, Object... more) {
    Map<String, String> o = new HashMap<>();
    o.put("table", table);
    for (int i = 0; i < more.length; i += 2) {
      o.put((String) more[i], String.valueOf(more[i + 1]));
    }
    return o;
  }

  static Schema fullSchema(NexmarkTable table) {
    String described = table.describe();
    List<Field> fields = new ArrayList<>();
    for (String column : described.split(", ")) {
      String[] nameAndType = column.split(" ");
      fields.add(new Field(nameAndType[0], DataType.of(TypeKind.valueOf(nameAndType[1]))));
    }
    return new Schema(fields);
  }

  /** All events of the table's full schema, at most max of them. */
  static List<Event> generate(Map<String, String> options, int max) {
    NexmarkOptions o = NexmarkOptions.parse("s", options);
    return generate(o, fullSchema(o.table), max);
  }

  static List<Event> generate(NexmarkOptions o, Schema schema, int max) {
    NexmarkGenerator g = new NexmarkGenerator(o, o.table.map("s", schema));
    Chunk chunk = new Chunk(schema, 16);
    List<Event> events = new ArrayList<>();
    while (events.size() < max && g.hasNext()) {
      chunk.reset();
      int r = chunk.size++;
      g.writeNext(chunk.columns, r);
      Map<String, Object> values = new HashMap<>();
      for (int c = 0; c < schema.size(); c++) {
        Column col = chunk.columns[c];
        values.put(schema.field(c).name(), col.longs != null ? (Object) col.longs[r]
            : col.strings[r]);
      }
      events.add(new Event(g.lastEventNumber(), values));
    }
    return events;
  }
}
