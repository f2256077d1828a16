package org.laminardb.connector.kafka;

import java.nio.charset.StandardCharsets;
import org.laminardb.core.chunk.Chunk;

/**
 * Format {@code csv}: the value is one line of fields separated by the delimiter, in the order
 * of the payload columns; a field may be quoted with {@code "} (doubled inside); an empty
 * unquoted field is NULL. A line with another number of fields is a bad record.
 */
final class CsvRecordDecoder implements RecordDecoder {
  private final String[] names;
  private final int[] payload;
  private final char delimiter;
  private final StringBuilder field = new StringBuilder();

  CsvRecordDecoder(SourceLayout layout, char delimiter) {
    this.names = layout.names;
    this.payload = layout.payload;
    this.delimiter = delimiter;
  }

  @Override
  public void decode(byte[] value, Chunk chunk, int row) {
    if (value == null) {
      throw new BadRecordException("the record has no value (a tombstone); format csv needs "
          + "a line");
    }
    String line = new String(value, StandardCharsets.UTF_8);
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
      end--;
    }
    int pos = 0;
    int index = 0;
    while (true) {
      field.setLength(0);
      boolean quoted = pos < end && line.charAt(pos) == '"';
      if (quoted) {
        pos = quotedField(line, pos + 1, end);
      } else {
        while (pos < end && line.charAt(pos) != delimiter) {
          field.append(line.charAt(pos++));
        }
      }
      if (index >= payload.length) {
        throw new BadRecordException("the line has more than " + payload.length + " fields");
      }
      int c = payload[index++];
      if (!quoted && field.length() == 0) {
        Cells.setNull(chunk.columns[c], names[c], row);
      } else {
        Cells.set(chunk.columns[c], names[c], row, field.toString());
      }
      if (pos >= end) {
        break;
      }
      if (line.charAt(pos) != delimiter) {
        throw new BadRecordException("malformed CSV: text after a closing quote at character "
            + pos);
      }
      pos++;
      if (pos == end) {
        if (index >= payload.length) {
          throw new BadRecordException("the line has more than " + payload.length + " fields");
        }
        int last = payload[index++];
        Cells.setNull(chunk.columns[last], names[last], row);
        break;
      }
    }
    if (index != payload.length) {
      throw new BadRecordException("the line has " + index + " fields, expected "
          + payload.length);
    }
  }

  private int quotedField(String line, int pos, int end) {
    while (pos < end) {
      char ch = line.charAt(pos++);
      if (ch == '"') {
        if (pos < end && line.charAt(pos) == '"') {
          field.append('"');
          pos++;
        } else {
          return pos;
        }
      } else {
        field.append(ch);
      }
    }
    throw new BadRecordException("malformed CSV: a quoted field is not closed");
  }
}
