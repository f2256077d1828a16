package org.laminardb;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random input of the window tests, in batches, with the model of the contract deciding for every
 * row and allowed lateness whether it is late: the source's watermark is the largest event time
 * seen minus {@link #BOUND} (or higher, by an explicit watermark), it moves only between batches,
 * a window closes when the watermark reaches its end plus the lateness, and a row is late when all
 * of its windows are closed when its batch arrives.
 *
 * <p>Session windows: a row that would join a closed session, or whose own window {@code [ts, ts +
 * gap)} is closed while it touches an open session, depends on lateness details the contract leaves
 * open; the generator avoids such rows.
 */
final class WindowInput {
  /** The watermark bound of the source, microseconds. */
  static final long BOUND = 5 * WindowShape.SEC;
  /** The allowed latenesses the model tracks, microseconds (index 0 and 1 of the verdicts). */
  static final long[] LATENESS = {0, 3 * WindowShape.SEC};
  /** Marker in {@link Row#openAfter} for a late row. */
  static final long LATE = Long.MAX_VALUE;
  /** No watermark yet. */
  static final long NONE = Long.MIN_VALUE;
  /** 2024-01-01 00:00:00 UTC in microseconds. */
  static final long BASE = 1_704_067_200L * WindowShape.SEC;

  private static final String[] SYMBOLS = {"A", "B", "C"};

  /** One input row and its verdicts. */
  static final class Row {
    final int id;
    final String sym;
    final Double price;
    final Integer qty;
    final long ts;
    /**
     * Per lateness: {@link #LATE}, or the watermark at arrival minus the lateness (windows ending
     * after it were open; {@link #NONE} before the first watermark).
     */
    final long[] openAfter = new long[LATENESS.length];

    Row(int id, String sym, Double price, Integer qty, long ts) {
      this.id = id;
      this.sym = sym;
      this.price = price;
      this.qty = qty;
      this.ts = ts;
    }

    boolean late(int lateness) {
      return openAfter[lateness] == LATE;
    }

    Object[] values() {
      return new Object[] {sym, price, qty, time(ts)};
    }

    @Override
    public String toString() {
      return "(" + sym + ", " + price + ", " + qty + ", " + time(ts) + ")";
    }
  }

  /** Rows written in one call, after an optional explicit watermark. */
  static final class Batch {
    /** Explicit watermark set right before the batch, or {@link #NONE}. */
    final long explicitWatermark;
    final List<Row> rows = new ArrayList<>();
    /** The model's watermark after the batch. */
    long watermarkAfter;

    Batch(long explicitWatermark) {
      this.explicitWatermark = explicitWatermark;
    }
  }

  final WindowShape shape;
  final List<Batch> batches = new ArrayList<>();

  private WindowInput(WindowShape shape) {
    this.shape = shape;
  }

  static LocalDateTime time(long micros) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, WindowShape.SEC),
        (int) Math.floorMod(micros, WindowShape.SEC) * 1000, ZoneOffset.UTC);
  }

  static long micros(LocalDateTime t) {
    return t.toEpochSecond(ZoneOffset.UTC) * WindowShape.SEC + t.getNano() / 1000;
  }

  /** All rows in input order. */
  List<Row> rows() {
    List<Row> all = new ArrayList<>();
    for (Batch b : batches) {
      all.addAll(b.rows);
    }
    return all;
  }

  /** The rows late for a lateness, in input order. */
  List<Row> lateRows(int lateness) {
    List<Row> late = new ArrayList<>();
    for (Row r : rows()) {
      if (r.late(lateness)) {
        late.add(r);
      }
    }
    return late;
  }

  /**
   * Creates the oracle's tables: per lateness {@code l} a table {@code t<l>} of the rows accepted
   * with that lateness (columns id, sym, price, qty, ts and open_after, times in microseconds), and
   * {@code k} holding 0 to 15 for {@link WindowShape#oracle} to enumerate windows.
   *
   * @param h2 the oracle
   * @throws SQLException if H2 fails
   */
  static void createOracleTables(H2Oracle h2) throws SQLException {
    h2.execute("CREATE TABLE k (i INT)");
    for (int i = 0; i < 16; i++) {
      h2.execute("INSERT INTO k VALUES (" + i + ")");
    }
    for (int l = 0; l < LATENESS.length; l++) {
      h2.execute("CREATE TABLE t" + l + " (id INT, sym VARCHAR, price DOUBLE, qty INT, "
          + "ts BIGINT, open_after BIGINT)");
    }
  }

  /**
   * Inserts rows into the oracle's tables ({@link #createOracleTables}): into each {@code t<l>}
   * those not late with lateness {@code l}.
   *
   * @param h2 the oracle
   * @param rows the rows
   * @throws SQLException if H2 fails
   */
  static void loadOracle(H2Oracle h2, List<Row> rows) throws SQLException {
    for (int l = 0; l < LATENESS.length; l++) {
      List<Object[]> accepted = new ArrayList<>();
      for (Row r : rows) {
        if (!r.late(l)) {
          accepted.add(new Object[] {r.id, r.sym, r.price, r.qty, r.ts, r.openAfter[l]});
        }
      }
      h2.insert("t" + l, accepted);
    }
  }

  /**
   * Random input.
   *
   * @param seed random seed
   * @param shape the window (sessions need care for lateness)
   * @param withLate whether rows behind the watermark appear (else all disorder is within the
   *     bound, so the result must equal that of sorted input)
   * @param batchCount number of batches
   * @return the input with verdicts
   */
  static WindowInput random(long seed, WindowShape shape, boolean withLate, int batchCount) {
    Random r = new Random(seed * 1_000_003L + shape.ordinal() * 31L + (withLate ? 7 : 0));
    WindowInput in = new WindowInput(shape);
    Model model = new Model(shape);
    long cur = BASE + r.nextInt(10_000) * 1000L;
    int id = 0;
    for (int b = 0; b < batchCount; b++) {
      long explicit = NONE;
      if (b > 0 && r.nextInt(8) == 0) {
        explicit = Math.max(model.watermark, cur - BOUND) + r.nextInt(4000) * 1000L;
      }
      Batch batch = model.begin(explicit);
      int size = 1 + r.nextInt(r.nextBoolean() ? 4 : 30);
      for (int i = 0; i < size; i++) {
        String sym = SYMBOLS[r.nextInt(SYMBOLS.length)];
        long ts = 0;
        for (int attempt = 0; attempt < 50; attempt++) {
          long lo = model.watermark == NONE ? cur - BOUND : model.watermark;
          cur = Math.max(cur, lo);
          int c = r.nextInt(100);
          if (c < 55) {
            cur += r.nextInt(1500) * 1000L;
            ts = cur;
          } else if (c < 80 || !withLate) {
            ts = lo + (long) (r.nextDouble() * (cur - lo));
          } else if (c < 92) {
            long grid = 5 * WindowShape.SEC;
            long boundary = lo - Math.floorMod(lo - shape.offset * WindowShape.SEC, grid);
            ts = (r.nextBoolean() ? boundary : lo) - 1000L * (1 + r.nextInt(3000));
          } else {
            ts = lo - 3 * WindowShape.SEC - 1000L * r.nextInt(60_000);
          }
          if (r.nextInt(4) == 0) {
            ts -= Math.floorMod(ts, WindowShape.SEC);
            if (ts < lo && !withLate) {
              ts += WindowShape.SEC;
            }
          } else if (r.nextInt(10) == 0) {
            ts += r.nextInt(1000);
          }
          if (!model.ambiguous(sym, ts)) {
            break;
          }
          ts = cur;
        }
        Double price = r.nextInt(10) == 0 ? null : r.nextInt(10_000) / 100.0;
        Integer qty = r.nextInt(7) == 0 ? null : 1 + r.nextInt(100);
        model.add(batch, new Row(id++, sym, price, qty, ts));
      }
      model.end(batch);
      in.batches.add(batch);
    }
    return in;
  }

  /**
   * The same rows sorted by event time (ties in input order), in new random batches without
   * explicit watermarks, with fresh verdicts.
   *
   * @param seed random seed of the batch sizes
   * @return the sorted input
   */
  WindowInput sorted(long seed) {
    Random r = new Random(seed);
    List<Row> all = rows();
    all.sort(Comparator.comparingLong((Row x) -> x.ts).thenComparingInt(x -> x.id));
    WindowInput in = new WindowInput(shape);
    Model model = new Model(shape);
    int i = 0;
    while (i < all.size()) {
      Batch batch = model.begin(NONE);
      int size = 1 + r.nextInt(20);
      for (int j = 0; j < size && i < all.size(); j++, i++) {
        Row x = all.get(i);
        model.add(batch, new Row(x.id, x.sym, x.price, x.qty, x.ts));
      }
      model.end(batch);
      in.batches.add(batch);
    }
    return in;
  }

  /** The watermark and, per lateness, the windows (sessions) of the accepted rows. */
  private static final class Model {
    final WindowShape shape;
    long watermark = NONE;
    long maxTs = NONE;
    /** Per lateness, per symbol: sessions as {start, end}. */
    final List<Map<String, List<long[]>>> sessions = new ArrayList<>();

    Model(WindowShape shape) {
      this.shape = shape;
      for (int l = 0; l < LATENESS.length; l++) {
        sessions.add(new HashMap<>());
      }
    }

    Batch begin(long explicit) {
      if (explicit != NONE) {
        watermark = Math.max(watermark, explicit);
      }
      return new Batch(explicit);
    }

    void end(Batch batch) {
      for (Row x : batch.rows) {
        maxTs = Math.max(maxTs, x.ts);
      }
      if (maxTs != NONE) {
        watermark = Math.max(watermark, maxTs - BOUND);
      }
      batch.watermarkAfter = watermark;
    }

    private boolean open(long end, long lateness) {
      return watermark == NONE || end + lateness > watermark;
    }

    /** 1 accept, 0 late, -1 ambiguous. */
    private int verdict(int l, String sym, long ts) {
      long lateness = LATENESS[l];
      if (!shape.isSession()) {
        return open(shape.lastWindowEnd(ts), lateness) ? 1 : 0;
      }
      long gap = shape.size * WindowShape.SEC;
      boolean ownOpen = open(ts + gap, lateness);
      boolean anyOpen = false;
      boolean anyClosed = false;
      for (long[] s : sessions.get(l).getOrDefault(sym, List.of())) {
        if (s[0] < ts + gap && ts < s[1]) {
          if (open(s[1], lateness)) {
            anyOpen = true;
          } else {
            anyClosed = true;
          }
        }
      }
      if (!anyOpen && !anyClosed) {
        return ownOpen ? 1 : 0;
      }
      if (ownOpen && !anyClosed) {
        return 1;
      }
      return !ownOpen && !anyOpen ? 0 : -1;
    }

    boolean ambiguous(String sym, long ts) {
      for (int l = 0; l < LATENESS.length; l++) {
        if (verdict(l, sym, ts) < 0) {
          return true;
        }
      }
      return false;
    }

    void add(Batch batch, Row row) {
      for (int l = 0; l < LATENESS.length; l++) {
        int v = verdict(l, row.sym, row.ts);
        if (v < 0) {
          throw new IllegalStateException("ambiguous session row " + row);
        }
        if (v == 0) {
          row.openAfter[l] = LATE;
          continue;
        }
        row.openAfter[l] = watermark == NONE ? NONE : watermark - LATENESS[l];
        if (shape.isSession()) {
          merge(sessions.get(l).computeIfAbsent(row.sym, k -> new ArrayList<>()), row.ts,
              row.ts + shape.size * WindowShape.SEC);
        }
      }
      batch.rows.add(row);
    }

    private static void merge(List<long[]> list, long start, long end) {
      long s = start;
      long e = end;
      for (int i = list.size() - 1; i >= 0; i--) {
        long[] w = list.get(i);
        if (w[0] < e && s < w[1]) {
          s = Math.min(s, w[0]);
          e = Math.max(e, w[1]);
          list.remove(i);
        }
      }
      list.add(new long[] {s, e});
    }
  }
}
