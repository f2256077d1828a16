package org.laminardb.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with the usual command line, then prints a Markdown table with the median over forks
 * of each benchmark's score (each fork's score being the mean of its measurement iterations), the
 * range over forks, and the median {@code gc.alloc.rate.norm} when {@code -prof gc} is on.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.laminardb.bench.MedianReport REGEX -prof gc [other
 * JMH options]}.
 */
public final class MedianReport {
  private MedianReport() {}

  /**
   * Runs the benchmarks selected by the JMH options and prints the table.
   *
   * @param args JMH command-line options
   * @throws CommandLineOptionException if JMH rejects the options
   * @throws RunnerException if a benchmark fails
   */
  public static void main(String[] args) throws CommandLineOptionException, RunnerException {
    Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
    System.out.println();
    System.out.println("| Benchmark | Parameters | Median score | Unit | Forks (min .. max) "
        + "| gc.alloc.rate.norm (B/op, median) |");
    System.out.println("| --- | --- | ---: | --- | --- | ---: |");
    for (RunResult run : results) {
      List<Double> scores = new ArrayList<>();
      List<Double> alloc = new ArrayList<>();
      String unit = "";
      for (BenchmarkResult fork : run.getBenchmarkResults()) {
        scores.add(fork.getPrimaryResult().getScore());
        unit = fork.getPrimaryResult().getScoreUnit();
        Result<?> a = fork.getSecondaryResults().get("gc.alloc.rate.norm");
        if (a != null) {
          alloc.add(a.getScore());
        }
      }
      BenchmarkParams p = run.getParams();
      String name = p.getBenchmark().replace(MedianReport.class.getPackageName() + ".", "");
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d forks (%s .. %s) | %s |%n",
          name, params(p), format(median(scores)), unit, scores.size(),
          format(min(scores)), format(max(scores)),
          alloc.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.3f", median(alloc)));
    }
  }

  private static String params(BenchmarkParams p) {
    StringBuilder b = new StringBuilder();
    for (String key : p.getParamsKeys()) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(key).append('=').append(p.getParam(key));
    }
    return b.length() == 0 ? "-" : b.toString();
  }

  private static String format(double v) {
    if (Math.abs(v) >= 1e6) {
      return String.format(Locale.ROOT, "%.2fM", v / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}
