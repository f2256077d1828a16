package org.laminardb.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.laminardb.LaminarDB;
import org.laminardb.Row;
import org.laminardb.sql.parser.LaminarSqlParser;

/**
 * Runs one Nexmark query of {@code nexmark/qN.sql} (resources of this module) unthrottled over a
 * generated event stream and measures it, as the materialized view the file declares or as a
 * stream of the same query (whose changes only reach the subscription, like Flink's runs into a
 * discarding sink; a windowed aggregate in a stream emits when its window closes).
 *
 * <p>A query file holds the query's {@code CREATE MATERIALIZED VIEW} as its last statement,
 * after any set-up of its own (q13's side table, whose rows {@link #sideInput()} gives).
 *
 * <p>Each run opens a database of its own with the three sources of {@code nexmark/sources.sql}
 * ({@code events.per.second} 10 000 of event time, no rate limit) and a start delay of three
 * seconds, so that the query exists before the first event. The run is timed from the end of
 * the start delay to the last change the query emits once all sources have ended (a change is
 * counted by a subscription to the view); CPU is the process CPU time in the same interval (the
 * generator threads included), from {@code OperatingSystemMXBean.getProcessCpuTime}. Peak memory
 * is the peak of the heap in use (the memory pools' peaks, reset before the run) and, on Linux,
 * the peak resident set size ({@code VmHWM}, reset through {@code /proc/self/clear_refs}).
 */
final class NexmarkRunner {
  /** Wall-clock wait between creating the sources and their first event. */
  static final long DELAY_MS = 3_000;
  private static final long QUIET_MS = 1_000;
  private static final int MAX_QUERY = 22;
  private static final long RATE = 10_000;
  private static final LocalDateTime BASE = LocalDateTime.of(2026, 1, 1, 0, 0);
  private static final Path PROC_SELF = Path.of("/proc/self");

  private NexmarkRunner() {}

  /**
   * The queries of the suite: the {@code nexmark/qN.sql} resources, in order of N.
   *
   * @return their names, {@code q0} first
   */
  static List<String> queries() {
    List<String> queries = new ArrayList<>();
    for (int q = 0; q <= MAX_QUERY; q++) {
      if (NexmarkRunner.class.getResource("/nexmark/q" + q + ".sql") != null) {
        queries.add("q" + q);
      }
    }
    return queries;
  }

  /** What the query's results go to. */
  enum Output {
    /** The query as written: a materialized view that keeps its result. */
    VIEW,
    /** The same query as a stream: its changes go to the subscription only, nothing is kept. */
    STREAM
  }

  /**
   * What a run measured.
   *
   * @param wallSeconds wall-clock seconds from the first event to the last change
   * @param cpuSeconds process CPU seconds in that interval
   * @param changes changelog rows the view emitted
   * @param viewRows rows the view holds at the end, -1 for a stream
   * @param peakHeapBytes peak heap in use
   * @param peakRssBytes peak resident set size, or -1 where the platform does not tell
   */
  record Result(double wallSeconds, double cpuSeconds, long changes, long viewRows,
      long peakHeapBytes, long peakRssBytes) {}

