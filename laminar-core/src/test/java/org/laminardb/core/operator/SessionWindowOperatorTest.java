package org.laminardb.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.core.testing.TestRows.BIGINT;
import static org.laminardb.core.testing.TestRows.TIMESTAMP;
import static org.laminardb.core.testing.TestRows.chunk;
import static org.laminardb.core.testing.TestRows.expect;
import static org.laminardb.core.testing.TestRows.row;
import static org.laminardb.core.testing.TestRows.schema;
import static org.laminardb.core.testing.WindowFixture.IN;
import static org.laminardb.core.testing.WindowFixture.ON_CLOSE;
import static org.laminardb.core.testing.WindowFixture.ON_UPDATE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.testing.TestRows;
import org.laminardb.core.testing.WindowFixture;
import org.laminardb.core.type.Schema;

class SessionWindowOperatorTest {
  private static final byte I = RowKind.INSERT;

  private final TestRows.Collector out = new TestRows.Collector();
  private final TestRows.Collector lateOut = new TestRows.Collector();

  private SessionWindowOperator op(long gap, EmitStrategy emit) {
    return (SessionWindowOperator) WindowFixture.create(WindowSpec.session(gap), emit, out,
        lateOut, 16);
  }

  @Test
  void shouldExtendSessionsPerKeyAndCloseThemInEndOrder() {
    SessionWindowOperator op = op(10, ON_CLOSE);
    op.onChunk(chunk(IN, row(I, "a", 1, 1), row(I, "b", 2, 10), row(I, "a", 5, 2),
        row(I, "a", 30, 4)));
    assertThat(out.rows).isEmpty();
    assertThat(op.sessionCount()).isEqualTo(3);
    op.onWatermark(15);
    assertThat(out.take()).containsExactly(
        expect("+I", "b", 2, 12, 1, 10), expect("+I", "a", 1, 15, 2, 3));
    assertThat(out.watermarks).containsExactly(15L);
    op.onWatermark(40);
    assertThat(out.take()).containsExactly(expect("+I", "a", 30, 40, 1, 4));
    assertThat(op.sessionCount()).isZero();
    assertThat(op.bufferedRows()).isZero();
    assertThat(op.keyCount()).isZero();
  }

  @Test
  void shouldMergeSessionsBridgedByARow() {
    SessionWindowOperator op = op(10, ON_CLOSE);
    op.onChunk(chunk(IN, row(I, "a", 1, 1), row(I, "a", 15, 2), row(I, "a", 40, 100)));
    op.onChunk(chunk(IN, row(I, "a", 8, 4)));
    assertThat(op.sessionCount()).isEqualTo(2);
    op.onWatermark(100);
    assertThat(out.take()).containsExactly(
        expect("+I", "a", 1, 25, 3, 7), expect("+I", "a", 40, 50, 1, 100));
  }

  @Test
  void shouldRetractEveryMergedSessionAndInsertTheMergedOneOnUpdate() {
    SessionWindowOperator op = op(10, ON_UPDATE);
    op.onChunk(chunk(IN, row(I, "a", 1, 1)));
    assertThat(out.take()).containsExactly(expect("+I", "a", 1, 11, 1, 1));
    op.onChunk(chunk(IN, row(I, "a", 15, 2)));
    assertThat(out.take()).containsExactly(expect("+I", "a", 15, 25, 1, 2));
    op.onChunk(chunk(IN, row(I, "a", 8, 4)));
    assertThat(out.take()).containsExactlyInAnyOrder(
        expect("-D", "a", 1, 11, 1, 1), expect("-D", "a", 15, 25, 1, 2),
        expect("+I", "a", 1, 25, 3, 7));
    op.onChunk(chunk(IN, row(I, "a", 14, 0)));
    assertThat(out.take()).containsExactly(
        expect("-U", "a", 1, 25, 3, 7), expect("+U", "a", 1, 25, 4, 7));
    op.onChunk(chunk(IN, row(I, "a", 24, 1)));
    assertThat(out.take()).containsExactly(
        expect("-D", "a", 1, 25, 4, 7), expect("+I", "a", 1, 34, 5, 8));
    op.onWatermark(34);
    assertThat(out.take()).isEmpty();
    assertThat(op.sessionCount()).isZero();
  }

  @Test
  void shouldEmitPeriodicChangesIncludingRetractionsOnlyFromTheTimer() throws Exception {
    SessionWindowOperator op = op(10, new EmitStrategy(EmitStrategy.EmitKind.PERIODIC, 1, 0));
    op.onChunk(chunk(IN, row(I, "a", 1, 1), row(I, "a", 15, 2)));
    assertThat(out.rows).isEmpty();
    Thread.sleep(2);
    assertThat(op.onTimer()).isEqualTo(2);
    assertThat(out.take()).containsExactlyInAnyOrder(
        expect("+I", "a", 1, 11, 1, 1), expect("+I", "a", 15, 25, 1, 2));
    op.onChunk(chunk(IN, row(I, "a", 8, 4)));
    assertThat(out.rows).isEmpty();
    Thread.sleep(2);
    assertThat(op.onTimer()).isEqualTo(3);
    assertThat(out.take()).containsExactlyInAnyOrder(
        expect("-D", "a", 1, 11, 1, 1), expect("-D", "a", 15, 25, 1, 2),
        expect("+I", "a", 1, 25, 3, 7));
    op.onChunk(chunk(IN, row(I, "a", 9, 1)));
    op.onWatermark(25);
    assertThat(out.take()).containsExactly(
        expect("-U", "a", 1, 25, 3, 7), expect("+U", "a", 1, 25, 4, 8));
    assertThat(op.sessionCount()).isZero();
  }

