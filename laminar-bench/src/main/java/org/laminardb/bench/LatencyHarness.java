package org.laminardb.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.laminardb.LaminarDB;
import org.laminardb.SourceWriter;
import org.laminardb.Subscription;

/**
 * End-to-end latency of a streaming query under a fixed input rate: a writer thread appends one
 * row at a time on a fixed schedule, each row carrying {@link System#nanoTime()} ({@code ts}) and
 * its scheduled send time ({@code sched}); a {@code RowListener} on the query's stream, on the
 * reactor thread, records {@code nanoTime() - ts} of every result row into an HdrHistogram.
 *
 * <p>Two queries ({@code --query}):
 *
 * <ul>
 *   <li>{@code filter}: {@code SELECT ts, sched, v * 2 AS v2 FROM lat WHERE v >= 0} (every row
 *       passes).
 *   <li>{@code window}: a tumbling window of 1 second with {@code COUNT(*)} and {@code SUM(v)}
 *       per key ({@code k = seq % keys}) over the event time {@code et} (the row's scheduled
 *       time since the start, watermark bound 0), as two streams of one source. {@code lat_out}
 *       emits {@code ON UPDATE}: each input row updates its (window, key) result at once, and a
 *       {@link WindowUpdateListener} finds the row from the result (window, key and count), so
 *       the row histograms measure the latency of a row to its window result without waiting
 *       for the window to close. {@code lat_fire} emits {@code ON WINDOW CLOSE}; a {@link
 *       PeerWindowListener} on it measures the firing latency: from the send of the row whose
 *       event time passes a window's end (the watermark passing it) to the listener's receiving
 *       that window's first and last result row. Both streams run on the one reactor, so the row
 *       latency includes the delay that firing causes to rows queued behind it.
 * </ul>
 *
 * <p>The second histogram, measured from {@code sched}, shows a writer that falls behind
 * (back-pressure, a pause) as latency instead of hiding it (coordinated omission). After a
 * warm-up, the rows sent during the measured period are recorded (windows closed by them for the
 * firing latency); then the harness waits for every row and prints the percentiles, the achieved
 * rate, the JDK, the garbage collector and the collections seen while measuring.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.laminardb.bench.LatencyHarness [--rate N]
 * [--warmup SECONDS] [--duration SECONDS] [--idle BUSY_SPIN|YIELD|BACKOFF] [--mode bulk|insert]
 * [--query filter|window] [--keys N]}. {@code bulk} appends with the bulk appender and flushes
 * after every row; {@code insert} calls {@code SourceWriter.insert} per row.
 */
public final class LatencyHarness {
  private static final String FILTER_SOURCE = "CREATE SOURCE lat (ts BIGINT, sched BIGINT, "
      + "v DOUBLE)";
  private static final String FILTER_STREAM = "CREATE STREAM lat_out AS SELECT ts, sched, "
      + "v * 2 AS v2 FROM lat WHERE v >= 0";
  private static final String WINDOW_SOURCE = "CREATE SOURCE lat (ts BIGINT, sched BIGINT, "
      + "k BIGINT, v BIGINT, et TIMESTAMP, WATERMARK FOR et)";
  private static final String WINDOW_AGGREGATE = " AS SELECT window_start, k, COUNT(*) AS c, "
      + "SUM(v) AS s FROM TABLE(TUMBLE(TABLE lat, DESCRIPTOR(et), INTERVAL '1' SECOND)) "
      + "GROUP BY window_start, window_end, k";
  private static final String WINDOW_UPDATES = "CREATE STREAM lat_out" + WINDOW_AGGREGATE
      + " EMIT ON UPDATE";
  private static final String WINDOW_FIRING = "CREATE STREAM lat_fire" + WINDOW_AGGREGATE;
  /** Send times kept for {@link WindowUpdateListener}: 16M rows, 128 MiB. */
  private static final int RING_BITS = 24;
  private static final long SECOND = 1_000_000_000L;
  private static final LocalDateTime END_OF_TIME = LocalDateTime.of(2100, 1, 1, 0, 0);

