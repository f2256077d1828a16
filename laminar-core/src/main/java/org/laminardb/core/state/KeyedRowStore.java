package org.laminardb.core.state;

import java.util.Arrays;
import java.util.Objects;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.Schema;

/**
 * Table holding the last row per primary key, as kept by upsert sources and keyed state.
 *
 * <p>Keys are encoded by a {@link KeyEncoder} into a {@link LongKeyTable}, whose dense ids index
 * the rows. Rows are stored struct-of-arrays: per column one growable {@code long[]}, {@code
 * double[]} or {@code String[]} (by the column's {@link PhysicalKind}) plus a null bitmap, all
 * indexed by key id. Every column is stored, key columns included, so values come back exactly as
 * written (a DOUBLE key stored as -0.0 stays -0.0 even though it shares its key with 0.0). A
 * removed key's id is reused by the next new key and its string references are dropped.
 *
 * <p>Key columns must not hold NULL: {@link #validate(Chunk)} rejects such chunks up front.
 *
 * <p>Garbage free in steady state: looking up, comparing and overwriting the row of an existing
 * key allocates nothing (strings are kept as references); memory grows only when the number of
 * ids grows. Not thread-safe; owned by one reactor thread.
 */
public final class KeyedRowStore {
  private static final int INITIAL_CAPACITY = 16;

  private final Schema schema;
  private final int[] keyColumns;
  private final PhysicalKind[] kinds;
  private final KeyEncoder encoder;
  private final LongKeyTable table;
  private final long[] key;
  private final long[][] longs;
  private final double[][] doubles;
  private final String[][] strings;
  private final long[][] nulls;
  private int capacity;
  private boolean lastAdded;

