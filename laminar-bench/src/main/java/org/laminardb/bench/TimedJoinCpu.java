package org.laminardb.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link TimedJoinBenchmark}'s path outside JMH, in input events per CPU-second of its thread (a
 * figure a loaded machine disturbs much less than wall-clock throughput).
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.laminardb.bench.TimedJoinCpu
 * [interval|asof|semi|anti]
 * [keys, default 10000] [events per run, default 50,000,000] [runs, default 5]}; a warm-up run of
 * a fifth of the events comes first. Prints one line per run and a {@code RESULT} line with the
 * median.
 */
public final class TimedJoinCpu {
  private TimedJoinCpu() {}

  /**
   * Runs the measurement.
   *
   * @param args join, keys, events per run, runs
   */
  public static void main(String[] args) {
    TimedJoinBenchmark.JoinState s = new TimedJoinBenchmark.JoinState();
    s.join = args.length > 0 ? args[0] : "asof";
    s.keys = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    long events = args.length > 2 ? Long.parseLong(args[2]) : 50_000_000L;
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    s.setUp();
    TimedJoinBenchmark bench = new TimedJoinBenchmark();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    run(bench, s, mx, events / 5, "warmup");
    double[] perCpu = new double[runs];
    for (int r = 0; r < runs; r++) {
      perCpu[r] = run(bench, s, mx, events, "run" + r);
    }
    Arrays.sort(perCpu);
    System.out.printf(Locale.ROOT, "RESULT %s-join keys=%d events=%d median_events_per_cpu_s=%.0f%n",
        s.join, s.keys, events, perCpu[runs / 2]);
  }

  private static double run(TimedJoinBenchmark bench, TimedJoinBenchmark.JoinState s,
      ThreadMXBean mx, long events, String label) {
    long perInvocation = 2L * 16 * 1024;
    long invocations = Math.max(1, events / perInvocation);
    long out0 = s.outputRows;
    long cpu0 = mx.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    for (long i = 0; i < invocations; i++) {
      bench.feed(s);
    }
    long cpu = mx.getCurrentThreadCpuTime() - cpu0;
    long wall = System.nanoTime() - wall0;
    long in = invocations * perInvocation;
    double perCpu = in / (cpu / 1e9);
    System.out.printf(Locale.ROOT, "%s %s events=%d output=%d cpu_s=%.2f wall_s=%.2f "
        + "events_per_cpu_s=%.0f%n", label, s.join, in, s.outputRows - out0, cpu / 1e9,
        wall / 1e9, perCpu);
    return perCpu;
  }
}
