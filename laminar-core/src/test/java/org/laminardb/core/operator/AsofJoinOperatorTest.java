package org.laminardb.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.core.testing.TestRows.chunk;
import static org.laminardb.core.testing.TestRows.expect;
import static org.laminardb.core.testing.TestRows.row;
import static org.laminardb.core.testing.TestRows.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.testing.TestRows;
import org.laminardb.core.type.Schema;

class AsofJoinOperatorTest {
  private static final byte I = RowKind.INSERT;
  /** (k BIGINT, ts TIMESTAMP, v BIGINT) on both sides; key k, time ts. */
  private static final Schema SIDE = schema(TestRows.BIGINT, TestRows.TIMESTAMP, TestRows.BIGINT);
  private static final Schema OUT = schema(TestRows.BIGINT, TestRows.TIMESTAMP, TestRows.BIGINT,
      TestRows.BIGINT, TestRows.TIMESTAMP, TestRows.BIGINT);
  private static final int[] KEYS = {0};
  private static final long NONE = Long.MAX_VALUE;

  private final TestRows.Collector out = new TestRows.Collector();

  private AsofJoinOperator join(AsofDirection direction, boolean strict, long tolerance,
      boolean leftOuter, boolean versioned, int capacity) {
    return new AsofJoinOperator(SIDE, KEYS, 1, SIDE, KEYS, 1, direction, strict, tolerance,
        leftOuter, versioned, OUT, out, capacity);
  }

  @Test
  void shouldJoinTheLatestEarlierRightRowOnceTheRightWatermarkMakesItFinal() {
    AsofJoinOperator j = join(AsofDirection.BACKWARD, false, NONE, false, false, 16);
    j.right().onChunk(chunk(SIDE, row(I, 1, 90, 1), row(I, 1, 95, 2), row(I, 2, 99, 3)));
    j.left().onChunk(chunk(SIDE, row(I, 1, 100, 10), row(I, 3, 100, 11)));
    assertThat(out.take()).as("a right row at 96..100 could still come").isEmpty();
    assertThat(j.pendingRows()).isEqualTo(2);
    j.right().onChunk(chunk(SIDE, row(I, 1, 98, 4), row(I, 1, 101, 5)));
    j.right().onWatermark(100);
    assertThat(out.take()).containsExactly(expect("+I", 1, 100, 10, 1, 98, 4));
    assertThat(j.pendingRows()).isZero();
    j.left().onChunk(chunk(SIDE, row(I, 1, 100, 12)));
    assertThat(out.take()).as("final at once: the right watermark is at 100")
        .containsExactly(expect("+I", 1, 100, 12, 1, 98, 4));
  }

  @Test
  void shouldPadUnmatchedLeftRowsAndRespectStrictnessAndTolerance() {
    AsofJoinOperator j = join(AsofDirection.BACKWARD, true, 5, true, false, 16);
    j.right().onChunk(chunk(SIDE, row(I, 1, 100, 1), row(I, 1, 90, 2)));
    j.left().onChunk(chunk(SIDE, row(I, 1, 100, 10), row(I, 1, 104, 11), row(I, 1, 96, 12),
        row(I, null, 100, 13)));
    assertThat(out.take()).as("a NULL key is padded at once")
        .containsExactly(expect("+I", null, 100, 13, null, null, null));
    j.right().onWatermark(200);
    assertThat(out.take()).containsExactlyInAnyOrder(
        expect("+I", 1, 100, 10, null, null, null),
        expect("+I", 1, 104, 11, 1, 100, 1),
        expect("+I", 1, 96, 12, null, null, null));
  }

  @Test
  void shouldWaitForTheFirstLaterRightRowWhenForward() {
    AsofJoinOperator j = join(AsofDirection.FORWARD, false, NONE, true, false, 16);
    j.left().onChunk(chunk(SIDE, row(I, 1, 100, 10)));
    j.right().onWatermark(150);
    assertThat(out.take()).as("no candidate, no tolerance: it waits").isEmpty();
    j.right().onChunk(chunk(SIDE, row(I, 1, 170, 1), row(I, 1, 160, 2)));
    j.right().onWatermark(165);
    assertThat(out.take()).containsExactly(expect("+I", 1, 100, 10, 1, 160, 2));
    assertThat(j.pendingRows()).isZero();
  }

  @Test
  void shouldPickTheNearestRowPreferringTheEarlierOnATie() {
    AsofJoinOperator j = join(AsofDirection.NEAREST, false, NONE, false, false, 16);
    j.right().onChunk(chunk(SIDE, row(I, 1, 95, 1), row(I, 1, 105, 2), row(I, 2, 98, 3),
        row(I, 2, 101, 4)));
    j.left().onChunk(chunk(SIDE, row(I, 1, 100, 10), row(I, 2, 100, 11)));
    j.right().onWatermark(104);
    assertThat(out.take()).as("key 2: 101 is final at 101").containsExactly(
        expect("+I", 2, 100, 11, 2, 101, 4));
    j.right().onWatermark(105);
    assertThat(out.take()).containsExactly(expect("+I", 1, 100, 10, 1, 95, 1));
  }

