package org.laminardb.core.operator;

import org.laminardb.core.testing.TestRows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.core.testing.TestRows.chunk;
import static org.laminardb.core.testing.TestRows.expect;
import static org.laminardb.core.testing.TestRows.row;
import static org.laminardb.core.testing.TestRows.schema;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.LaminarDBException;

class GroupAggregateOperatorTypesTest {
  private static final DataType BIGINT = DataType.of(TypeKind.BIGINT);
  private static final DataType DOUBLE = DataType.of(TypeKind.DOUBLE);
  private static final byte I = RowKind.INSERT;
  private static final byte D = RowKind.DELETE;

  private final TestRows.Collector out = new TestRows.Collector();

  private GroupAggregateOperator global(Schema in, AggregateSpec... specs) {
    DataType[] types = new DataType[specs.length];
    for (int i = 0; i < specs.length; i++) {
      types[i] = specs[i].resultType();
    }
    return new GroupAggregateOperator(
        in, new int[0], List.of(specs), schema(types), out, 16, false);
  }

  @Test
  void shouldAverageIntegersAsDoubleAndDecimalsRoundedHalfUp() {
    DataType dec = DataType.decimal(10, 2);
    Schema in = schema(BIGINT, dec);
    GroupAggregateOperator op = global(in,
        AggregateSpec.of(AggregateKind.AVG, 0, DOUBLE),
        AggregateSpec.of(AggregateKind.AVG, 1, dec),
        AggregateSpec.of(AggregateKind.AVG, 1, DataType.decimal(18, 4)),
        AggregateSpec.of(AggregateKind.SUM, 1, DataType.decimal(18, 2)),
        AggregateSpec.of(AggregateKind.AVG, 1, DOUBLE));
    op.onChunk(chunk(in, row(I, 1, 1), row(I, 2, 2)));
    assertThat(out.take()).containsExactly(expect("+I", 1.5, 2, 150, 3, 0.015));
    op.onChunk(chunk(in, row(D, 1, 1), row(D, 2, 2), row(I, -1, -1), row(I, -2, -2)));
    assertThat(out.take()).containsExactly(
        expect("-U", 1.5, 2, 150, 3, 0.015), expect("+U", -1.5, -2, -150, -3, -0.015));
    op.onChunk(chunk(in, row(I, 0, 2)));
    assertThat(out.take()).containsExactly(
        expect("-U", -1.5, -2, -150, -3, -0.015), expect("+U", -1.0, 0, -33, -1, -1.0 / 3 / 100));
  }

  @Test
  void shouldSumDoublesAndDistinctValues() {
    Schema in = schema(DOUBLE, BIGINT);
    GroupAggregateOperator op = global(in,
        AggregateSpec.of(AggregateKind.SUM, 0, DOUBLE),
        new AggregateSpec(AggregateKind.SUM, 1, true, BIGINT),
        new AggregateSpec(AggregateKind.AVG, 1, true, DOUBLE),
        new AggregateSpec(AggregateKind.COUNT, 0, true, BIGINT));
    op.onChunk(chunk(in, row(I, 0.5, 3), row(I, 0.25, 3), row(I, -0.0, 5), row(I, 0.0, null)));
    assertThat(out.take()).containsExactly(expect("+I", 0.75, 8, 4.0, 3));
    op.onChunk(chunk(in, row(D, 0.5, 3), row(D, 0.0, 5)));
    assertThat(out.take()).containsExactly(
        expect("-U", 0.75, 8, 4.0, 3), expect("+U", 0.25, 3, 3.0, 2));
  }

  @Test
  void shouldTakeMinAndMaxOfStringsBooleansTimestampsAndDoubles() {
    DataType varchar = DataType.of(TypeKind.VARCHAR);
    DataType bool = DataType.of(TypeKind.BOOLEAN);
    DataType ts = DataType.of(TypeKind.TIMESTAMP);
    Schema in = schema(varchar, bool, ts, DOUBLE);
    GroupAggregateOperator op = global(in,
        AggregateSpec.of(AggregateKind.MIN, 0, varchar),
        AggregateSpec.of(AggregateKind.MAX, 0, varchar),
        AggregateSpec.of(AggregateKind.MIN, 1, bool),
        AggregateSpec.of(AggregateKind.MAX, 2, ts),
        AggregateSpec.of(AggregateKind.MIN, 3, DOUBLE),
        new AggregateSpec(AggregateKind.MAX, 3, true, DOUBLE));
    op.onChunk(chunk(in, row(I, "b", true, 100, 2.5), row(I, "a", false, -5, -1e300),
        row(I, "c", true, 7, Double.NaN)));
    assertThat(out.take()).containsExactly(expect("+I", "a", "c", 0, 100, -1e300, Double.NaN));
    op.onChunk(chunk(in, row(D, "a", false, -5, -1e300), row(D, "c", true, 7, Double.NaN)));
    assertThat(out.take()).containsExactly(
        expect("-U", "a", "c", 0, 100, -1e300, Double.NaN),
        expect("+U", "b", "b", 1, 100, 2.5, 2.5));
  }

