package org.laminardb.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.core.testing.TestRows.chunk;
import static org.laminardb.core.testing.TestRows.expect;
import static org.laminardb.core.testing.TestRows.row;
import static org.laminardb.core.testing.TestRows.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.testing.TestRows;
import org.laminardb.core.type.Schema;

class IntervalJoinOperatorTest {
  private static final byte I = RowKind.INSERT;
  /** (k BIGINT, ts TIMESTAMP, v BIGINT) on both sides; key k, time ts. */
  private static final Schema SIDE = schema(TestRows.BIGINT, TestRows.TIMESTAMP, TestRows.BIGINT);
  private static final Schema OUT = schema(TestRows.BIGINT, TestRows.TIMESTAMP, TestRows.BIGINT,
      TestRows.BIGINT, TestRows.TIMESTAMP, TestRows.BIGINT);
  private static final int[] KEYS = {0};
  /** right.ts - left.ts in [LOWER, UPPER]. */
  private static final long LOWER = -3;
  private static final long UPPER = 5;
  /** Residual: left.v <= right.v + 1 (NULL is not TRUE). */
  private static final JoinPredicate RESIDUAL = (pairs, result) -> {
    for (int r = 0; r < pairs.size; r++) {
      result[r] = !pairs.columns[2].isNull(r) && !pairs.columns[5].isNull(r)
          && pairs.columns[2].longs[r] <= pairs.columns[5].longs[r] + 1;
    }
  };

  private final TestRows.Collector out = new TestRows.Collector();

  private IntervalJoinOperator join(JoinKind kind, JoinPredicate residual, int capacity) {
    return new IntervalJoinOperator(SIDE, KEYS, 1, SIDE, KEYS, 1, LOWER, UPPER, kind,
        rowtimeSide(kind), residual, kind.leftOnly() ? SIDE : OUT, out, capacity);
  }

  /** The output event-time side a planner would choose: left unless right rows are padded. */
  private static int rowtimeSide(JoinKind kind) {
    return kind == JoinKind.FULL ? -1 : kind == JoinKind.RIGHT ? 1 : 0;
  }

  @Test
  void shouldJoinRowsWithinTheBoundsAndEvictThemWhenTheOtherWatermarkPasses() {
    IntervalJoinOperator j = join(JoinKind.INNER, null, 16);
    j.left().onChunk(chunk(SIDE, row(I, 1, 100, 1), row(I, 1, 110, 2)));
    j.right().onChunk(chunk(SIDE, row(I, 1, 96, 3), row(I, 1, 97, 4), row(I, 1, 105, 5),
        row(I, 1, 106, 6), row(I, 2, 100, 7)));
    assertThat(out.take()).containsExactlyInAnyOrder(expect("+I", 1, 100, 1, 1, 97, 4),
        expect("+I", 1, 100, 1, 1, 105, 5));
    assertThat(j.storedRows()).isEqualTo(7);
    j.right().onWatermark(105);
    assertThat(j.storedRows(0)).as("left 100 expires at right watermark 105").isEqualTo(1);
    j.left().onWatermark(108);
    assertThat(j.storedRows(1)).as("right rows up to 105 expire at left watermark 108")
        .isEqualTo(1);
    j.right().onWatermark(200);
    j.left().onWatermark(200);
    assertThat(j.storedRows()).isZero();
    assertThat(j.keyCount()).isZero();
    assertThat(out.watermarks).as("min(left, right - UPPER)").containsExactly(100L, 108L, 195L);
  }

  @Test
  void shouldPadAnUnmatchedRowOnlyWhenTheOtherWatermarkPassesItsBound() {
    IntervalJoinOperator j = join(JoinKind.FULL, null, 16);
    j.left().onChunk(chunk(SIDE, row(I, 1, 100, 1)));
    j.right().onChunk(chunk(SIDE, row(I, 2, 100, 2)));
    j.right().onWatermark(104);
    assertThat(out.take()).isEmpty();
    j.right().onWatermark(105);
    assertThat(out.take()).containsExactly(expect("+I", 1, 100, 1, null, null, null));
    j.left().onWatermark(102);
    assertThat(out.take()).isEmpty();
    j.left().onWatermark(103);
    assertThat(out.take()).containsExactly(expect("+I", null, null, null, 2, 100, 2));
    assertThat(j.storedRows()).isZero();
  }

