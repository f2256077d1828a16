package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.ResultComparison.assertSameRows;
import static org.laminardb.ResultComparison.diff;
import static org.laminardb.ResultComparison.normalize;
import static org.laminardb.ResultComparison.row;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test of event-time windows: for every window kind ({@link WindowShape}) and EMIT
 * mode ({@link Mode}), random rows (a few symbols, NULL prices and quantities, event times
 * advancing with disorder within the watermark bound, rows behind the watermark within and beyond
 * the allowed lateness), pushed in random batches with occasional explicit watermarks, must give
 * what H2 computes over the rows the contract's model ({@link WindowInput}) accepts.
 *
 * <p>After every few batches: an ON WINDOW CLOSE result holds exactly the windows whose end plus
 * lateness the watermark has reached, an ON UPDATE result the current result of every window, and
 * the source's watermark is the model's. After a final watermark far in the future every result
 * holds every window, the LATE DATA stream holds exactly the model's late rows, the late count of
 * every query matches, and ON WINDOW CLOSE streams never retracted. Input whose disorder stays
 * within the watermark bound gives the same results as the same rows sorted. The TVF, LaminarDB
 * and Calcite syntaxes give identical results (all equal the same oracle).
 *
 * <p>All failures of one input are collected (first failure per query) and reported together with
 * the query, the batch, the watermark and the differing rows.
 */
class WindowDifferentialTest {
  private static final long[] SEEDS = {1, 2};
  /** Seeds of the disorder-versus-sorted comparison (two runs each). */
  private static final long[] SORTED_SEEDS = {1};
  private static final int BATCHES = 24;
  /** Intermediate checks after every this many batches (0: only at the end). */
  private static final int CHECK_EVERY = 5;
  private static final Duration WAIT = Duration.ofSeconds(5);

  /** Syntax of the windowed query. */
  enum Syntax {
    TVF,
    LAMINAR,
    CALCITE
  }

  /** A continuous query kind under test: object kind, EMIT clause, lateness, syntax. */
  enum Mode {
    EOWC(true, true, "", 0, Syntax.TVF),
    EOWC_LATE(true, true,
        " EMIT ON WINDOW CLOSE ALLOW LATENESS INTERVAL '3' SECOND LATE DATA TO late_%s", 1,
        Syntax.TVF),
    AFTER_WATERMARK(true, true, " EMIT AFTER WATERMARK", 0, Syntax.TVF),
    FINAL(true, true, " EMIT FINAL", 0, Syntax.TVF),
    EOWC_LAMINAR(true, true, " EMIT ON WINDOW CLOSE", 0, Syntax.LAMINAR),
    MV(false, false, " LATE DATA TO late_%s", 0, Syntax.TVF),
    MV_LATE(false, false, " EMIT ON UPDATE ALLOW LATENESS INTERVAL '3' SECOND", 1, Syntax.TVF),
    CHANGES(true, false, " EMIT CHANGES ALLOW LATENESS INTERVAL '3' SECOND", 1, Syntax.TVF),
    EVERY(false, false, " EMIT EVERY INTERVAL '0.1' SECOND", 0, Syntax.TVF),
    MV_LAMINAR(false, false, "", 0, Syntax.LAMINAR),
    MV_CALCITE(false, false, "", 0, Syntax.CALCITE);

    final boolean stream;
    final boolean onClose;
    final String clause;
    final int lateness;
    final Syntax syntax;

    Mode(boolean stream, boolean onClose, String clause, int lateness, Syntax syntax) {
      this.stream = stream;
      this.onClose = onClose;
      this.clause = clause;
      this.lateness = lateness;
      this.syntax = syntax;
    }

    String suffix() {
      return name().toLowerCase(Locale.ROOT);
    }

    boolean hasLateStream() {
      return clause.contains("LATE DATA");
    }

    boolean periodic() {
      return this == EVERY;
    }

    /** The query in this mode's syntax, or null if the window has no such form. */
    String query(WindowShape shape) {
      switch (syntax) {
        case LAMINAR:
          return shape.laminarQuery();
        case CALCITE:
          return shape.calciteQuery();
        default:
          return shape.tvfQuery();
      }
    }
  }

