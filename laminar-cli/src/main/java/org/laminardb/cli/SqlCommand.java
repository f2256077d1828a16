package org.laminardb.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.laminardb.LaminarDB;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.parser.LaminarSqlParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code laminardb sql [FILE]}: runs a SQL script, or an interactive shell when no file is given.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Runs the SQL statements of FILE, or reads statements interactively.",
        "Statements end with ';'. In the shell, \\q or end of input quits."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:a SQL statement of FILE failed", "2:usage error"})
public final class SqlCommand implements Callable<Integer> {
  /** Prompt of the interactive shell, also echoed before each statement of a script. */
  public static final String PROMPT = "laminardb> ";
  /** Prompt of continuation lines. */
  public static final String CONTINUATION = "        -> ";

  private final InputStream in;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "SQL script to run ('-' reads the script from standard input).")
  private String file;

  @Option(names = "--db", paramLabel = "DIR", description = "Directory of a durable database "
      + "(default: in memory).")
  private Path dbDir;

  @Option(names = "--reactor-threads", paramLabel = "N",
      description = "Number of reactor threads running pipelines.")
  private Integer reactorThreads;

  @Option(names = "--max-rows", paramLabel = "N",
      description = "Stop each SUBSCRIBE after N rows (default: no limit).")
  private long maxRows;

  @Option(names = "--subscribe-timeout", paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Stop each SUBSCRIBE after this long, e.g. 10s or 500ms "
          + "(default: until interrupted).")
  private Duration subscribeTimeout;

  @Option(names = "--continue-on-error",
      description = "Keep running the statements of FILE after one fails.")
  private boolean continueOnError;

  @Option(names = "--prompt", negatable = true, hidden = true,
      description = "Show prompts (default: when standard input is a terminal).")
  private Boolean prompt;

  /**
   * Creates the command.
   *
   * @param in the standard input, read by the interactive shell
   */
  public SqlCommand(InputStream in) {
    this.in = in;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (maxRows < 0 || (reactorThreads != null && reactorThreads < 1)
        || (subscribeTimeout != null && subscribeTimeout.isNegative())) {
      err.println("laminardb sql: --max-rows, --reactor-threads and --subscribe-timeout "
          + "must not be negative (and --reactor-threads at least 1)");
      err.flush();
      return LaminarCommand.EXIT_USAGE;
    }
    String script = null;
    if (file != null) {
      try {
        script = file.equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
            : Files.readString(Path.of(file), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        err.println("laminardb sql: cannot read " + file + ": " + e);
        err.flush();
        return LaminarCommand.EXIT_USAGE;
      }
    }
    LaminarDB db;
    try {
      db = open();
    } catch (LaminarDBException e) {
      err.println("ERROR [" + e.sqlState() + "]: " + e.getMessage());
      err.flush();
      return LaminarCommand.EXIT_SQL_ERROR;
    }
    Shell shell = new Shell(db, out, err, maxRows, subscribeTimeout);
    Thread hook = new Thread(shell::close, "laminardb-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return script != null ? runScript(shell, script, out) : runInteractive(shell, out);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is closing the shell already
      }
      shell.close();
      out.flush();
    }
  }

  private LaminarDB open() {
    LaminarDB.Builder b = LaminarDB.builder();
    if (dbDir != null) {
      b.path(dbDir);
    }
    if (reactorThreads != null) {
      b.reactorThreads(reactorThreads);
    }
    return b.open();
  }

  private int runScript(Shell shell, String script, PrintWriter out) {
    List<String> statements;
    try {
      statements = LaminarSqlParser.splitStatements(script);
    } catch (LaminarDBException e) {
      shell.printError(e);
      return LaminarCommand.EXIT_SQL_ERROR;
    }
    boolean failed = false;
    for (String sql : statements) {
      echo(sql, out);
      if (!shell.execute(sql)) {
        failed = true;
        if (!continueOnError) {
          break;
        }
      }
    }
    return failed ? LaminarCommand.EXIT_SQL_ERROR : LaminarCommand.EXIT_OK;
  }

  private int runInteractive(Shell shell, PrintWriter out) {
    boolean prompts = prompt != null ? prompt : System.console() != null;
    if (prompts) {
      out.println("LaminarDB " + VersionProvider.version()
          + ". Enter SQL statements ending with ';'; \\q quits.");
    }
    StatementReader reader = new StatementReader();
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    try {
      while (true) {
        if (prompts) {
          out.print(reader.isEmpty() ? PROMPT : CONTINUATION);
          out.flush();
        }
        String line = lines.readLine();
        if (line == null || line.strip().equals("\\q")) {
          break;
        }
        reader.addLine(line).forEach(shell::execute);
      }
    } catch (IOException e) {
      out.flush();
      spec.commandLine().getErr().println("laminardb sql: cannot read input: " + e);
    }
    reader.drain().forEach(shell::execute);
    if (prompts) {
      out.println();
    }
    return LaminarCommand.EXIT_OK;
  }

  /** Echoes a statement of a script as if typed at the prompt, without its leading comments. */
  private static void echo(String sql, PrintWriter out) {
    String[] lines = sql.split("\\R", -1);
    int first = 0;
    while (first < lines.length - 1 && isCommentLine(lines[first])) {
      first++;
    }
    for (int i = first; i < lines.length; i++) {
      out.println((i == first ? PROMPT : CONTINUATION) + lines[i]
          + (i == lines.length - 1 ? ";" : ""));
    }
    out.flush();
  }

  private static boolean isCommentLine(String line) {
    String s = line.strip();
    return s.isEmpty() || s.startsWith("--") || s.startsWith("//");
  }
}