  @Test
  void shouldDropAndCountRowsAtOrBehindTheirInputsWatermark() {
    IntervalJoinOperator j = join(JoinKind.LEFT, null, 16);
    j.left().onWatermark(50);
    j.left().onChunk(chunk(SIDE, row(I, 1, 50, 1), row(I, 1, 49, 1), row(I, 1, 51, 1)));
    assertThat(j.lateRows()).isEqualTo(2);
    assertThat(j.storedRows(0)).isEqualTo(1);
    assertThat(out.take()).isEmpty();
  }

  @Test
  void shouldPadNullKeysAndTimesAtOnceAndNotKeepRowsTheOtherWatermarkPassed() {
    IntervalJoinOperator j = join(JoinKind.LEFT, null, 16);
    j.right().onChunk(chunk(SIDE, row(I, 1, 100, 9)));
    j.right().onWatermark(200);
    j.left().onChunk(chunk(SIDE, row(I, null, 100, 1), row(I, 1, null, 2), row(I, 1, 98, 3),
        row(I, 1, 50, 4)));
    assertThat(out.take()).containsExactly(expect("+I", null, 100, 1, null, null, null),
        expect("+I", 1, null, 2, null, null, null), expect("+I", 1, 98, 3, 1, 100, 9),
        expect("+I", 1, 50, 4, null, null, null));
    assertThat(j.storedRows(0)).isZero();
  }

  @Test
  void shouldLeaveAnIdleInputOutOfTheOutputWatermarkWithoutEvictingOnIt() {
    IntervalJoinOperator j = join(JoinKind.INNER, null, 16);
    j.left().onChunk(chunk(SIDE, row(I, 1, 100, 1)));
    j.left().onWatermark(150);
    assertThat(out.watermarks).isEmpty();
    j.right().onWatermark(Watermarks.IDLE);
    assertThat(out.watermarks).containsExactly(150L);
    assertThat(j.storedRows(0)).as("an idle right input evicts nothing").isEqualTo(1);
    j.right().onChunk(chunk(SIDE, row(I, 1, 104, 2)));
    assertThat(out.take()).containsExactly(expect("+I", 1, 100, 1, 1, 104, 2));
    j.right().onWatermark(120);
    assertThat(j.storedRows(0)).isZero();
    assertThat(out.watermarks).as("never goes back").containsExactly(150L);
    assertThat(j.outputWatermark()).isEqualTo(150L);
  }

  @Test
  void shouldEmitASemiJoinsLeftRowOnceAtItsFirstMatch() {
    IntervalJoinOperator j = join(JoinKind.SEMI, null, 16);
    j.right().onChunk(chunk(SIDE, row(I, 1, 99, 7)));
    j.left().onChunk(chunk(SIDE, row(I, 1, 100, 1), row(I, 1, 110, 2), row(I, null, 100, 3)));
    assertThat(out.take()).as("matches a stored right row: at once, not stored")
        .containsExactly(expect("+I", 1, 100, 1));
    assertThat(j.storedRows(0)).isEqualTo(1);
    j.right().onChunk(chunk(SIDE, row(I, 1, 112, 8), row(I, 1, 113, 9)));
    assertThat(out.take()).as("a stored left row at its first match only")
        .containsExactly(expect("+I", 1, 110, 2));
    j.right().onWatermark(115);
    j.left().onWatermark(120);
    assertThat(j.storedRows()).isZero();
    assertThat(out.take()).isEmpty();
  }

  @Test
  void shouldEmitAnAntiJoinsLeftRowWhenItExpiresUnmatched() {
    IntervalJoinOperator j = join(JoinKind.ANTI, RESIDUAL, 16);
    j.left().onChunk(chunk(SIDE, row(I, 1, 100, 1), row(I, 1, 101, 9), row(I, null, 100, 3)));
    assertThat(out.take()).as("a NULL key never matches").containsExactly(
        expect("+I", null, 100, 3));
    j.right().onChunk(chunk(SIDE, row(I, 1, 104, 5)));
    j.right().onWatermark(105);
    assertThat(out.take()).as("100 matched; 101 fails the residual, and waits").isEmpty();
    j.right().onWatermark(106);
    assertThat(out.take()).containsExactly(expect("+I", 1, 101, 9));
    assertThat(j.storedRows(0)).isZero();
  }

