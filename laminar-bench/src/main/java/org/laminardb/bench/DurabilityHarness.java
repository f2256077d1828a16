package org.laminardb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.laminardb.BulkAppender;
import org.laminardb.CheckpointStats;
import org.laminardb.LaminarDB;
import org.laminardb.QueryResult;
import org.laminardb.Row;
import org.laminardb.SourceWriter;
import org.laminardb.WalSync;

/**
 * Durability figures of a durable database, single-shot measurements repeated {@code --runs}
 * times; prints every measurement, then a Markdown table of the median and the range (min .. max)
 * of each figure over the runs.
 *
 * <p>Each run, for a state of {@code K = --keys} distinct keys:
 *
 * <ol>
 *   <li><b>Load</b>: a durable database in a new directory ({@code walSync NONE}, so that the
 *       load and the checkpoints measure no fsync; {@code checkpointInterval ZERO}), {@code CREATE
 *       SOURCE t (k BIGINT, v BIGINT)} and {@code CREATE MATERIALIZED VIEW agg AS SELECT k, SUM(v)
 *       AS s, COUNT(*) AS n FROM t GROUP BY k}; K rows, one per key ({@code k = i}, {@code v = i %
 *       100}), appended with the {@link BulkAppender} and flushed once.
 *   <li><b>Checkpoints</b>: the first checkpoint after the load ({@code first}); then {@code
 *       --checkpoints} times a full reload of all K keys followed by a checkpoint ({@code
 *       reload}); then {@code --checkpoints} checkpoints with nothing written in between ({@code
 *       unchanged}: every object keeps its state file, so these show the incremental path). Each
 *       gives {@link CheckpointStats#durationMicros()}, {@link CheckpointStats#pauseMicros()} (the
 *       longest time a reactor spent encoding) and {@link CheckpointStats#sizeBytes()}.
 *   <li><b>Recovery from the checkpoint</b>: close, then time the reopen with the same builder
 *       options (restore of the newest checkpoint, empty log after it). Afterwards, untimed, an
 *       ad-hoc {@code SELECT COUNT(*), SUM(n) FROM agg} checks K rows and every load counted.
 *   <li><b>Recovery from the log</b>: a second directory loaded the same way, closed without any
 *       checkpoint; the reopen replays the log (catalog statements and K rows). Checked the same
 *       way.
 *   <li><b>Durable ingest</b> ({@code --ingest-seconds} &gt; 0): a third directory with {@code
 *       walSync FSYNC}, the same source and view; rows pushed for that many seconds (after {@code
 *       --ingest-warmup} seconds of the same) by 1 and by 4 threads, each with its own {@link
 *       SourceWriter}, with {@code insertAll} of 1000 rows (one acknowledgement per call) and
 *       with single-row {@code insert}. Thread {@code t} writes keys {@code t * 100000 + (j %
 *       100000)}, so the view stays at most 400 000 keys. Rows/s and acknowledged calls/s.
 * </ol>
 *
 * <p>The runs are preceded by one warm-up run of {@code --warmup-keys} keys (default 100 000,
 * not reported, no ingest phase) so that the first measured run is not the JIT's first.
 *
 * <p>Usage: {@code java -Xmx12g -cp benchmarks.jar org.laminardb.bench.DurabilityHarness --keys
 * 10000000 --runs 3 --checkpoints 2 --ingest-seconds 0 --dir /tmp}.
 */
public final class DurabilityHarness {
  private static final String SOURCE = "CREATE SOURCE t (k BIGINT, v BIGINT)";
  private static final String VIEW =
      "CREATE MATERIALIZED VIEW agg AS SELECT k, SUM(v) AS s, COUNT(*) AS n FROM t GROUP BY k";
  private static final int BATCH_ROWS = 1000;
  private static final int INGEST_KEYS_PER_THREAD = 100_000;

  private final long keys;
  private final int checkpoints;
  private final Path base;
  /** Figure name to its value in each run, in the order first reported. */
  private final Map<String, List<Double>> figures = new LinkedHashMap<>();
  private boolean recording;
  private int run;

  /** Whether databases checkpoint the background copy of their state. */
  private static boolean background;

  private DurabilityHarness(long keys, int checkpoints, Path base) {
    this.keys = keys;
    this.checkpoints = checkpoints;
    this.base = base;
  }