  /**
   * Runs one query over a fresh database and stream.
   *
   * @param q the query's name, {@code qN}
   * @param events events of the stream
   * @param seed the generator's seed
   * @param output a view (as written) or a stream
   * @return the measurements
   * @throws IllegalArgumentException if there is no such query
   * @throws IOException if a query file cannot be read
   * @throws InterruptedException if interrupted while waiting for the query
   */
  static Result run(String q, long events, long seed, Output output)
      throws IOException, InterruptedException {
    List<String> statements = LaminarSqlParser.splitStatements(
        resource(q + ".sql").replace("${side_input}", sideInput()));
    String view = statements.get(statements.size() - 1);
    if (output == Output.STREAM) {
      String written = "CREATE MATERIALIZED VIEW " + q + " AS";
      if (!view.contains(written)) {
        throw new IllegalStateException(q + ".sql does not start with '" + written + "'");
      }
      view = view.replace(written, "CREATE STREAM " + q + " AS");
    }
    String sources = resource("sources.sql").replace("${events}", String.valueOf(events))
        .replace("${seed}", String.valueOf(seed)).replace("${rate}", String.valueOf(RATE))
        .replace("${delay}", DELAY_MS + " ms");
    resetPeaks();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    AtomicLong changes = new AtomicLong();
    AtomicLong lastChange = new AtomicLong();
    try (LaminarDB db = LaminarDB.open()) {
      for (String s : statements.subList(0, statements.size() - 1)) {
        db.execute(s); // the query's own set-up (q13's side table), before the start delay runs
      }
      long created = System.nanoTime();
      for (String s : LaminarSqlParser.splitStatements(sources)) {
        db.execute(s);
      }
      db.execute(view);
      db.subscribe(q, (Row r) -> {
        changes.incrementAndGet();
        lastChange.set(System.nanoTime());
      });
      long start = created + TimeUnit.MILLISECONDS.toNanos(DELAY_MS);
      long wait = start - System.nanoTime();
      if (wait < 0) {
        throw new IllegalStateException(q + ": creating the query took longer than the start "
            + "delay of " + DELAY_MS + " ms");
      }
      TimeUnit.NANOSECONDS.sleep(wait);
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      // Sources end after their last event, when their watermarks reach its time minus the
      // bound of 4 seconds; then wait until the view has been quiet a while.
      while (!ended(db, "person", events, 0, 0) || !ended(db, "auction", events, 1, 3)
          || !ended(db, "bid", events, 4, 49)) {
        Thread.sleep(20);
      }
      long cpu1 = os.getProcessCpuTime();
      long ended = System.nanoTime();
      long quietSince = ended;
      long seen = changes.get();
      while (System.nanoTime() - quietSince < TimeUnit.MILLISECONDS.toNanos(QUIET_MS)) {
        Thread.sleep(20);
        if (changes.get() != seen) {
          seen = changes.get();
          quietSince = System.nanoTime();
          cpu1 = os.getProcessCpuTime();
        }
      }
      long t1 = Math.max(lastChange.get(), ended);
      long rows = output == Output.STREAM ? -1
          : db.query("SELECT COUNT(*) FROM " + q).rows().get(0).getLong(0);
      return new Result((t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, changes.get(), rows, peakHeap(),
          peakRss());
    }
  }

  /**
   * Whether a source's watermark has reached the time of its table's last event (numbered
   * {@code first} to {@code last} modulo 50) minus 4 seconds.
   */
  private static boolean ended(LaminarDB db, String source, long events, int first, int last) {
    long n = events - 1;
    while (n >= 0 && (n % 50 < first || n % 50 > last)) {
      n--;
    }
    LocalDateTime end = BASE.plusNanos(n * 1_000_000L / RATE * 1_000L).minusSeconds(4);
    return db.watermark(source).map(w -> !w.isBefore(end)).orElse(false);
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    try {
      // "5" resets the peak resident set size (Linux 4.0 and later).
      Files.writeString(PROC_SELF.resolve("clear_refs"), "5");
    } catch (IOException | RuntimeException e) {
      // not Linux, or not permitted: the peak then covers the whole process
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** {@code VmHWM} of {@code /proc/self/status} in bytes, or -1. */
  private static long peakRss() {
    try {
      for (String line : Files.readAllLines(PROC_SELF.resolve("status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  /**
   * The rows of q13's side table, for {@code ${side_input}}: {@code (0, 'side-0'), ...,
   * (9999, 'side-9999')}.
   *
   * @return a VALUES list
   */
  static String sideInput() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      sb.append(i == 0 ? "" : ", ").append('(').append(i).append(", 'side-").append(i)
          .append("')");
    }
    return sb.toString();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = NexmarkRunner.class.getResourceAsStream("/nexmark/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no Nexmark query " + name.replace(".sql", "")
            + "; the queries are " + String.join(", ", queries()));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
