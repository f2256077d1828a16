package org.laminardb.connector.kafka;

import java.nio.charset.StandardCharsets;
import org.laminardb.core.chunk.Chunk;

/** Format {@code raw}: the value as UTF-8 text in the one payload column (VARCHAR). */
final class RawRecordDecoder implements RecordDecoder {
  private final int column;
  private final String name;

  RawRecordDecoder(int column, String name) {
    this.column = column;
    this.name = name;
  }

  @Override
  public void decode(byte[] value, Chunk chunk, int row) {
    if (value == null) {
      Cells.setNull(chunk.columns[column], name, row);
    } else {
      chunk.columns[column].strings[row] = new String(value, StandardCharsets.UTF_8);
    }
  }
}
