package org.laminardb.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.laminardb.LaminarDB;
import org.laminardb.Row;

/**
 * Runs the Nexmark queries of {@code nexmark/qN.sql} (resources of this module) unthrottled over
 * a generated event stream and prints, per query, events per second of wall-clock time, events
 * per CPU-second of the process, the changelog rows the query emitted, the rows its view holds
 * at the end and the peak heap.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.laminardb.bench.NexmarkHarness [--query qN |
 * --all] [--events N] [--seed S]} (defaults: {@code --all}, 1 000 000 events, seed 0). Each
 * query runs in a database of its own with the three sources of {@code nexmark/sources.sql}
 * ({@code events.per.second} 10 000 of event time, no rate limit) and a start delay of three
 * seconds so that the query exists before the first event. The run is timed from the end of the
 * start delay to the last change the query emits once all sources have ended (a change is
 * counted by a subscription to the view); CPU is the process CPU time in the same interval (the
 * generator threads included), measured with {@code OperatingSystemMXBean.getProcessCpuTime}.
 * Prints one {@code RESULT} line per query.
 */
public final class NexmarkHarness {
  private static final long DELAY_MS = 3_000;
  private static final long QUIET_MS = 1_000;
  private static final int MAX_QUERY = 22;
  private static final long RATE = 10_000;
  private static final LocalDateTime BASE = LocalDateTime.of(2026, 1, 1, 0, 0);

  private NexmarkHarness() {}

  /**
   * Runs the harness.
   *
   * @param args {@code --query qN} or {@code --all}, {@code --events N}, {@code --seed S}
   * @throws Exception if a query fails to run
   */
  public static void main(String[] args) throws Exception {
    List<String> queries = new ArrayList<>();
    long events = 1_000_000;
    long seed = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--query":
          queries.add(args[++i]);
          break;
        case "--all":
          break;
        case "--events":
          events = Long.parseLong(args[++i].replace("_", ""));
          break;
        case "--seed":
          seed = Long.parseLong(args[++i]);
          break;
        default:
          throw new IllegalArgumentException("unknown argument " + args[i]
              + "; usage: [--query qN | --all] [--events N] [--seed S]");
      }
    }
    if (queries.isEmpty()) {
      queries = queries();
    }
    System.out.printf(Locale.ROOT, "# nexmark events=%d seed=%d cores=%d jdk=%s%n", events, seed,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    for (String q : queries) {
      Result r = run(q, events, seed);
      System.out.printf(Locale.ROOT, "RESULT %s events=%d wall_s=%.2f events_per_s=%.0f "
          + "cpu_s=%.2f events_per_cpu_s=%.0f changes=%d view_rows=%d peak_heap_mib=%d%n", q,
          events, r.wallSeconds, events / r.wallSeconds, r.cpuSeconds, events / r.cpuSeconds,
          r.changes, r.viewRows, r.peakHeapBytes >> 20);
    }
  }

  /**
   * The queries of the suite: the {@code nexmark/qN.sql} resources, in order of N.
   *
   * @return their names, {@code q0} first
   */
  static List<String> queries() {
    List<String> queries = new ArrayList<>();
    for (int q = 0; q <= MAX_QUERY; q++) {
      if (NexmarkHarness.class.getResource("/nexmark/q" + q + ".sql") != null) {
        queries.add("q" + q);
      }
    }
    return queries;
  }

  /** What a run measured. */
  record Result(double wallSeconds, double cpuSeconds, long changes, long viewRows,
      long peakHeapBytes) {}

  /**
   * Runs one query over a fresh database and stream.
   *
   * @param q the query's name
   * @param events events of the stream
   * @param seed the generator's seed
   * @return the measurements
   * @throws Exception if the query fails to run
   */
  static Result run(String q, long events, long seed) throws Exception {
    String view = resource(q + ".sql");
    String sources = resource("sources.sql").replace("${events}", String.valueOf(events))
        .replace("${seed}", String.valueOf(seed)).replace("${rate}", String.valueOf(RATE))
        .replace("${delay}", DELAY_MS + " ms");
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    AtomicLong changes = new AtomicLong();
    AtomicLong lastChange = new AtomicLong();
    try (LaminarDB db = LaminarDB.open()) {
      long created = System.nanoTime();
      for (String s : statements(sources)) {
        db.execute(s);
      }
      db.execute(statements(view).get(0));
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
      double wall = (t1 - t0) / 1e9;
      double cpu = (cpu1 - cpu0) / 1e9;
      long rows = db.query("SELECT COUNT(*) FROM " + q).rows().get(0).getLong(0);
      return new Result(wall, cpu, changes.get(), rows, peakHeap());
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

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = NexmarkHarness.class.getResourceAsStream("/nexmark/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no query nexmark/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The statements of a script, without comment lines, separated by {@code ;} at line ends. */
  private static List<String> statements(String script) {
    String text = script.lines().filter(l -> !l.strip().startsWith("--"))
        .collect(Collectors.joining("\n"));
    List<String> out = new ArrayList<>();
    for (String s : text.split(";\\s*(\n|$)")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }
}