  private LatencyHarness() {}

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
    Result r = measure(options);
    report(options, r);
    System.exit(0);
  }

  /**
   * What a run measured.
   *
   * @param fromSend row latencies from the send time, nanoseconds
   * @param fromSchedule row latencies from the scheduled send time, nanoseconds
   * @param firing per measured window, send of the closing row to the window's last result
   *     row, nanoseconds; empty for the filter query
   * @param firingFirstRow the same up to the window's first result row
   * @param sent rows sent in the measured period
   * @param behind whether the writer stopped early, having fallen the maximum lag behind its
   *     schedule (the engine did not sustain the rate)
   * @param achieved rows per second achieved in the measured period
   * @param gcs garbage collector runs counted while measuring (all collector beans)
   * @param writerBytes bytes allocated by the writer thread while measuring
   * @param reactorBytes bytes allocated by the reactor threads while measuring
   * @param reactors reactor threads found
   */
  record Result(Histogram fromSend, Histogram fromSchedule, Histogram firing,
      Histogram firingFirstRow, long sent, boolean behind, double achieved, long gcs,
      long writerBytes, long reactorBytes, int reactors) {}

  /**
   * Runs the query at the options' rate and measures it.
   *
   * @param options the options
   * @return the measurements
   */
  static Result measure(LatencyOptions options) {
    boolean window = options.query() == LatencyOptions.Query.WINDOW;
    try (LaminarDB db = LaminarDB.builder().idleStrategy(options.idle()).open()) {
      db.execute(window ? WINDOW_SOURCE : FILTER_SOURCE);
      db.execute(window ? WINDOW_UPDATES : FILTER_STREAM);
      long start = System.nanoTime() + 100_000_000L;
      long measureFrom = start + options.warmupSeconds() * SECOND;
      long seconds = options.warmupSeconds() + options.durationSeconds();
      LatencyListener listener = window ? new WindowUpdateListener(start, measureFrom,
          options.rate(), options.keys(), RING_BITS) : new LatencyListener(measureFrom);
      Subscription sub = db.subscribe("lat_out", listener);
      PeerWindowListener firing = null;
      Subscription fireSub = null;
      if (window) {
        db.execute(WINDOW_FIRING);
        long[] rowsPerWindow = new long[(int) seconds];
        Arrays.fill(rowsPerWindow, options.keys());
        firing = new PeerWindowListener(SECOND / 1000, rowsPerWindow);
        fireSub = db.subscribe("lat_fire", firing);
      }
      try (SourceWriter writer = db.source("lat")) {
        int keys = window ? options.keys() : 0;
        RowSender sender = options.bulk() ? new BulkSender(writer, keys)
            : new InsertSender(writer, keys);
        long[] sentRows = new long[1];
        Result sent = send(options, sender, start, measureFrom, seconds * options.rate(),
            listener, firing == null ? null : firing.closeNanos(), sentRows);
        if (window) {
          writer.watermark(END_OF_TIME);
          firing.progress().awaitAtLeast(sentRows[0]);
          return new Result(sent.fromSend(), sent.fromSchedule(), firing.latency(),
              firing.firstRowLatency(), sent.sent(), sent.behind(), sent.achieved(), sent.gcs(),
              sent.writerBytes(), sent.reactorBytes(), sent.reactors());
        }
        return sent;
      } finally {
        sub.close();
        if (fireSub != null) {
          fireSub.close();
        }
      }
    }
  }

  /**
   * Sends the rows on schedule, then waits for the last one's result. For the windowed query,
   * stores in {@code closeNanos} the send time of each measured row that closes a window. Stops
   * early when the writer falls the maximum lag behind its schedule; stores the rows sent in
   * {@code sentRows[0]}.
   */
  private static Result send(LatencyOptions options, RowSender sender, long start,
      long measureFrom, long total, LatencyListener listener, long[] closeNanos,
      long[] sentRows) {
    long maxLag = options.maxLagSeconds() * SECOND;
    boolean behind = false;
    ThreadAllocation alloc = new ThreadAllocation();
    long writerBytes = 0;
    long reactorBytes = 0;
    long gcBefore = 0;
    long sentMeasured = 0;
    long firstMeasured = 0;
    long lastSent = 0;
    long lastSched = 0;
    int window = 0;
    long[] sendNanos = listener instanceof WindowUpdateListener w ? w.sendNanos() : null;
    for (long i = 0; i < total; i++) {
      long sched = start + i * SECOND / options.rate();
      long now;
      while ((now = System.nanoTime()) < sched) {
        Thread.onSpinWait();
      }
      if (now - sched > maxLag) {
        behind = true;
        break;
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
      long ts = System.nanoTime();
      if (closeNanos != null) {
        sendNanos[(int) (i & (sendNanos.length - 1))] = ts;
        if ((sched - start) / SECOND > window) {
          // This row's event time is past the end of `window`: its watermark closes it.
          if (sched >= measureFrom) {
            closeNanos[window] = ts;
          }
          window++;
        }
      }
      sender.send(ts, sched, i, (sched - start) / 1000);
      lastSent = System.nanoTime();
      lastSched = sched;
      sentRows[0] = i + 1;
    }
    writerBytes = alloc.currentThread() - writerBytes;
    listener.progress().awaitAtLeast(lastSched);
    reactorBytes = alloc.reactors() - reactorBytes;
    long gcs = gcCount() - gcBefore;
    double achieved = sentMeasured * 1e9 / Math.max(1, lastSent - firstMeasured);
    return new Result(listener.fromSend(), listener.fromSchedule(), new Histogram(3),
        new Histogram(3), sentMeasured, behind, achieved, gcs, writerBytes, reactorBytes,
        alloc.reactorThreads());
  }

  private static void report(LatencyOptions options, Result r) {
    String gc = collector();
    String query = options.query().name().toLowerCase(Locale.ROOT);
    String mode = options.bulk() ? "bulk" : "insert";
    System.out.printf(Locale.ROOT, "jdk=%s gc=%s query=%s idle=%s mode=%s target=%d/s "
        + "warmup=%ds duration=%ds%s%n", Runtime.version(), gc, query, options.idle(), mode,
        options.rate(), options.warmupSeconds(), options.durationSeconds(),
        options.query() == LatencyOptions.Query.WINDOW ? " keys=" + options.keys() : "");
    System.out.printf(Locale.ROOT, "measured rows=%d results=%d achieved=%.0f/s gcs=%d%s%n",
        r.sent(), r.fromSend().getTotalCount(), r.achieved(), r.gcs(), r.behind()
            ? " NOT SUSTAINED: the writer stopped " + options.maxLagSeconds()
                + " s behind its schedule" : "");
    printPercentiles("from send    ", r.fromSend());
    printPercentiles("from schedule", r.fromSchedule());
    Histogram f = r.firing();
    if (options.query() == LatencyOptions.Query.WINDOW) {
      System.out.printf(Locale.ROOT, "firing (us): windows=%d first row p50=%.2f max=%.2f; "
          + "last row p50=%.2f p99=%.2f max=%.2f%n", f.getTotalCount(),
          us(r.firingFirstRow().getValueAtPercentile(50)), us(r.firingFirstRow().getMaxValue()),
          us(f.getValueAtPercentile(50)), us(f.getValueAtPercentile(99)), us(f.getMaxValue()));
    }
    System.out.printf(Locale.ROOT, "allocated while measuring: writer thread %d B (%.3f B/row),"
        + " %d reactor thread(s) %d B (%.3f B/row)%n", r.writerBytes(),
        r.writerBytes() / (double) Math.max(1, r.sent()), r.reactors(), r.reactorBytes(),
        r.reactorBytes() / (double) Math.max(1, r.sent()));
    Histogram h = r.fromSend();
    Histogram s = r.fromSchedule();
    System.out.printf(Locale.ROOT,
        "RESULT jdk=%d gc=%s query=%s idle=%s mode=%s rate=%d sustained=%d achieved=%.0f "
            + "count=%d p50_us=%.2f p99_us=%.2f p999_us=%.2f max_us=%.2f sched_p99_us=%.2f "
            + "sched_max_us=%.2f windows=%d fire_p50_us=%.2f fire_p99_us=%.2f fire_max_us=%.2f "
            + "gcs=%d%n",
        Runtime.version().feature(), gc, query, options.idle(), mode, options.rate(),
        r.behind() ? 0 : 1, r.achieved(), h.getTotalCount(), us(h.getValueAtPercentile(50)),
        us(h.getValueAtPercentile(99)), us(h.getValueAtPercentile(99.9)), us(h.getMaxValue()),
        us(s.getValueAtPercentile(99)), us(s.getMaxValue()), f.getTotalCount(),
        us(f.getValueAtPercentile(50)), us(f.getValueAtPercentile(99)), us(f.getMaxValue()),
        r.gcs());
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

  /** The collector's short name: the first word of the first collector bean (G1, ZGC, ...). */
  private static String collector() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      return gc.getName().split(" ")[0];
    }
    return "none";
  }

  private static long gcCount() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }
}
