package org.laminardb.cli;

import java.io.InputStream;
import java.util.concurrent.Callable;
import org.laminardb.cli.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code laminardb} command; its work is done by subcommands such as {@code sql} and
 * {@code bench}.
 */
@Command(
    name = "laminardb",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "LaminarDB: an embedded streaming SQL database.",
    footer = {"", "Run 'laminardb sql' for an interactive SQL shell, "
        + "or 'laminardb sql FILE' to run a script;",
        "'laminardb bench nexmark --query q5' runs a Nexmark query (see docs/BENCHMARKS.md)."})
public final class LaminarCommand implements Callable<Integer> {
  /** Exit code of a successful run. */
  public static final int EXIT_OK = 0;
  /** Exit code when a SQL statement of a script failed. */
  public static final int EXIT_SQL_ERROR = 1;
  /** Exit code of a usage error. */
  public static final int EXIT_USAGE = 2;

  @Spec
  private CommandSpec spec;

  /** Creates the command; see {@link #commandLine(InputStream)}. */
  public LaminarCommand() {
    // options are injected by picocli
  }

  /**
   * The command line of {@code laminardb} with its subcommands.
   *
   * @param in the standard input, read by the interactive shell
   * @return the command line, ready to {@link CommandLine#execute(String...)}
   */
  public static CommandLine commandLine(InputStream in) {
    CommandLine cl = new CommandLine(new LaminarCommand());
    cl.addSubcommand("sql", new SqlCommand(in));
    cl.addSubcommand("bench", new BenchCommand());
    return cl;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return EXIT_USAGE;
  }
}
