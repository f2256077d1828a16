package org.laminardb.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.core.testing.TestRows.BIGINT;
import static org.laminardb.core.testing.TestRows.TIMESTAMP;
import static org.laminardb.core.testing.TestRows.VARCHAR;
import static org.laminardb.core.testing.TestRows.chunk;
import static org.laminardb.core.testing.TestRows.expect;
import static org.laminardb.core.testing.TestRows.row;
import static org.laminardb.core.testing.TestRows.schema;
import static org.laminardb.core.testing.WindowFixture.GROUPS;
import static org.laminardb.core.testing.WindowFixture.IN;
import static org.laminardb.core.testing.WindowFixture.ON_CLOSE;
import static org.laminardb.core.testing.WindowFixture.ON_UPDATE;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.testing.TestRows;
import org.laminardb.core.testing.WindowFixture;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

class WindowAggregateOperatorTest {
  private static final byte I = RowKind.INSERT;

  private final TestRows.Collector out = new TestRows.Collector();
  private final TestRows.Collector lateOut = new TestRows.Collector();

  private WindowAggregateOperator op(WindowSpec window, EmitStrategy emit) {
    return (WindowAggregateOperator) WindowFixture.create(window, emit, out, lateOut, 16);
  }

  @Test
  void shouldEmitTumblingWindowsWithOffsetWhenTheWatermarkPassesTheirEnd() {
    WindowAggregateOperator op = op(WindowSpec.tumble(10, 3), ON_CLOSE);
    op.onChunk(chunk(IN, row(I, "a", 3, 1), row(I, "a", 12, 2), row(I, "b", 13, 4),
        row(I, "a", 2, 8)));
    assertThat(out.rows).isEmpty();
    assertThat(op.openWindowCount()).isEqualTo(3);
    op.onWatermark(12);
    assertThat(out.take()).containsExactly(expect("+I", "a", -7, 3, 1, 8));
    op.onWatermark(13);
    assertThat(out.take()).containsExactly(expect("+I", "a", 3, 13, 2, 3));
    assertThat(out.watermarks).containsExactly(12L, 13L);
    op.onWatermark(23);
    assertThat(out.take()).containsExactly(expect("+I", "b", 13, 23, 1, 4));
    assertThat(op.openWindowCount()).isZero();
    assertThat(op.groupCount()).isZero();
    assertThat(op.lateRows()).isZero();
  }

  @Test
  void shouldPutARowInSizeOverSlideHoppingWindows() {
    WindowAggregateOperator op = op(WindowSpec.hop(5, 15, 0), ON_CLOSE);
    op.onChunk(chunk(IN, row(I, "a", 7, 1), row(I, "a", 10, 10)));
    op.onWatermark(100);
    assertThat(out.take()).containsExactly(
        expect("+I", "a", -5, 10, 1, 1),
        expect("+I", "a", 0, 15, 2, 11),
        expect("+I", "a", 5, 20, 2, 11),
        expect("+I", "a", 10, 25, 1, 10));
  }

  @Test
  void shouldPutARowInTheCumulatingWindowsEndingAfterIt() {
    WindowAggregateOperator op = op(WindowSpec.cumulate(10, 30, 0), ON_CLOSE);
    op.onChunk(chunk(IN, row(I, "a", 5, 1), row(I, "a", 15, 2), row(I, "a", 31, 4)));
    op.onWatermark(20);
    assertThat(out.take()).containsExactly(
        expect("+I", "a", 0, 10, 1, 1), expect("+I", "a", 0, 20, 2, 3));
    op.onWatermark(40);
    assertThat(out.take()).containsExactly(
        expect("+I", "a", 0, 30, 2, 3), expect("+I", "a", 30, 40, 1, 4));
    assertThat(op.groupCount()).isEqualTo(2);
  }

