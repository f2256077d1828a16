package org.laminardb.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.laminardb.core.testing.TestRows.chunk;
import static org.laminardb.core.testing.TestRows.expect;
import static org.laminardb.core.testing.TestRows.row;
import static org.laminardb.core.testing.TestRows.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.testing.TestRows;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;

/** FIRST/LAST_VALUE, variance, APPROX_COUNT_DISTINCT, percentiles and FILTER. */
class AggFunctionsTest {
  private static final DataType BIGINT = DataType.of(TypeKind.BIGINT);
  private static final DataType DOUBLE = DataType.of(TypeKind.DOUBLE);
  private static final DataType VARCHAR = DataType.of(TypeKind.VARCHAR);
  private static final DataType TS = DataType.of(TypeKind.TIMESTAMP);
  private static final DataType BOOL = DataType.of(TypeKind.BOOLEAN);
  private static final byte I = RowKind.INSERT;
  private static final byte D = RowKind.DELETE;
  /** Input (k VARCHAR, v BIGINT, d DOUBLE, ts TIMESTAMP, f BOOLEAN). */
  private static final Schema IN = schema(VARCHAR, BIGINT, DOUBLE, TS, BOOL);

  private final TestRows.Collector out = new TestRows.Collector();

  private GroupAggregateOperator op(boolean appendOnly, AggregateSpec... specs) {
    List<DataType> types = new ArrayList<>();
    types.add(VARCHAR);
    for (AggregateSpec s : specs) {
      types.add(s.resultType());
    }
    return new GroupAggregateOperator(IN, new int[] {0}, List.of(specs),
        schema(types.toArray(new DataType[0])), out, 64, appendOnly);
  }

  /** One accumulator over a one-group input, for direct checks. */
  private static final class Single {
    final AggAccumulator acc;
    final Column result;
    long rows;

    Single(Schema in, AggregateSpec spec, boolean appendOnly) {
      acc = Accumulators.create(in, spec, appendOnly);
      acc.grow(1);
      acc.init(0);
      result = new Column(spec.resultType(), 1);
    }

    boolean add(Chunk c, int row, int weight) {
      if (!acc.check(0, c, row, weight, rows)) {
        return false;
      }
      rows += weight;
      acc.apply(0, c, row, weight);
      return true;
    }

    Object get() {
      result.hasNulls = false;
      java.util.Arrays.fill(result.nulls, 0L);
      acc.result(0, result, 0);
      return TestRows.get(result, 0);
    }
  }

  @Test
  void firstAndLastValueFollowEventTimeWithTiesByArrival() {
    GroupAggregateOperator op = op(true,
        AggregateSpec.of(AggregateKind.FIRST_VALUE, 1, BIGINT).withOrderColumn(3),
        AggregateSpec.of(AggregateKind.LAST_VALUE, 1, BIGINT).withOrderColumn(3),
        AggregateSpec.of(AggregateKind.FIRST_VALUE, 2, DOUBLE),
        AggregateSpec.of(AggregateKind.LAST_VALUE, 0, VARCHAR).withOrderColumn(3));
    op.onChunk(chunk(IN, row(I, "a", 1, 1.0, 20, true), row(I, "a", 2, null, 10, true),
        row(I, "a", null, 3.0, 30, true), row(I, "a", 4, 4.0, 20, true)));
    // FIRST by time: 2 (t=10); LAST by time: among t=20 the later arrival, 4; NULL v skipped.
    assertThat(out.take()).containsExactly(expect("+I", "a", 2, 4, 1.0, "a"));
    op.onChunk(chunk(IN, row(I, "a", 5, 5.0, 10, true), row(I, "a", 6, 6.0, 20, true)));
    // t=10 ties keep the earlier 2; t=20 ties take the later 6.
    assertThat(out.take()).containsExactly(
        expect("-U", "a", 2, 4, 1.0, "a"), expect("+U", "a", 2, 6, 1.0, "a"));
    op.onChunk(chunk(IN, row(I, "a", 7, 7.0, 5, true)));
    assertThat(out.take()).containsExactly(
        expect("-U", "a", 2, 6, 1.0, "a"), expect("+U", "a", 7, 6, 1.0, "a"));
  }

