package org.laminardb.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.core.testing.TestRows.BIGINT;
import static org.laminardb.core.testing.TestRows.TIMESTAMP;
import static org.laminardb.core.testing.TestRows.chunk;
import static org.laminardb.core.testing.TestRows.expect;
import static org.laminardb.core.testing.TestRows.row;
import static org.laminardb.core.testing.TestRows.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.testing.TestRows;
import org.laminardb.core.type.Schema;

/**
 * Window aggregation against a brute-force model: shuffled input with watermarks that trail the
 * rows, keys that are BIGINT (small, large, negative and NULL), and every window kind.
 */
class WindowAggregateOperatorRandomizedTest {
  private static final Schema IN = schema(BIGINT, TIMESTAMP, BIGINT);
  private static final Schema OUT = schema(TIMESTAMP, BIGINT, TIMESTAMP, BIGINT, BIGINT, BIGINT);
  private static final int[] GROUPS = {WindowSpec.START, 0, WindowSpec.END};
  /** COUNT(*), SUM(v), MAX(v): through the accumulators. */
  private static final List<AggregateSpec> AGGS = List.of(AggregateSpec.countStar(),
      AggregateSpec.of(AggregateKind.SUM, 2, BIGINT), AggregateSpec.of(AggregateKind.MAX, 2,
          BIGINT));
  /** COUNT(*), SUM(v), COUNT(v): the operator's own COUNT/SUM path. */
  private static final List<AggregateSpec> FAST_AGGS = List.of(AggregateSpec.countStar(),
      AggregateSpec.of(AggregateKind.SUM, 2, BIGINT), AggregateSpec.of(AggregateKind.COUNT, 2,
          BIGINT.withNullable(false)));
  private static final long[] KEYS = {0, 1, 5, 63, 64, 70_000, -3, Long.MIN_VALUE + 1};

  @ParameterizedTest
  @ValueSource(strings = {"TUMBLE", "HOP", "CUMULATE", "TUMBLE fast", "HOP fast",
      "CUMULATE fast"})
  void shouldMatchTheModelOnShuffledInput(String param) {
    String kindName = param.split(" ")[0];
    boolean fast = param.endsWith("fast");
    WindowSpec window;
    switch (WindowKind.valueOf(kindName)) {
      case TUMBLE:
        window = WindowSpec.tumble(50, 13);
        break;
      case HOP:
        window = WindowSpec.hop(20, 100, 7);
        break;
      default:
        window = WindowSpec.cumulate(25, 100, 10);
        break;
    }
    Random random = new Random(param.hashCode());
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      Long key = random.nextInt(10) == 0 ? null : KEYS[random.nextInt(KEYS.length)];
      Long v = random.nextInt(8) == 0 ? null : (long) random.nextInt(1000) - 500;
      rows.add(row(RowKind.INSERT, key, (long) i - 2000, v));
    }
    int block = 250;
    List<Object[]> shuffled = TestRows.shuffledInBlocks(rows, block, random);
    TestRows.Collector out = new TestRows.Collector();
    WindowAggregateOperator op = (WindowAggregateOperator) WindowOperators.create(IN, 1, window,
        GROUPS, fast ? FAST_AGGS : AGGS, OUT,
        new EmitStrategy(EmitStrategy.EmitKind.ON_WINDOW_CLOSE, 0, 0), out,
        null, 3);
    for (int i = 0; i < shuffled.size(); i += block) {
      op.onChunk(chunk(IN, shuffled.subList(i, i + block).toArray(new Object[0][])));
      op.onWatermark(i + block - 2000 - 1);
    }
    op.onWatermark(Long.MAX_VALUE - 1);
    assertThat(op.lateRows()).isZero();
    assertThat(op.groupCount()).isZero();
    assertThat(op.keyCount()).isZero();
    assertThat(out.take()).containsExactlyInAnyOrderElementsOf(model(window, rows, fast));
  }

  /** Results computed window by window: every window of the grid that holds a row. */
  private static List<List<Object>> model(WindowSpec window, List<Object[]> rows, boolean fast) {
    Map<List<Object>, long[]> groups = new TreeMap<>((a, b) -> a.toString().compareTo(
        b.toString()));
    for (Object[] r : rows) {
      long ts = (Long) r[2];
      for (long[] w : windowsOf(window, ts)) {
        List<Object> key = new ArrayList<>();
        key.add(w[0]);
        key.add(r[1]);
        key.add(w[1]);
        long[] acc = groups.computeIfAbsent(key, k -> new long[] {0, 0, 0, Long.MIN_VALUE});
        acc[0]++;
        if (r[3] != null) {
          acc[1]++;
          acc[2] += (Long) r[3];
          acc[3] = Math.max(acc[3], (Long) r[3]);
        }
      }
    }
    List<List<Object>> result = new ArrayList<>();
    groups.forEach((k, acc) -> result.add(expect("+I", k.get(0), k.get(1), k.get(2), acc[0],
        acc[1] == 0 ? null : acc[2], fast ? (Long) acc[1] : acc[1] == 0 ? null : (Long) acc[3])));
    return result;
  }

  private static List<long[]> windowsOf(WindowSpec window, long ts) {
    List<long[]> result = new ArrayList<>();
    long grid = window.kind() == WindowKind.CUMULATE ? window.size() : window.slide();
    for (long start = window.alignDown(ts - 2 * window.size(), grid); start <= ts;
        start += grid) {
      if (window.kind() == WindowKind.CUMULATE) {
        for (long end = start + window.slide(); end <= start + window.size();
            end += window.slide()) {
          if (start <= ts && ts < end) {
            result.add(new long[] {start, end});
          }
        }
      } else if (ts < start + window.size()) {
        result.add(new long[] {start, start + window.size()});
      }
    }
    return result;
  }
}
