package org.laminardb.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.laminardb.BulkAppender;
import org.laminardb.IdleStrategyKind;
import org.laminardb.LaminarDB;
import org.laminardb.SourceWriter;
import org.laminardb.Subscription;

/**
 * The peer workload of {@code shared/peers} run through LaminarDB's SQL and bulk append path, with
 * the peers' measurement and output format, so that {@code bench/peers.sh} can compare them.
 *
 * <p>Event {@code i} (of {@code n}): {@code k = i % keys}, {@code v = i % 100}, {@code ts = i / 10}
 * milliseconds since the epoch. Each run opens a fresh database, declares {@code CREATE SOURCE ev
 * (k BIGINT, v BIGINT, ts TIMESTAMP, WATERMARK FOR ts)} (no out-of-orderness bound, as the peers:
 * Flink {@code WATERMARK FOR ts AS ts}, Jet {@code withNativeTimestamps(0)}) and the stream
 * {@link #STREAM} (a 10 second TUMBLE with {@code COUNT(*)} and {@code SUM(v)} per key, emitted
 * when each window closes), subscribes a {@link PeerWindowListener} (on the reactor thread), then
 * appends the events with the {@link BulkAppender} on the main thread, flushing every {@link
 * #BATCH_ROWS} rows (the watermark moves at each flush), and finally sets the watermark far in
 * the future to close the last window. The run ends when the listener's sum of counts reaches
 * {@code n}; it fails unless the result has one row per (window, key) present in the input, the
 * counts add up to {@code n} and the sums to the sum of {@code v}.
 *
 * <p>Measured like the peers: a warm-up run of 1,000,000 events, then {@code runs} runs; wall time
 * and process CPU time ({@code OperatingSystemMXBean.getProcessCpuTime()}, every thread) from the
 * first appended row to the last result row. Declaring the source and stream and subscribing is
 * timed apart ({@code setup=}), like Esper's compile and deploy. Each run line also gives the
 * firing latency of its windows (publication of the batch that closes a window to the listener
 * receiving its last row, under full load: it includes the rows queued ahead of that batch), the
 * bytes allocated per event by all threads, the collections during the run and the CPU time of
 * the producing (main) thread up to its last append; the rest of the process CPU time is the
 * engine's reactor thread (and the JVM's own threads). The last line is
 * {@code RESULT laminardb n=.. median_eps=.. median_events_per_cpu_s=.. all=[..]}.
 *
 * <p>The database uses the default configuration except that {@code -Dlaminar.queueDepth=N} sets
 * the chunks per channel ({@link LaminarDB.Builder#queueDepth}, default 64).
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.laminardb.bench.PeerWorkload [events] [keys]
 * [runs] [paced [BACKOFF|BUSY_SPIN|YIELD]]}. With {@code paced}, the producer waits before
 * publishing each window-closing batch until the engine has processed every earlier batch (the
 * source's watermark, {@link LaminarDB#watermark(String)}, has reached their last event time), and
 * after it until that window's results have arrived: the firing latency then has no queued input
 * ahead of it and includes waking the reactor with the given idle strategy (default BACKOFF, the
 * engine's default). The throughput of such a run is not comparable; its lines say {@code
 * laminardb-paced}.
 */
public final class PeerWorkload {
  /** The windowed aggregation, in the peers' SQL. */
  static final String STREAM = "CREATE STREAM agg AS SELECT window_start, k, COUNT(*) AS c, "
      + "SUM(v) AS s FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
      + "GROUP BY window_start, window_end, k";
  /**
   * Rows per flush. One less than the default chunk capacity (1024): a chunk that fills up is
   * published by {@code endRow()} as a plain chunk, not as the end of a batch, so flushing after
   * exactly 1024 rows would find nothing to flush and the watermark would never move.
   */
  static final int BATCH_ROWS = 1023;
  private static final long WINDOW_MICROS = 10_000_000L;
  private static final long EVENTS_PER_WINDOW = 100_000L;
  private static final LocalDateTime END_OF_TIME = LocalDateTime.of(2100, 1, 1, 0, 0);

  private PeerWorkload() {}

