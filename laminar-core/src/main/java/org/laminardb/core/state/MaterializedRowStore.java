package org.laminardb.core.state;

import java.util.Arrays;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.type.Schema;

/**
 * Contents of a materialized view: a multiset of rows kept up to date from a changelog.
 *
 * <p>All columns form the key ({@link KeyEncoder} into a {@link LongKeyTable}); each distinct row
 * has a count. {@code +I} and {@code +U} rows add one occurrence, {@code -U} and {@code -D} rows
 * remove one; removing a row that is not present is ignored and counted in {@link
 * #ignoredRetractions()}. Values come back exactly from {@link #scan}, except that -0.0 comes back
 * as 0.0 (equal in SQL) and NaN payloads are canonical.
 *
 * <p>Garbage free in steady state: memory grows only with the number of distinct rows. Not
 * thread-safe; owned by one reactor thread.
 */
public final class MaterializedRowStore implements ChunkConsumer {
  private final Schema schema;
  private final KeyEncoder encoder;
  private final LongKeyTable table;
  private final long[] scratch;
  private long[] counts = new long[16];
  private long rowCount;
  private long ignored;

  /**
   * Creates an empty store.
   *
   * @param schema the rows' schema, at least one column
   */
  public MaterializedRowStore(Schema schema) {
    if (schema.size() == 0) {
      throw new IllegalArgumentException("row store schema must have columns: size=0");
    }
    this.schema = schema;
    int[] all = new int[schema.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    this.encoder = new KeyEncoder(schema, all);
    this.table = new LongKeyTable(encoder.width());
    this.scratch = new long[encoder.width()];
  }

  /**
   * Schema of the rows.
   *
   * @return the schema
   */
  public Schema schema() {
    return schema;
  }

  @Override
  public void onChunk(Chunk chunk) {
    for (int r = 0; r < chunk.size; r++) {
      if (RowKind.isRetraction(chunk.kinds[r])) {
        remove(chunk, r);
      } else {
        add(chunk, r);
      }
    }
  }

  /**
   * Number of rows, counting duplicates.
   *
   * @return the row count
   */
  public long rowCount() {
    return rowCount;
  }

  /**
   * Number of distinct rows.
   *
   * @return the distinct row count
   */
  public int distinctRowCount() {
    return table.size();
  }

  /**
   * Retractions of rows that were not present, which were ignored.
   *
   * @return the count
   */
  public long ignoredRetractions() {
    return ignored;
  }

  /**
   * Emits every current row as {@link RowKind#INSERT}, each repeated by its count, in chunks
   * filled to the scratch chunk's capacity. The scratch chunk is reset before each fill and must
   * have this store's physical layout. Nothing is emitted when the store is empty.
   *
   * @param scratch chunk to fill and hand out
   * @param out receiver of the filled chunk
   */
  public void scan(Chunk scratch, ChunkConsumer out) {
    if (scratch.columns.length != schema.size()) {
      throw new IllegalArgumentException(
          "scan chunk must have " + schema.size() + " columns: columns=" + scratch.columns.length);
    }
    scratch.reset();
    for (int id = table.nextLive(0); id >= 0; id = table.nextLive(id + 1)) {
      for (long n = counts[id]; n > 0; n--) {
        if (scratch.isFull()) {
          out.onChunk(scratch);
          scratch.reset();
        }
        int r = scratch.size++;
        encoder.decode(table, id, scratch, r, 0);
        scratch.kinds[r] = RowKind.INSERT;
      }
    }
    if (scratch.size > 0) {
      out.onChunk(scratch);
      scratch.reset();
    }
  }

  /** Removes every row. */
  public void clear() {
    for (int id = table.nextLive(0); id >= 0; id = table.nextLive(id + 1)) {
      encoder.release(table, id);
    }
    table.clear();
    rowCount = 0;
  }

  /**
   * Estimate of the heap bytes held by the store's arrays.
   *
   * @return bytes
   */
  public long memoryBytes() {
    return table.memoryBytes() + 8L * counts.length;
  }

  private void add(Chunk chunk, int row) {
    encoder.encode(chunk, row, scratch, 0);
    int id = table.getOrAdd(scratch, 0);
    if (table.lastAdded()) {
      if (id >= counts.length) {
        counts = Arrays.copyOf(counts, Math.max(counts.length * 2, id + 1));
      }
      counts[id] = 0;
      encoder.retain(table, id);
    }
    counts[id]++;
    rowCount++;
  }

  private void remove(Chunk chunk, int row) {
    int id = encoder.encodeExisting(chunk, row, scratch, 0) ? table.get(scratch, 0) : -1;
    if (id < 0) {
      ignored++;
      return;
    }
    rowCount--;
    if (--counts[id] == 0) {
      encoder.release(table, id);
      table.remove(id);
    }
  }
}