  @Test
  void shouldJoinTheVersionValidAtTheLeftTimeAndHonourDeletes() {
    AsofJoinOperator j = join(AsofDirection.BACKWARD, false, NONE, true, true, 16);
    j.right().onChunk(chunk(SIDE, row(I, 1, 10, 1), row(RowKind.UPDATE_BEFORE, 1, 10, 1),
        row(RowKind.UPDATE_AFTER, 1, 20, 2), row(RowKind.DELETE, 1, 30, 2)));
    j.left().onChunk(chunk(SIDE, row(I, 1, 5, 100), row(I, 1, 15, 101), row(I, 1, 25, 102),
        row(I, 1, 35, 103)));
    j.right().onWatermark(40);
    assertThat(out.take()).containsExactlyInAnyOrder(
        expect("+I", 1, 5, 100, null, null, null),
        expect("+I", 1, 15, 101, 1, 10, 1),
        expect("+I", 1, 25, 102, 1, 20, 2),
        expect("+I", 1, 35, 103, null, null, null));
    j.left().onWatermark(40);
    assertThat(j.storedRightRows()).as("the delete ended the key").isZero();
    assertThat(j.keyCount()).isZero();
  }

  @Test
  void shouldForwardTheLeftWatermarkHeldBackByPendingRows() {
    AsofJoinOperator j = join(AsofDirection.BACKWARD, false, NONE, true, false, 16);
    j.left().onChunk(chunk(SIDE, row(I, 1, 100, 10)));
    j.left().onWatermark(120);
    assertThat(out.watermarks).containsExactly(99L);
    j.right().onWatermark(100);
    assertThat(out.take()).hasSize(1);
    assertThat(out.watermarks).containsExactly(99L, 120L);
  }

