package org.laminardb.core.operator;

import org.laminardb.core.testing.TestRows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.core.testing.TestRows.row;
import static org.laminardb.core.testing.TestRows.schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;

/**
 * Checks that the changelog of a {@link GroupAggregateOperator}, applied to a multiset, always
 * equals a plain recomputation over the surviving input rows.
 */
class GroupAggregateOperatorRandomizedTest {
  private static final DataType BIGINT = DataType.of(TypeKind.BIGINT);
  private static final DataType DOUBLE = DataType.of(TypeKind.DOUBLE);
  private static final DataType VARCHAR = DataType.of(TypeKind.VARCHAR);
  private static final DataType DEC = DataType.decimal(10, 2);
  /** Input (k1 VARCHAR, k2 BIGINT, a BIGINT, b DOUBLE, s VARCHAR, d DECIMAL(10, 2)). */
  private static final Schema IN = schema(VARCHAR, BIGINT, BIGINT, DOUBLE, VARCHAR, DEC);
  private static final List<AggregateSpec> AGGS = List.of(
      AggregateSpec.countStar(),
      AggregateSpec.of(AggregateKind.COUNT, 2, BIGINT),
      AggregateSpec.of(AggregateKind.SUM, 2, BIGINT),
      AggregateSpec.of(AggregateKind.AVG, 2, DOUBLE),
      AggregateSpec.of(AggregateKind.MIN, 2, BIGINT),
      AggregateSpec.of(AggregateKind.MAX, 2, BIGINT),
      AggregateSpec.of(AggregateKind.SUM, 3, DOUBLE),
      AggregateSpec.of(AggregateKind.MIN, 3, DOUBLE),
      AggregateSpec.of(AggregateKind.MAX, 3, DOUBLE),
      AggregateSpec.of(AggregateKind.MIN, 4, VARCHAR),
      AggregateSpec.of(AggregateKind.MAX, 4, VARCHAR),
      new AggregateSpec(AggregateKind.COUNT, 4, true, BIGINT),
      new AggregateSpec(AggregateKind.SUM, 2, true, BIGINT),
      new AggregateSpec(AggregateKind.AVG, 3, true, DOUBLE),
      AggregateSpec.of(AggregateKind.SUM, 5, DataType.decimal(18, 2)),
      AggregateSpec.of(AggregateKind.AVG, 5, DataType.decimal(18, 3)),
      new AggregateSpec(AggregateKind.COUNT, 3, true, BIGINT));
  private static final String[] K1 = {null, "x", "y", "zz"};
  private static final String[] S = {null, "a", "b", "c", "dd", ""};

  private final Random rnd = new Random(7);
  private final List<Object[]> live = new ArrayList<>();
  private final Map<List<Object>, Integer> result = new HashMap<>();
  private long bogus;

  @Test
  void shouldMatchRecomputationForGroupedAggregates() {
    run(new int[] {0, 1}, 3, 2_000);
  }

  @Test
  void shouldMatchRecomputationForTheGlobalAggregate() {
    run(new int[0], 4, 1_000);
  }

  private void run(int[] groupColumns, int capacity, int chunks) {
    List<DataType> types = new ArrayList<>();
    for (int c : groupColumns) {
      types.add(IN.field(c).type());
    }
    for (AggregateSpec a : AGGS) {
      types.add(a.resultType());
    }
    Schema output = schema(types.toArray(new DataType[0]));
    ChunkConsumer sink = this::applyChangelog;
    GroupAggregateOperator op =
        new GroupAggregateOperator(IN, groupColumns, AGGS, output, sink, capacity, false);
    op.open();
    for (int i = 0; i < chunks; i++) {
      op.onChunk(randomChunk());
      Map<List<Object>, Integer> expected = recompute(groupColumns);
      assertThat(result).as("after chunk %d", i).isEqualTo(expected);
      assertThat(op.groupCount()).isEqualTo(expected.size());
    }
    assertThat(op.ignoredRetractions()).isEqualTo(bogus);
    assertThat(bogus).isPositive();
  }

  private Chunk randomChunk() {
    Chunk c = new Chunk(IN, 24);
    int n = 1 + rnd.nextInt(12);
    for (int i = 0; i < n; i++) {
      int p = rnd.nextInt(100);
      if (p < 55 || live.isEmpty()) {
        Object[] r = randomRow();
        live.add(r);
        TestRows.append(c, row(RowKind.INSERT, r));
      } else if (p < 92) {
        Object[] r = live.remove(rnd.nextInt(live.size()));
        boolean update = rnd.nextBoolean();
        TestRows.append(c, row(update ? RowKind.UPDATE_BEFORE : RowKind.DELETE, r));
        if (update) {
          Object[] next = r.clone();
          int col = 2 + rnd.nextInt(4);
          next[col] = randomRow()[col];
          live.add(next);
          TestRows.append(c, row(RowKind.UPDATE_AFTER, next));
        }
      } else {
        Object[] r = live.get(rnd.nextInt(live.size())).clone();
        r[2] = 1000L;
        if (p < 96) {
          r[1] = 99L;
        }
        bogus++;
        TestRows.append(c, row(RowKind.DELETE, r));
      }
    }
    return c;
  }

