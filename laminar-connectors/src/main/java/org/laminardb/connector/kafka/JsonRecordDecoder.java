package org.laminardb.connector.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.type.TypeKind;

/**
 * Format {@code json}: the value is one JSON object whose members fill the payload columns of
 * the same name (case-insensitive); other members are ignored, a missing member is NULL. Numbers,
 * strings and booleans are converted to the column type as the Java API does; a number for a
 * TIMESTAMP column is epoch milliseconds. A nested object or array fills a VARCHAR column with
 * its JSON text. Streaming parse (Jackson core), no tree per record.
 */
final class JsonRecordDecoder implements RecordDecoder {
  private static final JsonFactory FACTORY = new JsonFactory();
  private final Map<String, Integer> columns = new HashMap<>();
  private final String[] names;
  private final int[] payload;
  private final boolean[] seen;

  JsonRecordDecoder(SourceLayout layout) {
    this.names = layout.names;
    this.payload = layout.payload;
    this.seen = new boolean[names.length];
    for (int c : layout.payload) {
      columns.put(names[c], c);
      columns.put(names[c].toLowerCase(Locale.ROOT), c);
    }
  }

  @Override
  public void decode(byte[] value, Chunk chunk, int row) {
    if (value == null) {
      throw new BadRecordException("the record has no value (a tombstone); format json needs "
          + "an object");
    }
    try (JsonParser p = FACTORY.createParser(value)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new BadRecordException("the value is not a JSON object");
      }
      readObject(p, chunk, row);
      if (p.nextToken() != null) {
        throw new BadRecordException("the value is not a single JSON object");
      }
    } catch (IOException e) {
      throw new BadRecordException("malformed JSON: " + firstLine(e.getMessage()));
    }
  }

  /**
   * Fills the payload columns of a row from the object the parser is at (its START_OBJECT
   * read), leaving the parser at its END_OBJECT.
   *
   * @param p the parser
   * @param chunk the chunk being filled
   * @param row the row
   * @throws IOException if the JSON is malformed
   */
  void readObject(JsonParser p, Chunk chunk, int row) throws IOException {
    Arrays.fill(seen, false);
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      Integer c = columns.get(field);
      if (c == null) {
        c = columns.get(field.toLowerCase(Locale.ROOT));
      }
      JsonToken v = p.nextToken();
      if (c == null) {
        p.skipChildren();
        continue;
      }
      seen[c] = true;
      Cells.set(chunk.columns[c], names[c], row, valueOf(p, v, chunk.columns[c].type.kind()));
    }
    if (t != JsonToken.END_OBJECT) {
      throw new BadRecordException("the value is not a single JSON object");
    }
    for (int c : payload) {
      if (!seen[c]) {
        Cells.setNull(chunk.columns[c], names[c], row);
      }
    }
  }

  /**
   * The first line of a parser's message (Jackson appends the source location on more lines).
   *
   * @param message the message
   * @return its first line
   */
  static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static Object valueOf(JsonParser p, JsonToken v, TypeKind kind) throws IOException {
    switch (v) {
      case VALUE_NULL:
        return null;
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NUMBER_INT:
        return p.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return kind == TypeKind.DECIMAL ? p.getDecimalValue() : (Object) p.getDoubleValue();
      case VALUE_STRING:
        return p.getText();
      case START_OBJECT:
      case START_ARRAY:
        if (kind != TypeKind.VARCHAR) {
          throw new BadRecordException("a nested JSON " + (v == JsonToken.START_OBJECT
              ? "object" : "array") + " does not fit column type " + kind);
        }
        return nestedText(p);
      default:
        throw new BadRecordException("unexpected JSON token " + v);
    }
  }

  private static String nestedText(JsonParser p) throws IOException {
    java.io.StringWriter out = new java.io.StringWriter();
    try (com.fasterxml.jackson.core.JsonGenerator g = FACTORY.createGenerator(out)) {
      g.copyCurrentStructure(p);
    }
    return out.toString();
  }
}
