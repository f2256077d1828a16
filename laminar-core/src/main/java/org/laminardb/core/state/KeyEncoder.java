package org.laminardb.core.state;

import java.util.Objects;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.Schema;

/**
 * Encoder of the key columns of a row into fixed-width long words for a {@link LongKeyTable}, and
 * decoder of stored keys back into chunk columns.
 *
 * <p>Layout: one word per key column, then, when any key column is nullable, null-mask words (bit
 * {@code i} of word {@code i / 64} set when key column {@code i} is NULL; the value word of a NULL
 * is 0). So all NULLs of a column fall into one group, as GROUP BY requires. Value words: LONG
 * kinds store the value itself; DOUBLE kinds store {@link #doubleBits(double)} (-0.0 folded into
 * 0.0 and every NaN made canonical, so that SQL-equal values get one key); STRING kinds store the
 * id of the string in the encoder's own {@link StringDictionary}.
 *
 * <p>Decoding gives back the original values exactly, except that -0.0 comes back as 0.0 and NaN
 * payloads are canonical. Dictionary entries are reference counted: call {@link #retain} after a
 * key is added to a table and {@link #release} before it is removed, so strings of removed keys
 * are dropped.
 *
 * <p>Garbage free in steady state. Not thread-safe.
 */
public final class KeyEncoder {
  private static final byte LONG = 0;
  private static final byte DOUBLE = 1;
  private static final byte STRING = 2;

  private final int[] columns;
  private final byte[] kinds;
  private final boolean nullable;
  private final int width;
  private final StringDictionary dictionary;

  /**
   * Creates an encoder.
   *
   * @param schema schema of the rows to encode
   * @param keyColumns indexes of the key columns in {@code schema}, in key order; may be empty
   */
  public KeyEncoder(Schema schema, int[] keyColumns) {
    this(schema, keyColumns, false, null);
  }

  /**
   * Creates an encoder that agrees with other encoders built the same way over other schemas:
   * the null-mask words are always present and strings are interned into the given dictionary, so
   * that equal keys of two inputs (the two sides of a join, whose key columns have the same
   * physical kinds) encode to equal words.
   *
   * @param schema schema of the rows to encode
   * @param keyColumns indexes of the key columns in {@code schema}, in key order
   * @param dictionary the dictionary shared by the agreeing encoders
   */
  public KeyEncoder(Schema schema, int[] keyColumns, StringDictionary dictionary) {
    this(schema, keyColumns, true, Objects.requireNonNull(dictionary, "dictionary"));
  }

  /**
   * Creates an encoder of keys that are never NULL (the caller checks before encoding), without
   * null-mask words, interning strings into a shared dictionary: a one-column key is one word,
   * which {@link LongKeyTable} keeps beside its slot. Encoders built this way over other schemas
   * with key columns of the same physical kinds agree.
   *
   * @param schema schema of the rows to encode
   * @param keyColumns indexes of the key columns in {@code schema}, in key order
   * @param dictionary the dictionary shared by the agreeing encoders
   * @return the encoder
   */
  public static KeyEncoder notNull(Schema schema, int[] keyColumns, StringDictionary dictionary) {
    return new KeyEncoder(schema, keyColumns, false, Objects.requireNonNull(dictionary,
        "dictionary"), true);
  }

  private KeyEncoder(Schema schema, int[] keyColumns, boolean nullMask,
      StringDictionary sharedDictionary) {
    this(schema, keyColumns, nullMask, sharedDictionary, false);
  }

  private KeyEncoder(Schema schema, int[] keyColumns, boolean nullMask,
      StringDictionary sharedDictionary, boolean neverNull) {
    Objects.requireNonNull(schema, "schema");
    this.columns = keyColumns.clone();
    this.kinds = new byte[columns.length];
    boolean anyNullable = false;
    boolean anyString = false;
    for (int i = 0; i < columns.length; i++) {
      int c = columns[i];
      if (c < 0 || c >= schema.size()) {
        throw new IllegalArgumentException(
            "key column out of range 0.." + (schema.size() - 1) + ": keyColumns[" + i + "]=" + c);
      }
      PhysicalKind p = schema.field(c).type().physical();
      kinds[i] = p == PhysicalKind.LONG ? LONG : p == PhysicalKind.DOUBLE ? DOUBLE : STRING;
      anyNullable |= schema.field(c).type().nullable();
      anyString |= p == PhysicalKind.STRING;
    }
    this.nullable = !neverNull && (anyNullable || nullMask);
    this.width = columns.length + (nullable ? (columns.length + 63) >>> 6 : 0);
    this.dictionary = sharedDictionary != null ? sharedDictionary
        : anyString ? new StringDictionary() : null;
  }

  /**
   * Canonical long bits of a double key: -0.0 as 0.0, every NaN as the canonical NaN.
   *
   * @param d a double
   * @return bits equal for SQL-equal doubles
   */
  public static long doubleBits(double d) {
    return d == 0.0 ? 0L : Double.doubleToLongBits(d);
  }

