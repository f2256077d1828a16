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

class JoinOperatorTest {
  private static final byte I = RowKind.INSERT;
  private static final byte UB = RowKind.UPDATE_BEFORE;
  private static final byte UA = RowKind.UPDATE_AFTER;
  private static final byte D = RowKind.DELETE;
  /** (k BIGINT, s VARCHAR, v BIGINT) on both sides; keys (k, s). */
  private static final Schema SIDE = schema(TestRows.BIGINT, TestRows.VARCHAR, TestRows.BIGINT);
  private static final Schema OUT = schema(TestRows.BIGINT, TestRows.VARCHAR, TestRows.BIGINT,
      TestRows.BIGINT, TestRows.VARCHAR, TestRows.BIGINT);
  private static final int[] KEYS = {0, 1};
  /** Residual: left.v <= right.v + 1 (NULL is not TRUE). */
  private static final JoinPredicate RESIDUAL = (pairs, result) -> {
    for (int r = 0; r < pairs.size; r++) {
      result[r] = !pairs.columns[2].isNull(r) && !pairs.columns[5].isNull(r)
          && pairs.columns[2].longs[r] <= pairs.columns[5].longs[r] + 1;
    }
  };

  private final TestRows.Collector out = new TestRows.Collector();

  private JoinOperator join(JoinKind kind, JoinPredicate residual, int capacity) {
    return new JoinOperator(SIDE, KEYS, SIDE, KEYS, kind, residual, OUT, out, capacity);
  }

  @Test
  void shouldEmitPairsOfEqualKeysForAnInnerJoin() {
    JoinOperator j = join(JoinKind.INNER, null, 16);
    j.left().onChunk(chunk(SIDE, row(I, 1, "a", 10), row(I, 1, "a", 10), row(I, 2, "a", 20)));
    assertThat(out.take()).isEmpty();
    j.right().onChunk(chunk(SIDE, row(I, 1, "a", 7), row(I, 1, "b", 8)));
    assertThat(out.take()).containsExactly(
        expect("+I", 1, "a", 10, 1, "a", 7), expect("+I", 1, "a", 10, 1, "a", 7));
    j.left().onChunk(chunk(SIDE, row(D, 1, "a", 10)));
    assertThat(out.take()).containsExactly(expect("-D", 1, "a", 10, 1, "a", 7));
    assertThat(j.storedRows(0)).isEqualTo(2);
  }

  @Test
  void shouldRetractThePaddedRowWhenALateMatchArrivesAndEmitItAgainWhenItGoes() {
    JoinOperator j = join(JoinKind.LEFT, null, 16);
    j.left().onChunk(chunk(SIDE, row(I, 1, "a", 10)));
    assertThat(out.take()).containsExactly(expect("+I", 1, "a", 10, null, null, null));
    j.right().onChunk(chunk(SIDE, row(I, 1, "a", 7), row(I, 1, "a", 8)));
    assertThat(out.take()).containsExactly(expect("-D", 1, "a", 10, null, null, null),
        expect("+I", 1, "a", 10, 1, "a", 7), expect("+I", 1, "a", 10, 1, "a", 8));
    j.right().onChunk(chunk(SIDE, row(UB, 1, "a", 7), row(D, 1, "a", 8)));
    assertThat(out.take()).containsExactly(expect("-D", 1, "a", 10, 1, "a", 7),
        expect("-D", 1, "a", 10, 1, "a", 8), expect("+I", 1, "a", 10, null, null, null));
    j.left().onChunk(chunk(SIDE, row(D, 1, "a", 10)));
    assertThat(out.take()).containsExactly(expect("-D", 1, "a", 10, null, null, null));
    assertThat(j.keyCount()).as("state freed").isZero();
  }

  @Test
  void shouldNeverMatchNullKeysButPadThemInAFullJoin() {
    JoinOperator j = join(JoinKind.FULL, null, 16);
    j.left().onChunk(chunk(SIDE, row(I, null, "a", 1)));
    j.right().onChunk(chunk(SIDE, row(I, null, "a", 2)));
    assertThat(out.take()).containsExactly(expect("+I", null, "a", 1, null, null, null),
        expect("+I", null, null, null, null, "a", 2));
    j.left().onChunk(chunk(SIDE, row(D, null, "a", 1)));
    assertThat(out.take()).containsExactly(expect("-D", null, "a", 1, null, null, null));
  }

  @Test
  void shouldDropNullKeysOfAnInnerSide() {
    JoinOperator j = join(JoinKind.INNER, null, 16);
    j.left().onChunk(chunk(SIDE, row(I, null, "a", 1), row(D, 2, null, 1)));
    assertThat(j.storedRows(0)).isZero();
    assertThat(j.ignoredRetractions()).isZero();
    j.left().onChunk(chunk(SIDE, row(D, 3, "x", 1)));
    assertThat(j.ignoredRetractions()).isEqualTo(1);
  }