  private Object[] randomRow() {
    return new Object[] {
      K1[rnd.nextInt(K1.length)],
      rnd.nextInt(4) == 0 ? null : (Object) (long) rnd.nextInt(2),
      rnd.nextInt(5) == 0 ? null : (Object) (long) (rnd.nextInt(9) - 4),
      rnd.nextInt(5) == 0 ? null : rnd.nextInt(10) == 0 ? -0.0 : (rnd.nextInt(17) - 8) / 4.0,
      S[rnd.nextInt(S.length)],
      rnd.nextInt(5) == 0 ? null : (Object) (long) (rnd.nextInt(1001) - 500)
    };
  }

  private void applyChangelog(Chunk chunk) {
    for (int r = 0; r < chunk.size; r++) {
      List<Object> values = normalize(TestRows.toList(chunk, r));
      values.remove(0);
      byte kind = chunk.kinds[r];
      if (RowKind.isRetraction(kind)) {
        Integer n = result.get(values);
        assertThat(n).as("retracted row %s must be present", values).isNotNull();
        if (n == 1) {
          result.remove(values);
        } else {
          result.put(values, n - 1);
        }
      } else {
        result.merge(values, 1, Integer::sum);
      }
    }
  }

  private static List<Object> normalize(List<Object> values) {
    List<Object> out = new ArrayList<>(values.size());
    for (Object v : values) {
      out.add(v instanceof Double && (Double) v == 0.0 ? (Object) 0.0 : v);
    }
    return out;
  }

  private Map<List<Object>, Integer> recompute(int[] groupColumns) {
    Map<List<Object>, List<Object[]>> groups = new LinkedHashMap<>();
    if (groupColumns.length == 0) {
      groups.put(List.of(), new ArrayList<>());
    }
    for (Object[] r : live) {
      List<Object> key = new ArrayList<>();
      for (int c : groupColumns) {
        key.add(r[c]);
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
    }
    Map<List<Object>, Integer> expected = new HashMap<>();
    for (Map.Entry<List<Object>, List<Object[]>> g : groups.entrySet()) {
      List<Object> row = new ArrayList<>(g.getKey());
      row.addAll(aggregates(g.getValue()));
      expected.merge(normalize(row), 1, Integer::sum);
    }
    return expected;
  }

  private static List<Object> aggregates(List<Object[]> rows) {
    List<Long> a = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    List<String> s = new ArrayList<>();
    List<Long> d = new ArrayList<>();
    for (Object[] r : rows) {
      addIfPresent(a, (Long) r[2]);
      addIfPresent(b, r[3] == null ? null : (Double) r[3] == 0.0 ? 0.0 : (Double) r[3]);
      addIfPresent(s, (String) r[4]);
      addIfPresent(d, (Long) r[5]);
    }
    Set<Long> distinctA = new HashSet<>(a);
    Set<Double> distinctB = new HashSet<>(b);
    Long sumA = a.isEmpty() ? null : a.stream().mapToLong(Long::longValue).sum();
    Long sumD = d.isEmpty() ? null : d.stream().mapToLong(Long::longValue).sum();
    return Arrays.asList(
        (long) rows.size(),
        (long) a.size(),
        sumA,
        sumA == null ? null : (double) sumA / a.size() / 1.0,
        a.stream().min(Comparator.naturalOrder()).orElse(null),
        a.stream().max(Comparator.naturalOrder()).orElse(null),
        b.isEmpty() ? null : b.stream().mapToDouble(Double::doubleValue).sum(),
        b.stream().min(Comparator.naturalOrder()).orElse(null),
        b.stream().max(Comparator.naturalOrder()).orElse(null),
        s.stream().min(Comparator.naturalOrder()).orElse(null),
        s.stream().max(Comparator.naturalOrder()).orElse(null),
        s.stream().distinct().count(),
        distinctA.isEmpty() ? null : distinctA.stream().mapToLong(Long::longValue).sum(),
        distinctB.isEmpty() ? null
            : distinctB.stream().mapToDouble(Double::doubleValue).sum() / distinctB.size(),
        sumD,
        sumD == null ? null : BigDecimal.valueOf(sumD, 2)
            .divide(BigDecimal.valueOf(d.size()), 3, RoundingMode.HALF_UP)
            .unscaledValue().longValueExact(),
        (long) distinctB.size());
  }

  private static <T> void addIfPresent(List<T> list, T value) {
    if (!Objects.isNull(value)) {
      list.add(value);
    }
  }
}
