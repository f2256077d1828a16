package org.laminardb.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The operator path of {@link WindowBenchmark#operator} outside JMH, measured in events per
 * CPU-second of its thread (a figure that a loaded machine disturbs much less than wall-clock
 * throughput), with the operator's own firing time: how long it takes to process the batch
 * whose watermark closes a window: {@code onChunk} of its 1024 events (the first events of the
 * next window among them, whose 1000 groups it creates) and the {@code onWatermark} call that
 * emits the closed window's 1000 result rows to a downstream that counts them and frees its
 * groups.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.laminardb.bench.WindowOperatorCpu [events per run,
 * default 100,000,000] [runs, default 5]}; a warm-up run of a tenth of the events comes first.
 * Prints one line per run and a {@code RESULT} line with the medians.
 */
public final class WindowOperatorCpu {
  private WindowOperatorCpu() {}

  /**
   * Runs the measurement.
   *
   * @param args events per run and runs
   */
  public static void main(String[] args) {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 100_000_000L;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    WindowBenchmark.OperatorState s = new WindowBenchmark.OperatorState();
    s.setUp();
    run(s, mx, events / 10, "warmup");
    double[] perCpu = new double[runs];
    Histogram firing = new Histogram(3);
    for (int r = 0; r < runs; r++) {
      Histogram h = new Histogram(3);
      perCpu[r] = run(s, mx, events, "run" + r, h);
      firing.add(h);
    }
    s.check();
    java.util.Arrays.sort(perCpu);
    System.out.printf(Locale.ROOT, "RESULT window-operator events=%d median_events_per_cpu_s=%.0f "
        + "fire_p50_us=%.1f fire_p99_us=%.1f fire_max_us=%.1f windows=%d%n", events,
        perCpu[runs / 2], firing.getValueAtPercentile(50) / 1e3,
        firing.getValueAtPercentile(99) / 1e3, firing.getMaxValue() / 1e3,
        firing.getTotalCount());
  }

  private static double run(WindowBenchmark.OperatorState s, ThreadMXBean mx, long events,
      String label) {
    return run(s, mx, events, label, new Histogram(3));
  }

  private static double run(WindowBenchmark.OperatorState s, ThreadMXBean mx, long events,
      String label, Histogram firing) {
    long chunks = events / WindowBenchmark.CHUNK_ROWS;
    long rows0 = s.rows;
    long c0 = mx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (long i = 0; i < chunks; i++) {
      long watermark = s.fill();
      long rowsBefore = s.rows;
      long f0 = System.nanoTime();
      s.operator.onChunk(s.chunk);
      s.operator.onWatermark(watermark);
      long f1 = System.nanoTime();
      if (s.rows != rowsBefore) {
        firing.recordValue(f1 - f0);
      }
    }
    long t1 = System.nanoTime();
    long c1 = mx.getCurrentThreadCpuTime();
    long n = chunks * WindowBenchmark.CHUNK_ROWS;
    double cpu = (c1 - c0) / 1e9;
    double wall = (t1 - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%s n=%d wall=%.2fs eps=%.0f cpu=%.2fs events/cpu-s=%.0f "
        + "outRows=%d fire_p50_us=%.1f fire_p99_us=%.1f fire_max_us=%.1f%n", label, n, wall,
        n / wall, cpu, n / cpu, s.rows - rows0, firing.getValueAtPercentile(50) / 1e3,
        firing.getValueAtPercentile(99) / 1e3, firing.getMaxValue() / 1e3);
    return n / cpu;
  }
}