  @Test
  void shouldApplyTheResidualToPairsOfEqualKeys() {
    JoinOperator j = join(JoinKind.RIGHT, RESIDUAL, 2);
    j.left().onChunk(chunk(SIDE, row(I, 1, "a", 5), row(I, 1, "a", 1), row(I, 1, "a", 2)));
    j.right().onChunk(chunk(SIDE, row(I, 1, "a", 1)));
    assertThat(out.take()).containsExactlyInAnyOrder(expect("+I", 1, "a", 1, 1, "a", 1),
        expect("+I", 1, "a", 2, 1, "a", 1));
    j.right().onChunk(chunk(SIDE, row(I, 1, "a", -5)));
    assertThat(out.take()).containsExactly(expect("+I", null, null, null, 1, "a", -5));
  }

  @Test
  void shouldForwardTheMinimumWatermark() {
    JoinOperator j = join(JoinKind.INNER, null, 16);
    j.left().onWatermark(10);
    assertThat(out.watermarks).isEmpty();
    j.right().onWatermark(5);
    j.left().onWatermark(20);
    j.right().onWatermark(30);
    assertThat(out.watermarks).containsExactly(5L, 20L);
  }

  @Test
  void shouldRejectKeysStoredDifferently() {
    Schema other = schema(TestRows.VARCHAR, TestRows.VARCHAR, TestRows.BIGINT);
    assertThatThrownBy(() -> new JoinOperator(SIDE, new int[] {0}, other, new int[] {0},
        JoinKind.INNER, null, OUT, out, 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("join key columns must be stored alike");
    assertThatThrownBy(() -> new JoinOperator(SIDE, new int[0], SIDE, new int[0],
        JoinKind.INNER, null, OUT, out, 16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
  }

  @Test
  void shouldNotAllocatePerRowInSteadyState() {
    JoinOperator j = new JoinOperator(SIDE, KEYS, SIDE, KEYS, JoinKind.FULL, RESIDUAL, OUT,
        c -> { }, 256);
    String[] names = {"alpha", "beta", null};
    Chunk[] chunks = new Chunk[2];
    for (int k = 0; k < 2; k++) {
      chunks[k] = new Chunk(SIDE, 1024);
      for (int r = 0; r < 1024; r++) {
        TestRows.append(chunks[k], row(k == 0 ? I : D, r % 200, names[r % 3], (long) (r % 7)));
      }
    }
    for (int i = 0; i < 400; i++) {
      j.left().onChunk(chunks[0]);
      j.right().onChunk(chunks[0]);
      j.left().onChunk(chunks[1]);
      j.right().onChunk(chunks[1]);
    }
    assertThat(j.keyCount()).isZero();
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean)
        java.lang.management.ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 200; i++) {
      j.left().onChunk(chunks[0]);
      j.right().onChunk(chunks[0]);
      j.left().onChunk(chunks[1]);
      j.right().onChunk(chunks[1]);
    }
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes allocated for 800K input rows").isLessThan(64 * 1024);
  }

  @ParameterizedTest
  @EnumSource(value = JoinKind.class, names = {"INNER", "LEFT", "RIGHT", "FULL"})
  void shouldEqualTheBatchJoinOfTheCurrentContents(JoinKind kind) {
    for (int seed = 0; seed < 30; seed++) {
      randomRun(kind, seed % 2 == 0 ? null : RESIDUAL, new Random(seed * 31L + kind.ordinal()),
          false);
    }
  }

  @ParameterizedTest
  @EnumSource(value = JoinKind.class, names = {"INNER", "LEFT", "RIGHT", "FULL"})
  void shouldJoinARelationWithItself(JoinKind kind) {
    for (int seed = 0; seed < 10; seed++) {
      randomRun(kind, seed % 2 == 0 ? null : RESIDUAL, new Random(seed * 17L + kind.ordinal()),
          true);
    }
  }

  /**
   * Random inserts and retractions (duplicates, NULL keys, retractions of absent rows) on both
   * sides; after every chunk the output changelog applied as a multiset equals the nested-loop
   * join of the current contents.
   */
  private void randomRun(JoinKind kind, JoinPredicate residual, Random rnd, boolean self) {
    out.take();
    JoinOperator j = join(kind, residual, 1 + rnd.nextInt(8));
    List<List<Object>> left = new ArrayList<>();
    List<List<Object>> right = self ? left : new ArrayList<>();
    Map<List<Object>, Integer> result = new HashMap<>();
    for (int step = 0; step < 60; step++) {
      int side = self ? 0 : rnd.nextInt(2);
      List<List<Object>> contents = side == 0 ? left : right;
      int n = 1 + rnd.nextInt(6);
      Chunk c = new Chunk(SIDE, n);
      for (int i = 0; i < n; i++) {
        boolean retract = !contents.isEmpty() && rnd.nextInt(3) == 0;
        List<Object> values;
        if (retract && rnd.nextInt(10) > 0) {
          values = contents.get(rnd.nextInt(contents.size()));
        } else {
          values = Arrays.asList(rnd.nextInt(10) == 0 ? null : (long) rnd.nextInt(4),
              rnd.nextInt(10) == 0 ? null : rnd.nextBoolean() ? "a" : "b",
              rnd.nextInt(8) == 0 ? null : (long) rnd.nextInt(4));
        }
        byte k = retract ? (rnd.nextBoolean() ? D : UB) : (rnd.nextBoolean() ? I : UA);
        TestRows.append(c, row(k, values.toArray()));
        if (retract) {
          contents.remove(values);
        } else {
          contents.add(values);
        }
      }
      if (self) {
        j.left().onChunk(c);
        j.right().onChunk(c);
      } else {
        (side == 0 ? j.left() : j.right()).onChunk(c);
      }
      for (List<Object> r : out.take()) {
        List<Object> values = r.subList(1, r.size());
        int w = r.get(0).equals("+I") ? 1 : -1;
        assertThat(r.get(0)).isIn("+I", "-D");
        int now = result.getOrDefault(values, 0) + w;
        assertThat(now).as("count of %s after %s", values, r).isNotNegative();
        if (now == 0) {
          result.remove(values);
        } else {
          result.put(new ArrayList<>(values), now);
        }
      }
      assertThat(result).as("%s join at step %d", kind, step)
          .isEqualTo(nestedLoop(kind, residual, left, right));
    }
  }

  private static Map<List<Object>, Integer> nestedLoop(JoinKind kind, JoinPredicate residual,
      List<List<Object>> left, List<List<Object>> right) {
    Map<List<Object>, Integer> expected = new HashMap<>();
    boolean[] rightMatched = new boolean[right.size()];
    for (List<Object> l : left) {
      boolean matched = false;
      for (int i = 0; i < right.size(); i++) {
        List<Object> r = right.get(i);
        if (l.get(0) == null || l.get(1) == null || !Objects.equals(l.get(0), r.get(0))
            || !Objects.equals(l.get(1), r.get(1)) || !passes(residual, l, r)) {
          continue;
        }
        matched = true;
        rightMatched[i] = true;
        add(expected, l, r);
      }
      if (!matched && kind.keeps(0)) {
        add(expected, l, Arrays.asList(null, null, null));
      }
    }
    if (kind.keeps(1)) {
      for (int i = 0; i < right.size(); i++) {
        if (!rightMatched[i]) {
          add(expected, Arrays.asList(null, null, null), right.get(i));
        }
      }
    }
    return expected;
  }

  private static boolean passes(JoinPredicate residual, List<Object> l, List<Object> r) {
    if (residual == null) {
      return true;
    }
    Chunk pair = new Chunk(OUT, 1);
    List<Object> values = new ArrayList<>(l);
    values.addAll(r);
    TestRows.append(pair, row(I, values.toArray()));
    boolean[] result = new boolean[1];
    residual.test(pair, result);
    return result[0];
  }

  private static void add(Map<List<Object>, Integer> m, List<Object> l, List<Object> r) {
    List<Object> row = new ArrayList<>(l);
    row.addAll(r);
    m.merge(row, 1, Integer::sum);
  }

  @Test
  void shouldDropRowsStoredLongerThanTheTimeToLiveWithoutEmittingAnything() throws Exception {
    JoinOperator j = new JoinOperator(SIDE, KEYS, SIDE, KEYS, JoinKind.INNER, null, OUT, out, 16,
        1500);
    j.right().onChunk(chunk(SIDE, row(I, 1, "a", 10)));
    j.left().onChunk(chunk(SIDE, row(I, 1, "a", 1)));
    assertThat(out.take()).containsExactly(expect("+I", 1, "a", 1, 1, "a", 10));
    Thread.sleep(2000);
    j.left().onChunk(chunk(SIDE, row(I, 1, "a", 2)));
    assertThat(out.take()).as("the right row expired: no match, nothing retracted").isEmpty();
    assertThat(j.expiredRows()).isEqualTo(2);
    assertThat(j.storedRows(0)).isEqualTo(1);
    assertThat(j.storedRows(1)).isZero();
    j.right().onChunk(chunk(SIDE, row(D, 1, "a", 10)));
    assertThat(out.take()).as("its retraction finds nothing").isEmpty();
    assertThat(j.ignoredRetractions()).isEqualTo(1);
    j.left().onChunk(chunk(SIDE, row(D, 1, "a", 2)));
    assertThat(j.keyCount()).isZero();
  }
}
