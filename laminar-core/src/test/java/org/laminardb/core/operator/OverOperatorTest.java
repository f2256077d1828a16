package org.laminardb.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.core.testing.TestRows.BIGINT;
import static org.laminardb.core.testing.TestRows.TIMESTAMP;
import static org.laminardb.core.testing.TestRows.VARCHAR;
import static org.laminardb.core.testing.TestRows.chunk;
import static org.laminardb.core.testing.TestRows.expect;
import static org.laminardb.core.testing.TestRows.row;
import static org.laminardb.core.testing.TestRows.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.testing.TestRows;
import org.laminardb.core.type.Schema;

class OverOperatorTest {
  private static final byte I = RowKind.INSERT;
  /** (k VARCHAR, v BIGINT, ts TIMESTAMP). */
  private static final Schema IN = schema(VARCHAR, BIGINT, TIMESTAMP);
  private static final List<OverCall> CALLS = List.of(
      new OverCall(OverCall.Function.LAG, 1, 1, null, BIGINT),
      new OverCall(OverCall.Function.LAG, 1, 2, -1L, BIGINT),
      new OverCall(OverCall.Function.LEAD, 1, 1, null, BIGINT),
      new OverCall(OverCall.Function.SUM, 1, 0, null, BIGINT),
      new OverCall(OverCall.Function.MIN, 1, 0, null, BIGINT),
      new OverCall(OverCall.Function.COUNT_STAR, -1, 0, null, BIGINT));
  private static final Schema OUT =
      schema(VARCHAR, BIGINT, TIMESTAMP, BIGINT, BIGINT, BIGINT, BIGINT, BIGINT, BIGINT);

  private final TestRows.Collector out = new TestRows.Collector();

  private OverOperator op(List<OverCall> calls, OverFrame frame, Schema output) {
    return new OverOperator(IN, new int[] {0}, 2, calls, frame, output, out, 4);
  }

  @Test
  void shouldEmitLagAndRunningSumInEventTimeOrderOnceTheWatermarkPasses() {
    List<OverCall> calls = List.of(CALLS.get(0), CALLS.get(3));
    OverOperator op = op(calls, new OverFrame(true, 1), schema(VARCHAR, BIGINT, TIMESTAMP, BIGINT,
        BIGINT));
    op.onChunk(chunk(IN, row(I, "a", 1, 10), row(I, "a", 3, 30), row(I, "a", 2, 20)));
    assertThat(out.take()).isEmpty();
    op.onWatermark(25);
    assertThat(out.take()).containsExactly(
        expect("+I", "a", 1, 10, null, 1), expect("+I", "a", 2, 20, 1, 3));
    op.onChunk(chunk(IN, row(I, "a", 9, 25), row(I, "a", 4, 40)));
    assertThat(op.lateRows()).isEqualTo(1);
    op.onWatermark(100);
    assertThat(out.take()).containsExactly(
        expect("+I", "a", 3, 30, 2, 5), expect("+I", "a", 4, 40, 3, 7));
    assertThat(out.watermarks).containsExactly(25L, 100L);
  }

  @Test
  void shouldHoldRowsAndTheWatermarkUntilLeadIsKnown() {
    List<OverCall> calls = List.of(CALLS.get(2));
    OverOperator op = op(calls, OverFrame.DEFAULT, schema(VARCHAR, BIGINT, TIMESTAMP, BIGINT));
    op.onChunk(chunk(IN, row(I, "a", 1, 10), row(I, "b", 7, 12), row(I, "a", 2, 20)));
    op.onWatermark(50);
    assertThat(out.take()).containsExactly(expect("+I", "a", 1, 10, 2));
    assertThat(op.bufferedRows()).isEqualTo(2);
    assertThat(out.watermarks).containsExactly(11L);
    op.onChunk(chunk(IN, row(I, "b", 8, 60)));
    op.onWatermark(70);
    assertThat(out.take()).containsExactly(expect("+I", "b", 7, 12, 8));
    assertThat(out.watermarks).containsExactly(11L, 19L);
  }

  @Test
  void shouldMatchABruteForceWindowOverRandomOutOfOrderInput() {
    OverFrame[] frames = {new OverFrame(true, 2), new OverFrame(false, 3), OverFrame.DEFAULT,
        new OverFrame(true, -1), new OverFrame(true, 0)};
    for (OverFrame frame : frames) {
      for (long seed = 0; seed < 4; seed++) {
        randomRun(frame, new Random(seed * 17 + frame.hashCode()));
      }
    }
  }

  private void randomRun(OverFrame frame, Random rnd) {
    out.take();
    OverOperator op = op(CALLS, frame, OUT);
    List<Object[]> accepted = new ArrayList<>();
    long maxTs = 0;
    long wm = Long.MIN_VALUE;
    long late = 0;
    for (int step = 0; step < 40; step++) {
      Chunk c = new Chunk(IN, 8);
      int rows = 1 + rnd.nextInt(8);
      for (int r = 0; r < rows; r++) {
        long ts = Math.max(0, maxTs + rnd.nextInt(6) - 3);
        Object[] added = {"k" + rnd.nextInt(3), rnd.nextInt(5) == 0 ? null : (long) rnd.nextInt(9),
            ts};
        TestRows.append(c, row(I, added));
        if (ts <= wm) {
          late++;
        } else {
          accepted.add(added);
        }
        maxTs = Math.max(maxTs, ts);
      }
      op.onChunk(c);
      if (rnd.nextBoolean()) {
        wm = Math.max(wm, maxTs - 2);
        op.onWatermark(wm);
      }
    }
    op.onWatermark(Long.MAX_VALUE - 1);
    assertThat(op.lateRows()).isEqualTo(late);
    List<List<Object>> got = out.take();
    List<List<Object>> want = expected(accepted, frame);
    assertThat(got).as("frame %s", frame).containsExactlyInAnyOrderElementsOf(want);
  }

  private static List<List<Object>> expected(List<Object[]> accepted, OverFrame frame) {
    Map<Object, List<Object[]>> parts = new HashMap<>();
    for (Object[] r : accepted) {
      parts.computeIfAbsent(r[0], x -> new ArrayList<>()).add(r);
    }
    List<List<Object>> result = new ArrayList<>();
    for (List<Object[]> rows : parts.values()) {
      rows.sort(Comparator.comparing((Object[] r) -> (Long) r[2])); // stable: arrival order
      for (int i = 0; i + 1 < rows.size(); i++) { // the last row waits for LEAD
        Object[] r = rows.get(i);
        long ts = (Long) r[2];
        int from;
        int to = i;
        if (frame.rows()) {
          from = frame.unbounded() ? 0 : (int) Math.max(0, i - frame.preceding());
        } else {
          while (to + 1 < rows.size() && (Long) rows.get(to + 1)[2] == ts) {
            to++;
          }
          from = 0;
          while (!frame.unbounded() && (Long) rows.get(from)[2] < ts - frame.preceding()) {
            from++;
          }
        }
        Long sum = null;
        Long min = null;
        for (int j = from; j <= to; j++) {
          Long v = (Long) rows.get(j)[1];
          if (v != null) {
            sum = sum == null ? v : sum + v;
            min = min == null ? v : Math.min(min, v);
          }
        }
        result.add(expect("+I", r[0], r[1], ts, i >= 1 ? rows.get(i - 1)[1] : null,
            i >= 2 ? rows.get(i - 2)[1] : (Object) (-1L), rows.get(i + 1)[1], sum, min,
            (long) (to - from + 1)));
      }
    }
    return result;
  }
}
