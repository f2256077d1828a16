package org.laminardb.storage.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.LaminarDBException;
import org.junit.jupiter.api.Test;

class ChunkCodecTest {
  private static final Schema SCHEMA = new Schema(List.of(
      new Field("id", DataType.of(TypeKind.BIGINT)),
      new Field("price", DataType.of(TypeKind.DOUBLE)),
      new Field("name", DataType.of(TypeKind.VARCHAR)),
      new Field("ts", DataType.of(TypeKind.TIMESTAMP))));

  private static final String[] NAMES = {"", "abc", "é", "日本語", "emoji 😀", "x\u0000y"};

  private static Chunk sample(int rows) {
    Chunk c = new Chunk(SCHEMA, 1024);
    for (int r = 0; r < rows; r++) {
      c.columns[0].longs[r] = r * 1_000_000_007L - 5;
      if (r % 3 == 0) {
        c.columns[1].setNull(r);
      } else {
        c.columns[1].doubles[r] = r == 1 ? Double.NaN : r * -1.5;
      }
      if (r % 5 == 1) {
        c.columns[2].setNull(r);
      } else {
        c.columns[2].strings[r] = NAMES[r % NAMES.length] + r;
      }
      if (r == 70) {
        c.columns[3].setNull(r);
      } else {
        c.columns[3].longs[r] = Long.MIN_VALUE + r;
      }
      c.kinds[r] = (byte) (r % 4);
    }
    c.size = rows;
    return c;
  }

  @Test
  void shouldCarryConnectorPositionAndReadRecordsWithout() {
    Chunk src = sample(3);
    src.position = new byte[] {1, 2, 3, -4};
    ChunkCodec codec = new ChunkCodec(SCHEMA);
    byte[] bytes = Arrays.copyOf(codec.buffer(), codec.encode(src));
    Chunk dst = new Chunk(SCHEMA, 16);
    codec.decode(bytes, 0, bytes.length, dst);
    assertThat(dst.size).isEqualTo(3);
    assertThat(dst.position).containsExactly(1, 2, 3, -4);
    src.position = null;
    bytes = Arrays.copyOf(codec.buffer(), codec.encode(src));
    codec.decode(bytes, 0, bytes.length, dst);
    assertThat(dst.position).isNull();
  }

  @Test
  void roundTripWithNullsStringsAndAllKinds() {
    for (int rows : new int[] {0, 1, 63, 64, 65, 130, 1024}) {
      Chunk src = sample(rows);
      src.batchEnd = rows % 2 == 1;
      src.watermark = rows == 64 ? 1_700_000_000_000_000L : Long.MIN_VALUE;
      ChunkCodec codec = new ChunkCodec(SCHEMA);
      int len = codec.encode(src);
      byte[] bytes = Arrays.copyOf(codec.buffer(), len);
      Chunk dst = new Chunk(SCHEMA, 1024);
      dst.columns[2].strings[0] = "stale";
      dst.size = 1;
      new ChunkCodec(SCHEMA).decode(bytes, 0, len, dst);
      assertThat(dst.size).isEqualTo(rows);
      assertThat(ChunkCodec.rowCount(bytes, 0, len)).isEqualTo(rows);
      assertThat(dst.batchEnd).isEqualTo(src.batchEnd);
      assertThat(dst.watermark).isEqualTo(src.watermark);
      for (int r = 0; r < rows; r++) {
        assertThat(dst.kinds[r]).isEqualTo(src.kinds[r]);
        assertThat(dst.columns[0].longs[r]).isEqualTo(src.columns[0].longs[r]);
        assertThat(dst.columns[1].isNull(r)).isEqualTo(src.columns[1].isNull(r));
        if (!src.columns[1].isNull(r)) {
          assertThat(Double.doubleToRawLongBits(dst.columns[1].doubles[r]))
              .isEqualTo(Double.doubleToRawLongBits(src.columns[1].doubles[r]));
        }
        assertThat(dst.columns[2].isNull(r)).isEqualTo(src.columns[2].isNull(r));
        assertThat(dst.columns[2].strings[r]).isEqualTo(src.columns[2].strings[r]);
        assertThat(dst.columns[3].isNull(r)).isEqualTo(src.columns[3].isNull(r));
        if (!src.columns[3].isNull(r)) {
          assertThat(dst.columns[3].longs[r]).isEqualTo(src.columns[3].longs[r]);
        }
      }
    }
    assertThat(RowKind.DELETE).isEqualTo((byte) 3);
  }

  @Test
  void encoderReusesItsBuffer() {
    ChunkCodec codec = new ChunkCodec(SCHEMA);
    Chunk src = sample(1024);
    codec.encode(src);
    byte[] buf = codec.buffer();
    codec.encode(src);
    assertThat(codec.buffer()).isSameAs(buf);
  }

  @Test
  void truncatedOrMismatchedInputIsRejected() {
    ChunkCodec codec = new ChunkCodec(SCHEMA);
    int len = codec.encode(sample(100));
    byte[] bytes = Arrays.copyOf(codec.buffer(), len);
    Chunk dst = new Chunk(SCHEMA, 1024);
    for (int cut = 0; cut < len; cut += 13) {
      int c = cut;
      assertThatThrownBy(() -> codec.decode(bytes, 0, c, dst))
          .isInstanceOf(LaminarDBException.class)
          .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("XX001"));
    }
    Schema other = new Schema(List.of(new Field("id", DataType.of(TypeKind.BIGINT))));
    assertThatThrownBy(() -> new ChunkCodec(other).decode(bytes, 0, len, new Chunk(other, 1024)))
        .isInstanceOf(LaminarDBException.class).hasMessageContaining("columns");
    assertThatThrownBy(() -> codec.decode(bytes, 0, len, new Chunk(SCHEMA, 10)))
        .isInstanceOf(LaminarDBException.class).hasMessageContaining("destination");
  }
}
