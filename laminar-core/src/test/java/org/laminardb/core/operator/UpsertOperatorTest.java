package org.laminardb.core.operator;

import org.laminardb.core.testing.TestRows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.core.testing.TestRows.chunk;
import static org.laminardb.core.testing.TestRows.expect;
import static org.laminardb.core.testing.TestRows.row;
import static org.laminardb.core.testing.TestRows.schema;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;

class UpsertOperatorTest {
  private static final DataType BIGINT = DataType.of(TypeKind.BIGINT).withNullable(false);
  private static final DataType VARCHAR = DataType.of(TypeKind.VARCHAR);
  private static final DataType KEY_VARCHAR = VARCHAR.withNullable(false);
  private static final DataType DOUBLE = DataType.of(TypeKind.DOUBLE);
  private static final byte I = RowKind.INSERT;
  private static final byte UB = RowKind.UPDATE_BEFORE;
  private static final byte UA = RowKind.UPDATE_AFTER;
  private static final byte D = RowKind.DELETE;
  /** (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR, score DOUBLE). */
  private static final Schema IN = schema(BIGINT, VARCHAR, DOUBLE);
  private static final int[] KEY = {0};

  private final TestRows.Collector out = new TestRows.Collector();

  private UpsertOperator op(int capacity) {
    return new UpsertOperator(IN, KEY, out, capacity);
  }

  @Test
  void shouldInsertNewKeysAndRetractThenEmitOnUpdate() {
    UpsertOperator op = op(16);
    op.onChunk(chunk(IN, row(I, 1, "ann", 1.5), row(I, 2, "bob", 2.0)));
    assertThat(out.take()).containsExactly(
        expect("+I", 1, "ann", 1.5), expect("+I", 2, "bob", 2.0));
    op.onChunk(chunk(IN, row(I, 1, "ann", 3.0)));
    assertThat(out.take()).containsExactly(
        expect("-U", 1, "ann", 1.5), expect("+U", 1, "ann", 3.0));
    op.onChunk(chunk(IN, row(UA, 2, "bea", 2.0)));
    assertThat(out.take()).containsExactly(
        expect("-U", 2, "bob", 2.0), expect("+U", 2, "bea", 2.0));
    assertThat(op.size()).isEqualTo(2);
  }

  @Test
  void shouldEmitNothingWhenTheRowIsIdentical() {
    UpsertOperator op = op(16);
    op.onChunk(chunk(IN, row(I, 1, "ann", -0.0), row(I, 2, null, Double.NaN),
        row(I, 3, null, null)));
    out.take();
    op.onChunk(chunk(IN, row(I, 1, new String("ann"), 0.0), row(UA, 2, null, Double.NaN),
        row(I, 3, null, null)));
    assertThat(out.rows).isEmpty();
    assertThat(out.chunkSizes).as("no chunk handed over").isEmpty();
    op.onChunk(chunk(IN, row(I, 1, "ann", 1.0)));
    assertThat(out.take()).as("the stored row keeps the first spelling").containsExactly(
        expect("-U", 1, "ann", -0.0), expect("+U", 1, "ann", 1.0));
  }

  @Test
  void shouldDeleteAPresentKeyWithItsStoredRow() {
    UpsertOperator op = op(16);
    op.onChunk(chunk(IN, row(I, 1, "ann", 1.0), row(I, 2, "bob", 2.0)));
    out.take();
    op.onChunk(chunk(IN, row(D, 1, null, null), row(UB, 2, "other", 9.0)));
    assertThat(out.take()).as("only key columns of a delete are read").containsExactly(
        expect("-D", 1, "ann", 1.0), expect("-D", 2, "bob", 2.0));
    assertThat(op.size()).isZero();
    assertThat(op.ignoredDeletes()).isZero();
  }

