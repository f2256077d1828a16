package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.laminardb.error.LaminarDBException;

/**
 * Runs the SQL scripts under {@code src/test/resources/sql}: each statement ends with a line
 * ending in {@code ;}; lines after it starting with {@code >} are the expected result (first the
 * column names, then one line per row, cells separated by {@code |}, NULL as {@code NULL}); a line
 * {@code ! SQLSTATE} expects that error. Rows are compared in order when the query has ORDER BY,
 * else as sorted lists. Each script runs on a fresh in-memory database, once with one reactor
 * thread and once with two; and on a durable database that is closed and reopened before every
 * query, once recovering from the log alone and once from a checkpoint taken before each close
 * (every operator's state goes through the log or a checkpoint and must give the same results).
 */
class SqlScriptTest {
  private static final String[] SCRIPTS = {
    "basics.sql", "expressions.sql", "aggregates.sql", "retractions.sql", "upsert.sql", "ddl.sql",
    "errors.sql", "watermarks.sql", "windows.sql", "emit.sql", "aggregates_more.sql", "over.sql",
    "tables.sql", "joins.sql", "interval_joins.sql", "asof_joins.sql"
  };

  /** Scripts that use generator sources, which durable databases reject. */
  private static final List<String> MEMORY_ONLY = List.of("errors.sql", "watermarks.sql");

  /** How a script's database is run. */
  private enum Mode {
    MEMORY,
    /** Durable, closed and reopened before every query: recovery replays the log. */
    REOPEN_FROM_LOG,
    /** Durable, checkpointed before every statement, closed and reopened before every query. */
    REOPEN_FROM_CHECKPOINT,
    /** As {@link #REOPEN_FROM_CHECKPOINT}, checkpointing the background copy of the state. */
    REOPEN_FROM_BACKGROUND_CHECKPOINT
  }

