package org.laminardb.core.state;

import org.laminardb.core.testing.TestRows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.core.testing.TestRows.chunk;
import static org.laminardb.core.testing.TestRows.expect;
import static org.laminardb.core.testing.TestRows.row;
import static org.laminardb.core.testing.TestRows.schema;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;

class MaterializedRowStoreTest {
  private static final Schema SCHEMA = schema(DataType.of(TypeKind.VARCHAR),
      DataType.of(TypeKind.DOUBLE), DataType.decimal(10, 2));
  private static final byte I = RowKind.INSERT;
  private static final byte UB = RowKind.UPDATE_BEFORE;
  private static final byte UA = RowKind.UPDATE_AFTER;
  private static final byte D = RowKind.DELETE;

  @Test
  void shouldKeepAMultisetOfRows() {
    MaterializedRowStore store = new MaterializedRowStore(SCHEMA);
    store.onChunk(
        chunk(SCHEMA, row(I, "a", 1.5, 100), row(I, "a", 1.5, 100), row(I, "b", null, 1)));
    assertThat(store.rowCount()).isEqualTo(3);
    assertThat(store.distinctRowCount()).isEqualTo(2);
    store.onChunk(
        chunk(SCHEMA, row(UB, "a", 1.5, 100), row(UA, "a", 2.5, 100), row(D, "b", null, 1)));
    assertThat(store.rowCount()).isEqualTo(2);
    assertThat(scanAll(store, 10)).containsExactlyInAnyOrder(
        expect("+I", "a", 1.5, 100), expect("+I", "a", 2.5, 100));
  }

  @Test
  void shouldIgnoreAndCountRemovalsOfAbsentRows() {
    MaterializedRowStore store = new MaterializedRowStore(SCHEMA);
    store.onChunk(chunk(SCHEMA, row(I, "a", 1.0, 1)));
    store.onChunk(chunk(SCHEMA, row(D, "zzz", 1.0, 1), row(D, "a", 1.0, 2), row(D, "a", 1.0, 1),
        row(D, "a", 1.0, 1)));
    assertThat(store.ignoredRetractions()).isEqualTo(3);
    assertThat(store.rowCount()).isZero();
    assertThat(scanAll(store, 4)).isEmpty();
  }

  @Test
  void shouldScanExactValuesRepeatedByCountInChunksOfTheScratchCapacity() {
    MaterializedRowStore store = new MaterializedRowStore(SCHEMA);
    Chunk in = new Chunk(SCHEMA, 8);
    Object[][] rows = {
      row(I, "x", 0.1, -12345), row(I, "x", 0.1, -12345), row(I, "x", 0.1, -12345),
      row(I, null, null, null), row(I, "", Double.MIN_VALUE, 0), row(I, "ünï", 1e300, 99999999)
    };
    for (Object[] r : rows) {
      TestRows.append(in, r);
    }
    store.onChunk(in);
    TestRows.Collector out = new TestRows.Collector();
    store.scan(new Chunk(SCHEMA, 4), out);
    assertThat(out.chunkSizes).containsExactly(4, 2);
    assertThat(out.rows).containsExactlyInAnyOrder(
        expect("+I", "x", 0.1, -12345), expect("+I", "x", 0.1, -12345),
        expect("+I", "x", 0.1, -12345), expect("+I", null, null, null),
        expect("+I", "", Double.MIN_VALUE, 0), expect("+I", "ünï", 1e300, 99999999));
  }

  @Test
  void shouldGrowToOneMillionDistinctRows() {
    Schema s =
        schema(DataType.of(TypeKind.BIGINT).withNullable(false), DataType.of(TypeKind.DOUBLE));
    MaterializedRowStore store = new MaterializedRowStore(s);
    Chunk c = new Chunk(s, 4096);
    int n = 1_000_000;
    for (byte kind : new byte[] {I, D, I}) {
      for (int start = 0; start < n; start += c.capacity()) {
        c.reset();
        for (int k = start; k < Math.min(n, start + c.capacity()); k++) {
          int r = c.size++;
          c.columns[0].longs[r] = k;
          c.columns[1].doubles[r] = k / 8.0;
          c.kinds[r] = kind;
        }
        store.onChunk(c);
      }
      assertThat(store.rowCount()).isEqualTo(kind == I ? n : 0);
    }
    long[] seen = new long[1];
    double[] sum = new double[1];
    store.scan(new Chunk(s, 1000), chunk -> {
      seen[0] += chunk.size;
      for (int r = 0; r < chunk.size; r++) {
        sum[0] += chunk.columns[1].doubles[r] * 8.0 - chunk.columns[0].longs[r];
      }
    });
    assertThat(seen[0]).isEqualTo(n);
    assertThat(sum[0]).isZero();
    assertThat(store.ignoredRetractions()).isZero();
  }

  @Test
  void shouldForgetEverythingOnClear() {
    MaterializedRowStore store = new MaterializedRowStore(SCHEMA);
    store.onChunk(chunk(SCHEMA, row(I, "a", 1.0, 1)));
    store.clear();
    assertThat(store.rowCount()).isZero();
    assertThat(scanAll(store, 2)).isEmpty();
    store.onChunk(chunk(SCHEMA, row(I, "a", 1.0, 1)));
    assertThat(scanAll(store, 2)).containsExactly(expect("+I", "a", 1.0, 1));
    assertThat(store.memoryBytes()).isPositive();
  }

  @Test
  void shouldRejectAScratchChunkOfAnotherWidth() {
    MaterializedRowStore store = new MaterializedRowStore(SCHEMA);
    Chunk narrow = new Chunk(schema(DataType.of(TypeKind.VARCHAR)), 2);
    assertThatThrownBy(() -> store.scan(narrow, c -> { }))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<List<Object>> scanAll(MaterializedRowStore store, int capacity) {
    TestRows.Collector out = new TestRows.Collector();
    store.scan(new Chunk(store.schema(), capacity), out);
    return out.rows;
  }
}
