package org.laminardb.core.operator;

import java.util.Objects;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.state.KeyedRowStore;
import org.laminardb.core.type.Schema;

/**
 * Upsert normaliser of a source declared with {@code PRIMARY KEY (cols)}: turns the rows written
 * to it into a changelog in which every key holds at most one row, as upsert sources of Flink and
 * RisingWave do.
 *
 * <p>Input rows of kind {@link RowKind#INSERT} or {@link RowKind#UPDATE_AFTER} upsert their row:
 * an absent key is stored and emitted as {@code +I}; a present key whose stored row differs emits
 * {@code -U} (the stored row) immediately followed by {@code +U} (the new row), which replaces the
 * stored one; a present key whose stored row is identical (every column equal, NULLs equal each
 * other, doubles by bits after folding -0.0 into 0.0) emits nothing and keeps the stored row. Input
 * rows of kind {@link RowKind#DELETE} or {@link RowKind#UPDATE_BEFORE} delete their key (only the
 * key columns are read): a present key emits {@code -D} with the stored row and is forgotten; an
 * absent key emits nothing and is counted in {@link #ignoredDeletes()}. So a retraction always
 * carries exactly the row last emitted for its key.
 *
 * <p>The rows of an input chunk are applied one by one in order, so two upserts of one key in a
 * chunk give {@code +I} then {@code -U}/{@code +U}. Key columns must not be NULL (the engine
 * declares them NOT NULL): a chunk holding a NULL key column is rejected with {@link
 * IllegalArgumentException} before any of its rows is applied. Output rows go downstream in one
 * reused chunk, handed over when full and at the end of each input chunk that changed something;
 * a {@code -U}/{@code +U} pair is never split across two output chunks unless the capacity is 1.
 *
 * <p>Design notes. The state is a {@link KeyedRowStore}: keys are {@link
 * org.laminardb.core.state.KeyEncoder} words in a {@link org.laminardb.core.state.LongKeyTable},
 * whose dense ids index struct-of-arrays row storage (per column a growable primitive or string
 * array plus a null bitmap); the ids of deleted keys are reused. The stored row is both the
 * retraction image and the reference for suppressing no-op upserts, so no separate image is kept.
 * Rows emitted as {@code +I}/{@code +U} are copied from the input, rows emitted as {@code
 * -U}/{@code -D} from the store; both are exact (a -0.0 or a NaN payload survives).
 *
 * <p>Garbage free in steady state: updating, re-upserting or deleting existing keys allocates
 * nothing per row or key (strings are kept as references); memory grows only when the number of
 * keys ever live at once grows. Single-threaded: owned by one reactor thread.
 */
public final class UpsertOperator implements ChunkConsumer {
  private final KeyedRowStore store;
  private final ChunkConsumer downstream;
  private final Chunk out;
  private long ignoredDeletes;

  /**
   * Creates the operator with no keys.
   *
   * @param schema schema of the input rows and of the output changelog
   * @param keyColumns indexes of the primary key columns: at least one, distinct, in range
   * @param downstream receiver of the output changelog
   * @param chunkCapacity rows per output chunk, at least 1
   * @throws IllegalArgumentException if the key columns or the capacity are invalid
   */
  public UpsertOperator(
      Schema schema, int[] keyColumns, ChunkConsumer downstream, int chunkCapacity) {
    Objects.requireNonNull(schema, "schema");
    this.downstream = Objects.requireNonNull(downstream, "downstream");
    if (chunkCapacity <= 0) {
      throw new IllegalArgumentException(
          "chunkCapacity must be positive: chunkCapacity=" + chunkCapacity);
    }
    this.store = new KeyedRowStore(schema, keyColumns);
    this.out = new Chunk(schema, chunkCapacity);
  }

  @Override
  public void onWatermark(long watermark) {
    downstream.onWatermark(watermark);
  }

  @Override
  public void onChunk(Chunk chunk) {
    store.validate(chunk);
    for (int r = 0; r < chunk.size; r++) {
      if (RowKind.isRetraction(chunk.kinds[r])) {
        delete(chunk, r);
      } else {
        upsert(chunk, r);
      }
    }
    flush();
  }

  /**
   * Number of keys currently holding a row.
   *
   * @return the key count
   */
  public int size() {
    return store.size();
  }

  /**
   * Deletes of keys that were not present, which emitted nothing.
   *
   * @return the count
   */
  public long ignoredDeletes() {
    return ignoredDeletes;
  }

  /**
   * Emits every current row as {@link RowKind#INSERT}, for bootstrapping a new subscriber; see
   * {@link KeyedRowStore#scan}.
   *
   * @param scratch chunk with the input layout to fill and hand out; reset before each fill
   * @param out receiver of the filled chunks
   */
  public void scan(Chunk scratch, ChunkConsumer out) {
    store.scan(scratch, out);
  }

  /**
   * Estimate of the heap bytes held by the operator's state and output chunk arrays.
   *
   * @return bytes
   */
  public long memoryBytes() {
    return store.memoryBytes() + 9L * out.capacity() * out.columns.length;
  }

  private void upsert(Chunk in, int r) {
    int id = store.putIfAbsent(in, r);
    if (store.lastAdded()) {
      reserve(1);
      out.appendCopy(in, r, RowKind.INSERT);
      return;
    }
    if (store.sameRow(id, in, r)) {
      return;
    }
    reserve(2);
    int o = out.size++;
    out.kinds[o] = RowKind.UPDATE_BEFORE;
    store.write(id, out, o);
    reserve(1);
    out.appendCopy(in, r, RowKind.UPDATE_AFTER);
    store.store(id, in, r);
  }

  private void delete(Chunk in, int r) {
    int id = store.find(in, r);
    if (id < 0) {
      ignoredDeletes++;
      return;
    }
    reserve(1);
    int o = out.size++;
    out.kinds[o] = RowKind.DELETE;
    store.write(id, out, o);
    store.remove(id);
  }

  /** Flushes the output chunk first unless {@code rows} more rows fit (or it is empty). */
  private void reserve(int rows) {
    if (out.size > 0 && out.size + rows > out.capacity()) {
      flush();
    }
  }

  private void flush() {
    if (out.size > 0) {
      downstream.onChunk(out);
      out.reset();
    }
  }
}