  /**
   * Runs the warm-up and the measured runs and prints the results.
   *
   * @param args events (default 10,000,000), keys (1000), runs (5), optionally {@code paced}
   *     and the reactor's idle strategy
   */
  public static void main(String[] args) {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    int keys = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    boolean paced = args.length > 3 && args[3].equals("paced");
    IdleStrategyKind idle = args.length > 4 ? IdleStrategyKind.valueOf(args[4])
        : IdleStrategyKind.BACKOFF;
    System.out.printf(Locale.ROOT, "laminardb n=%d keys=%d runs=%d batch=%d paced=%s idle=%s "
        + "queue_depth=%d java=%s%n", n, keys, runs, BATCH_ROWS, paced, idle, QUEUE_DEPTH,
        System.getProperty("java.version"));
    run(1_000_000L, keys, paced, idle, "warmup");
    List<Double> rates = new ArrayList<>();
    List<Double> perCpu = new ArrayList<>();
    Histogram firing = new Histogram(3);
    for (int r = 0; r < runs; r++) {
      RunResult result = run(n, keys, paced, idle, "run" + r);
      rates.add(result.eps());
      perCpu.add(n / result.cpuSeconds());
      firing.add(result.firing());
    }
    List<Double> sorted = new ArrayList<>(rates);
    Collections.sort(sorted);
    Collections.sort(perCpu);
    System.out.printf(Locale.ROOT, "FIRING laminardb%s windows=%d p50_us=%.1f p99_us=%.1f "
        + "max_us=%.1f%n", paced ? "-paced" : "", firing.getTotalCount(),
        firing.getValueAtPercentile(50) / 1e3, firing.getValueAtPercentile(99) / 1e3,
        firing.getMaxValue() / 1e3);
    System.out.printf(Locale.ROOT,
        "RESULT laminardb%s n=%d median_eps=%.0f median_events_per_cpu_s=%.0f all=%s%n",
        paced ? "-paced" : "", n, sorted.get(sorted.size() / 2), perCpu.get(perCpu.size() / 2),
        rates);
    System.exit(0);
  }

  /**
   * One run's figures.
   *
   * @param eps events per second of wall time
   * @param cpuSeconds process CPU seconds
   * @param firing firing latencies in nanoseconds
   */
  record RunResult(double eps, double cpuSeconds, Histogram firing) {}

  /** Chunks per channel: {@code -Dlaminar.queueDepth}, else the engine's default of 64. */
  private static final int QUEUE_DEPTH = Integer.getInteger("laminar.queueDepth", 64);

  static RunResult run(long n, int keys, boolean paced, IdleStrategyKind idle, String label) {
    long[] expectedRows = expectedRows(n, keys);
    int windows = expectedRows.length;
    long setup0 = System.nanoTime();
    try (LaminarDB db = LaminarDB.builder().idleStrategy(idle).queueDepth(QUEUE_DEPTH).open()) {
      db.execute("CREATE SOURCE ev (k BIGINT, v BIGINT, ts TIMESTAMP, WATERMARK FOR ts)");
      db.execute(STREAM);
      PeerWindowListener listener = new PeerWindowListener(WINDOW_MICROS, expectedRows);
      Subscription subscription = db.subscribe("agg", listener);
      SourceWriter writer = db.source("ev");
      BulkAppender appender = writer.bulk();
      double setup = (System.nanoTime() - setup0) / 1e9;
      long[] closeNanos = listener.closeNanos();
      AllocationMeter meter = new AllocationMeter();
      long gcs0 = collections();
      long c0 = cpuNanos();
      long p0 = threadCpuNanos();
      long t0 = System.nanoTime();
      long k = 0;
      long v = 0;
      int inBatch = 0;
      int window = 0;
      long boundary = EVENTS_PER_WINDOW;
      for (long i = 0; i < n; i++) {
        appender.beginRow();
        appender.setLong(0, k);
        appender.setLong(1, v);
        appender.setLong(2, i / 10 * 1000);
        appender.endRow();
        if (++k == keys) {
          k = 0;
        }
        if (++v == 100) {
          v = 0;
        }
        if (++inBatch == BATCH_ROWS) {
          inBatch = 0;
          if (i >= boundary) {
            // This batch holds an event at or after the end of window `window`: its watermark
            // closes that window.
            if (paced) {
              awaitWatermark(db, (i - BATCH_ROWS) / 10 * 1000);
            }
            closeNanos[window] = System.nanoTime();
            appender.flush();
            window++;
            boundary += EVENTS_PER_WINDOW;
            if (paced) {
              awaitWindows(listener, window);
            }
          } else {
            appender.flush();
          }
        }
      }
      appender.flush();
      long closeAll = System.nanoTime();
      for (int w = window; w < windows; w++) {
        closeNanos[w] = closeAll;
      }
      writer.watermark(END_OF_TIME);
      long p1 = threadCpuNanos();
      listener.progress().awaitAtLeast(n);
      long t1 = System.nanoTime();
      long c1 = cpuNanos();
      long allocated = meter.bytesSince();
      long gcs = collections() - gcs0;
      double secs = (t1 - t0) / 1e9;
      double cpu = (c1 - c0) / 1e9;
      Histogram firing = listener.latency();
      System.out.printf(Locale.ROOT, "%s n=%d wall=%.2fs eps=%.0f cpu=%.2fs events/cpu-s=%.0f "
          + "outRows=%d sumCnt=%d fire_p50_us=%.1f fire_p99_us=%.1f fire_max_us=%.1f "
          + "alloc_B_per_event=%.4f gcs=%d setup=%.3fs producer_cpu=%.2fs "
          + "first_row_p50_us=%.1f%n", label, n, secs, n / secs, cpu, n / cpu, listener.rows(),
          listener.sumCount(), firing.getValueAtPercentile(50) / 1e3,
          firing.getValueAtPercentile(99) / 1e3, firing.getMaxValue() / 1e3,
          allocated / (double) n, gcs, setup, (p1 - p0) / 1e9,
          listener.firstRowLatency().getValueAtPercentile(50) / 1e3);
      verify(n, keys, expectedRows, listener);
      subscription.close();
      writer.close();
      return new RunResult(n / secs, cpu, firing.copy());
    }
  }

