package org.laminardb.core.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;

/**
 * Builders of chunks from boxed values and a collector of output rows, for operator and state
 * tests.
 */
public final class TestRows {
  /** Nullable BIGINT. */
  public static final DataType BIGINT = DataType.of(TypeKind.BIGINT);
  /** Nullable TIMESTAMP (microseconds since the epoch). */
  public static final DataType TIMESTAMP = DataType.of(TypeKind.TIMESTAMP);
  /** Nullable VARCHAR. */
  public static final DataType VARCHAR = DataType.of(TypeKind.VARCHAR);

  private TestRows() {}

  public static Schema schema(DataType... types) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      fields.add(new Field("c" + i, types[i]));
    }
    return new Schema(fields);
  }

  public static Object[] row(byte kind, Object... values) {
    Object[] r = new Object[values.length + 1];
    r[0] = kind;
    System.arraycopy(values, 0, r, 1, values.length);
    return r;
  }

  public static Chunk chunk(Schema schema, Object[]... rows) {
    Chunk c = new Chunk(schema, Math.max(1, rows.length));
    for (Object[] r : rows) {
      append(c, r);
    }
    return c;
  }

  public static void append(Chunk c, Object[] r) {
    int row = c.size++;
    c.kinds[row] = (Byte) r[0];
    for (int i = 1; i < r.length; i++) {
      set(c.columns[i - 1], row, r[i]);
    }
  }

  public static void set(Column c, int row, Object v) {
    if (v == null) {
      c.setNull(row);
    } else if (c.longs != null) {
      c.longs[row] = v instanceof Boolean ? ((Boolean) v ? 1 : 0) : ((Number) v).longValue();
    } else if (c.doubles != null) {
      c.doubles[row] = ((Number) v).doubleValue();
    } else {
      c.strings[row] = (String) v;
    }
  }

  public static Object get(Column c, int row) {
    if (c.isNull(row)) {
      return null;
    }
    if (c.longs != null) {
      return c.longs[row];
    }
    return c.doubles != null ? (Object) c.doubles[row] : c.strings[row];
  }

  /** A row as [short kind, values...]. */
  public static List<Object> toList(Chunk c, int row) {
    List<Object> r = new ArrayList<>();
    r.add(RowKind.shortString(c.kinds[row]));
    for (Column col : c.columns) {
      r.add(get(col, row));
    }
    return r;
  }

  public static List<Object> expect(String kind, Object... values) {
    List<Object> r = new ArrayList<>();
    r.add(kind);
    for (Object v : values) {
      r.add(v instanceof Integer ? Long.valueOf((Integer) v) : v);
    }
    return r;
  }

  /**
   * The rows in consecutive blocks of {@code block} rows, each block shuffled on its own (a row
   * moves by less than {@code block} positions); the last block may be shorter.
   *
   * @param rows the rows, not modified
   * @param block rows per block
   * @param random the source of the shuffles
   * @return a new list of the same rows
   */
  public static List<Object[]> shuffledInBlocks(List<Object[]> rows, int block, Random random) {
    List<Object[]> shuffled = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += block) {
      List<Object[]> part = new ArrayList<>(rows.subList(i, Math.min(rows.size(), i + block)));
      Collections.shuffle(part, random);
      shuffled.addAll(part);
    }
    return shuffled;
  }

  /** Consumer that copies every row and watermark it receives. */
  public static final class Collector implements ChunkConsumer {
    /** Rows received since the last {@link #take()}. */
    public final List<List<Object>> rows = new ArrayList<>();
    /** Sizes of the chunks received since the last {@link #take()}. */
    public final List<Integer> chunkSizes = new ArrayList<>();
    /** Every watermark received, in order ({@link #take()} keeps them). */
    public final List<Long> watermarks = new ArrayList<>();

    @Override
    public void onChunk(Chunk chunk) {
      chunkSizes.add(chunk.size);
      for (int r = 0; r < chunk.size; r++) {
        rows.add(toList(chunk, r));
      }
    }

    @Override
    public void onWatermark(long watermark) {
      watermarks.add(watermark);
    }

    /**
     * Rows received so far, clearing the collector.
     *
     * @return the rows
     */
    public List<List<Object>> take() {
      List<List<Object>> copy = new ArrayList<>(rows);
      rows.clear();
      chunkSizes.clear();
      return copy;
    }

    @Override
    public String toString() {
      return Arrays.toString(rows.toArray());
    }
  }
}
