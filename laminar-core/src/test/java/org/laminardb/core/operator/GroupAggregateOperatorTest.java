package org.laminardb.core.operator;

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
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

class GroupAggregateOperatorTest {
  private static final DataType BIGINT = DataType.of(TypeKind.BIGINT);
  private static final DataType VARCHAR = DataType.of(TypeKind.VARCHAR);
  private static final byte I = RowKind.INSERT;
  private static final byte UB = RowKind.UPDATE_BEFORE;
  private static final byte UA = RowKind.UPDATE_AFTER;
  private static final byte D = RowKind.DELETE;
  /** Input (k VARCHAR, v BIGINT). */
  private static final Schema IN = schema(VARCHAR, BIGINT);
  /** Output (k, COUNT(*), SUM(v), MIN(v), MAX(v)). */
  private static final List<AggregateSpec> AGGS = List.of(
      AggregateSpec.countStar(),
      AggregateSpec.of(AggregateKind.SUM, 1, BIGINT),
      AggregateSpec.of(AggregateKind.MIN, 1, BIGINT),
      AggregateSpec.of(AggregateKind.MAX, 1, BIGINT));

  private final TestRows.Collector out = new TestRows.Collector();

  private GroupAggregateOperator op(int capacity) {
    Schema output = schema(VARCHAR, BIGINT, BIGINT, BIGINT, BIGINT);
    return new GroupAggregateOperator(IN, new int[] {0}, AGGS, output, out, capacity, false);
  }

  private GroupAggregateOperator single(AggregateSpec spec, Schema input, boolean appendOnly) {
    Schema output = schema(input.field(0).type(), spec.resultType());
    return new GroupAggregateOperator(
        input, new int[] {0}, List.of(spec), output, out, 16, appendOnly);
  }

  @Test
  void shouldInsertNewGroupsThenRetractAndUpdateChangedOnes() {
    GroupAggregateOperator op = op(16);
    op.onChunk(chunk(IN, row(I, "a", 1), row(I, "b", 2), row(I, "a", 3)));
    assertThat(out.take()).containsExactly(
        expect("+I", "a", 2, 4, 1, 3), expect("+I", "b", 1, 2, 2, 2));
    op.onChunk(chunk(IN, row(I, "a", 5)));
    assertThat(out.take()).containsExactly(
        expect("-U", "a", 2, 4, 1, 3), expect("+U", "a", 3, 9, 1, 5));
    assertThat(op.groupCount()).isEqualTo(2);
  }

  @Test
  void shouldEmitNothingWhenResultsDoNotChange() {
    GroupAggregateOperator op =
        single(AggregateSpec.of(AggregateKind.MAX, 1, BIGINT), IN, false);
    op.onChunk(chunk(IN, row(I, "a", 5)));
    out.take();
    op.onChunk(chunk(IN, row(I, "a", 3), row(I, "a", 4)));
    op.onChunk(chunk(IN, row(D, "a", 4)));
    assertThat(out.rows).isEmpty();
    assertThat(out.chunkSizes).isEmpty();
  }

  @Test
  void shouldDeleteAGroupWhenItsCountReachesZeroAndReuseItsState() {
    GroupAggregateOperator op = op(16);
    op.onChunk(chunk(IN, row(I, "a", 1), row(I, "a", 2)));
    out.take();
    op.onChunk(chunk(IN, row(D, "a", 1), row(UB, "a", 2)));
    assertThat(out.take()).containsExactly(expect("-D", "a", 2, 3, 1, 2));
    assertThat(op.groupCount()).isZero();
    op.onChunk(chunk(IN, row(I, "c", 7)));
    op.onChunk(chunk(IN, row(I, "a", 9)));
    assertThat(out.take()).containsExactly(
        expect("+I", "c", 1, 7, 7, 7), expect("+I", "a", 1, 9, 9, 9));
  }

  @Test
  void shouldEmitNothingForAGroupCreatedAndRemovedInOneChunk() {
    GroupAggregateOperator op = op(16);
    op.onChunk(chunk(IN, row(I, "a", 1), row(I, "b", 1), row(D, "a", 1)));
    assertThat(out.take()).containsExactly(expect("+I", "b", 1, 1, 1, 1));
    op.onChunk(chunk(IN, row(I, "a", 1), row(D, "a", 1)));
    assertThat(out.chunkSizes).isEmpty();
    assertThat(op.groupCount()).isEqualTo(1);
  }

  @Test
  void shouldGroupNullKeysTogetherAndIgnoreNullValues() {
    GroupAggregateOperator op = op(16);
    op.onChunk(chunk(IN, row(I, null, 1), row(I, null, null), row(I, null, 2), row(I, "x", null)));
    assertThat(out.take()).containsExactly(
        expect("+I", null, 3, 3, 1, 2), expect("+I", "x", 1, null, null, null));
  }

