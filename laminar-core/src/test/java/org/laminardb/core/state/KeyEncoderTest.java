package org.laminardb.core.state;

import org.laminardb.core.testing.TestRows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.core.testing.TestRows.chunk;
import static org.laminardb.core.testing.TestRows.row;
import static org.laminardb.core.testing.TestRows.schema;

import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;

class KeyEncoderTest {
  private static final DataType BIGINT = DataType.of(TypeKind.BIGINT);
  private static final DataType DOUBLE = DataType.of(TypeKind.DOUBLE);
  private static final DataType VARCHAR = DataType.of(TypeKind.VARCHAR);
  private static final byte I = RowKind.INSERT;

  @Test
  void shouldAddANullMaskWordOnlyWhenAKeyColumnIsNullable() {
    Schema s = schema(BIGINT.withNullable(false), VARCHAR.withNullable(false), DOUBLE);
    assertThat(new KeyEncoder(s, new int[] {0, 1}).width()).isEqualTo(2);
    assertThat(new KeyEncoder(s, new int[] {0, 2}).width()).isEqualTo(3);
    assertThat(new KeyEncoder(s, new int[0]).width()).isZero();
  }

  @Test
  void shouldEncodeNullsAsOneKeyDistinctFromZero() {
    Schema s = schema(BIGINT, VARCHAR);
    Chunk c = chunk(s, row(I, null, null), row(I, null, null), row(I, 0, null), row(I, null, "x"));
    KeyEncoder e = new KeyEncoder(s, new int[] {0, 1});
    LongKeyTable t = new LongKeyTable(e.width());
    long[] k = new long[e.width()];
    int[] ids = new int[4];
    for (int r = 0; r < 4; r++) {
      e.encode(c, r, k, 0);
      ids[r] = t.getOrAdd(k);
    }
    assertThat(ids[1]).isEqualTo(ids[0]);
    assertThat(ids[2]).isNotEqualTo(ids[0]);
    assertThat(ids[3]).isNotIn(ids[0], ids[2]);
    assertThat(t.size()).isEqualTo(3);
  }

  @Test
  void shouldTreatNegativeZeroAndEveryNanAsOneKey() {
    Schema s = schema(DOUBLE);
    double otherNan = Double.longBitsToDouble(0x7ff8000000000123L);
    Chunk c = chunk(s, row(I, 0.0), row(I, -0.0), row(I, Double.NaN), row(I, otherNan));
    KeyEncoder e = new KeyEncoder(s, new int[] {0});
    long[] a = new long[2];
    long[] b = new long[2];
    e.encode(c, 0, a, 0);
    e.encode(c, 1, b, 0);
    assertThat(b).containsExactly(a);
    e.encode(c, 2, a, 0);
    e.encode(c, 3, b, 0);
    assertThat(b).containsExactly(a);
  }

  @Test
  void shouldDecodeTheOriginalValues() {
    Schema s = schema(BIGINT, DOUBLE, VARCHAR, DataType.of(TypeKind.BOOLEAN));
    Chunk in = chunk(s,
        row(I, Long.MIN_VALUE, 0.1, "héllo", true),
        row(I, null, Double.MAX_VALUE, null, false),
        row(I, 42, null, "", null));
    KeyEncoder e = new KeyEncoder(s, new int[] {0, 1, 2, 3});
    LongKeyTable t = new LongKeyTable(e.width());
    long[] k = new long[e.width()];
    DataType bool = DataType.of(TypeKind.BOOLEAN);
    Chunk out = new Chunk(schema(VARCHAR, BIGINT, DOUBLE, VARCHAR, bool), 3);
    for (int r = 0; r < 3; r++) {
      e.encode(in, r, k, 0);
      int id = t.getOrAdd(k);
      e.retain(t, id);
      e.decode(t, id, out, r, 1);
      out.size++;
    }
    for (int r = 0; r < 3; r++) {
      assertThat(TestRows.toList(out, r).subList(2, 6))
          .isEqualTo(TestRows.toList(in, r).subList(1, 5));
    }
  }

  @Test
  void shouldFailLookupEncodingForAnUnknownString() {
    Schema s = schema(VARCHAR);
    Chunk c = chunk(s, row(I, "known"), row(I, "unknown"));
    KeyEncoder e = new KeyEncoder(s, new int[] {0});
    long[] k = new long[e.width()];
    e.encode(c, 0, k, 0);
    assertThat(e.encodeExisting(c, 0, k, 0)).isTrue();
    assertThat(e.encodeExisting(c, 1, k, 0)).isFalse();
    assertThat(e.dictionarySize()).isEqualTo(1);
  }

  @Test
  void shouldDropStringsOfReleasedKeys() {
    Schema s = schema(VARCHAR, VARCHAR);
    Chunk c = chunk(s, row(I, "a", "a"), row(I, "a", "b"));
    KeyEncoder e = new KeyEncoder(s, new int[] {0, 1});
    LongKeyTable t = new LongKeyTable(e.width());
    long[] k = new long[e.width()];
    int[] ids = new int[2];
    for (int r = 0; r < 2; r++) {
      e.encode(c, r, k, 0);
      ids[r] = t.getOrAdd(k);
      e.retain(t, ids[r]);
    }
    assertThat(e.dictionarySize()).isEqualTo(2);
    e.release(t, ids[1]);
    t.remove(ids[1]);
    assertThat(e.dictionarySize()).isEqualTo(1);
    e.release(t, ids[0]);
    t.remove(ids[0]);
    assertThat(e.dictionarySize()).isZero();
  }

  @Test
  void shouldRejectBadColumnsAndNullsInNotNullColumns() {
    Schema s = schema(BIGINT.withNullable(false));
    assertThatThrownBy(() -> new KeyEncoder(s, new int[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keyColumns[0]=1");
    KeyEncoder e = new KeyEncoder(s, new int[] {0});
    Chunk c = chunk(s, row(I, (Object) null));
    assertThatThrownBy(() -> e.encode(c, 0, new long[1], 0))
        .isInstanceOf(IllegalStateException.class);
  }
}
