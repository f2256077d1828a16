package org.laminardb.cli.bench;

import java.util.concurrent.Callable;
import org.laminardb.cli.LaminarCommand;
import org.laminardb.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code laminardb bench}: benchmarks; the work is done by subcommands such as {@code nexmark}. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Runs benchmarks of the engine in this process.",
        "More benchmarks (latency, peers, JMH) are in bench/ and docs/BENCHMARKS.md."},
    subcommands = NexmarkCommand.class)
public final class BenchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  /** Creates the command; picocli injects its options. */
  public BenchCommand() {
    // options are injected by picocli
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return LaminarCommand.EXIT_USAGE;
  }
}