  @Test
  void shouldFindTheNextMinAndMaxWhenTheExtremeIsRetractedRepeatedly() {
    GroupAggregateOperator op = op(16);
    op.onChunk(chunk(IN, row(I, "a", 3), row(I, "a", 1), row(I, "a", 5), row(I, "a", 2),
        row(I, "a", 4), row(I, "a", 1)));
    out.take();
    op.onChunk(chunk(IN, row(D, "a", 1)));
    assertThat(out.take()).containsExactly(
        expect("-U", "a", 6, 16, 1, 5), expect("+U", "a", 5, 15, 1, 5));
    op.onChunk(chunk(IN, row(D, "a", 1)));
    assertThat(out.take()).containsExactly(
        expect("-U", "a", 5, 15, 1, 5), expect("+U", "a", 4, 14, 2, 5));
    op.onChunk(chunk(IN, row(D, "a", 2)));
    op.onChunk(chunk(IN, row(D, "a", 5)));
    op.onChunk(chunk(IN, row(D, "a", 3)));
    assertThat(out.take()).containsExactly(
        expect("-U", "a", 4, 14, 2, 5), expect("+U", "a", 3, 12, 3, 5),
        expect("-U", "a", 3, 12, 3, 5), expect("+U", "a", 2, 7, 3, 4),
        expect("-U", "a", 2, 7, 3, 4), expect("+U", "a", 1, 4, 4, 4));
  }

  @Test
  void shouldCountDistinctValuesUnderRetraction() {
    AggregateSpec spec = new AggregateSpec(AggregateKind.COUNT, 1, true, BIGINT);
    GroupAggregateOperator op = single(spec, IN, false);
    op.onChunk(chunk(IN, row(I, "a", 1), row(I, "a", 1), row(I, "a", 2), row(I, "a", null)));
    assertThat(out.take()).containsExactly(expect("+I", "a", 2));
    op.onChunk(chunk(IN, row(D, "a", 1)));
    assertThat(out.take()).isEmpty();
    op.onChunk(chunk(IN, row(D, "a", 1)));
    assertThat(out.take()).containsExactly(expect("-U", "a", 2), expect("+U", "a", 1));
    op.onChunk(chunk(IN, row(D, "a", 2)));
    assertThat(out.take()).containsExactly(expect("-U", "a", 1), expect("+U", "a", 0));
    op.onChunk(chunk(IN, row(D, "a", null)));
    assertThat(out.take()).containsExactly(expect("-D", "a", 0));
  }

  @Test
  void shouldEmitTheInitialGlobalRowAndNeverDeleteIt() {
    Schema output = schema(BIGINT, BIGINT, BIGINT, BIGINT);
    GroupAggregateOperator op =
        new GroupAggregateOperator(IN, new int[0], AGGS, output, out, 16, false);
    op.open();
    assertThat(out.take()).containsExactly(expect("+I", 0, null, null, null));
    op.open();
    assertThat(out.take()).isEmpty();
    op.onChunk(chunk(IN, row(I, "a", 5), row(I, "b", 7)));
    assertThat(out.take()).containsExactly(
        expect("-U", 0, null, null, null), expect("+U", 2, 12, 5, 7));
    op.onChunk(chunk(IN, row(D, "a", 5), row(D, "b", 7)));
    assertThat(out.take()).containsExactly(
        expect("-U", 2, 12, 5, 7), expect("+U", 0, null, null, null));
    op.onChunk(chunk(IN, row(D, "b", 7)));
    assertThat(out.take()).isEmpty();
    assertThat(op.ignoredRetractions()).isEqualTo(1);
    assertThat(op.groupCount()).isEqualTo(1);
  }

  @Test
  void shouldInsertTheGlobalRowOnFirstChangeWithoutOpen() {
    Schema output = schema(BIGINT, BIGINT, BIGINT, BIGINT);
    GroupAggregateOperator op =
        new GroupAggregateOperator(IN, new int[0], AGGS, output, out, 16, false);
    op.onChunk(chunk(IN, row(I, "a", 5)));
    assertThat(out.take()).containsExactly(expect("+I", 1, 5, 5, 5));
  }

  @Test
  void shouldEmitUpdateBeforeImmediatelyFollowedByUpdateAfter() {
    GroupAggregateOperator op = op(16);
    op.onChunk(chunk(IN, row(I, "a", 1), row(I, "b", 1), row(I, "c", 1)));
    out.take();
    op.onChunk(chunk(IN, row(I, "c", 1), row(UB, "a", 1), row(UA, "a", 2), row(I, "b", 3)));
    assertThat(out.take()).containsExactly(
        expect("-U", "c", 1, 1, 1, 1), expect("+U", "c", 2, 2, 1, 1),
        expect("-U", "a", 1, 1, 1, 1), expect("+U", "a", 1, 2, 2, 2),
        expect("-U", "b", 1, 1, 1, 1), expect("+U", "b", 2, 4, 1, 3));
  }