  @Test
  void shouldIgnoreAndCountDeletesOfAbsentKeys() {
    UpsertOperator op = op(16);
    op.onChunk(chunk(IN, row(D, 7, "x", 1.0)));
    op.onChunk(chunk(IN, row(I, 1, "ann", 1.0), row(D, 1, null, null), row(D, 1, null, null),
        row(UB, 1, "ann", 1.0)));
    assertThat(out.take()).as("no retraction of a row never emitted").containsExactly(
        expect("+I", 1, "ann", 1.0), expect("-D", 1, "ann", 1.0));
    assertThat(op.ignoredDeletes()).isEqualTo(3);
  }

  @Test
  void shouldKeepNullsInNonKeyColumns() {
    UpsertOperator op = op(16);
    op.onChunk(chunk(IN, row(I, 1, null, 1.0)));
    op.onChunk(chunk(IN, row(I, 1, "ann", null)));
    op.onChunk(chunk(IN, row(I, 1, null, null)));
    op.onChunk(chunk(IN, row(D, 1, "ignored", 5.0)));
    assertThat(out.take()).containsExactly(expect("+I", 1, null, 1.0),
        expect("-U", 1, null, 1.0), expect("+U", 1, "ann", null),
        expect("-U", 1, "ann", null), expect("+U", 1, null, null),
        expect("-D", 1, null, null));
  }

  @Test
  void shouldRoundTripEveryTypeExactly() {
    Schema s = schema(KEY_VARCHAR, DOUBLE, DataType.decimal(18, 4),
        DataType.of(TypeKind.TIMESTAMP), DataType.of(TypeKind.DATE),
        DataType.of(TypeKind.BOOLEAN), DataType.of(TypeKind.REAL), VARCHAR);
    double nanPayload = Double.longBitsToDouble(0x7ff8000000000123L);
    Object[] first = row(I, "ключ-\u00e9", -0.0, Long.MAX_VALUE, -62_135_596_800_000_000L,
        -719_162, 1, nanPayload, "");
    Object[] second = row(I, "ключ-\u00e9", Double.MIN_VALUE, -999_999_999_999_999_999L,
        253_402_300_799_999_999L, 2_932_896, 0, -1.25, "\u0000tab\t");
    List<long[]> doubleBits = new ArrayList<>();
    TestRows.Collector rows = new TestRows.Collector();
    UpsertOperator op = new UpsertOperator(s, new int[] {0}, c -> {
      rows.onChunk(c);
      for (int r = 0; r < c.size; r++) {
        doubleBits.add(new long[] {Double.doubleToRawLongBits(c.columns[1].doubles[r]),
            Double.doubleToRawLongBits(c.columns[6].doubles[r])});
      }
    }, 16);
    op.onChunk(chunk(s, first));
    op.onChunk(chunk(s, second));
    op.onChunk(chunk(s, row(D, "ключ-\u00e9", null, null, null, null, null, null, null)));
    List<Object> a = TestRows.toList(chunk(s, first), 0);
    List<Object> b = TestRows.toList(chunk(s, second), 0);
    assertThat(rows.take()).containsExactly(
        relabel("+I", a), relabel("-U", a), relabel("+U", b), relabel("-D", b));
    assertThat(doubleBits.get(1)).as("-0.0 and the NaN payload come back bit for bit")
        .containsExactly(Double.doubleToRawLongBits(-0.0), 0x7ff8000000000123L);
  }

  private static List<Object> relabel(String kind, List<Object> row) {
    List<Object> r = new ArrayList<>(row);
    r.set(0, kind);
    return r;
  }

  @Test
  void shouldApplySeveralChangesOfOneKeyInOneChunkInOrder() {
    UpsertOperator op = op(16);
    op.onChunk(chunk(IN, row(I, 1, "a", 1.0), row(I, 1, "b", 1.0), row(UA, 1, "b", 1.0),
        row(I, 1, "c", 1.0), row(D, 1, null, null), row(I, 1, "d", 1.0)));
    assertThat(out.take()).containsExactly(expect("+I", 1, "a", 1.0),
        expect("-U", 1, "a", 1.0), expect("+U", 1, "b", 1.0),
        expect("-U", 1, "b", 1.0), expect("+U", 1, "c", 1.0),
        expect("-D", 1, "c", 1.0), expect("+I", 1, "d", 1.0));
    assertThat(op.size()).isEqualTo(1);
  }