  @TestFactory
  Stream<DynamicTest> scripts() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String script : SCRIPTS) {
      for (int threads : new int[] {1, 2}) {
        tests.add(DynamicTest.dynamicTest(script + " [" + threads + " reactor(s)]",
            () -> run(script, threads, Mode.MEMORY)));
      }
      if (!MEMORY_ONLY.contains(script)) {
        for (Mode mode : new Mode[] {Mode.REOPEN_FROM_LOG, Mode.REOPEN_FROM_CHECKPOINT,
            Mode.REOPEN_FROM_BACKGROUND_CHECKPOINT}) {
          tests.add(DynamicTest.dynamicTest(script + " [" + mode + "]",
              () -> run(script, 1, mode)));
        }
      }
    }
    return tests.stream();
  }

  private static void run(String script, int threads, Mode mode) throws IOException {
    List<Step> steps = parse(read(script));
    if (mode == Mode.MEMORY) {
      try (LaminarDB db = LaminarDB.builder().reactorThreads(threads).open()) {
        for (Step step : steps) {
          step.check(db, script);
        }
      }
      return;
    }
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("laminar-script");
    boolean background = mode == Mode.REOPEN_FROM_BACKGROUND_CHECKPOINT;
    LaminarDB db = LaminarDB.builder().path(dir).walSync(WalSync.NONE)
        .backgroundCheckpoints(background).open();
    try {
      for (Step step : steps) {
        if (mode != Mode.REOPEN_FROM_LOG) {
          db.checkpoint(); // before every statement: incremental checkpoints reuse files
        }
        if (!step.expected.isEmpty()) {
          db.close();
          db = LaminarDB.builder().path(dir).walSync(WalSync.NONE)
              .backgroundCheckpoints(background).open();
        }
        step.check(db, script + " [" + mode + "]");
      }
    } finally {
      db.close();
      deleteTree(dir);
    }
  }

  private static void deleteTree(java.nio.file.Path dir) throws IOException {
    try (Stream<java.nio.file.Path> all = java.nio.file.Files.walk(dir)) {
      for (java.nio.file.Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.deleteIfExists(p);
      }
    }
  }

  private static String read(String script) throws IOException {
    try (InputStream in = SqlScriptTest.class.getResourceAsStream("/sql/" + script)) {
      assertThat(in).as("script %s", script).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<Step> parse(String text) {
    List<Step> steps = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    int line = 0;
    int startLine = 0;
    for (String raw : text.split("\n", -1)) {
      line++;
      String l = raw.strip();
      if (sql.length() == 0 && (l.isEmpty() || l.startsWith("--"))) {
        continue;
      }
      if (sql.length() == 0 && (l.startsWith(">") || l.startsWith("!"))) {
        Step last = steps.get(steps.size() - 1);
        if (l.startsWith("!")) {
          last.expectedState = l.substring(1).strip();
        } else {
          last.expected.add(l.substring(1).strip());
        }
        continue;
      }
      if (sql.length() == 0) {
        startLine = line;
      }
      sql.append(raw).append('\n');
      if (l.endsWith(";")) {
        steps.add(new Step(sql.toString().strip(), startLine));
        sql.setLength(0);
      }
    }
    return steps;
  }

  private static final class Step {
    final String sql;
    final int line;
    final List<String> expected = new ArrayList<>();
    String expectedState;

    Step(String sql, int line) {
      this.sql = sql;
      this.line = line;
    }

    void check(LaminarDB db, String script) {
      String where = script + ":" + line + " " + sql;
      StatementResult result;
      try {
        result = db.execute(sql);
      } catch (LaminarDBException e) {
        if (expectedState == null) {
          throw new AssertionError(where + " failed: [" + e.sqlState() + "] " + e.getMessage(), e);
        }
        assertThat(e.sqlState()).as(where + " -> " + e.getMessage()).isEqualTo(expectedState);
        return;
      }
      if (expectedState != null) {
        fail(where + " succeeded but " + expectedState + " was expected");
      }
      if (expected.isEmpty()) {
        return;
      }
      assertThat(result.kind()).as(where).isEqualTo(StatementResult.Kind.ROWS);
      List<String> actual = new ArrayList<>();
      actual.add(header(result.rows()));
      List<String> body = new ArrayList<>();
      for (Row r : result.rows()) {
        body.add(format(r).strip()); // expected lines are stripped too (EXPLAIN indents)
      }
      List<String> want = new ArrayList<>(expected.subList(1, expected.size()));
      if (!sql.toUpperCase(Locale.ROOT).contains("ORDER BY")) {
        body.sort(null);
        want.sort(null);
      }
      actual.addAll(body);
      List<String> wantAll = new ArrayList<>();
      wantAll.add(normalize(expected.get(0)));
      for (String w : want) {
        wantAll.add(normalize(w));
      }
      assertThat(actual).as(where).containsExactlyElementsOf(wantAll);
    }

    private static String header(QueryResult r) {
      List<String> names = new ArrayList<>();
      for (ColumnInfo c : r.columns()) {
        names.add(c.name());
      }
      return String.join(" | ", names);
    }

    private static String format(Row r) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        Object v = r.get(i);
        if (v == null) {
          cells.add("NULL");
        } else if (v instanceof BigDecimal) {
          cells.add(((BigDecimal) v).toPlainString());
        } else if (v instanceof java.time.LocalDateTime) {
          java.time.LocalDateTime t = (java.time.LocalDateTime) v;
          String text = t.format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"));
          cells.add(t.getNano() == 0 ? text : text + "." + String.format("%06d", t.getNano() / 1000));
        } else {
          cells.add(v.toString());
        }
      }
      return String.join(" | ", cells);
    }

    private static String normalize(String line) {
      String[] cells = line.split("\\|", -1);
      List<String> out = new ArrayList<>();
      for (String c : cells) {
        out.add(c.strip());
      }
      return String.join(" | ", out);
    }
  }
}