  @Test
  void appendOnlyFunctionsRefuseChangelogInputs() {
    for (AggregateKind k : List.of(AggregateKind.FIRST_VALUE, AggregateKind.LAST_VALUE,
        AggregateKind.APPROX_COUNT_DISTINCT)) {
      assertThatThrownBy(() -> Accumulators.create(IN, AggregateSpec.of(k, 1, BIGINT), false))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("append-only");
    }
    Single s = new Single(IN, AggregateSpec.of(AggregateKind.FIRST_VALUE, 1, BIGINT), true);
    Chunk c = chunk(IN, row(I, "a", 1, 1.0, 1, true));
    s.add(c, 0, 1);
    assertThatThrownBy(() -> s.add(c, 0, -1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void varianceMatchesATwoPassComputationUnderRetractions() {
    Random rnd = new Random(7);
    Single[] s = {
        new Single(IN, AggregateSpec.of(AggregateKind.VAR_POP, 2, DOUBLE), false),
        new Single(IN, AggregateSpec.of(AggregateKind.VAR_SAMP, 2, DOUBLE), false),
        new Single(IN, AggregateSpec.of(AggregateKind.STDDEV_POP, 1, DOUBLE), false),
        new Single(IN, AggregateSpec.of(AggregateKind.STDDEV_SAMP, 1, DOUBLE), false)};
    List<Double> live = new ArrayList<>();
    Chunk c = new Chunk(IN, 1);
    for (int step = 0; step < 3000; step++) {
      boolean remove = !live.isEmpty() && rnd.nextInt(3) == 0;
      long v = remove ? live.remove(rnd.nextInt(live.size())).longValue()
          : 1_000_000 + rnd.nextInt(1000);
      if (!remove) {
        live.add((double) v);
      }
      c.reset();
      TestRows.append(c, row(remove ? D : I, "a", v, (double) v, 0, true));
      for (Single x : s) {
        assertThat(x.add(c, 0, remove ? -1 : 1)).isTrue();
      }
      int n = live.size();
      double mean = live.stream().mapToDouble(Double::doubleValue).sum() / Math.max(1, n);
      double m2 = live.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
      Double pop = n == 0 ? null : m2 / n;
      Double samp = n < 2 ? null : m2 / (n - 1);
      check(s[0].get(), pop, 1e-6);
      check(s[1].get(), samp, 1e-6);
      check(s[2].get(), pop == null ? null : Math.sqrt(pop), 1e-6);
      check(s[3].get(), samp == null ? null : Math.sqrt(samp), 1e-6);
    }
  }

  private static void check(Object actual, Double expected, double relative) {
    if (expected == null) {
      assertThat(actual).isNull();
    } else {
      assertThat((Double) actual)
          .isCloseTo(expected, within(relative * Math.max(1, Math.abs(expected))));
    }
  }

  @Test
  void approxCountDistinctIsExactForSmallSetsAndWithinBoundsForLarge() {
    Single longs = new Single(IN,
        AggregateSpec.of(AggregateKind.APPROX_COUNT_DISTINCT, 1, BIGINT), true);
    Single strings = new Single(IN,
        AggregateSpec.of(AggregateKind.APPROX_COUNT_DISTINCT, 0, BIGINT), true);
    Single doubles = new Single(IN,
        AggregateSpec.of(AggregateKind.APPROX_COUNT_DISTINCT, 2, BIGINT), true);
    assertThat(longs.get()).isEqualTo(0L);
    Chunk c = new Chunk(IN, 1);
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      long v = i % 2 == 0 ? i : i - 1;
      c.reset();
      TestRows.append(c, row(I, "s" + v, v, v * 0.5, 0, true));
      longs.add(c, 0, 1);
      strings.add(c, 0, 1);
      doubles.add(c, 0, 1);
      int distinct = i / 2 + 1;
      if (distinct <= 50) {
        assertThat(longs.get()).isEqualTo((long) distinct);
        assertThat(strings.get()).isEqualTo((long) distinct);
        assertThat(doubles.get()).isEqualTo((long) distinct);
      }
    }
    for (Single s : List.of(longs, strings, doubles)) {
      // 100000 distinct values; 4 standard errors of 1.6% is 6.5%.
      assertThat((Long) s.get()).isBetween(93_500L, 106_500L);
    }
  }

  @Test
  void percentilesMatchSortingUnderRetractions() {
    Random rnd = new Random(11);
    double[] fractions = {0, 0.1, 0.25, 0.3, 0.5, 0.75, 0.9, 1};
    List<Single> cont = new ArrayList<>();
    List<Single> disc = new ArrayList<>();
    for (double f : fractions) {
      cont.add(new Single(IN,
          AggregateSpec.percentile(AggregateKind.PERCENTILE_CONT, f, 1, DOUBLE), false));
      disc.add(new Single(IN,
          AggregateSpec.percentile(AggregateKind.PERCENTILE_DISC, f, 2, DOUBLE), false));
    }
    List<Long> live = new ArrayList<>();
    Chunk c = new Chunk(IN, 1);
    for (int step = 0; step < 2000; step++) {
      boolean remove = !live.isEmpty() && rnd.nextInt(3) == 0;
      long v = remove ? live.remove(rnd.nextInt(live.size())) : rnd.nextInt(50) - 10;
      if (!remove) {
        live.add(v);
      }
      c.reset();
      TestRows.append(c, row(remove ? D : I, "a", v, (double) v, 0, true));
      for (int i = 0; i < fractions.length; i++) {
        assertThat(cont.get(i).add(c, 0, remove ? -1 : 1)).isTrue();
        assertThat(disc.get(i).add(c, 0, remove ? -1 : 1)).isTrue();
      }
      List<Long> sorted = new ArrayList<>(live);
      Collections.sort(sorted);
      int n = sorted.size();
      for (int i = 0; i < fractions.length; i++) {
        if (n == 0) {
          assertThat(cont.get(i).get()).isNull();
          assertThat(disc.get(i).get()).isNull();
          continue;
        }
        double pos = fractions[i] * (n - 1);
        int lo = (int) Math.floor(pos + 1e-9);
        int hi = Math.min(n - 1, lo + 1);
        double t = pos - lo;
        double expected = sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * Math.max(0, t);
        assertThat((Double) cont.get(i).get()).isCloseTo(expected, within(1e-9));
        int k = Math.max(1, (int) Math.ceil(fractions[i] * n - 1e-9));
        assertThat((Double) disc.get(i).get()).isEqualTo((double) sorted.get(k - 1));
      }
    }
  }

  @Test
  void percentileRefusesRetractionsOfAbsentValues() {
    Single s = new Single(IN,
        AggregateSpec.percentile(AggregateKind.PERCENTILE_CONT, 0.5, 1, DOUBLE), false);
    Chunk c = chunk(IN, row(I, "a", 1, 1.0, 0, true), row(D, "a", 2, 2.0, 0, true));
    assertThat(s.add(c, 0, 1)).isTrue();
    assertThat(s.add(c, 1, -1)).isFalse();
    assertThat(s.get()).isEqualTo(1.0);
  }

  @Test
  void filterCountsOnlyTrueRowsForInsertsAndRetractions() {
    GroupAggregateOperator op = op(false,
        AggregateSpec.countStar(),
        AggregateSpec.countStar().withFilter(4),
        AggregateSpec.of(AggregateKind.SUM, 1, BIGINT).withFilter(4),
        AggregateSpec.of(AggregateKind.MAX, 1, BIGINT).withFilter(4),
        AggregateSpec.of(AggregateKind.VAR_POP, 2, DOUBLE).withFilter(4));
    op.onChunk(chunk(IN, row(I, "a", 1, 1.0, 0, true), row(I, "a", 10, 10.0, 0, false),
        row(I, "a", 3, 3.0, 0, null)));
    assertThat(out.take()).containsExactly(expect("+I", "a", 3, 1, 1, 1, 0.0));
    op.onChunk(chunk(IN, row(I, "a", 5, 5.0, 0, true)));
    assertThat(out.take()).containsExactly(
        expect("-U", "a", 3, 1, 1, 1, 0.0), expect("+U", "a", 4, 2, 6, 5, 4.0));
    // Retracting a filtered-out row changes only COUNT(*); a filtered-in one changes all.
    op.onChunk(chunk(IN, row(D, "a", 10, 10.0, 0, false)));
    assertThat(out.take()).containsExactly(
        expect("-U", "a", 4, 2, 6, 5, 4.0), expect("+U", "a", 3, 2, 6, 5, 4.0));
    op.onChunk(chunk(IN, row(D, "a", 5, 5.0, 0, true)));
    assertThat(out.take()).containsExactly(
        expect("-U", "a", 3, 2, 6, 5, 4.0), expect("+U", "a", 2, 1, 1, 1, 0.0));
    op.onChunk(chunk(IN, row(D, "a", 1, 1.0, 0, true), row(D, "a", 3, 3.0, 0, null)));
    assertThat(out.take()).containsExactly(expect("-D", "a", 2, 1, 1, 1, 0.0));
    assertThat(op.ignoredRetractions()).isZero();
  }

  @Test
  void specsValidateTheNewFields() {
    assertThatThrownBy(() -> AggregateSpec.percentile(AggregateKind.PERCENTILE_CONT, 1.5, 1,
        DOUBLE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AggregateSpec.of(AggregateKind.SUM, 1, BIGINT).withOrderColumn(3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AggregateSpec(AggregateKind.VAR_POP, 1, true, DOUBLE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Accumulators.create(IN,
        AggregateSpec.countStar().withFilter(1), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BOOLEAN");
  }
}