  @Test
  void shouldSplitOutputIntoChunksOfCapacityWithoutSplittingUpdatePairs() {
    UpsertOperator op = op(3);
    Chunk in = new Chunk(IN, 16);
    for (int k = 0; k < 7; k++) {
      TestRows.append(in, row(I, k, "v", 1.0));
    }
    op.onChunk(in);
    assertThat(out.chunkSizes).containsExactly(3, 3, 1);
    assertThat(out.take()).hasSize(7);
    op.onChunk(chunk(IN, row(I, 7, "v", 1.0), row(I, 8, "v", 1.0), row(I, 0, "w", 1.0)));
    assertThat(out.chunkSizes).containsExactly(2, 2);
    assertThat(out.take()).containsExactly(expect("+I", 7, "v", 1.0),
        expect("+I", 8, "v", 1.0), expect("-U", 0, "v", 1.0), expect("+U", 0, "w", 1.0));
  }

  @Test
  void shouldKeepPairsInOrderWithCapacityOne() {
    UpsertOperator op = op(1);
    op.onChunk(chunk(IN, row(I, 1, "a", 1.0), row(I, 1, "b", 1.0)));
    assertThat(out.chunkSizes).containsExactly(1, 1, 1);
    assertThat(out.take()).containsExactly(expect("+I", 1, "a", 1.0),
        expect("-U", 1, "a", 1.0), expect("+U", 1, "b", 1.0));
  }

  @Test
  void shouldReuseTheIdAndSlotsOfADeletedKey() {
    UpsertOperator op = new UpsertOperator(IN, KEY, c -> { }, 4);
    op.onChunk(chunk(IN, row(I, 0, "old", 9.0), row(D, 0, null, null)));
    long bytes = op.memoryBytes();
    for (int k = 1; k <= 10_000; k++) {
      op.onChunk(chunk(IN, row(I, k, "s" + k, 1.0), row(D, k, null, null)));
    }
    assertThat(op.memoryBytes()).as("deleted ids are reused").isEqualTo(bytes);
    UpsertOperator fresh = op(4);
    fresh.onChunk(chunk(IN, row(I, 1, "old", 9.0), row(D, 1, null, null),
        row(I, 2, null, null)));
    Chunk scratch = new Chunk(IN, 4);
    out.take();
    fresh.scan(scratch, out);
    assertThat(out.take()).as("no value of the old row leaks").containsExactly(
        expect("+I", 2, null, null));
  }

  @Test
  void shouldSupportCompositeKeysWithStrings() {
    Schema s = schema(KEY_VARCHAR, BIGINT, VARCHAR);
    UpsertOperator op = new UpsertOperator(s, new int[] {1, 0}, out, 8);
    op.onChunk(chunk(s, row(I, "eu", 1, "a"), row(I, "us", 1, "b"), row(I, "eu", 2, "c")));
    op.onChunk(chunk(s, row(I, "us", 1, "d"), row(D, "eu", 2, null), row(D, "asia", 1, null)));
    assertThat(out.take()).containsExactly(expect("+I", "eu", 1, "a"),
        expect("+I", "us", 1, "b"), expect("+I", "eu", 2, "c"),
        expect("-U", "us", 1, "b"), expect("+U", "us", 1, "d"), expect("-D", "eu", 2, "c"));
    assertThat(op.size()).isEqualTo(2);
    assertThat(op.ignoredDeletes()).isEqualTo(1);
  }