  /**
   * Runs the harness.
   *
   * @param args {@code --keys N} (default 1000000), {@code --runs N} (3), {@code --checkpoints
   *     N} (2), {@code --ingest-seconds S} (3, 0 skips the ingest phase), {@code
   *     --ingest-warmup S} (1), {@code --warmup-keys N} (100000, 0 for no warm-up run), {@code
   *     --dir PATH} (the JVM's temporary directory), {@code --background true|false} (false:
   *     checkpoints of the background copy of the state)
   * @throws Exception if a phase fails
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new LinkedHashMap<>();
    opt.put("keys", "1000000");
    opt.put("runs", "3");
    opt.put("checkpoints", "2");
    opt.put("ingest-seconds", "3");
    opt.put("ingest-warmup", "1");
    opt.put("warmup-keys", "100000");
    opt.put("dir", System.getProperty("java.io.tmpdir"));
    opt.put("background", "false");
    for (int i = 0; i < args.length; i += 2) {
      String key = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!opt.containsKey(key) || i + 1 >= args.length) {
        throw new IllegalArgumentException("unknown option or missing value: " + args[i]
            + "; options: " + opt.keySet());
      }
      opt.put(key, args[i + 1]);
    }
    long keys = Long.parseLong(opt.get("keys"));
    int runs = Integer.parseInt(opt.get("runs"));
    int checkpoints = Integer.parseInt(opt.get("checkpoints"));
    double ingestSeconds = Double.parseDouble(opt.get("ingest-seconds"));
    double ingestWarmup = Double.parseDouble(opt.get("ingest-warmup"));
    long warmupKeys = Long.parseLong(opt.get("warmup-keys"));
    Path base = Path.of(opt.get("dir"));
    background = Boolean.parseBoolean(opt.get("background"));
    System.out.printf(Locale.ROOT, "# DurabilityHarness %s; max heap %d MiB; java %s%n", opt,
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.runtime.version"));

    if (warmupKeys > 0) {
      DurabilityHarness warm = new DurabilityHarness(warmupKeys, 1, base);
      warm.run = 0;
      warm.stateRun();
      System.out.println("# warm-up done");
    }
    DurabilityHarness h = new DurabilityHarness(keys, checkpoints, base);
    h.recording = true;
    for (int r = 1; r <= runs; r++) {
      h.run = r;
      h.stateRun();
      if (ingestSeconds > 0) {
        h.ingestRun(ingestWarmup, ingestSeconds);
      }
    }
    h.printTable(runs);
  }

  private static LaminarDB open(Path dir, WalSync sync) {
    return LaminarDB.builder().path(dir).walSync(sync).checkpointInterval(Duration.ZERO)
        .backgroundCheckpoints(background).open();
  }

  /** One run of the load, checkpoint and recovery phases. */
  private void stateRun() throws IOException {
    Path dirA = Files.createTempDirectory(base, "laminar-durability-cp");
    Path dirB = Files.createTempDirectory(base, "laminar-durability-wal");
    try {
      int loads = checkpointPhase(dirA);
      recover("recover_checkpoint", dirA, loads);
      deleteTree(dirA);

      LaminarDB db = open(dirB, WalSync.NONE);
      db.execute(SOURCE);
      db.execute(VIEW);
      load(db, "load_wal_dir");
      long t0 = System.nanoTime();
      db.close();
      report("close_wal_dir_ms", millisSince(t0));
      report("wal_dir_MB", du(dirB) / 1e6);
      recover("recover_wal", dirB, 1);
    } finally {
      deleteTree(dirA);
      deleteTree(dirB);
    }
  }

  /** Load, first, reload and unchanged checkpoints; returns how many times every key was loaded. */
  private int checkpointPhase(Path dir) {
    LaminarDB db = open(dir, WalSync.NONE);
    int loads = 0;
    try {
      db.execute(SOURCE);
      db.execute(VIEW);
      load(db, "load");
      loads++;
      reportHeap();
      checkpoint(db, "ckpt_first");
      for (int i = 0; i < checkpoints; i++) {
        load(db, "reload");
        loads++;
        checkpoint(db, "ckpt_after_reload");
      }
      for (int i = 0; i < checkpoints; i++) {
        checkpoint(db, "ckpt_unchanged");
      }
      report("checkpoint_dir_MB", du(dir.resolve("checkpoints")) / 1e6);
      report("wal_after_ckpt_MB", du(dir.resolve("wal")) / 1e6);
    } finally {
      long t0 = System.nanoTime();
      db.close();
      report("close_ckpt_dir_ms", millisSince(t0));
    }
    return loads;
  }

  /** Appends K rows, one per key, and flushes; reports rows/s of the whole append. */
  private void load(LaminarDB db, String name) {
    long t0 = System.nanoTime();
    try (SourceWriter w = db.source("t")) {
      BulkAppender a = w.bulk();
      for (long i = 0; i < keys; i++) {
        a.beginRow();
        a.setLong(0, i);
        a.setLong(1, i % 100);
        a.endRow();
      }
      a.flush();
    }
    long nanos = System.nanoTime() - t0;
    report(name + "_rows_per_s", keys * 1e9 / nanos);
  }

  private void checkpoint(LaminarDB db, String name) {
    long gc0 = gcMillis();
    CheckpointStats s = db.checkpoint();
    report(name + "_ms", s.durationMicros() / 1000.0);
    report(name + "_pause_ms", s.pauseMicros() / 1000.0);
    report(name + "_MB", s.sizeBytes() / 1e6);
    report(name + "_gc_ms", gcMillis() - gc0);
  }

