package org.laminardb.cli.bench;

import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.laminardb.cli.LaminarCommand;
import org.laminardb.cli.TablePrinter;
import org.laminardb.cli.VersionProvider;
import org.laminardb.error.LaminarDBException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code laminardb bench nexmark}: runs Nexmark queries unthrottled over generated events, in this
 * process, and prints per query events per second, events per CPU-second, output rows and peak
 * memory (see {@link NexmarkRunner} for what is measured). With {@code --runs N} each query runs
 * N times and the table gives the median of each figure.
 */
@Command(
    name = "nexmark",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Runs Nexmark queries (q0..q22 as far as supported) over generated events "
        + "and prints events/s, events per CPU-second, output rows and peak memory.",
        "Each run opens a fresh in-memory database; the sources start "
        + NexmarkRunner.DELAY_MS / 1000 + " s after it opens. See docs/BENCHMARKS.md."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:a query failed", "2:usage error"})
public final class NexmarkCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Selection selection;

  @Option(names = "--events", paramLabel = "N", defaultValue = "1000000",
      description = "Events of the generated stream (2% persons, 6% auctions, 92% bids; "
          + "default: ${DEFAULT-VALUE}).")
  private long events;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "1",
      description = "Runs of each query; the table shows medians (default: ${DEFAULT-VALUE}).")
  private int runs;

  @Option(names = "--output", paramLabel = "view|stream", defaultValue = "view",
      converter = OutputConverter.class,
      description = "Run each query as the materialized view of its file (view, default) or as "
          + "a stream whose changes are only counted (stream).")
  private NexmarkRunner.Output output;

  @Option(names = "--markdown", description = "Print the table as Markdown.")
  private boolean markdown;

  /** Which queries to run: named ones, or all. */
  static final class Selection {
    @Option(names = "--query", paramLabel = "qN", required = true,
        description = "A query to run, e.g. q5 (repeatable).")
    List<String> queries;

    @Option(names = "--all", required = true, description = "Run every query of the suite.")
    boolean all;
  }

  /** Parses {@code view} or {@code stream}. */
  static final class OutputConverter implements ITypeConverter<NexmarkRunner.Output> {
    @Override
    public NexmarkRunner.Output convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "view" -> NexmarkRunner.Output.VIEW;
        case "stream" -> NexmarkRunner.Output.STREAM;
        default -> throw new TypeConversionException("expected view or stream: " + value);
      };
    }
  }

  /** Creates the command; picocli injects its options. */
  public NexmarkCommand() {
    // options are injected by picocli
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> queries = selection.all ? NexmarkRunner.queries() : names(selection.queries);
    List<String> unknown = new ArrayList<>(queries);
    unknown.removeAll(NexmarkRunner.queries());
    if (!unknown.isEmpty() || events < 1 || runs < 1) {
      err.println(unknown.isEmpty() ? "laminardb bench nexmark: --events and --runs must be "
          + "positive" : "laminardb bench nexmark: no query " + String.join(", ", unknown)
          + "; the queries are " + String.join(", ", NexmarkRunner.queries()));
      err.flush();
      return LaminarCommand.EXIT_USAGE;
    }
    out.printf(Locale.ROOT, "# nexmark events=%d seed=%d runs=%d output=%s cores=%d java=%s "
        + "gc=%s max_heap_mib=%d%n", events, seed, runs, output.name().toLowerCase(Locale.ROOT),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), collectors(), Runtime.getRuntime().maxMemory() >> 20);
    out.flush();
    List<String[]> table = new ArrayList<>();
    for (String q : queries) {
      List<NexmarkRunner.Result> results = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        NexmarkRunner.Result res;
        try {
          res = NexmarkRunner.run(q, events, seed, output);
        } catch (Exception e) {
          out.flush();
          err.println("laminardb bench nexmark: " + q + " failed: "
              + (e instanceof LaminarDBException l
                  ? "ERROR [" + l.sqlState() + "]: " + l.getMessage() : e.toString()));
          err.flush();
          return LaminarCommand.EXIT_SQL_ERROR;
        }
        results.add(res);
        out.printf(Locale.ROOT, "RESULT %s run=%d events=%d wall_s=%.2f events_per_s=%.0f "
            + "cpu_s=%.2f events_per_cpu_s=%.0f changes=%d view_rows=%d peak_heap_mib=%d "
            + "peak_rss_mib=%d%n", q, r + 1, events, res.wallSeconds(),
            events / res.wallSeconds(), res.cpuSeconds(), events / res.cpuSeconds(),
            res.changes(), res.viewRows(), res.peakHeapBytes() >> 20, res.peakRssBytes() >> 20);
        out.flush();
      }
      table.add(row(q, results));
    }
    printTable(out, table);
    return LaminarCommand.EXIT_OK;
  }

  private String[] row(String q, List<NexmarkRunner.Result> results) {
    return new String[] {q,
        millions(median(results, r -> events / r.wallSeconds())),
        millions(median(results, r -> events / r.cpuSeconds())),
        String.format(Locale.ROOT, "%.0f", median(results, r -> r.changes())),
        results.get(0).viewRows() < 0 ? "n/a"
            : String.format(Locale.ROOT, "%.0f", median(results, r -> r.viewRows())),
        String.format(Locale.ROOT, "%.0f", median(results, r -> r.peakHeapBytes() >> 20)),
        results.get(0).peakRssBytes() < 0 ? "n/a"
            : String.format(Locale.ROOT, "%.0f", median(results, r -> r.peakRssBytes() >> 20))};
  }

  private void printTable(PrintWriter out, List<String[]> rows) {
    List<String> header = List.of("query", "events/s", "events/cpu-s", "output rows",
        "view rows", "peak heap MiB", "peak RSS MiB");
    out.println();
    if (markdown) {
      out.println("| " + String.join(" | ", header) + " |");
      out.println("|---|" + "---:|".repeat(header.size() - 1));
      for (String[] r : rows) {
        out.println("| " + String.join(" | ", r) + " |");
      }
    } else {
      boolean[] right = new boolean[header.size()];
      Arrays.fill(right, 1, right.length, true);
      out.print(TablePrinter.table(header, right, rows));
    }
    out.flush();
  }

  /** {@code q5} from {@code q5} or {@code 5}. */
  private static List<String> names(List<String> given) {
    List<String> names = new ArrayList<>();
    for (String q : given) {
      String name = q.strip().toLowerCase(Locale.ROOT);
      names.add(name.startsWith("q") ? name : "q" + name);
    }
    return names;
  }

  private static double median(List<NexmarkRunner.Result> results,
      ToDoubleFunction<NexmarkRunner.Result> f) {
    double[] v = results.stream().mapToDouble(f).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private static String millions(double v) {
    return String.format(Locale.ROOT, "%.2f M", v / 1e6);
  }

  private static String collectors() {
    List<String> names = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      names.add(gc.getName().replace(' ', '_'));
    }
    return String.join(",", names);
  }
}
