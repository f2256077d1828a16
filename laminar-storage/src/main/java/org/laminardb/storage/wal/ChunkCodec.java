package org.laminardb.storage.wal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.Schema;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Encodes the rows of a {@link Chunk} into bytes (the WAL payload of one pushed batch) and decodes
 * them back into a chunk of the same schema. Little-endian layout:
 *
 * <pre>
 *   int   rows                     number of rows n
 *   int   columns                  number of columns c (must match the schema)
 *   byte  flags                    bit 0: {@link Chunk#batchEnd}
 *   long  watermark                {@link Chunk#watermark} (Long.MIN_VALUE: none)
 *   byte  kind[c]                  physical kind of each column: 0 LONG, 1 DOUBLE, 2 STRING
 *   byte  rowKind[n]               RowKind of each row
 *   per column:
 *     byte  hasNulls               0 or 1
 *     long  nullWords[(n+63)/64]   only if hasNulls: the null bitmap, bit (r &amp; 63) of word r/64
 *     LONG:   long  value[n]       (0 in NULL slots)
 *     DOUBLE: long  bits[n]        Double.doubleToRawLongBits (0 in NULL slots)
 *     STRING: per row: int byteLength (-1 for NULL), then that many UTF-8 bytes
 *   only if flags bit 1 ({@link Chunk#position} set):
 *     int   positionLength
 *     byte  position[positionLength]
 * </pre>
 *
 * <p>Reuses one growing output buffer, so encoding allocates nothing in steady state (strings are
 * encoded to UTF-8 by hand). Decoding allocates only the decoded {@link String}s. Not thread-safe.
 */
public final class ChunkCodec {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /** Bytes before the per-column kinds: rows, columns, flags, watermark. */
  private static final int HEADER_BYTES = 4 + 4 + 1 + 8;
  private static final byte FLAG_BATCH_END = 1;
  private static final byte FLAG_POSITION = 2;

  private final Schema schema;
  private final PhysicalKind[] kinds;
  private byte[] buf = new byte[4096];
  private int pos;

  /**
   * Creates a codec for chunks of one schema.
   *
   * @param schema the row layout of every chunk encoded or decoded
   */
  public ChunkCodec(Schema schema) {
    this.schema = schema;
    this.kinds = new PhysicalKind[schema.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = schema.field(i).type().physical();
    }
  }

  /**
   * The schema this codec reads and writes.
   *
   * @return the schema
   */
  public Schema schema() {
    return schema;
  }

  /**
   * Encodes all rows of a chunk into {@link #buffer()}.
   *
   * @param chunk a chunk of this codec's schema
   * @return the number of bytes written at the start of {@link #buffer()}
   */
  public int encode(Chunk chunk) {
    int n = chunk.size;
    int c = kinds.length;
    pos = 0;
    ensure(HEADER_BYTES + c + n);
    putInt(n);
    putInt(c);
    buf[pos++] = (byte) ((chunk.batchEnd ? FLAG_BATCH_END : 0)
        | (chunk.position != null ? FLAG_POSITION : 0));
    putLong(chunk.watermark);
    for (PhysicalKind k : kinds) {
      buf[pos++] = (byte) k.ordinal();
    }
    System.arraycopy(chunk.kinds, 0, buf, pos, n);
    pos += n;
    int words = (n + 63) >>> 6;
    for (int i = 0; i < c; i++) {
      Column col = chunk.columns[i];
      boolean nulls = col.hasNulls;
      ensure(1 + (nulls ? words * 8 : 0) + n * 8);
      buf[pos++] = (byte) (nulls ? 1 : 0);
      if (nulls) {
        for (int w = 0; w < words; w++) {
          long bits = col.nulls[w];
          if (w == words - 1 && (n & 63) != 0) {
            bits &= (1L << n) - 1; // bits past the last row are not part of the chunk
          }
          putLong(bits);
        }
      }
      switch (kinds[i]) {
        case LONG:
          for (int r = 0; r < n; r++) {
            putLong(col.isNull(r) ? 0L : col.longs[r]);
          }
          break;
        case DOUBLE:
          for (int r = 0; r < n; r++) {
            putLong(col.isNull(r) ? 0L : Double.doubleToRawLongBits(col.doubles[r]));
          }
          break;
        default:
          for (int r = 0; r < n; r++) {
            putString(col.isNull(r) ? null : col.strings[r]);
          }
          break;
      }
    }
    if (chunk.position != null) {
      ensure(4 + chunk.position.length);
      putInt(chunk.position.length);
      System.arraycopy(chunk.position, 0, buf, pos, chunk.position.length);
      pos += chunk.position.length;
    }
    return pos;
  }

  /**
   * The output buffer of the last {@link #encode}; reused (and possibly replaced) by the next.
   *
   * @return the buffer, valid in {@code [0, encode(...))}
   */
  public byte[] buffer() {
    return buf;
  }

  /**
   * Decodes bytes written by {@link #encode} into a chunk, which is reset first.
   *
   * @param src source bytes
   * @param offset start in {@code src}
   * @param length number of bytes
   * @param into destination chunk of this codec's schema, with capacity for the rows
   * @throws LaminarDBException XX001 if the bytes do not describe rows of this schema or are cut
   *     short, 22023 if the rows do not fit the chunk's capacity
   */
  public void decode(byte[] src, int offset, int length, Chunk into) {
    into.reset();
    int end = offset + length;
    int p = offset;
    try {
      checkBounds(p + HEADER_BYTES, end);
      int n = (int) INTS.get(src, p);
      int c = (int) INTS.get(src, p + 4);
      byte flags = src[p + 8];
      long watermark = (long) LONGS.get(src, p + 9);
      p += HEADER_BYTES;
      if (n < 0 || c != kinds.length || (flags & ~(FLAG_BATCH_END | FLAG_POSITION)) != 0) {
        throw bad("header says " + n + " rows of " + c + " columns with flags " + flags
            + "; the schema has " + kinds.length + " columns");
      }
      if (n > into.capacity()) {
        throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE, "encoded chunk has " + n
            + " rows, the destination holds " + into.capacity());
      }
      for (int i = 0; i < c; i++) {
        if (src[p++] != kinds[i].ordinal()) {
          throw bad("column " + i + " is not of physical kind " + kinds[i]);
        }
      }
      checkBounds(p + n, end);
      System.arraycopy(src, p, into.kinds, 0, n);
      p += n;
      int words = (n + 63) >>> 6;
      for (int i = 0; i < c; i++) {
        Column col = into.columns[i];
        checkBounds(p + 1, end);
        boolean nulls = src[p++] != 0;
        if (nulls) {
          checkBounds(p + words * 8, end);
          for (int w = 0; w < words; w++) {
            col.nulls[w] = (long) LONGS.get(src, p);
            p += 8;
          }
          col.hasNulls = true;
        }
        p = decodeValues(src, p, end, n, i, col);
      }
      if ((flags & FLAG_POSITION) != 0) {
        checkBounds(p + 4, end);
        int positionLength = (int) INTS.get(src, p);
        p += 4;
        if (positionLength < 0) {
          throw bad("negative position length " + positionLength);
        }
        checkBounds(p + positionLength, end);
        into.position = Arrays.copyOfRange(src, p, p + positionLength);
        p += positionLength;
      }
      if (p != end) {
        throw bad((end - p) + " bytes left over after the last column");
      }
      into.size = n;
      into.batchEnd = (flags & FLAG_BATCH_END) != 0;
      into.watermark = watermark;
    } catch (IndexOutOfBoundsException e) {
      throw bad("the encoding is cut short");
    }
  }

  /**
   * The number of rows of an encoded chunk, to size the chunk it is decoded into.
   *
   * @param src source bytes
   * @param offset start of the encoding in {@code src}
   * @param length number of bytes
   * @return the row count in the header
   * @throws LaminarDBException XX001 if the header is cut short or negative
   */
  public static int rowCount(byte[] src, int offset, int length) {
    if (length < HEADER_BYTES || offset < 0 || offset + length > src.length) {
      throw bad("the encoding is cut short");
    }
    int n = (int) INTS.get(src, offset);
    if (n < 0) {
      throw bad("header says " + n + " rows");
    }
    return n;
  }

  private int decodeValues(byte[] src, int p, int end, int n, int i, Column col) {
    switch (kinds[i]) {
      case LONG:
        checkBounds(p + n * 8, end);
        for (int r = 0; r < n; r++, p += 8) {
          col.longs[r] = (long) LONGS.get(src, p);
        }
        return p;
      case DOUBLE:
        checkBounds(p + n * 8, end);
        for (int r = 0; r < n; r++, p += 8) {
          col.doubles[r] = Double.longBitsToDouble((long) LONGS.get(src, p));
        }
        return p;
      default:
        for (int r = 0; r < n; r++) {
          checkBounds(p + 4, end);
          int len = (int) INTS.get(src, p);
          p += 4;
          if (len < 0) {
            col.strings[r] = null;
          } else {
            checkBounds(p + len, end);
            col.strings[r] = new String(src, p, len, StandardCharsets.UTF_8);
            p += len;
          }
        }
        return p;
    }
  }

  private static void checkBounds(int needEnd, int end) {
    if (needEnd > end || needEnd < 0) {
      throw bad("the encoding is cut short");
    }
  }

  private static LaminarDBException bad(String what) {
    return new LaminarDBException(ErrorCode.DATA_CORRUPTED, "invalid encoded chunk: " + what);
  }

  private void putInt(int v) {
    INTS.set(buf, pos, v);
    pos += 4;
  }

  private void putLong(long v) {
    LONGS.set(buf, pos, v);
    pos += 8;
  }

  private void putString(String s) {
    if (s == null) {
      ensure(4);
      putInt(-1);
      return;
    }
    int len = s.length();
    ensure(4 + len * 3);
    int lenPos = pos;
    pos += 4;
    for (int i = 0; i < len; i++) {
      char ch = s.charAt(i);
      if (ch < 0x80) {
        buf[pos++] = (byte) ch;
      } else if (ch < 0x800) {
        buf[pos++] = (byte) (0xC0 | (ch >> 6));
        buf[pos++] = (byte) (0x80 | (ch & 0x3F));
      } else if (Character.isHighSurrogate(ch) && i + 1 < len
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(ch, s.charAt(++i));
        buf[pos++] = (byte) (0xF0 | (cp >> 18));
        buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[pos++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(ch)) {
        buf[pos++] = (byte) '?'; // unpaired surrogate, as String.getBytes(UTF_8) writes it
      } else {
        buf[pos++] = (byte) (0xE0 | (ch >> 12));
        buf[pos++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
        buf[pos++] = (byte) (0x80 | (ch & 0x3F));
      }
    }
    INTS.set(buf, lenPos, pos - lenPos - 4);
  }

  private void ensure(int more) {
    if ((long) pos + more > buf.length) {
      buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 8,
          Math.max((long) buf.length * 2, (long) pos + more)));
    }
  }
}
