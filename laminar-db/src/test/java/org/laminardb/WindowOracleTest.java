package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks the test oracle itself, without the engine: the H2 window queries of {@link WindowShape}
 * over the accepted rows of {@link WindowInput} equal a direct Java computation of the windows
 * (window bounds, symbol, row count, non-NULL quantity count and quantity sum); and the model
 * produces late rows, rows within lateness and out-of-order rows.
 */
class WindowOracleTest {
  @ParameterizedTest
  @EnumSource(WindowShape.class)
  void oracleEqualsDirectComputation(WindowShape shape) throws SQLException {
    int withinLateness = 0;
    for (long seed = 1; seed <= 4; seed++) {
      WindowInput in = WindowInput.random(seed, shape, true, 30);
      assertThat(in.lateRows(0)).isNotEmpty();
      withinLateness += in.lateRows(0).size() - in.lateRows(1).size();
      try (H2Oracle h2 = new H2Oracle("")) {
        WindowInput.createOracleTables(h2);
        WindowInput.loadOracle(h2, in.rows());
        for (int l = 0; l < WindowInput.LATENESS.length; l++) {
          assertThat(h2(h2, shape.oracle("t" + l)))
              .as("seed %d lateness %d", seed, l)
              .containsExactlyElementsOf(direct(in, shape, l));
        }
      }
    }
    assertThat(withinLateness).as("rows late without lateness but not with it").isPositive();
  }

  /** The oracle's windows as "start/end/sym n nq q", sorted. */
  private static List<String> h2(H2Oracle h2, String oracle) throws SQLException {
    List<String> out = new ArrayList<>();
    for (List<Object> r : h2.query("SELECT ws, we, sym, n, nq, q FROM (" + oracle + ") o")) {
      out.add(key(((BigDecimal) r.get(0)).longValueExact(),
          ((BigDecimal) r.get(1)).longValueExact(), (String) r.get(2)) + " " + r.get(3) + " "
          + r.get(4) + " " + r.get(5));
    }
    out.sort(null);
    return out;
  }

  private static String key(long ws, long we, String sym) {
    return WindowInput.time(ws) + "/" + WindowInput.time(we) + "/" + sym;
  }

  /** Window -> {count, non-null qty count, qty sum}, computed row by row. */
  private static List<String> direct(WindowInput in, WindowShape shape, int l) {
    Map<String, long[]> acc = new TreeMap<>();
    long sec = WindowShape.SEC;
    if (shape.isSession()) {
      List<WindowInput.Row> rows = new ArrayList<>();
      for (WindowInput.Row r : in.rows()) {
        if (!r.late(l)) {
          rows.add(r);
        }
      }
      rows.sort(Comparator.comparing((WindowInput.Row r) -> r.sym).thenComparingLong(r -> r.ts));
      long gap = shape.size * sec;
      int i = 0;
      while (i < rows.size()) {
        int j = i + 1;
        while (j < rows.size() && rows.get(j).sym.equals(rows.get(i).sym)
            && rows.get(j).ts - rows.get(j - 1).ts < gap) {
          j++;
        }
        long[] a = new long[3];
        for (WindowInput.Row r : rows.subList(i, j)) {
          add(a, r);
        }
        acc.put(key(rows.get(i).ts, rows.get(j - 1).ts + gap, rows.get(i).sym), a);
        i = j;
      }
    } else {
      for (WindowInput.Row r : in.rows()) {
        if (r.late(l)) {
          continue;
        }
        for (long[] w : windows(shape, r.ts)) {
          if (w[1] > r.openAfter[l]) {
            add(acc.computeIfAbsent(key(w[0], w[1], r.sym), k -> new long[3]), r);
          }
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, long[]> e : acc.entrySet()) {
      long[] a = e.getValue();
      out.add(e.getKey() + " " + a[0] + " " + a[1] + " " + (a[1] == 0 ? "null" : a[2]));
    }
    out.sort(null);
    return out;
  }

  private static void add(long[] a, WindowInput.Row r) {
    a[0]++;
    if (r.qty != null) {
      a[1]++;
      a[2] += r.qty;
    }
  }

  /** All windows containing ts, enumerated from the window definitions. */
  private static List<long[]> windows(WindowShape shape, long ts) {
    long sec = WindowShape.SEC;
    List<long[]> out = new ArrayList<>();
    long size = shape.size * sec;
    switch (shape) {
      case HOP:
        for (long s = shape.offset * sec + Math.floorDiv(ts, shape.slide * sec) * shape.slide * sec
            - size; s <= ts; s += shape.slide * sec) {
          if (s + size > ts) {
            out.add(new long[] {s, s + size});
          }
        }
        break;
      case CUMULATE:
        long p = Math.floorDiv(ts, size) * size;
        for (long e = p + shape.slide * sec; e <= p + size; e += shape.slide * sec) {
          if (e > ts) {
            out.add(new long[] {p, e});
          }
        }
        break;
      default:
        long s = Math.floorDiv(ts - shape.offset * sec, size) * size + shape.offset * sec;
        out.add(new long[] {s, s + size});
        break;
    }
    return out;
  }
}
