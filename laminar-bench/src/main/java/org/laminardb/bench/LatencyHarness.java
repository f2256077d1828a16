package org.laminardb.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.laminardb.LaminarDB;
import org.laminardb.SourceWriter;
import org.laminardb.Subscription;

/**
 * End-to-end latency of a stateless streaming query: a writer thread appends one row at a fixed
 * rate, each row carrying {@link System#nanoTime()}; the query {@code SELECT ts, sched, v * 2 AS
 * v2 FROM lat WHERE v >= 0} runs as a stream on the reactor; a {@code RowListener} on that stream
 * records {@code nanoTime() - ts} of every row into an HdrHistogram.
 *
 * <p>Rows also carry {@code sched}, the time the schedule meant them to be sent; a second
 * histogram measures from it, so that a writer that falls behind (back-pressure, a pause) shows
 * up as latency instead of being hidden (coordinated omission). After a warm-up, the rows sent
 * during the measured period are recorded; then the harness waits for every row and prints the
 * percentiles, the achieved rate and the garbage collections seen while measuring.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.laminardb.bench.LatencyHarness [--rate N]
 * [--warmup SECONDS] [--duration SECONDS] [--idle BUSY_SPIN|YIELD|BACKOFF] [--mode bulk|insert]}.
 * {@code bulk} appends with the bulk appender and flushes after every row; {@code insert} calls
 * {@code SourceWriter.insert} per row.
 */
public final class LatencyHarness {
  private final LatencyOptions options;

  private LatencyHarness(LatencyOptions options) {
    this.options = options;
  }

  /**
   * Runs the harness and prints its report.
   *
   * @param args options, see the class comment
   */
  public static void main(String[] args) {
    LatencyOptions options;
    try {
      options = LatencyOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(LatencyOptions.USAGE);
      System.exit(2);
      return;
    }
    new LatencyHarness(options).run();
  }

  private void run() {
    try (LaminarDB db = LaminarDB.builder().idleStrategy(options.idle()).open()) {
      db.execute("CREATE SOURCE lat (ts BIGINT, sched BIGINT, v DOUBLE)");
      db.execute("CREATE STREAM lat_out AS SELECT ts, sched, v * 2 AS v2 FROM lat WHERE v >= 0");
      long intervalNanos = Math.max(1, 1_000_000_000L / options.rate());
      long start = System.nanoTime() + 100_000_000L;
      long measureFrom = start + options.warmupSeconds() * 1_000_000_000L;
      long total = (options.warmupSeconds() + options.durationSeconds()) * options.rate();
      LatencyListener listener = new LatencyListener(measureFrom);
      Subscription sub = db.subscribe("lat_out", listener);
      try (SourceWriter writer = db.source("lat")) {
        RowSender sender = options.bulk() ? new BulkSender(writer) : new InsertSender(writer);
        ThreadAllocation alloc = new ThreadAllocation();
        long writerBytes = 0;
        long reactorBytes = 0;
        long gcBefore = 0;
        long sentMeasured = 0;
        long firstMeasured = 0;
        long lastSent = 0;
        for (long i = 0; i < total; i++) {
          long sched = start + i * 1_000_000_000L / options.rate();
          long now;
          while ((now = System.nanoTime()) < sched) {
            Thread.onSpinWait();
          }
          if (sched >= measureFrom) {
            if (sentMeasured == 0) {
              gcBefore = gcCount();
              reactorBytes = alloc.reactors();
              writerBytes = alloc.currentThread();
              firstMeasured = now;
            }
            sentMeasured++;
          }
          sender.send(System.nanoTime(), sched, (double) (i & 1023));
          lastSent = System.nanoTime();
        }
        writerBytes = alloc.currentThread() - writerBytes;
        listener.progress().awaitAtLeast(total);
        reactorBytes = alloc.reactors() - reactorBytes;
        long gcs = gcCount() - gcBefore;
        report(listener, sentMeasured, lastSent - firstMeasured, intervalNanos, gcs);
        System.out.printf(Locale.ROOT, "allocated while measuring: writer thread %d B (%.3f B/row),"
            + " %d reactor thread(s) %d B (%.3f B/row)%n", writerBytes,
            writerBytes / (double) Math.max(1, sentMeasured), alloc.reactorThreads(), reactorBytes,
            reactorBytes / (double) Math.max(1, sentMeasured));
      } finally {
        sub.close();
      }
    }
  }

  private void report(LatencyListener listener, long sent, long elapsedNanos, long intervalNanos,
      long gcs) {
    Histogram h = listener.fromSend();
    Histogram s = listener.fromSchedule();
    double achieved = sent * 1e9 / Math.max(1, elapsedNanos);
    System.out.printf(Locale.ROOT, "jdk=%s idle=%s mode=%s target=%d/s warmup=%ds duration=%ds%n",
        Runtime.version(), options.idle(), options.bulk() ? "bulk" : "insert", options.rate(),
        options.warmupSeconds(), options.durationSeconds());
    System.out.printf(Locale.ROOT, "measured rows=%d achieved=%.0f/s gcs=%d interval=%dns%n",
        h.getTotalCount(), achieved, gcs, intervalNanos);
    printPercentiles("from send    ", h);
    printPercentiles("from schedule", s);
    System.out.printf(Locale.ROOT,
        "RESULT idle=%s mode=%s rate=%d achieved=%.0f count=%d p50_us=%.2f p99_us=%.2f "
            + "p999_us=%.2f max_us=%.2f sched_p99_us=%.2f sched_max_us=%.2f gcs=%d%n",
        options.idle(), options.bulk() ? "bulk" : "insert", options.rate(), achieved,
        h.getTotalCount(), us(h.getValueAtPercentile(50)), us(h.getValueAtPercentile(99)),
        us(h.getValueAtPercentile(99.9)), us(h.getMaxValue()), us(s.getValueAtPercentile(99)),
        us(s.getMaxValue()), gcs);
  }

  private static void printPercentiles(String label, Histogram h) {
    System.out.printf(Locale.ROOT,
        "%s (us): p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f p99.99=%.2f max=%.2f mean=%.2f%n",
        label, us(h.getValueAtPercentile(50)), us(h.getValueAtPercentile(90)),
        us(h.getValueAtPercentile(99)), us(h.getValueAtPercentile(99.9)),
        us(h.getValueAtPercentile(99.99)), us(h.getMaxValue()), h.getMean() / 1000.0);
  }

  private static double us(long nanos) {
    return nanos / 1000.0;
  }

  private static long gcCount() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }
}