  @Test
  void shouldTreatRowsOfClosedSessionsAndNullTimesAsLate() {
    EmitStrategy emit = new EmitStrategy(EmitStrategy.EmitKind.ON_WINDOW_CLOSE, 0, 5);
    SessionWindowOperator op = op(10, emit);
    op.onChunk(chunk(IN, row(I, "a", 10, 1)));
    op.onWatermark(24);
    assertThat(out.watermarks).containsExactly(19L);
    op.onChunk(chunk(IN, row(I, "a", 5, 2), row(I, "b", 9, 3), row(I, "c", null, 4),
        row(I, "b", 11, 5)));
    assertThat(lateOut.take()).containsExactly(
        expect("+I", "b", 9, 3), expect("+I", "c", null, 4));
    assertThat(op.lateRows()).isEqualTo(2);
    op.onWatermark(25);
    assertThat(out.take()).containsExactly(expect("+I", "a", 5, 20, 2, 3));
    op.onWatermark(Watermarks.IDLE);
    op.onWatermark(26);
    assertThat(out.take()).containsExactly(expect("+I", "b", 11, 21, 1, 5));
    assertThat(out.watermarks).containsExactly(19L, 20L, Watermarks.IDLE, 21L);
    assertThat(op.keyCount()).isZero();
  }

  @Test
  void shouldKeepSessionsOfNullAndNumericKeysApart() {
    Schema input = schema(BIGINT, TIMESTAMP);
    Schema output = schema(TIMESTAMP, BIGINT, TIMESTAMP, BIGINT);
    WindowOperator op = WindowOperators.create(input, 1, WindowSpec.session(5),
        new int[] {WindowSpec.START, 0, WindowSpec.END}, List.of(AggregateSpec.countStar()),
        output, ON_CLOSE, out, null, 16);
    op.onChunk(chunk(input, row(I, null, 1), row(I, 0, 2), row(I, null, 4), row(I, 0, 20)));
    op.onWatermark(100);
    assertThat(out.take()).containsExactlyInAnyOrder(expect("+I", 1, null, 9, 2),
        expect("+I", 2, 0, 7, 1), expect("+I", 20, 0, 25, 1));
  }

  @Test
  void shouldFormGlobalSessionsWithoutKeys() {
    Schema output = schema(TIMESTAMP, TIMESTAMP, BIGINT);
    WindowOperator op = WindowOperators.create(IN, 1, WindowSpec.session(5), new int[] {
        WindowSpec.START, WindowSpec.TIME}, List.of(AggregateSpec.countStar()), output, ON_CLOSE,
        out, null, 16);
    op.onChunk(chunk(IN, row(I, "a", 1, 1), row(I, "b", 4, 1), row(I, "c", 20, 1)));
    op.onWatermark(100);
    assertThat(out.take()).containsExactly(expect("+I", 1, 8, 2), expect("+I", 20, 24, 1));
  }

  @Test
  void shouldGiveSortedInputResultsForShuffledInputAndAMatchingChangelog() {
    Random random = new Random(7);
    List<Object[]> rows = new ArrayList<>();
    long t = 0;
    for (int i = 0; i < 3000; i++) {
      t += random.nextInt(4);
      rows.add(row(I, "k" + random.nextInt(5), t, random.nextBoolean() ? null
          : (long) random.nextInt(100)));
    }
    List<Object[]> shuffled = TestRows.shuffledInBlocks(rows, 200, random);
    List<List<Object>> sorted = run(rows, ON_CLOSE);
    assertThat(run(shuffled, ON_CLOSE)).containsExactlyInAnyOrderElementsOf(sorted);
    List<List<Object>> finals = new ArrayList<>();
    for (List<Object> r : sorted) {
      List<Object> v = new ArrayList<>(r);
      v.set(0, "+I");
      finals.add(v);
    }
    assertThat(materialize(run(shuffled, ON_UPDATE))).containsExactlyInAnyOrderElementsOf(finals);
  }

  private List<List<Object>> run(List<Object[]> rows, EmitStrategy emit) {
    TestRows.Collector results = new TestRows.Collector();
    SessionWindowOperator op = (SessionWindowOperator) WindowFixture.create(
        WindowSpec.session(6), emit, results, null, 5);
    long low = Long.MAX_VALUE;
    for (int i = 0; i < rows.size(); i += 200) {
      List<Object[]> part = rows.subList(i, i + 200);
      op.onChunk(chunk(IN, part.toArray(new Object[0][])));
      if (i > 0) {
        op.onWatermark(low - 1);
      }
      low = Long.MAX_VALUE;
      for (Object[] r : rows.subList(Math.min(rows.size() - 1, i + 200),
          Math.min(rows.size(), i + 400))) {
        low = Math.min(low, (Long) r[2]);
      }
    }
    op.onWatermark(Long.MAX_VALUE - 1);
    assertThat(op.lateRows()).isZero();
    assertThat(op.sessionCount()).isZero();
    assertThat(op.bufferedRows()).isZero();
    return results.take();
  }

  /** Applies a changelog to a multiset of rows; returns them as {@code +I} rows. */
  private static List<List<Object>> materialize(List<List<Object>> changelog) {
    Map<List<Object>, Integer> counts = new HashMap<>();
    for (List<Object> r : changelog) {
      List<Object> v = new ArrayList<>(r.subList(1, r.size()));
      String kind = (String) r.get(0);
      int w = kind.equals("+I") || kind.equals("+U") ? 1 : -1;
      counts.merge(v, w, Integer::sum);
    }
    List<List<Object>> rows = new ArrayList<>();
    counts.forEach((v, n) -> {
      assertThat(n).as("count of %s", v).isBetween(0, 1);
      if (n == 1) {
        List<Object> r = new ArrayList<>();
        r.add("+I");
        r.addAll(v);
        rows.add(r);
      }
    });
    return rows;
  }
}