  @Test
  void shouldEmitAChangelogAfterEachChunkOnUpdate() {
    WindowAggregateOperator op = op(WindowSpec.tumble(10, 0), ON_UPDATE);
    op.onChunk(chunk(IN, row(I, "a", 1, 1), row(I, "a", 2, 2)));
    assertThat(out.take()).containsExactly(expect("+I", "a", 0, 10, 2, 3));
    op.onChunk(chunk(IN, row(I, "a", 3, 5), row(I, "b", 11, 1)));
    assertThat(out.take()).containsExactly(
        expect("-U", "a", 0, 10, 2, 3), expect("+U", "a", 0, 10, 3, 8),
        expect("+I", "b", 10, 20, 1, 1));
    op.onWatermark(10);
    assertThat(out.take()).isEmpty();
    assertThat(op.groupCount()).isEqualTo(1);
    assertThat(out.watermarks).containsExactly(10L);
  }

  @Test
  void shouldEmitNothingForAnUnchangedResultOnUpdate() {
    List<AggregateSpec> aggs = List.of(AggregateSpec.of(AggregateKind.MAX, 2, BIGINT));
    Schema output = schema(VARCHAR, TIMESTAMP, TIMESTAMP, BIGINT);
    WindowOperator op = WindowOperators.create(IN, 1, WindowSpec.tumble(10, 0), GROUPS, aggs,
        output, ON_UPDATE, out, null, 16);
    op.onChunk(chunk(IN, row(I, "a", 1, 5)));
    out.take();
    op.onChunk(chunk(IN, row(I, "a", 2, 3)));
    assertThat(out.rows).isEmpty();
  }

  @Test
  void shouldEmitPeriodicChangesOnlyFromTheTimerAndPendingOnesAtClose() throws Exception {
    EmitStrategy periodic = new EmitStrategy(EmitStrategy.EmitKind.PERIODIC, 1, 0);
    WindowAggregateOperator op = op(WindowSpec.tumble(10, 0), periodic);
    op.onChunk(chunk(IN, row(I, "a", 1, 1)));
    assertThat(out.rows).isEmpty();
    Thread.sleep(2);
    assertThat(op.onTimer()).isEqualTo(1);
    assertThat(out.take()).containsExactly(expect("+I", "a", 0, 10, 1, 1));
    op.onChunk(chunk(IN, row(I, "a", 2, 2)));
    assertThat(out.rows).isEmpty();
    op.onWatermark(10);
    assertThat(out.take()).containsExactly(
        expect("-U", "a", 0, 10, 1, 1), expect("+U", "a", 0, 10, 2, 3));
    Thread.sleep(2);
    assertThat(op.onTimer()).isZero();
    assertThat(op.groupCount()).isZero();
  }

  @Test
  void shouldUpdateWithinLatenessAndRouteLateRowsWithTheInputColumns() {
    EmitStrategy emit = new EmitStrategy(EmitStrategy.EmitKind.ON_UPDATE, 0, 5);
    WindowAggregateOperator op = op(WindowSpec.tumble(10, 0), emit);
    op.onChunk(chunk(IN, row(I, "a", 1, 1)));
    out.take();
    op.onWatermark(12);
    assertThat(out.watermarks).containsExactly(7L);
    op.onChunk(chunk(IN, row(I, "a", 4, 2)));
    assertThat(out.take()).containsExactly(
        expect("-U", "a", 0, 10, 1, 1), expect("+U", "a", 0, 10, 2, 3));
    op.onWatermark(15);
    assertThat(out.watermarks).containsExactly(7L, 10L);
    assertThat(op.groupCount()).isZero();
    op.onChunk(chunk(IN, row(I, "a", 9, 7), row(I, "b", 10, 1), row(I, "c", null, 3)));
    assertThat(out.take()).containsExactly(expect("+I", "b", 10, 20, 1, 1));
    assertThat(lateOut.take()).containsExactly(
        expect("+I", "a", 9, 7), expect("+I", "c", null, 3));
    assertThat(op.lateRows()).isEqualTo(2);
  }

  @Test
  void shouldSkipClosedHoppingWindowsButKeepTheOpenOnes() {
    WindowAggregateOperator op = op(WindowSpec.hop(5, 10, 0), ON_CLOSE);
    op.onWatermark(5);
    op.onChunk(chunk(IN, row(I, "a", 3, 1)));
    assertThat(op.lateRows()).isZero();
    op.onWatermark(20);
    assertThat(out.take()).containsExactly(expect("+I", "a", 0, 10, 1, 1));
  }