  private static void awaitWatermark(LaminarDB db, long micros) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      LocalDateTime w = db.watermark("ev").orElse(null);
      if (w != null
          && w.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + w.getNano() / 1000 >= micros) {
        return;
      }
      Thread.onSpinWait();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the source's watermark did not reach " + micros);
      }
    }
  }

  private static void awaitWindows(PeerWindowListener listener, int windows) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (listener.windowsFired() < windows) {
      // Parks rather than spins: the listener takes the time itself, and a spinning producer
      // would compete with the reactor for the machine's cores.
      LockSupport.parkNanos(50_000L);
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("window " + (windows - 1) + " did not fire");
      }
    }
  }

  /**
   * Result rows per window: the distinct keys among its events.
   *
   * @param n events
   * @param keys distinct keys
   * @return rows indexed by window number
   */
  static long[] expectedRows(long n, int keys) {
    int windows = (int) ((n + EVENTS_PER_WINDOW - 1) / EVENTS_PER_WINDOW);
    long[] rows = new long[windows];
    for (int w = 0; w < windows; w++) {
      rows[w] = Math.min(keys, Math.min(EVENTS_PER_WINDOW, n - w * EVENTS_PER_WINDOW));
    }
    return rows;
  }

  private static void verify(long n, int keys, long[] expectedRows, PeerWindowListener l) {
    long rows = 0;
    for (long r : expectedRows) {
      rows += r;
    }
    long sumV = n / 100 * 4950 + (n % 100) * (n % 100 - 1) / 2;
    if (l.rows() != rows || l.sumCount() != n || l.sumValues() != sumV || l.unexpected() != 0) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "WRONG RESULT: outRows=%d (expected %d) sumCnt=%d (expected %d) sumS=%d (expected %d) "
              + "unexpected rows=%d", l.rows(), rows, l.sumCount(), n, l.sumValues(), sumV,
          l.unexpected()));
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long threadCpuNanos() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static long collections() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionCount());
    }
    return total;
  }

  /** Bytes allocated by every thread alive at its creation, from the JVM's per-thread counters. */
  private static final class AllocationMeter {
    private final com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long[] ids = mx.getAllThreadIds();
    private final long[] before = mx.getThreadAllocatedBytes(ids);

    long bytesSince() {
      long[] after = mx.getThreadAllocatedBytes(ids);
      long total = 0;
      for (int i = 0; i < ids.length; i++) {
        if (before[i] >= 0 && after[i] >= 0) {
          total += after[i] - before[i];
        }
      }
      return total;
    }
  }
}
