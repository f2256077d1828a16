package org.laminardb.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;

/**
 * Pre-generated input of the benchmarks: rows {@code (k BIGINT, v DOUBLE)} with {@code k} uniform
 * over a number of keys and {@code v} uniform in {@code [0, 20)}, so that {@code v > 10} keeps
 * half of the rows. Generated once with a fixed seed so that every run sees the same data.
 */
final class Inputs {
  /** Rows per chunk, the engine's default chunk capacity. */
  static final int CHUNK_ROWS = 1024;
  /** Upper bound (exclusive) of {@code v}. */
  static final double V_RANGE = 20.0;

  private Inputs() {}

  /**
   * Schema of the source, as {@code CREATE SOURCE src (k BIGINT, v DOUBLE)} declares it.
   *
   * @return the schema, both columns nullable
   */
  static Schema sourceSchema() {
    return new Schema(List.of(
        new Field("k", DataType.of(TypeKind.BIGINT)),
        new Field("v", DataType.of(TypeKind.DOUBLE))));
  }

  /**
   * Insert-only chunks of {@link #CHUNK_ROWS} random rows.
   *
   * @param count number of chunks
   * @param keys distinct values of {@code k}
   * @param seed random seed
   * @return the chunks
   */
  static Chunk[] chunks(int count, int keys, long seed) {
    return chunks(count, CHUNK_ROWS, keys, seed);
  }

  /**
   * Insert-only chunks full of random rows.
   *
   * @param count number of chunks
   * @param rows rows per chunk
   * @param keys distinct values of {@code k}
   * @param seed random seed
   * @return the chunks
   */
  static Chunk[] chunks(int count, int rows, int keys, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Schema schema = sourceSchema();
    Chunk[] chunks = new Chunk[count];
    for (int c = 0; c < count; c++) {
      Chunk chunk = new Chunk(schema, rows);
      long[] k = chunk.columns[0].longs;
      double[] v = chunk.columns[1].doubles;
      for (int r = 0; r < rows; r++) {
        k[r] = random.nextInt(keys);
        v[r] = random.nextDouble() * V_RANGE;
        chunk.kinds[r] = RowKind.INSERT;
      }
      chunk.size = rows;
      chunks[c] = chunk;
    }
    return chunks;
  }

  /**
   * Parallel arrays of random row values, for the end-to-end benchmarks that append rows.
   *
   * @param rows number of rows
   * @param keys distinct values of {@code k}
   * @param seed random seed
   * @param k receives the keys, length {@code rows}
   * @param v receives the values, length {@code rows}
   */
  static void values(int rows, int keys, long seed, long[] k, double[] v) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int r = 0; r < rows; r++) {
      k[r] = random.nextInt(keys);
      v[r] = random.nextDouble() * V_RANGE;
    }
  }
}
