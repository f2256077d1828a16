package org.laminardb.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;

class TopNOperatorTest {
  private static final DataType BIGINT = DataType.of(TypeKind.BIGINT);
  private static final DataType VARCHAR = DataType.of(TypeKind.VARCHAR);
  private static final byte I = RowKind.INSERT;
  private static final byte D = RowKind.DELETE;
  /** (k VARCHAR, v BIGINT). */
  private static final Schema IN = schema(VARCHAR, BIGINT);
  private static final Schema OUT = schema(VARCHAR, BIGINT, BIGINT.withNullable(false));

  private final TestRows.Collector out = new TestRows.Collector();

  private TopNOperator op(TopNOperator.Rank rank, long n, boolean emitRank, boolean appendOnly) {
    return new TopNOperator(IN, new int[] {0}, new int[] {1}, new boolean[] {true},
        new boolean[] {false}, rank, n, emitRank, OUT, out, 4, appendOnly);
  }

  @Test
  void shouldKeepTheTopTwoPerPartitionAndEmitRankChanges() {
    TopNOperator op = op(TopNOperator.Rank.ROW_NUMBER, 2, true, true);
    op.onChunk(chunk(IN, row(I, "a", 5), row(I, "b", 1), row(I, "a", 3)));
    assertThat(out.take()).containsExactlyInAnyOrder(
        expect("+I", "a", 5, 1), expect("+I", "a", 3, 2), expect("+I", "b", 1, 1));
    op.onChunk(chunk(IN, row(I, "a", 4)));
    assertThat(out.take()).containsExactly(
        expect("-D", "a", 3, 2), expect("+I", "a", 4, 2));
    op.onChunk(chunk(IN, row(I, "a", 9)));
    assertThat(out.take()).containsExactly(
        expect("-U", "a", 5, 1), expect("-D", "a", 4, 2), expect("+I", "a", 9, 1),
        expect("+U", "a", 5, 2));
    op.onChunk(chunk(IN, row(I, "a", 1)));
    assertThat(out.take()).isEmpty();
    assertThat(op.storedRows()).isEqualTo(3);
  }

  @Test
  void shouldNotEmitRankChangesWhenTheRankIsNotSelected() {
    TopNOperator op = op(TopNOperator.Rank.ROW_NUMBER, 2, false, true);
    op.onChunk(chunk(IN, row(I, "a", 5), row(I, "a", 3)));
    out.take();
    op.onChunk(chunk(IN, row(I, "a", 9)));
    assertThat(out.take()).containsExactly(expect("-D", "a", 3, 2), expect("+I", "a", 9, 1));
  }

  @Test
  void shouldRankTiesWithRankAndDenseRank() {
    TopNOperator op = op(TopNOperator.Rank.RANK, 2, true, true);
    op.onChunk(chunk(IN, row(I, "a", 5), row(I, "a", 5), row(I, "a", 3)));
    assertThat(out.take()).containsExactlyInAnyOrder(
        expect("+I", "a", 5, 1), expect("+I", "a", 5, 1));
    TopNOperator dense = op(TopNOperator.Rank.DENSE_RANK, 2, true, true);
    dense.onChunk(chunk(IN, row(I, "a", 5), row(I, "a", 5), row(I, "a", 3), row(I, "a", 1)));
    assertThat(out.take()).containsExactlyInAnyOrder(
        expect("+I", "a", 5, 1), expect("+I", "a", 5, 1), expect("+I", "a", 3, 2));
  }

  @Test
  void shouldRefillFromStoredRowsOnRetraction() {
    TopNOperator op = op(TopNOperator.Rank.ROW_NUMBER, 1, true, false);
    op.onChunk(chunk(IN, row(I, "a", 5), row(I, "a", 3)));
    assertThat(out.take()).containsExactly(expect("+I", "a", 5, 1));
    op.onChunk(chunk(IN, row(D, "a", 5)));
    assertThat(out.take()).containsExactly(expect("-D", "a", 5, 1), expect("+I", "a", 3, 1));
    op.onChunk(chunk(IN, row(D, "a", 7)));
    assertThat(op.ignoredRetractions()).isEqualTo(1);
    op.onChunk(chunk(IN, row(D, "a", 3)));
    assertThat(out.take()).containsExactly(expect("-D", "a", 3, 1));
    assertThat(op.storedRows()).isZero();
  }

  @Test
  void shouldMatchARecomputedTopNUnderRandomChangelogs() {
    for (TopNOperator.Rank rank : TopNOperator.Rank.values()) {
      for (boolean appendOnly : new boolean[] {true, false}) {
        for (long seed = 0; seed < 5; seed++) {
          randomRun(rank, appendOnly, new Random(seed * 31 + rank.ordinal()));
        }
      }
    }
  }

  private void randomRun(TopNOperator.Rank rank, boolean appendOnly, Random rnd) {
    int n = 1 + rnd.nextInt(3);
    TopNOperator op = op(rank, n, true, appendOnly);
    List<Object[]> live = new ArrayList<>();
    Map<List<Object>, Integer> view = new HashMap<>();
    for (int step = 0; step < 60; step++) {
      Chunk c = new Chunk(IN, 8);
      int rows = 1 + rnd.nextInt(8);
      for (int r = 0; r < rows; r++) {
        if (!appendOnly && !live.isEmpty() && rnd.nextInt(3) == 0) {
          Object[] victim = live.get(rnd.nextInt(live.size()));
          TestRows.append(c, row(D, victim[0], victim[1]));
          live.remove(victim);
        } else {
          Object[] added = {rnd.nextInt(3) == 0 ? null : "k" + rnd.nextInt(3),
              rnd.nextInt(4) == 0 ? null : (long) rnd.nextInt(6)};
          TestRows.append(c, row(I, added[0], added[1]));
          live.add(added);
        }
      }
      op.onChunk(c);
      for (List<Object> r : out.take()) {
        int w = "+I".equals(r.get(0)) || "+U".equals(r.get(0)) ? 1 : -1;
        view.merge(r.subList(1, r.size()), w, Integer::sum);
        view.values().removeIf(x -> x == 0);
      }
      assertThat(view).as("step %d", step).isEqualTo(expected(live, rank, n));
    }
  }

  /** Ranks live rows (in arrival order) per partition, v DESC NULLS LAST, ties by arrival. */
  private static Map<List<Object>, Integer> expected(List<Object[]> live, TopNOperator.Rank rank,
      long n) {
    Map<Object, List<Object[]>> parts = new HashMap<>();
    for (Object[] r : live) {
      parts.computeIfAbsent(r[0] == null ? "<null>" : r[0], x -> new ArrayList<>()).add(r);
    }
    Comparator<Object[]> order = Comparator.comparing(
        (Object[] r) -> (Long) r[1], Comparator.nullsLast(Comparator.<Long>reverseOrder()));
    Map<List<Object>, Integer> result = new HashMap<>();
    for (List<Object[]> rows : parts.values()) {
      rows.sort(order);
      long rk = 0;
      for (int i = 0; i < rows.size(); i++) {
        boolean tie = i > 0 && order.compare(rows.get(i - 1), rows.get(i)) == 0;
        rk = rank == TopNOperator.Rank.ROW_NUMBER ? i + 1
            : rank == TopNOperator.Rank.RANK ? (tie ? rk : i + 1) : (tie ? rk : rk + 1);
        if (rk > n) {
          break;
        }
        List<Object> key = new ArrayList<>();
        key.add(rows.get(i)[0]);
        key.add(rows.get(i)[1]);
        key.add(rk);
        result.merge(key, 1, Integer::sum);
      }
    }
    return result;
  }
}
