package org.laminardb.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.laminardb.IdleStrategyKind;

/**
 * Exact allocation of the end-to-end benchmarks, per thread: runs the {@code endToEnd} invocation
 * of {@link FilterProjectBenchmark} or {@link GroupByBenchmark} outside JMH (warm-up, then a
 * measured number of invocations of 65,536 rows each) and prints the bytes every live thread
 * allocated while measuring, read from the JVM's per-thread counters. JMH's {@code -prof gc}
 * sums all threads of the forked JVM, its own included; this tells which thread allocates.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.laminardb.bench.EndToEndAllocation
 * filter|groupby [BACKOFF|BUSY_SPIN|YIELD] [measured invocations, default 200]}.
 */
public final class EndToEndAllocation {
  private static final int WARM_UP_INVOCATIONS = 100;

  private EndToEndAllocation() {}

  /**
   * Runs the measurement and prints one line per thread.
   *
   * @param args the benchmark, the idle strategy and the number of measured invocations
   */
  public static void main(String[] args) {
    if (args.length < 1 || !(args[0].equals("filter") || args[0].equals("groupby"))) {
      System.err.println("usage: EndToEndAllocation filter|groupby [IDLE] [INVOCATIONS]");
      System.exit(2);
      return;
    }
    IdleStrategyKind idle = args.length > 1 ? IdleStrategyKind.valueOf(args[1])
        : IdleStrategyKind.BACKOFF;
    int invocations = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    Runnable invocation;
    Runnable close;
    if (args[0].equals("filter")) {
      FilterProjectBenchmark b = new FilterProjectBenchmark();
      FilterProjectBenchmark.EngineState s = new FilterProjectBenchmark.EngineState();
      s.idle = idle;
      s.setUp();
      invocation = () -> b.endToEnd(s);
      close = s::tearDown;
    } else {
      GroupByBenchmark b = new GroupByBenchmark();
      GroupByBenchmark.EngineState s = new GroupByBenchmark.EngineState();
      s.groups = 1000;
      s.idle = idle;
      s.setUp();
      invocation = () -> b.endToEnd(s);
      close = s::tearDown;
    }
    try {
      measure(args[0], idle, invocation, invocations);
    } finally {
      close.run();
    }
  }

  private static void measure(String name, IdleStrategyKind idle, Runnable invocation,
      int invocations) {
    for (int i = 0; i < WARM_UP_INVOCATIONS; i++) {
      invocation.run();
    }
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    List<Thread> threads = new ArrayList<>(Thread.getAllStackTraces().keySet());
    long[] before = new long[threads.size()];
    long[] after = new long[threads.size()];
    for (int i = 0; i < before.length; i++) {
      before[i] = mx.getThreadAllocatedBytes(threads.get(i).getId());
    }
    for (int i = 0; i < invocations; i++) {
      invocation.run();
    }
    for (int i = 0; i < after.length; i++) {
      after[i] = mx.getThreadAllocatedBytes(threads.get(i).getId());
    }
    long rows = (long) invocations << 16;
    System.out.printf(Locale.ROOT, "%s endToEnd, idle=%s, %d rows measured, jdk=%s%n", name, idle,
        rows, Runtime.version());
    for (int i = 0; i < before.length; i++) {
      long bytes = after[i] - before[i];
      System.out.printf(Locale.ROOT, "  %-40s %10d B  %.6f B/row%n", threads.get(i).getName(),
          bytes, bytes / (double) rows);
    }
  }
}