  /**
   * The window kinds to run: all, or those named in the system property {@code window.shapes}
   * (comma-separated, e.g. {@code -Dwindow.shapes=HOP,SESSION}) when reproducing a failure.
   */
  private static List<WindowShape> shapes() {
    String only = System.getProperty("window.shapes", "");
    List<WindowShape> out = new ArrayList<>();
    for (WindowShape s : WindowShape.values()) {
      if (only.isEmpty() || List.of(only.toUpperCase(Locale.ROOT).split(",")).contains(s.name())) {
        out.add(s);
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> windowsEqualBatchResults() {
    List<DynamicTest> tests = new ArrayList<>();
    for (long seed : SEEDS) {
      for (WindowShape shape : shapes()) {
        tests.add(DynamicTest.dynamicTest(shape + " seed " + seed + " with late rows",
            () -> withLateRows(seed, shape)));
      }
    }
    for (long seed : SORTED_SEEDS) {
      for (WindowShape shape : shapes()) {
        tests.add(DynamicTest.dynamicTest(shape + " seed " + seed + " disorder equals sorted",
            () -> disorderEqualsSorted(seed, shape)));
      }
    }
    return tests.stream();
  }

  private static void withLateRows(long seed, WindowShape shape) throws Exception {
    WindowInput in = WindowInput.random(seed, shape, true, BATCHES);
    assertThat(in.lateRows(0)).as("the input has late rows").isNotEmpty();
    try (Run run = new Run(in, "seed " + seed + ", " + shape + ", with late rows", CHECK_EVERY)) {
      run.execute();
      run.assertNoFailures();
    }
  }

  private static void disorderEqualsSorted(long seed, WindowShape shape) throws Exception {
    WindowInput in = WindowInput.random(seed, shape, false, BATCHES);
    assertThat(in.lateRows(0)).as("no late rows").isEmpty();
    assertThat(in.lateRows(1)).as("no late rows").isEmpty();
    WindowInput sorted = in.sorted(seed);
    Map<Mode, List<List<Object>>> a;
    Map<Mode, List<List<Object>>> b;
    try (Run run = new Run(in, "seed " + seed + ", " + shape + ", disorder within the bound",
        CHECK_EVERY)) {
      run.execute();
      run.assertNoFailures();
      a = run.finals;
    }
    try (Run run = new Run(sorted, "seed " + seed + ", " + shape + ", sorted", 0)) {
      run.execute();
      run.assertNoFailures();
      b = run.finals;
    }
    for (Map.Entry<Mode, List<List<Object>>> e : a.entrySet()) {
      assertSameRows(e.getValue(), b.get(e.getKey()),
          e.getKey() + ": out-of-order input vs the same rows sorted");
    }
  }

  /** One query under test. */
  private static final class Probe {
    final Mode mode;
    final String name;
    final String sql;
    final String readView;
    final String lateStream;
    Subscription subscription;
    String failure;

    Probe(Mode mode, WindowShape shape) {
      this.mode = mode;
      this.name = "q_" + mode.suffix();
      this.lateStream = mode.hasLateStream() ? "late_" + mode.suffix() : null;
      this.sql = "CREATE " + (mode.stream ? "STREAM " : "MATERIALIZED VIEW ") + name + " AS "
          + mode.query(shape) + (lateStream == null ? mode.clause
              : String.format(Locale.ROOT, mode.clause, mode.suffix()));
      this.readView = mode.stream ? "r_" + mode.suffix() : name;
    }

    boolean live() {
      return failure == null;
    }
  }

  /** One database and one H2 oracle fed the same input. */
  private static final class Run implements AutoCloseable {
    final WindowInput in;
    final String what;
    final int checkEvery;
    final LaminarDB db;
    final H2Oracle h2;
    final List<Probe> probes = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final Map<Mode, List<List<Object>>> finals = new LinkedHashMap<>();
    long watermark = WindowInput.NONE;
    boolean watermarkFailed;

    Run(WindowInput in, String what, int checkEvery) throws SQLException {
      this.in = in;
      this.what = what;
      this.checkEvery = checkEvery;
      this.db = LaminarDB.open();
      this.h2 = new H2Oracle("");
      WindowInput.createOracleTables(h2);
    }

    void execute() throws SQLException, InterruptedException {
      db.execute("CREATE SOURCE trades (sym VARCHAR, price DOUBLE, qty INT, ts TIMESTAMP, "
          + "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)");
      for (Mode mode : Mode.values()) {
        if (mode.query(in.shape) != null) {
          create(new Probe(mode, in.shape));
        }
      }
      try (SourceWriter w = db.source("trades")) {
        for (int b = 0; b < in.batches.size(); b++) {
          WindowInput.Batch batch = in.batches.get(b);
          push(w, batch);
          if (checkEvery > 0 && b % checkEvery == checkEvery - 1) {
            checkAll("after batch " + b + " " + batch.rows);
          }
        }
        long far = WindowInput.BASE + 3_600L * WindowShape.SEC * 24;
        for (WindowInput.Batch batch : in.batches) {
          for (WindowInput.Row r : batch.rows) {
            far = Math.max(far, r.ts + 3_600L * WindowShape.SEC);
          }
        }
        w.watermark(WindowInput.time(far));
        watermark = far;
      }
      checkAll("after the final watermark " + WindowInput.time(watermark));
      checkEnd();
    }

    private void create(Probe p) {
      probes.add(p);
      try {
        db.execute(p.sql);
        if (p.mode.stream) {
          if (p.mode.onClose) {
            p.subscription = db.subscribe(p.name);
          }
          db.execute("CREATE MATERIALIZED VIEW " + p.readView + " AS SELECT * FROM " + p.name);
        }
        if (p.lateStream != null) {
          db.execute("CREATE MATERIALIZED VIEW lv_" + p.mode.suffix() + " AS SELECT * FROM "
              + p.lateStream);
        }
      } catch (RuntimeException e) {
        fail(p, "creating it failed: " + e);
      }
    }

    private void push(SourceWriter w, WindowInput.Batch batch) throws SQLException {
      if (batch.explicitWatermark != WindowInput.NONE) {
        w.watermark(WindowInput.time(batch.explicitWatermark));
      }
      if (batch.rows.size() == 1) {
        w.insert(batch.rows.get(0).values());
      } else {
        List<Object[]> rows = new ArrayList<>();
        for (WindowInput.Row r : batch.rows) {
          rows.add(r.values());
        }
        w.insertAll(rows);
      }
      WindowInput.loadOracle(h2, batch.rows);
      watermark = batch.watermarkAfter;
    }

    private void checkAll(String when) throws SQLException, InterruptedException {
      checkWatermark(when);
      for (Probe p : probes) {
        if (!p.live() || (p.mode.periodic() && !when.contains("final"))) {
          continue;
        }
        List<List<Object>> expected = oracle(p.mode);
        List<List<Object>> actual;
        try {
          actual = p.mode.periodic() ? poll(p, expected) : laminar(p.readView);
        } catch (RuntimeException e) {
          fail(p, when + ": reading " + p.readView + " failed: " + e);
          continue;
        }
        String diff = diff(actual, expected);
        if (diff != null) {
          fail(p, when + " (watermark " + WindowInput.time(watermark) + "): " + diff);
        }
        if (when.contains("final")) {
          finals.put(p.mode, actual);
        }
      }
    }

    /** The source's watermark is the model's (first failure only). */
    private void checkWatermark(String when) {
      if (watermarkFailed) {
        return;
      }
      Optional<LocalDateTime> want = watermark == WindowInput.NONE ? Optional.empty()
          : Optional.of(WindowInput.time(watermark));
      try {
        Optional<LocalDateTime> wm = db.watermark("trades");
        if (!wm.equals(want)) {
          watermarkFailed = true;
          failures.add("db.watermark(\"trades\") " + when + ": expected " + want + " but was "
              + wm);
        }
      } catch (RuntimeException | AssertionError e) {
        watermarkFailed = true;
        failures.add("db.watermark(\"trades\") failed: " + e);
      }
    }

    /** A periodic result appears within {@link #WAIT}. */
    private List<List<Object>> poll(Probe p, List<List<Object>> expected)
        throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      List<List<Object>> actual = laminar(p.readView);
      while (diff(actual, expected) != null && System.nanoTime() < deadline) {
        Thread.sleep(50);
        actual = laminar(p.readView);
      }
      return actual;
    }

    private void checkEnd() throws InterruptedException {
      for (Probe p : probes) {
        if (!p.live()) {
          continue;
        }
        List<WindowInput.Row> late = in.lateRows(p.mode.lateness);
        try {
          long count = db.lateRows(p.name);
          if (count != late.size()) {
            fail(p, "db.lateRows(\"" + p.name + "\") = " + count + " but the model has "
                + late.size() + " late rows: " + late);
          }
        } catch (RuntimeException | AssertionError e) {
          fail(p, "db.lateRows(\"" + p.name + "\") failed: " + e);
        }
        if (p.lateStream != null && p.live()) {
          checkLateStream(p, late);
        }
        if (p.subscription != null && p.live()) {
          checkSubscription(p);
        }
      }
    }

    private void checkLateStream(Probe p, List<WindowInput.Row> late) {
      List<List<Object>> expected = new ArrayList<>();
      for (WindowInput.Row r : late) {
        List<Object> row = new ArrayList<>();
        for (Object v : r.values()) {
          row.add(normalize(v));
        }
        expected.add(row);
      }
      try {
        String diff = diff(laminar("lv_" + p.mode.suffix()), expected);
        if (diff != null) {
          fail(p, "LATE DATA stream " + p.lateStream + " differs from the model's late rows: "
              + diff);
        }
      } catch (RuntimeException e) {
        fail(p, "reading the late rows failed: " + e);
      }
    }

    /** The stream emitted every window exactly once, as inserts. */
    private void checkSubscription(Probe p) throws InterruptedException {
      try {
        List<List<Object>> expected = oracle(p.mode);
        List<List<Object>> got = new ArrayList<>();
        List<String> retractions = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (got.size() < expected.size() && System.nanoTime() < deadline) {
          Row r = p.subscription.poll(Duration.ofMillis(100));
          if (r != null) {
            collect(r, got, retractions);
          }
        }
        for (Row r = p.subscription.poll(Duration.ofMillis(100)); r != null;
            r = p.subscription.poll(Duration.ofMillis(100))) {
          collect(r, got, retractions);
        }
        if (!retractions.isEmpty()) {
          fail(p, "an ON WINDOW CLOSE stream emitted non-insert rows: " + retractions);
        }
        String diff = diff(got, expected);
        if (diff != null) {
          fail(p, "subscription to " + p.name + " (every window once): " + diff);
        }
      } catch (SQLException e) {
        throw new AssertionError(e);
      } finally {
        p.subscription.close();
      }
    }

    private static void collect(Row r, List<List<Object>> got, List<String> retractions) {
      if (r.kind() != ChangeKind.INSERT) {
        retractions.add(r.kind().shortString() + row(r));
      }
      got.add(row(r));
    }

    private void fail(Probe p, String message) {
      if (p.failure == null) {
        p.failure = message;
        failures.add(p.mode + " [" + p.sql + "]: " + message);
      }
    }

    /** The H2 result for a mode's lateness; only closed windows for ON WINDOW CLOSE. */
    private List<List<Object>> oracle(Mode mode) throws SQLException {
      long lateness = WindowInput.LATENESS[mode.lateness];
      String sql = "SELECT * FROM (" + in.shape.oracle("t" + mode.lateness) + ") o";
      if (mode.onClose) {
        sql += " WHERE we + " + lateness + " <= ?";
      }
      return mode.onClose ? h2.query(sql, watermark) : h2.query(sql);
    }

    private List<List<Object>> laminar(String view) {
      return ResultComparison.query(db, "SELECT * FROM " + view);
    }

    void assertNoFailures() {
      assertThat(failures).as(what + ": " + failures.size() + " failure(s):\n"
          + String.join("\n", failures)).isEmpty();
    }

    @Override
    public void close() throws SQLException {
      try {
        db.close();
      } finally {
        h2.close();
      }
    }
  }
}