  @Test
  void shouldKeepUnemittedGroupsWhenAnAverageLeavesItsDecimalRange() {
    DataType dec = DataType.decimal(18, 0);
    Schema in = schema(BIGINT, dec);
    GroupAggregateOperator op = new GroupAggregateOperator(in, new int[] {0},
        List.of(AggregateSpec.of(AggregateKind.AVG, 1, DataType.decimal(18, 6))),
        schema(BIGINT, DataType.decimal(18, 6)), out, 16, false);
    long big = 100_000_000_000_000_000L;
    assertThatThrownBy(() -> op.onChunk(chunk(in, row(I, 1, 2), row(I, 2, big))))
        .isInstanceOf(LaminarDBException.class)
        .hasMessageContaining("AVG out of range");
    assertThat(out.rows).isEmpty();
    op.onChunk(chunk(in, row(D, 2, big)));
    assertThat(out.take()).containsExactly(expect("+I", 1, 2_000_000));
    assertThat(op.groupCount()).isEqualTo(1);
  }

  @Test
  void shouldGrowToOneMillionGroupsAndReuseTheirIds() {
    Schema in = schema(BIGINT, BIGINT);
    long[] emitted = new long[4];
    GroupAggregateOperator op = new GroupAggregateOperator(in, new int[] {0},
        List.of(AggregateSpec.countStar(), AggregateSpec.of(AggregateKind.SUM, 1, BIGINT)),
        schema(BIGINT, BIGINT, BIGINT), c -> {
          for (int r = 0; r < c.size; r++) {
            emitted[c.kinds[r]]++;
          }
        }, 1024, false);
    int n = 1_000_000;
    Chunk c = new Chunk(in, 4096);
    for (byte kind : new byte[] {I, D, I}) {
      for (int start = 0; start < n; start += c.capacity()) {
        c.reset();
        for (int k = start; k < Math.min(n, start + c.capacity()); k++) {
          int r = c.size++;
          c.columns[0].longs[r] = k * 7919L;
          c.columns[1].longs[r] = k;
          c.kinds[r] = kind;
        }
        op.onChunk(c);
      }
      assertThat(op.groupCount()).isEqualTo(kind == I ? n : 0);
    }
    assertThat(emitted).containsExactly(2L * n, 0, 0, n);
  }

  @Test
  void shouldNotAllocatePerRowForExistingGroups() {
    Schema in = schema(BIGINT, DataType.of(TypeKind.VARCHAR), DOUBLE);
    List<AggregateSpec> aggs = List.of(AggregateSpec.countStar(),
        AggregateSpec.of(AggregateKind.SUM, 0, BIGINT),
        AggregateSpec.of(AggregateKind.AVG, 2, DOUBLE),
        AggregateSpec.of(AggregateKind.MIN, 0, BIGINT),
        AggregateSpec.of(AggregateKind.MAX, 2, DOUBLE),
        new AggregateSpec(AggregateKind.COUNT, 0, true, BIGINT));
    Schema output = schema(BIGINT, DataType.of(TypeKind.VARCHAR), BIGINT, BIGINT, DOUBLE, BIGINT,
        DOUBLE, BIGINT);
    GroupAggregateOperator op = new GroupAggregateOperator(
        in, new int[] {0, 1}, aggs, output, c -> { }, 256, false);
    Chunk[] chunks = new Chunk[2];
    String[] names = {"alpha", "beta", "gamma", "delta"};
    for (int k = 0; k < 2; k++) {
      chunks[k] = new Chunk(in, 1024);
      for (int r = 0; r < 1024; r++) {
        TestRows.append(chunks[k],
            row(k == 0 ? I : D, r % 100, names[r % 4], (double) (r % 10)));
      }
    }
    for (int i = 0; i < 2_000; i++) {
      op.onChunk(chunks[0]);
      op.onChunk(chunks[1]);
    }
    op.onChunk(chunks[0]);
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 500; i++) {
      op.onChunk(chunks[0]);
      op.onChunk(chunks[1]);
    }
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes allocated for 1M rows").isLessThan(64 * 1024);
    assertThat(op.groupCount()).isEqualTo(100);
  }
}