  /**
   * Longs per encoded key.
   *
   * @return the width (0 when there are no key columns)
   */
  public int width() {
    return width;
  }

  /**
   * Number of key columns.
   *
   * @return the count
   */
  public int columnCount() {
    return columns.length;
  }

  /**
   * Number of distinct strings interned for keys (0 without string key columns).
   *
   * @return the count
   */
  public int dictionarySize() {
    return dictionary == null ? 0 : dictionary.size();
  }

  /**
   * Encodes the key of a row, interning new strings.
   *
   * @param chunk the rows
   * @param row row index
   * @param out destination
   * @param offset index in {@code out} of the first word
   * @throws IllegalStateException if a key column declared NOT NULL holds a NULL
   */
  public void encode(Chunk chunk, int row, long[] out, int offset) {
    encodeInto(chunk, row, out, offset, true);
  }

  /**
   * Encodes the key of a row for a lookup, without interning: fails when a string of the key was
   * never seen, in which case no table can hold the key.
   *
   * @param chunk the rows
   * @param row row index
   * @param out destination
   * @param offset index in {@code out} of the first word
   * @return false if a string of the key is unknown (the words are then unspecified)
   * @throws IllegalStateException if a key column declared NOT NULL holds a NULL
   */
  public boolean encodeExisting(Chunk chunk, int row, long[] out, int offset) {
    return encodeInto(chunk, row, out, offset, false);
  }

  /**
   * Takes references to the strings of a key just added to a table.
   *
   * @param table the table
   * @param id the key's id
   */
  public void retain(LongKeyTable table, int id) {
    if (dictionary == null) {
      return;
    }
    for (int i = 0; i < columns.length; i++) {
      if (kinds[i] == STRING && !isNull(table, id, i)) {
        dictionary.retain((int) table.key(id, i));
      }
    }
  }

  /**
   * Drops the references to the strings of a key about to be removed from a table.
   *
   * @param table the table
   * @param id the key's id, still live
   */
  public void release(LongKeyTable table, int id) {
    if (dictionary == null) {
      return;
    }
    for (int i = 0; i < columns.length; i++) {
      if (kinds[i] == STRING && !isNull(table, id, i)) {
        dictionary.release((int) table.key(id, i));
      }
    }
  }

  /**
   * Writes a stored key into consecutive columns of a chunk, whose types must have the physical
   * kinds of the key columns.
   *
   * @param table the table holding the key
   * @param id the key's id
   * @param out destination chunk
   * @param row destination row
   * @param firstOutColumn column of {@code out} receiving key column 0
   */
  public void decode(LongKeyTable table, int id, Chunk out, int row, int firstOutColumn) {
    for (int i = 0; i < columns.length; i++) {
      Column c = out.columns[firstOutColumn + i];
      if (isNull(table, id, i)) {
        c.setNull(row);
        continue;
      }
      long w = table.key(id, i);
      switch (kinds[i]) {
        case LONG:
          c.longs[row] = w;
          break;
        case DOUBLE:
          c.doubles[row] = Double.longBitsToDouble(w);
          break;
        default:
          c.strings[row] = dictionary.value((int) w);
          break;
      }
    }
  }

  /**
   * Whether an encoded key has a NULL in some key column.
   *
   * @param key encoded words
   * @param offset index of the first word
   * @return true if any key column is NULL
   */
  public boolean anyNull(long[] key, int offset) {
    if (!nullable) {
      return false;
    }
    for (int m = columns.length; m < width; m++) {
      if (key[offset + m] != 0L) {
        return true;
      }
    }
    return false;
  }

  private boolean isNull(LongKeyTable table, int id, int i) {
    return nullable && (table.key(id, columns.length + (i >>> 6)) & (1L << i)) != 0;
  }

  private boolean encodeInto(Chunk chunk, int row, long[] out, int offset, boolean intern) {
    int n = columns.length;
    if (nullable) {
      for (int m = n; m < width; m++) {
        out[offset + m] = 0L;
      }
    }
    for (int i = 0; i < n; i++) {
      Column c = chunk.columns[columns[i]];
      long w;
      if (c.isNull(row)) {
        if (!nullable) {
          throw new IllegalStateException(
              "NULL in key column declared NOT NULL: column=" + columns[i] + ", row=" + row);
        }
        out[offset + n + (i >>> 6)] |= 1L << i;
        w = 0L;
      } else if (kinds[i] == LONG) {
        w = c.longs[row];
      } else if (kinds[i] == DOUBLE) {
        w = doubleBits(c.doubles[row]);
      } else {
        String s = c.strings[row];
        int id = intern ? dictionary.id(s) : dictionary.find(s);
        if (id < 0) {
          return false;
        }
        w = id;
      }
      out[offset + i] = w;
    }
    return true;
  }
}
