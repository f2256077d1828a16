package org.laminardb.connector.datagen;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.queue.ChunkWriter;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;

/**
 * Deterministic generator of the rows of a DATAGEN source: the same schema and options always
 * give the same rows. Each column draws from its own random stream, seeded from the {@code seed}
 * option and the column name, so adding a column leaves the values of the others unchanged.
 *
 * <p>Not thread-safe: one generator per source thread.
 */
public final class RowGenerator {
  private static final long SEED_MIX = 0x9E3779B97F4A7C15L;

  private final FieldGenerator[] generators;
  private final SplittableRandom[] nullRandoms;
  private final double[] nullRates;
  private final double rowsPerSecond;
  private final long numberOfRows;
  private long produced;
  private boolean exhausted;

  private RowGenerator(DatagenOptions options, FieldSpec[] specs, SplittableRandom[] nulls) {
    this.rowsPerSecond = options.rowsPerSecond;
    this.numberOfRows = options.numberOfRows;
    this.generators = new FieldGenerator[specs.length];
    this.nullRates = new double[specs.length];
    this.nullRandoms = nulls;
    for (int i = 0; i < specs.length; i++) {
      generators[i] = specs[i].generator;
      nullRates[i] = specs[i].nullRate;
    }
  }

  /**
   * Validates the DATAGEN options of a source and builds its generator.
   *
   * @param sourceName the source name, for messages
   * @param schema the source's columns
   * @param options the options from the SQL, keys in lower case
   * @return the generator
   * @throws org.laminardb.error.LaminarDBException with {@code 22023} for an unknown option, an
   *     option of an unknown column, a bad value, an unsupported kind or column type
   */
  public static RowGenerator create(String sourceName, Schema schema, Map<String, String> options) {
    DatagenOptions o = DatagenOptions.parse(sourceName, schema, options);
    List<Field> fields = schema.fields();
    FieldSpec[] specs = new FieldSpec[fields.size()];
    SplittableRandom[] nulls = new SplittableRandom[fields.size()];
    for (int i = 0; i < specs.length; i++) {
      Field f = fields.get(i);
      SplittableRandom random = new SplittableRandom(
          o.seed * SEED_MIX + f.name().toLowerCase(Locale.ROOT).hashCode());
      nulls[i] = random.split();
      specs[i] = FieldSpec.create(f, o.fieldOptions.get(f), o.rowsPerSecond, random);
    }
    return new RowGenerator(o, specs, nulls);
  }

  /**
   * Target rate in rows per second; 0 means as fast as possible.
   *
   * @return the rate
   */
  public double rowsPerSecond() {
    return rowsPerSecond;
  }

  /**
   * Whether more rows follow: false once {@code number_of_rows} rows were produced or a bounded
   * sequence reached its end.
   *
   * @return true while rows remain
   */
  public boolean hasNext() {
    return !exhausted && (numberOfRows < 0 || produced < numberOfRows);
  }

  /**
   * Number of rows produced so far.
   *
   * @return the count
   */
  public long rowCount() {
    return produced;
  }

  /**
   * Skips rows, generating and dropping them, so that a restarted source continues with the row
   * after the last one it delivered (the values depend on every row before).
   *
   * @param rows how many rows to skip
   * @param schema the source's schema
   */
  public void skip(long rows, org.laminardb.core.type.Schema schema) {
    if (rows <= 0) {
      return;
    }
    org.laminardb.core.chunk.Chunk scratch = new org.laminardb.core.chunk.Chunk(schema, 1);
    for (long i = 0; i < rows && hasNext(); i++) {
      scratch.reset();
      writeRow(scratch.columns, 0);
    }
  }

  /**
   * Writes the next row through a writer (beginRow, values, endRow).
   *
   * @param writer the source's writer
   */
  public void generate(ChunkWriter writer) {
    int row = writer.beginRow();
    writeRow(writer.chunk().columns, row);
    writer.endRow();
  }

  /**
   * Writes the next row's values into a row of columns laid out like the source's schema.
   *
   * @param columns one column per schema field
   * @param row the row index to fill
   */
  public void writeRow(Column[] columns, int row) {
    for (int i = 0; i < generators.length; i++) {
      FieldGenerator g = generators[i];
      g.write(columns[i], row);
      if (nullRates[i] > 0 && nullRandoms[i].nextDouble() < nullRates[i]) {
        columns[i].setNull(row);
      }
      if (g.exhausted()) {
        exhausted = true;
      }
    }
    produced++;
  }
}