  /**
   * Creates an empty store.
   *
   * @param schema the rows' schema
   * @param keyColumns indexes of the primary key columns: at least one, distinct, in range
   * @throws IllegalArgumentException if the key columns are empty, out of range or repeated
   */
  public KeyedRowStore(Schema schema, int[] keyColumns) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.keyColumns = checkKeyColumns(schema, Objects.requireNonNull(keyColumns, "keyColumns"));
    int n = schema.size();
    this.kinds = new PhysicalKind[n];
    this.longs = new long[n][];
    this.doubles = new double[n][];
    this.strings = new String[n][];
    this.nulls = new long[n][];
    for (int c = 0; c < n; c++) {
      kinds[c] = schema.field(c).type().physical();
    }
    this.encoder = new KeyEncoder(schema, this.keyColumns);
    this.table = new LongKeyTable(encoder.width());
    this.key = new long[encoder.width()];
    grow(INITIAL_CAPACITY);
  }

  private static int[] checkKeyColumns(Schema schema, int[] keyColumns) {
    if (keyColumns.length == 0) {
      throw new IllegalArgumentException("keyColumns must not be empty: keyColumns=[]");
    }
    for (int i = 0; i < keyColumns.length; i++) {
      int c = keyColumns[i];
      if (c < 0 || c >= schema.size()) {
        throw new IllegalArgumentException("key column out of range 0.." + (schema.size() - 1)
            + ": keyColumns[" + i + "]=" + c);
      }
      for (int j = 0; j < i; j++) {
        if (keyColumns[j] == c) {
          throw new IllegalArgumentException("key columns must be distinct: keyColumns[" + j
              + "]=keyColumns[" + i + "]=" + c);
        }
      }
    }
    return keyColumns.clone();
  }

  /**
   * Schema of the rows.
   *
   * @return the schema
   */
  public Schema schema() {
    return schema;
  }

  /**
   * Number of keys present.
   *
   * @return the size
   */
  public int size() {
    return table.size();
  }

  /**
   * Checks that a chunk has this store's physical layout and no NULL in a key column, so that
   * applying its rows cannot fail half way.
   *
   * @param chunk the rows about to be applied
   * @throws IllegalArgumentException on a layout mismatch or a NULL key column
   */
  public void validate(Chunk chunk) {
    if (chunk.columns.length != kinds.length) {
      throw new IllegalArgumentException("chunk must have " + kinds.length
          + " columns: columns=" + chunk.columns.length);
    }
    for (int c = 0; c < kinds.length; c++) {
      if (chunk.columns[c].type.physical() != kinds[c]) {
        throw new IllegalArgumentException("chunk column " + c + " must be stored as " + kinds[c]
            + ": column type=" + chunk.columns[c].type);
      }
    }
    for (int k : keyColumns) {
      Column col = chunk.columns[k];
      if (!col.hasNulls) {
        continue;
      }
      for (int r = 0; r < chunk.size; r++) {
        if (col.isNull(r)) {
          throw new IllegalArgumentException("NULL in primary key column "
              + schema.field(k).name() + ": column=" + k + ", row=" + r);
        }
      }
    }
  }

  /**
   * Id of the key of a row; when the key is absent, it is added together with the whole row (see
   * {@link #lastAdded()}), else the stored row is left untouched.
   *
   * @param chunk a validated chunk
   * @param row row index
   * @return the key's id
   */
  public int putIfAbsent(Chunk chunk, int row) {
    encoder.encode(chunk, row, key, 0);
    int id = table.getOrAdd(key, 0);
    lastAdded = table.lastAdded();
    if (lastAdded) {
      encoder.retain(table, id);
      if (id >= capacity) {
        grow(Math.max(capacity * 2, table.idLimit()));
      }
      store(id, chunk, row);
    }
    return id;
  }

  /**
   * Whether the last {@link #putIfAbsent} call added its key and row.
   *
   * @return true if the key was new
   */
  public boolean lastAdded() {
    return lastAdded;
  }

  /**
   * Id of the key of a row, without adding it.
   *
   * @param chunk a validated chunk
   * @param row row index
   * @return the key's id, or -1 if absent
   */
  public int find(Chunk chunk, int row) {
    return encoder.encodeExisting(chunk, row, key, 0) ? table.get(key, 0) : -1;
  }

  /**
   * Whether the stored row of a key equals a row in every column: NULLs equal each other, doubles
   * compare by bits after folding -0.0 into 0.0 (so NaN equals NaN), strings by {@code equals}.
   *
   * @param id a live id
   * @param chunk the rows
   * @param row row index
   * @return true if identical
   */
  public boolean sameRow(int id, Chunk chunk, int row) {
    for (int c = 0; c < kinds.length; c++) {
      Column col = chunk.columns[c];
      boolean isNull = col.isNull(row);
      if (isNull != storedNull(c, id)) {
        return false;
      }
      if (!isNull && !sameValue(c, id, col, row)) {
        return false;
      }
    }
    return true;
  }

  private boolean sameValue(int c, int id, Column col, int row) {
    switch (kinds[c]) {
      case LONG:
        return longs[c][id] == col.longs[row];
      case DOUBLE:
        return KeyEncoder.doubleBits(doubles[c][id]) == KeyEncoder.doubleBits(col.doubles[row]);
      default:
        return strings[c][id].equals(col.strings[row]);
    }
  }

  /**
   * Overwrites the stored row of a key with a row having the same key.
   *
   * @param id a live id
   * @param chunk the rows
   * @param row row index
   */
  public void store(int id, Chunk chunk, int row) {
    long bit = 1L << id;
    int word = id >>> 6;
    for (int c = 0; c < kinds.length; c++) {
      Column col = chunk.columns[c];
      if (col.isNull(row)) {
        nulls[c][word] |= bit;
        if (strings[c] != null) {
          strings[c][id] = null;
        }
        continue;
      }
      nulls[c][word] &= ~bit;
      switch (kinds[c]) {
        case LONG:
          longs[c][id] = col.longs[row];
          break;
        case DOUBLE:
          doubles[c][id] = col.doubles[row];
          break;
        default:
          strings[c][id] = col.strings[row];
          break;
      }
    }
  }

  /**
   * Writes the stored row of a key into a row of a chunk with this store's layout, whose null bits
   * must be clear (as after {@link Chunk#reset()}).
   *
   * @param id a live id
   * @param out destination chunk
   * @param row destination row
   */
  public void write(int id, Chunk out, int row) {
    for (int c = 0; c < kinds.length; c++) {
      Column col = out.columns[c];
      if (storedNull(c, id)) {
        col.setNull(row);
        continue;
      }
      switch (kinds[c]) {
        case LONG:
          col.longs[row] = longs[c][id];
          break;
        case DOUBLE:
          col.doubles[row] = doubles[c][id];
          break;
        default:
          col.strings[row] = strings[c][id];
          break;
      }
    }
  }

  /**
   * Removes a key and its row; the id will be handed to a later new key.
   *
   * @param id a live id
   */
  public void remove(int id) {
    for (int c = 0; c < kinds.length; c++) {
      if (strings[c] != null) {
        strings[c][id] = null;
      }
    }
    encoder.release(table, id);
    table.remove(id);
  }

  /**
   * Emits every stored row as {@link RowKind#INSERT}, in chunks filled to the scratch chunk's
   * capacity, in id order. The scratch chunk is reset before each fill and must have this store's
   * physical layout. Nothing is emitted when the store is empty.
   *
   * @param scratch chunk to fill and hand out
   * @param out receiver of the filled chunks
   */
  public void scan(Chunk scratch, ChunkConsumer out) {
    if (scratch.columns.length != kinds.length) {
      throw new IllegalArgumentException("scan chunk must have " + kinds.length
          + " columns: columns=" + scratch.columns.length);
    }
    scratch.reset();
    for (int id = table.nextLive(0); id >= 0; id = table.nextLive(id + 1)) {
      if (scratch.isFull()) {
        out.onChunk(scratch);
        scratch.reset();
      }
      int r = scratch.size++;
      write(id, scratch, r);
      scratch.kinds[r] = RowKind.INSERT;
    }
    if (scratch.size > 0) {
      out.onChunk(scratch);
      scratch.reset();
    }
  }

  /**
   * Estimate of the heap bytes held by the store's arrays (not the strings themselves).
   *
   * @return bytes
   */
  public long memoryBytes() {
    return table.memoryBytes() + (long) kinds.length * (8L * capacity + capacity / 8 + 64);
  }

  private boolean storedNull(int c, int id) {
    return (nulls[c][id >>> 6] & (1L << id)) != 0;
  }

  private void grow(int newCapacity) {
    for (int c = 0; c < kinds.length; c++) {
      switch (kinds[c]) {
        case LONG:
          longs[c] = longs[c] == null
              ? new long[newCapacity] : Arrays.copyOf(longs[c], newCapacity);
          break;
        case DOUBLE:
          doubles[c] = doubles[c] == null
              ? new double[newCapacity] : Arrays.copyOf(doubles[c], newCapacity);
          break;
        default:
          strings[c] = strings[c] == null
              ? new String[newCapacity] : Arrays.copyOf(strings[c], newCapacity);
          break;
      }
      int words = (newCapacity + 63) >>> 6;
      nulls[c] = nulls[c] == null ? new long[words] : Arrays.copyOf(nulls[c], words);
    }
    capacity = newCapacity;
  }
}