  @Test
  void shouldSplitOutputLargerThanTheChunkCapacity() {
    GroupAggregateOperator op = op(3);
    Chunk in = new Chunk(IN, 10);
    for (int i = 0; i < 10; i++) {
      TestRows.append(in, row(I, "g" + i, i));
    }
    op.onChunk(in);
    assertThat(out.chunkSizes).containsExactly(3, 3, 3, 1);
    assertThat(out.take()).hasSize(10).allMatch(r -> r.get(0).equals("+I"));
    op.onChunk(chunk(IN, row(I, "g0", 1), row(I, "g1", 1), row(I, "g2", 1), row(I, "g3", 1)));
    assertThat(out.chunkSizes).containsExactly(3, 3, 2);
    List<List<Object>> rows = out.take();
    for (int i = 0; i < rows.size(); i += 2) {
      assertThat(rows.get(i).get(0)).isEqualTo("-U");
      assertThat(rows.get(i + 1).get(0)).isEqualTo("+U");
      assertThat(rows.get(i + 1).get(1)).isEqualTo(rows.get(i).get(1));
    }
  }

  @Test
  void shouldRaiseNumericOutOfRangeOnSumOverflowWithoutApplyingTheRow() {
    GroupAggregateOperator op = op(16);
    op.onChunk(chunk(IN, row(I, "a", Long.MAX_VALUE - 1)));
    out.take();
    assertThatThrownBy(() -> op.onChunk(chunk(IN, row(I, "a", 2))))
        .isInstanceOfSatisfying(LaminarDBException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE))
        .hasMessageContaining("BIGINT");
    op.onChunk(chunk(IN, row(I, "a", 1)));
    assertThat(out.take()).containsExactly(
        expect("-U", "a", 1, Long.MAX_VALUE - 1, Long.MAX_VALUE - 1, Long.MAX_VALUE - 1),
        expect("+U", "a", 2, Long.MAX_VALUE, 1, Long.MAX_VALUE - 1));
  }

  @Test
  void shouldCheckSumAgainstTheRangeOfAnIntResult() {
    DataType integer = DataType.of(TypeKind.INT);
    GroupAggregateOperator op = single(AggregateSpec.of(AggregateKind.SUM, 1, integer), IN, false);
    op.onChunk(chunk(IN, row(I, "a", Integer.MAX_VALUE)));
    assertThatThrownBy(() -> op.onChunk(chunk(IN, row(I, "a", 1))))
        .isInstanceOf(LaminarDBException.class)
        .hasMessageContaining("INTEGER");
  }

  @Test
  void shouldIgnoreAndCountRetractionsOfRowsNeverAdded() {
    GroupAggregateOperator op = op(16);
    op.onChunk(chunk(IN, row(D, "a", 1)));
    op.onChunk(chunk(IN, row(I, "a", 1)));
    out.take();
    op.onChunk(chunk(IN, row(D, "a", 2), row(D, "a", null), row(UB, "zz", 1)));
    assertThat(out.take()).isEmpty();
    assertThat(op.ignoredRetractions()).isEqualTo(4);
    op.onChunk(chunk(IN, row(I, "a", 4)));
    assertThat(out.take()).containsExactly(
        expect("-U", "a", 1, 1, 1, 1), expect("+U", "a", 2, 5, 1, 4));
  }

  @Test
  void shouldUseRunningExtremesWhenAppendOnlyAndRejectRetractions() {
    AggregateSpec spec = AggregateSpec.of(AggregateKind.MIN, 1, VARCHAR);
    Schema in = schema(BIGINT, VARCHAR);
    GroupAggregateOperator op = single(spec, in, true);
    op.onChunk(chunk(in, row(I, 1, "pear"), row(I, 1, "apple"), row(I, 1, null), row(I, 2, null)));
    assertThat(out.take()).containsExactly(expect("+I", 1, "apple"), expect("+I", 2, null));
    op.onChunk(chunk(in, row(I, 1, "banana"), row(I, 2, "kiwi")));
    assertThat(out.take()).containsExactly(expect("-U", 2, null), expect("+U", 2, "kiwi"));
    assertThatThrownBy(() -> op.onChunk(chunk(in, row(D, 1, "apple"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("append-only");
  }

  @Test
  void shouldRejectInvalidConstruction() {
    Schema output = schema(VARCHAR, BIGINT, BIGINT, BIGINT, BIGINT);
    assertThatThrownBy(() -> new GroupAggregateOperator(
            IN, new int[] {0}, AGGS, output, out, 0, false))
        .hasMessageContaining("chunkCapacity=0");
    assertThatThrownBy(() -> new GroupAggregateOperator(
            IN, new int[] {0}, AGGS.subList(0, 2), output, out, 4, false))
        .hasMessageContaining("output columns=5");
    assertThatThrownBy(() -> new GroupAggregateOperator(
            IN, new int[] {2}, AGGS, output, out, 4, false))
        .hasMessageContaining("groupColumns[0]=2");
    assertThatThrownBy(() -> single(AggregateSpec.of(AggregateKind.SUM, 0, VARCHAR), IN, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> single(AggregateSpec.of(AggregateKind.MIN, 1, VARCHAR), IN, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