  /** Times the reopen of a closed directory, then checks the view (untimed). */
  private void recover(String name, Path dir, int loads) {
    System.gc();
    long gc0 = gcMillis();
    long t0 = System.nanoTime();
    LaminarDB db = open(dir, WalSync.NONE);
    try {
      report(name + "_ms", millisSince(t0));
      report(name + "_gc_ms", gcMillis() - gc0);
      QueryResult r = db.query("SELECT COUNT(*) AS c, SUM(n) AS rows_seen FROM agg");
      Row row = r.rows().get(0);
      long count = row.getLong(0);
      long seen = row.getLong(1);
      if (count != keys || seen != keys * loads) {
        throw new IllegalStateException(name + ": view has " + count + " keys and counted "
            + seen + " rows; expected " + keys + " and " + keys * loads);
      }
    } finally {
      db.close();
    }
  }

  /** Durable (FSYNC) ingest: insertAll and insert, 1 and 4 threads. */
  private void ingestRun(double warmupSeconds, double seconds) throws IOException {
    Path dir = Files.createTempDirectory(base, "laminar-durability-ingest");
    try (LaminarDB db = open(dir, WalSync.FSYNC)) {
      db.execute(SOURCE);
      db.execute(VIEW);
      for (boolean batch : new boolean[] {true, false}) {
        for (int threads : new int[] {1, 4}) {
          String name = (batch ? "ingest_insertAll1000_" : "ingest_insert_") + threads + "t";
          if (warmupSeconds > 0) {
            ingest(db, batch, threads, warmupSeconds);
          }
          long[] result = ingest(db, batch, threads, seconds);
          double elapsed = result[2] / 1e9;
          report(name + "_rows_per_s", result[0] / elapsed);
          report(name + "_acks_per_s", result[1] / elapsed);
        }
      }
    } finally {
      deleteTree(dir);
    }
  }

  /** Returns rows, acknowledged calls, elapsed nanoseconds. */
  private static long[] ingest(LaminarDB db, boolean batch, int threads, double seconds) {
    AtomicLong rows = new AtomicLong();
    AtomicLong calls = new AtomicLong();
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> all = new ArrayList<>();
    long[] deadline = new long[1];
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads; t++) {
      final long keyBase = (long) t * INGEST_KEYS_PER_THREAD;
      Thread th = new Thread(() -> {
        try (SourceWriter w = db.source("t")) {
          List<Object[]> rowsOfBatch = new ArrayList<>(BATCH_ROWS);
          for (int j = 0; j < BATCH_ROWS; j++) {
            rowsOfBatch.add(new Object[] {keyBase + j, (long) (j % 100)});
          }
          ready.countDown();
          go.await();
          long end = deadline[0];
          long myRows = 0;
          long myCalls = 0;
          int j = 0;
          while (System.nanoTime() < end) {
            if (batch) {
              myRows += w.insertAll(rowsOfBatch);
            } else {
              w.insert(keyBase + j, (long) (j % 100));
              j = j + 1 == INGEST_KEYS_PER_THREAD ? 0 : j + 1;
              myRows++;
            }
            myCalls++;
          }
          rows.addAndGet(myRows);
          calls.addAndGet(myCalls);
        } catch (Throwable e) {
          failures.add(e);
        }
      }, "ingest-" + t);
      all.add(th);
      th.start();
    }
    try {
      ready.await();
      long t0 = System.nanoTime();
      deadline[0] = t0 + (long) (seconds * 1e9);
      go.countDown();
      for (Thread th : all) {
        th.join();
      }
      long elapsed = System.nanoTime() - t0;
      if (!failures.isEmpty()) {
        throw new IllegalStateException("ingest thread failed", failures.get(0));
      }
      return new long[] {rows.get(), calls.get(), elapsed};
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void reportHeap() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    report("heap_after_load_MB", (rt.totalMemory() - rt.freeMemory()) / 1e6);
  }

  private void report(String name, double value) {
    System.out.printf(Locale.ROOT, "run=%d keys=%d %s=%.3f%n", run, keys, name, value);
    if (recording) {
      figures.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
  }

  private void printTable(int runs) {
    System.out.println();
    System.out.printf(Locale.ROOT, "## keys=%d, %d runs (values: median, min .. max over all "
        + "measurements of the runs)%n%n", keys, runs);
    System.out.println("| figure | n | median | min .. max |");
    System.out.println("|---|---:|---:|---|");
    for (Map.Entry<String, List<Double>> e : figures.entrySet()) {
      List<Double> v = new ArrayList<>(e.getValue());
      v.sort(null);
      int n = v.size();
      double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
      System.out.printf(Locale.ROOT, "| %s | %d | %s | %s .. %s |%n", e.getKey(), n,
          fmt(median), fmt(v.get(0)), fmt(v.get(n - 1)));
    }
  }

  private static String fmt(double v) {
    double a = Math.abs(v);
    if (a >= 1e6) {
      return String.format(Locale.ROOT, "%.2fM", v / 1e6);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static double millisSince(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }

  private static long gcMillis() {
    long ms = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }

  private static long du(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    // Hard links (reused state files) are counted once per link: the figure is what the listing
    // holds, an upper bound of the blocks used.
    try (Stream<Path> files = Files.walk(dir)) {
      long total = 0;
      for (Path p : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(p)) {
          total += Files.size(p);
        }
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
