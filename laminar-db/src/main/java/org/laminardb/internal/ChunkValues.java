package org.laminardb.internal;

import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;

/** Reads and writes single values of chunk columns in their physical form. */
public final class ChunkValues {
  private ChunkValues() {}

  /**
   * Physical value at a row: Long, Double, String or null.
   *
   * @param c the column
   * @param row the row
   * @return the value
   */
  public static Object read(Column c, int row) {
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

  /**
   * Writes a physical value (Long, Double, String or null) at a row.
   *
   * @param c the column
   * @param row the row
   * @param value the value
   */
  public static void write(Column c, int row, Object value) {
    if (value == null) {
      c.setNull(row);
    } else if (c.longs != null) {
      c.longs[row] = (Long) value;
    } else if (c.doubles != null) {
      c.doubles[row] = (Double) value;
    } else {
      c.strings[row] = (String) value;
    }
  }

  /**
   * Java values of a chunk row, as {@link org.laminardb.Row} documents them.
   *
   * @param chunk the chunk
   * @param row the row
   * @return one value per column
   */
  public static Object[] javaRow(Chunk chunk, int row) {
    Object[] out = new Object[chunk.columns.length];
    for (int i = 0; i < out.length; i++) {
      Column c = chunk.columns[i];
      out[i] = ValueConverter.toJava(read(c, row), c.type);
    }
    return out;
  }
}