  @Test
  void shouldRejectRetractionsUnlessVersioned() {
    AsofJoinOperator j = join(AsofDirection.BACKWARD, false, NONE, false, false, 16);
    assertThatThrownBy(() -> j.right().onChunk(chunk(SIDE, row(RowKind.DELETE, 1, 1, 1))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> join(AsofDirection.FORWARD, false, NONE, false, true, 16))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldEqualTheReferenceAsofJoinOnRandomInputs() {
    for (int seed = 0; seed < 400; seed++) {
      Random rnd = new Random(seed);
      AsofDirection direction = AsofDirection.values()[seed % 3];
      boolean versioned = direction == AsofDirection.BACKWARD && seed % 7 == 0;
      boolean strict = !versioned && rnd.nextInt(3) == 0;
      long tolerance = rnd.nextBoolean() ? NONE : rnd.nextInt(8);
      randomRun(direction, strict, tolerance, rnd.nextBoolean(), versioned, rnd);
    }
  }

  /**
   * Random rows on both sides with times out of order by at most DELAY behind the side's largest
   * time, watermarks at largest - DELAY - 1, late rows, duplicates, NULL keys and times, and (when
   * versioned) updates and deletes on the right; compares the output with a reference ASOF join
   * over the rows that were not late, and checks the state is bounded by what can still match.
   */
  private void randomRun(AsofDirection direction, boolean strict, long tolerance,
      boolean leftOuter, boolean versioned, Random rnd) {
    out.take();
    out.watermarks.clear();
    final int delay = rnd.nextInt(6);
    AsofJoinOperator j = join(direction, strict, tolerance, leftOuter, versioned,
        1 + rnd.nextInt(8));
    List<List<Object[]>> kept = List.of(new ArrayList<>(), new ArrayList<>());
    long[] maxTime = {0, 0};
    long[] wm = {Long.MIN_VALUE, Long.MIN_VALUE};
    long late = 0;
    Map<List<Object>, Integer> actual = new HashMap<>();
    int steps = 10 + rnd.nextInt(80);
    for (int step = 0; step < steps; step++) {
      int s = rnd.nextInt(2);
      int n = rnd.nextInt(5);
      Chunk c = new Chunk(SIDE, 8);
      for (int i = 0; i < n; i++) {
        Object k = rnd.nextInt(10) == 0 ? null : (long) rnd.nextInt(3);
        Object v = rnd.nextInt(10) == 0 ? null : (long) rnd.nextInt(4);
        long t = maxTime[s] + rnd.nextInt(4) - rnd.nextInt(delay + 1);
        if (rnd.nextInt(15) == 0 && wm[s] != Long.MIN_VALUE) {
          t = wm[s] - rnd.nextInt(3);
        }
        Object ts = rnd.nextInt(15) == 0 ? null : (Object) t;
        byte kind = I;
        if (versioned && s == 1) {
          int x = rnd.nextInt(6);
          kind = x == 0 ? RowKind.DELETE : x == 1 ? RowKind.UPDATE_BEFORE
              : x == 2 ? RowKind.UPDATE_AFTER : I;
        }
        Object[] r = row(kind, k, ts, v);
        TestRows.append(c, r);
        if (ts != null) {
          maxTime[s] = Math.max(maxTime[s], t);
        }
        if (kind == RowKind.UPDATE_BEFORE) {
          continue;
        }
        boolean rightKeyless = s == 1 && (k == null || ts == null);
        if (ts != null && t <= wm[s] && !rightKeyless) {
          late++;
        } else {
          kept.get(s).add(r);
        }
      }
      long prior = lastWatermark();
      (s == 0 ? j.left() : j.right()).onChunk(c);
      collect(actual, prior);
      if (rnd.nextInt(3) == 0) {
        int w = rnd.nextInt(2);
        long next = maxTime[w] - delay - 1;
        if (next > wm[w]) {
          wm[w] = next;
        }
        prior = lastWatermark();
        (w == 0 ? j.left() : j.right()).onWatermark(next);
        collect(actual, prior);
      }
    }
    long prior = lastWatermark();
    j.left().onWatermark(1_000_000);
    collect(actual, prior);
    prior = lastWatermark();
    j.right().onWatermark(1_000_000);
    collect(actual, prior);
    for (int i = 1; i < out.watermarks.size(); i++) {
      assertThat(out.watermarks.get(i)).isGreaterThan(out.watermarks.get(i - 1));
    }
    Map<List<Object>, Integer> expected = new HashMap<>();
    int waiting = reference(direction, strict, tolerance, leftOuter, kept.get(0), kept.get(1),
        expected);
    String what = direction + (strict ? " strict" : "") + " tolerance=" + tolerance
        + (leftOuter ? " LEFT" : " INNER") + (versioned ? " versioned" : "");
    assertThat(j.lateRows()).as(what).isEqualTo(late);
    assertThat(actual).as(what).isEqualTo(expected);
    assertThat(j.pendingRows()).as(what + ": left rows that can never be final").isEqualTo(waiting);
    if (waiting == 0) {
      assertThat(j.storedRightRows()).as(what + ": right rows after the final watermarks")
          .isLessThanOrEqualTo(direction == AsofDirection.FORWARD || tolerance != NONE ? 0 : 3);
    }
  }

  private long lastWatermark() {
    return out.watermarks.isEmpty() ? Long.MIN_VALUE
        : out.watermarks.get(out.watermarks.size() - 1);
  }

  /** Adds the output to a multiset, checking each row's event time is after the watermark. */
  private void collect(Map<List<Object>, Integer> actual, long prior) {
    for (List<Object> r : out.take()) {
      assertThat(r.get(0)).isEqualTo("+I");
      if (r.get(2) != null) {
        assertThat((Long) r.get(2)).as("event time of %s", r).isGreaterThan(prior);
      }
      actual.merge(r, 1, Integer::sum);
    }
  }

  /**
   * The reference ASOF join: for each left row, the best right row by the definition, found by a
   * scan of all right rows; returns how many left rows can never be final (forward or nearest
   * without a tolerance and without any candidate).
   */
  private static int reference(AsofDirection direction, boolean strict, long tolerance,
      boolean leftOuter, List<Object[]> left, List<Object[]> right,
      Map<List<Object>, Integer> expected) {
    int waiting = 0;
    for (Object[] l : left) {
      Object lk = l[1];
      Object lt = l[2];
      Object[] best = null;
      boolean anyCandidate = false;
      if (lk != null && lt != null) {
        long t = (Long) lt;
        Object[] back = null;
        Object[] fwd = null;
        for (Object[] r : right) {
          if (!Objects.equals(r[1], lk) || r[2] == null) {
            continue;
          }
          long rt = (Long) r[2];
          boolean backOk = strict && direction == AsofDirection.BACKWARD ? rt < t : rt <= t;
          boolean fwdOk = direction == AsofDirection.FORWARD
              ? (strict ? rt > t : rt >= t) : rt > t;
          if (backOk && (back == null || rt >= (Long) back[2])) {
            back = r;
          }
          if (fwdOk && (fwd == null || rt <= (Long) fwd[2])) {
            fwd = r;
          }
        }
        Object[] cand;
        switch (direction) {
          case BACKWARD:
            cand = back;
            anyCandidate = true;
            break;
          case FORWARD:
            cand = fwd;
            anyCandidate = fwd != null;
            break;
          default:
            anyCandidate = back != null || fwd != null;
            if (back != null && fwd != null) {
              cand = (Long) fwd[2] - t < t - (Long) back[2] ? fwd : back;
            } else {
              cand = back != null ? back : fwd;
            }
            break;
        }
        if (!anyCandidate && tolerance == NONE) {
          waiting++;
          continue;
        }
        if (cand != null && (byte) cand[0] != RowKind.DELETE
            && Math.abs((Long) cand[2] - t) <= tolerance) {
          best = cand;
        }
      }
      List<Object> row;
      if (best != null) {
        row = expect("+I", l[1], l[2], l[3], best[1], best[2], best[3]);
      } else if (leftOuter) {
        row = expect("+I", l[1], l[2], l[3], null, null, null);
      } else {
        continue;
      }
      expected.merge(row, 1, Integer::sum);
    }
    return waiting;
  }
}