  @Test
  void shouldRejectAChunkWithANullKeyBeforeApplyingAnyRow() {
    Schema nullableKey = schema(DataType.of(TypeKind.BIGINT), VARCHAR);
    UpsertOperator op = new UpsertOperator(nullableKey, KEY, out, 8);
    Chunk bad = chunk(nullableKey, row(I, 1, "a"), row(I, null, "b"));
    assertThatThrownBy(() -> op.onChunk(bad)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NULL in primary key column c0").hasMessageContaining("row=1");
    assertThat(op.size()).isZero();
    assertThat(out.rows).isEmpty();
    Chunk wrong = chunk(schema(BIGINT), row(I, 1));
    assertThatThrownBy(() -> op.onChunk(wrong)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("columns=1");
  }

  @Test
  void shouldValidateArgumentsNamingTheValues() {
    assertThatThrownBy(() -> new UpsertOperator(IN, new int[0], out, 8))
        .hasMessageContaining("keyColumns=[]");
    assertThatThrownBy(() -> new UpsertOperator(IN, new int[] {0, 3}, out, 8))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyColumns[1]=3");
    assertThatThrownBy(() -> new UpsertOperator(IN, new int[] {-1}, out, 8))
        .hasMessageContaining("keyColumns[0]=-1");
    assertThatThrownBy(() -> new UpsertOperator(IN, new int[] {1, 0, 1}, out, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keyColumns[0]=keyColumns[2]=1");
    assertThatThrownBy(() -> new UpsertOperator(IN, KEY, out, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chunkCapacity=0");
    assertThatThrownBy(() -> new UpsertOperator(IN, KEY, null, 8))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("downstream");
  }

  @Test
  void shouldScanCurrentRowsAsInsertsInChunksOfTheScratchCapacity() {
    UpsertOperator op = op(16);
    Chunk scratch = new Chunk(IN, 2);
    op.scan(scratch, out);
    assertThat(out.chunkSizes).as("empty state emits nothing").isEmpty();
    op.onChunk(chunk(IN, row(I, 1, "a", 1.0), row(I, 2, "b", 2.0), row(I, 3, null, 3.0),
        row(I, 4, "d", null), row(I, 5, "e", 5.0), row(D, 2, null, null),
        row(I, 1, "z", 1.0)));
    out.take();
    op.scan(scratch, out);
    assertThat(out.chunkSizes).containsExactly(2, 2);
    assertThat(out.take()).containsExactlyInAnyOrder(expect("+I", 1, "z", 1.0),
        expect("+I", 3, null, 3.0), expect("+I", 4, "d", null), expect("+I", 5, "e", 5.0));
  }

  @Test
  void shouldMatchAHashMapModelOnRandomChangelogs() {
    Schema s = schema(BIGINT, KEY_VARCHAR, DOUBLE, VARCHAR, DataType.decimal(10, 2));
    Object[] doubles = {null, 0.0, -0.0, 1.5, Double.NaN};
    Object[] strings = {null, "a", "b", new String("a")};
    Object[] decimals = {null, 0L, 100L, -5L};
    String[] keyNames = {"x", "y", "z"};
    for (long seed = 1; seed <= 20; seed++) {
      Random rnd = new Random(seed);
      TestRows.Collector changelog = new TestRows.Collector();
      UpsertOperator op = new UpsertOperator(s, new int[] {0, 1}, changelog, 1 + rnd.nextInt(8));
      UpsertModel model = new UpsertModel();
      for (int c = 0; c < 150; c++) {
        Chunk in = new Chunk(s, 20);
        int n = 1 + rnd.nextInt(20);
        for (int r = 0; r < n; r++) {
          byte kind = (byte) rnd.nextInt(4);
          Object[] row = row(kind, (long) rnd.nextInt(8), keyNames[rnd.nextInt(3)],
              pick(rnd, doubles), pick(rnd, strings), pick(rnd, decimals));
          TestRows.append(in, row);
          model.apply(TestRows.toList(in, r));
        }
        op.onChunk(in);
      }
      assertThat(changelog.rows).as("seed %d changelog", seed).isEqualTo(model.changelog);
      assertThat(replay(changelog.rows)).as("seed %d view", seed).isEqualTo(model.rows);
      assertThat(op.size()).isEqualTo(model.rows.size());
      assertThat(op.ignoredDeletes()).isEqualTo(model.ignoredDeletes);
      TestRows.Collector scanned = new TestRows.Collector();
      op.scan(new Chunk(s, 7), scanned);
      assertThat(replay(scanned.rows)).isEqualTo(model.rows);
    }
  }

  private static Object pick(Random rnd, Object[] values) {
    return values[rnd.nextInt(values.length)];
  }

  /** Applies a changelog to a key to row map, checking that it only ever retracts what it has. */
  private static Map<List<Object>, List<Object>> replay(List<List<Object>> changelog) {
    Map<List<Object>, List<Object>> view = new HashMap<>();
    String previous = "";
    for (List<Object> r : changelog) {
      String kind = (String) r.get(0);
      List<Object> values = r.subList(1, r.size());
      List<Object> key = values.subList(0, 2);
      assertThat(kind.equals("+U")).as("+U right after -U").isEqualTo(previous.equals("-U"));
      if (kind.startsWith("-")) {
        assertThat(view.remove(key)).as("retracted row was emitted").isEqualTo(values);
      } else {
        assertThat(view.put(key, values)).as("key free before %s", kind).isNull();
      }
      previous = kind;
    }
    return view;
  }

  /** Reference semantics over boxed rows; key = the first two columns. */
  private static final class UpsertModel {
    final Map<List<Object>, List<Object>> rows = new HashMap<>();
    final List<List<Object>> changelog = new ArrayList<>();
    long ignoredDeletes;

    void apply(List<Object> input) {
      byte kind = kindOf((String) input.get(0));
      List<Object> values = input.subList(1, input.size());
      List<Object> key = values.subList(0, 2);
      List<Object> old = rows.get(key);
      if (RowKind.isRetraction(kind)) {
        if (old == null) {
          ignoredDeletes++;
        } else {
          rows.remove(key);
          changelog.add(tagged("-D", old));
        }
      } else if (old == null) {
        rows.put(key, values);
        changelog.add(tagged("+I", values));
      } else if (!normalised(old).equals(normalised(values))) {
        rows.put(key, values);
        changelog.add(tagged("-U", old));
        changelog.add(tagged("+U", values));
      }
    }

    private static byte kindOf(String shortKind) {
      for (byte k = 0; k < 4; k++) {
        if (RowKind.shortString(k).equals(shortKind)) {
          return k;
        }
      }
      throw new IllegalArgumentException(shortKind);
    }

    private static List<Object> normalised(List<Object> values) {
      List<Object> r = new ArrayList<>();
      for (Object v : values) {
        r.add(v instanceof Double && (Double) v == 0.0 ? (Object) 0.0 : v);
      }
      return r;
    }

    private static List<Object> tagged(String kind, List<Object> values) {
      List<Object> r = new ArrayList<>();
      r.add(kind);
      r.addAll(values);
      return r;
    }
  }

  @Test
  void shouldNotAllocatePerRowForExistingKeys() {
    Schema s = schema(BIGINT, KEY_VARCHAR, DOUBLE, VARCHAR);
    UpsertOperator op = new UpsertOperator(s, new int[] {0, 1}, c -> { }, 256);
    String[] names = {"alpha", "beta", "gamma", "delta"};
    Chunk[] chunks = new Chunk[3];
    for (int k = 0; k < 3; k++) {
      chunks[k] = new Chunk(s, 1024);
      for (int r = 0; r < 1024; r++) {
        TestRows.append(chunks[k], row(k == 2 ? D : I, r % 100, names[r % 4],
            (double) (r % 10) + k, k == 0 ? null : names[(r + k) % 4]));
      }
    }
    for (int i = 0; i < 2_000; i++) {
      op.onChunk(chunks[i % 3]);
    }
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 1_000; i++) {
      op.onChunk(chunks[i % 3]);
    }
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes allocated for 1M rows").isLessThan(64 * 1024);
  }
}