  @Test
  void shouldIgnoreButForwardIdleAndOnlyForwardIncreasingWatermarks() {
    WindowAggregateOperator op = op(WindowSpec.tumble(10, 0), ON_CLOSE);
    op.onChunk(chunk(IN, row(I, "a", 1, 1)));
    op.onWatermark(5);
    op.onWatermark(Watermarks.IDLE);
    op.onWatermark(3);
    op.onWatermark(5);
    assertThat(out.rows).isEmpty();
    assertThat(out.watermarks).containsExactly(5L, Watermarks.IDLE);
    op.onWatermark(10);
    assertThat(out.take()).containsExactly(expect("+I", "a", 0, 10, 1, 1));
  }

  @Test
  void shouldIgnoreNullArgumentsAndEmitNullSumsForWindowsWithoutValues() {
    WindowAggregateOperator op = op(WindowSpec.tumble(10, 0), ON_CLOSE);
    op.onChunk(chunk(IN, row(I, "a", 1, null), row(I, "b", 1, null), row(I, "b", 2, 4),
        row(I, null, 3, 5)));
    op.onWatermark(10);
    assertThat(out.take()).containsExactlyInAnyOrder(
        expect("+I", "a", 0, 10, 1, null), expect("+I", "b", 0, 10, 2, 4),
        expect("+I", null, 0, 10, 1, 5));
  }

  @Test
  void shouldWriteWindowColumnsInAnyOrderAroundTheKeys() {
    Schema output = schema(BIGINT, TIMESTAMP, VARCHAR, TIMESTAMP, BIGINT);
    int[] groups = {2, WindowSpec.TIME, 0, WindowSpec.START};
    WindowOperator op = WindowOperators.create(IN, 1, WindowSpec.tumble(10, 0), groups,
        List.of(AggregateSpec.countStar()), output, ON_CLOSE, out, null, 16);
    op.onChunk(chunk(IN, row(I, "a", 1, 7), row(I, "a", 2, 7)));
    op.onWatermark(10);
    assertThat(out.take()).containsExactly(expect("+I", 7, 9, "a", 0, 2));
  }