  @Test
  void shouldRejectRetractions() {
    IntervalJoinOperator j = join(JoinKind.INNER, null, 16);
    assertThatThrownBy(() -> j.left().onChunk(chunk(SIDE, row(RowKind.DELETE, 1, 1, 1))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("append-only");
  }

  @ParameterizedTest
  @EnumSource(value = JoinKind.class, names = {"FULL", "SEMI", "ANTI"})
  void shouldKeepTheStateBoundedOverALongRun(JoinKind kind) {
    IntervalJoinOperator j = join(kind, null, 64);
    Random rnd = new Random(7);
    int max = 0;
    for (int t = 0; t < 100_000; t += 10) {
      Chunk l = new Chunk(SIDE, 64);
      Chunk r = new Chunk(SIDE, 64);
      for (int i = 0; i < 10; i++) {
        TestRows.append(l, row(I, rnd.nextInt(20), t + i, i));
        TestRows.append(r, row(I, rnd.nextInt(20), t + i, i));
      }
      j.left().onChunk(l);
      j.right().onChunk(r);
      j.left().onWatermark(t + 9);
      j.right().onWatermark(t + 9);
      out.take();
      max = Math.max(max, j.storedRows());
    }
    assertThat(max).as("rows of about (UPPER - LOWER) time units").isLessThanOrEqualTo(60);
  }

  @ParameterizedTest
  @EnumSource(JoinKind.class)
  void shouldEqualTheBatchIntervalJoinAfterTheFinalWatermark(JoinKind kind) {
    for (int seed = 0; seed < 60; seed++) {
      randomRun(kind, seed % 2 == 0 ? null : RESIDUAL, new Random(seed * 31L + kind.ordinal()));
    }
  }

  /**
   * Random rows on both sides with times out of order by at most DELAY behind the side's largest
   * time so far, watermarks at largest - DELAY - 1, occasional late rows, duplicates, NULL keys and
   * times; checks padding timing and the final multiset against a nested-loop join.
   */
  private void randomRun(JoinKind kind, JoinPredicate residual, Random rnd) {
    out.take();
    out.watermarks.clear();
    final int delay = rnd.nextInt(6);
    IntervalJoinOperator j = join(kind, residual, 1 + rnd.nextInt(8));
    List<List<Object[]>> kept = List.of(new ArrayList<>(), new ArrayList<>());
    long[] maxTime = {0, 0};
    long[] wm = {Long.MIN_VALUE, Long.MIN_VALUE};
    long late = 0;
    Map<List<Object>, Integer> actual = new HashMap<>();
    int steps = 10 + rnd.nextInt(60);
    for (int step = 0; step < steps; step++) {
      int s = rnd.nextInt(2);
      int n = rnd.nextInt(5);
      Chunk c = new Chunk(SIDE, 8);
      for (int i = 0; i < n; i++) {
        Object k = rnd.nextInt(10) == 0 ? null : (long) rnd.nextInt(3);
        Object v = rnd.nextInt(10) == 0 ? null : (long) rnd.nextInt(4);
        long t = maxTime[s] + rnd.nextInt(4) - rnd.nextInt(delay + 1);
        boolean isLate = rnd.nextInt(15) == 0 && wm[s] != Long.MIN_VALUE;
        if (isLate) {
          t = wm[s] - rnd.nextInt(3);
        }
        Object ts = rnd.nextInt(15) == 0 ? null : (Object) t;
        Object[] r = row(I, k, ts, v);
        TestRows.append(c, r);
        if (ts != null) {
          maxTime[s] = Math.max(maxTime[s], t);
        }
        if (ts != null && t <= wm[s]) {
          late++;
        } else {
          kept.get(s).add(r);
        }
      }
      long prior = lastWatermark();
      (s == 0 ? j.left() : j.right()).onChunk(c);
      collect(actual, wm, kind, prior);
      if (rnd.nextInt(3) == 0) {
        int w = rnd.nextInt(2);
        long next = maxTime[w] - delay - 1;
        if (next > wm[w]) {
          wm[w] = next;
        }
        prior = lastWatermark();
        (w == 0 ? j.left() : j.right()).onWatermark(next);
        collect(actual, wm, kind, prior);
      }
    }
    long prior = lastWatermark();
    j.left().onWatermark(1_000_000);
    wm[0] = 1_000_000;
    collect(actual, wm, kind, prior);
    prior = lastWatermark();
    j.right().onWatermark(1_000_000);
    wm[1] = 1_000_000;
    collect(actual, wm, kind, prior);
    for (int i = 1; i < out.watermarks.size(); i++) {
      assertThat(out.watermarks.get(i)).isGreaterThan(out.watermarks.get(i - 1));
    }
    assertThat(j.storedRows()).isZero();
    assertThat(j.keyCount()).isZero();
    assertThat(j.lateRows()).isEqualTo(late);
    assertThat(actual).isEqualTo(expected(kind, residual, kept.get(0), kept.get(1)));
  }

  private long lastWatermark() {
    return out.watermarks.isEmpty() ? Long.MIN_VALUE
        : out.watermarks.get(out.watermarks.size() - 1);
  }

  /**
   * Adds the output to a multiset, checking padded rows' timing, that all rows are +I, and that
   * each row's output event time is after the output watermark forwarded before it.
   */
  private void collect(Map<List<Object>, Integer> actual, long[] wm, JoinKind kind,
      long prior) {
    int side = rowtimeSide(kind);
    for (List<Object> r : out.take()) {
      assertThat(r.get(0)).isEqualTo("+I");
      if (kind.leftOnly()) {
        assertThat(r).hasSize(4);
        if (r.get(2) != null) {
          assertThat((Long) r.get(2)).as("event time of %s", r).isGreaterThan(prior);
        }
        if (kind == JoinKind.ANTI && r.get(1) != null && r.get(2) != null) {
          assertThat(wm[1]).as("right watermark when emitting %s", r)
              .isGreaterThanOrEqualTo((Long) r.get(2) + UPPER);
        }
        actual.merge(r.subList(1, r.size()), 1, Integer::sum);
        continue;
      }
      Object rowtime = side < 0 ? null : r.get(side == 0 ? 2 : 5);
      if (rowtime != null) {
        assertThat((Long) rowtime).as("event time of %s", r).isGreaterThan(prior);
      }
      boolean leftPadded = r.get(4) == null && r.get(5) == null && r.get(6) == null;
      boolean rightPadded = r.get(1) == null && r.get(2) == null && r.get(3) == null;
      if (leftPadded && r.get(1) != null && r.get(2) != null) {
        assertThat(wm[1]).as("right watermark when padding %s", r)
            .isGreaterThanOrEqualTo((Long) r.get(2) + UPPER);
      }
      if (rightPadded && r.get(4) != null && r.get(5) != null) {
        assertThat(wm[0]).as("left watermark when padding %s", r)
            .isGreaterThanOrEqualTo((Long) r.get(5) - LOWER);
      }
      actual.merge(r.subList(1, r.size()), 1, Integer::sum);
    }
  }

  private static Map<List<Object>, Integer> expected(JoinKind kind, JoinPredicate residual,
      List<Object[]> left, List<Object[]> right) {
    Map<List<Object>, Integer> m = new HashMap<>();
    boolean[] rightMatched = new boolean[right.size()];
    for (Object[] a : left) {
      boolean any = false;
      for (int i = 0; i < right.size(); i++) {
        Object[] b = right.get(i);
        if (matches(a, b, residual)) {
          any = true;
          rightMatched[i] = true;
          if (!kind.leftOnly()) {
            add(m, a, b);
          }
        }
      }
      if (kind.leftOnly()) {
        if (any == (kind == JoinKind.SEMI)) {
          m.merge(Arrays.asList(a[1], a[2], a[3]), 1, Integer::sum);
        }
      } else if (!any && kind.keeps(0)) {
        add(m, a, null);
      }
    }
    for (int i = 0; i < right.size(); i++) {
      if (!rightMatched[i] && kind.keeps(1)) {
        add(m, null, right.get(i));
      }
    }
    return m;
  }

  private static boolean matches(Object[] a, Object[] b, JoinPredicate residual) {
    if (a[1] == null || b[1] == null || a[2] == null || b[2] == null
        || !Objects.equals(a[1], b[1])) {
      return false;
    }
    long d = (Long) b[2] - (Long) a[2];
    if (d < LOWER || d > UPPER) {
      return false;
    }
    if (residual == null) {
      return true;
    }
    Chunk c = new Chunk(OUT, 1);
    Object[] both = new Object[7];
    both[0] = I;
    System.arraycopy(a, 1, both, 1, 3);
    System.arraycopy(b, 1, both, 4, 3);
    TestRows.append(c, both);
    boolean[] result = new boolean[1];
    residual.test(c, result);
    return result[0];
  }

  private static void add(Map<List<Object>, Integer> m, Object[] a, Object[] b) {
    List<Object> r = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      r.add(a == null ? null : a[i]);
    }
    for (int i = 1; i <= 3; i++) {
      r.add(b == null ? null : b[i]);
    }
    m.merge(r, 1, Integer::sum);
  }
}