  @Test
  void shouldGiveSortedInputResultsForRowsOutOfOrderWithinTheWatermark() {
    Random random = new Random(42);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      rows.add(row(I, "k" + random.nextInt(7), (long) i, (long) random.nextInt(100)));
    }
    List<Object[]> shuffled = TestRows.shuffledInBlocks(rows, 100, random);
    WindowSpec hop = WindowSpec.hop(30, 90, 7);
    assertThat(run(hop, shuffled)).containsExactlyInAnyOrderElementsOf(run(hop, rows));
    WindowSpec cumulate = WindowSpec.cumulate(25, 100, 0);
    assertThat(run(cumulate, shuffled)).containsExactlyInAnyOrderElementsOf(run(cumulate, rows));
  }

  private List<List<Object>> run(WindowSpec window, List<Object[]> rows) {
    TestRows.Collector results = new TestRows.Collector();
    WindowOperator op = WindowFixture.create(window, ON_CLOSE, results, null, 7);
    for (int i = 0; i < rows.size(); i += 100) {
      op.onChunk(chunk(IN, rows.subList(i, i + 100).toArray(new Object[0][])));
      op.onWatermark(i);
    }
    op.onWatermark(Long.MAX_VALUE - 1);
    assertThat(op.lateRows()).isZero();
    return results.take();
  }

  @Test
  void shouldReuseFreedStateAcrossManyWindows() {
    WindowAggregateOperator op = op(WindowSpec.tumble(10, 0), ON_CLOSE);
    for (int w = 0; w < 100; w++) {
      op.onChunk(chunk(IN, row(I, "a", w * 10L, 1), row(I, "b", w * 10L + 1, 2)));
      op.onWatermark(w * 10L + 10);
      assertThat(out.take()).hasSize(2);
      assertThat(op.groupCount()).isZero();
    }
    assertThat(op.openWindowCount()).isZero();
  }

  @Test
  void shouldRaiseOutOfRangeForSumsAndKeepTheStateOfTheFailingRow() {
    WindowAggregateOperator op = op(WindowSpec.tumble(10, 0), ON_CLOSE);
    op.onChunk(chunk(IN, row(I, "a", 1, Long.MAX_VALUE)));
    assertThatThrownBy(() -> op.onChunk(chunk(IN, row(I, "a", 2, 1))))
        .isInstanceOf(LaminarDBException.class)
        .satisfies(e -> assertThat(((LaminarDBException) e).code())
            .isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE));
    op.onWatermark(10);
    assertThat(out.take()).containsExactly(expect("+I", "a", 0, 10, 1, Long.MAX_VALUE));
  }

  @Test
  void shouldCheckTheIntRangeOfAnIntSum() {
    DataType integer = DataType.of(TypeKind.INT);
    Schema input = schema(VARCHAR, TIMESTAMP, integer);
    WindowOperator op = WindowOperators.create(input, 1, WindowSpec.tumble(10, 0), GROUPS,
        List.of(AggregateSpec.countStar(), AggregateSpec.of(AggregateKind.SUM, 2, integer)),
        schema(VARCHAR, TIMESTAMP, TIMESTAMP, BIGINT, integer), ON_CLOSE, out, null, 16);
    op.onChunk(chunk(input, row(I, "a", 1, Integer.MAX_VALUE)));
    assertThatThrownBy(() -> op.onChunk(chunk(input, row(I, "a", 2, 1))))
        .isInstanceOf(LaminarDBException.class);
  }

  @Test
  void shouldSumAndCountSeveralColumns() {
    Schema input = schema(BIGINT, TIMESTAMP, BIGINT, BIGINT);
    List<AggregateSpec> aggs = List.of(AggregateSpec.of(AggregateKind.SUM, 2, BIGINT),
        AggregateSpec.of(AggregateKind.COUNT, 3, BIGINT), AggregateSpec.of(AggregateKind.SUM, 3,
            BIGINT), AggregateSpec.countStar(), AggregateSpec.of(AggregateKind.COUNT, 2, BIGINT));
    WindowOperator op = WindowOperators.create(input, 1, WindowSpec.tumble(10, 0),
        new int[] {0, WindowSpec.END}, aggs,
        schema(BIGINT, TIMESTAMP, BIGINT, BIGINT, BIGINT, BIGINT, BIGINT), ON_CLOSE, out, null, 16);
    op.onChunk(chunk(input, row(I, 1, 1, 5, null), row(I, 1, 2, null, null), row(I, null, 3, 1, 2),
        row(I, 1, 4, 6, 3)));
    op.onWatermark(10);
    assertThat(out.take()).containsExactly(expect("+I", 1, 10, 11, 1, 3, 3, 2),
        expect("+I", null, 10, 1, 1, 2, 1, 1));
  }

  @Test
  void shouldHandleMoreWindowsPerRowThanCachedLanes() {
    WindowAggregateOperator op = op(WindowSpec.hop(1, 100, 0), ON_CLOSE);
    op.onChunk(chunk(IN, row(I, "a", 0, 1), row(I, "a", 50, 2), row(I, "a", 99, 4)));
    op.onWatermark(1000);
    List<List<Object>> rows = out.take();
    assertThat(rows).hasSize(199);
    assertThat(rows.get(98)).isEqualTo(expect("+I", "a", -1, 99, 2, 3));
    assertThat(rows.get(99)).isEqualTo(expect("+I", "a", 0, 100, 3, 7));
    assertThat(rows.get(198)).isEqualTo(expect("+I", "a", 99, 199, 1, 4));
    assertThat(op.groupCount()).isZero();
  }

  @Test
  void shouldRejectRetractions() {
    WindowAggregateOperator op = op(WindowSpec.tumble(10, 0), ON_CLOSE);
    assertThatThrownBy(() -> op.onChunk(chunk(IN, row(RowKind.DELETE, "a", 1, 1))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldHandOverFullChunks() {
    WindowOperator op = WindowFixture.create(WindowSpec.tumble(10, 0), ON_CLOSE, out, null, 2);
    op.onChunk(chunk(IN, row(I, "a", 1, 1), row(I, "b", 1, 1), row(I, "c", 1, 1)));
    op.onWatermark(10);
    assertThat(out.chunkSizes).containsExactly(2, 1);
  }
}
