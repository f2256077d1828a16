package org.laminardb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlScriptTest {
  @TempDir
  Path dir;

  @Test
  void scriptPrintsTagsCountsAndTables() throws Exception {
    CliRun r = CliRun.runScript(dir, ""
        + "CREATE SOURCE t (id INT, name VARCHAR, amount DOUBLE);\n"
        + "CREATE MATERIALIZED VIEW v AS\n"
        + "  SELECT name, COUNT(*) AS cnt, SUM(id) AS ids, SUM(amount) AS amount\n"
        + "  FROM t GROUP BY name;\n"
        + "INSERT INTO t VALUES (1, 'a', 1.5), (2, 'a', NULL), (3, 'b', 10);\n"
        + "SELECT cnt, ids, amount, name FROM v WHERE name = 'a';\n");
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(""
        + "laminardb> CREATE SOURCE t (id INT, name VARCHAR, amount DOUBLE);\n"
        + "CREATE SOURCE\n\n"
        + "laminardb> CREATE MATERIALIZED VIEW v AS\n"
        + "        ->   SELECT name, COUNT(*) AS cnt, SUM(id) AS ids, SUM(amount) AS amount\n"
        + "        ->   FROM t GROUP BY name;\n"
        + "CREATE MATERIALIZED VIEW\n\n"
        + "laminardb> INSERT INTO t VALUES (1, 'a', 1.5), (2, 'a', NULL), (3, 'b', 10);\n"
        + "INSERT 0 3\n\n"
        + "laminardb> SELECT cnt, ids, amount, name FROM v WHERE name = 'a';\n"
        + " cnt | ids | amount | name\n"
        + "-----+-----+--------+------\n"
        + "   2 |   3 |    1.5 | a\n"
        + "(1 row)\n\n");
  }

  @Test
  void syntaxErrorStopsTheScriptWithExitCodeOne() throws Exception {
    CliRun r = CliRun.runScript(dir, "CREATE SOURCE t (id INT);\nSELEC id FROM t;\n"
        + "CREATE SOURCE u (id INT);\n");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("ERROR [42601]: ");
    assertThat(r.out()).contains("CREATE SOURCE t").doesNotContain("CREATE SOURCE u");
  }

  @Test
  void continueOnErrorRunsTheRestButStillFails() throws Exception {
    CliRun r = CliRun.runScript(dir, "SELECT * FROM missing;\nCREATE SOURCE u (id INT);\n",
        "--continue-on-error");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("ERROR [42P01]: ");
    assertThat(r.out()).contains("laminardb> CREATE SOURCE u (id INT);\nCREATE SOURCE\n");
  }

  @Test
  void subscribePrintsChangesUntilMaxRows() throws Exception {
    CliRun r = CliRun.runScript(dir, ""
        + "CREATE SOURCE t (k VARCHAR, v INT);\n"
        + "CREATE MATERIALIZED VIEW s AS SELECT k, SUM(v) AS total FROM t GROUP BY k;\n"
        + "INSERT INTO t VALUES ('x', 1);\n"
        + "INSERT INTO t VALUES ('x', 2);\n"
        + "SUBSCRIBE TO s;\n", "--max-rows", "1");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).containsPattern("(?m)^ __op \\|    k     \\|\\s+total$")
        .containsPattern("(?m)^ \\+I   \\| x        \\|\\s+3$")
        .contains("(1 row)\n");
  }

  @Test
  void subscribeTimeoutEndsAQuietSubscription() throws Exception {
    long start = System.nanoTime();
    CliRun r = CliRun.runScript(dir, "CREATE SOURCE t (v INT);\n"
        + "CREATE STREAM big AS SELECT v FROM t WHERE v > 10;\nSUBSCRIBE big;\n",
        "--subscribe-timeout", "300ms");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains(" __op |   v\n").contains("(0 rows)");
    assertThat(System.nanoTime() - start).isLessThan(20_000_000_000L);
  }

  @Test
  void interactiveShellRunsStatementsFromStandardInput() {
    CliRun r = CliRun.run("CREATE SOURCE t (v INT);\n"
        + "CREATE MATERIALIZED VIEW m AS SELECT SUM(v) AS s FROM t;\n"
        + "INSERT INTO t\n VALUES (5);\n"
        + "SELEC;\n"
        + "SELECT s FROM m;\n\\q\nSELECT 1;\n", "sql");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("ERROR [42601]");
    assertThat(r.out()).contains("CREATE SOURCE\n", "INSERT 0 1\n",
        " s\n---\n 5\n(1 row)\n").doesNotContain("laminardb>");
  }

  @Test
  void durableDatabaseKeepsItsObjectsAndRowsBetweenRuns() {
    Path db = dir.resolve("db");
    CliRun first = CliRun.run("CREATE SOURCE t (v INT);\n"
        + "CREATE MATERIALIZED VIEW m AS SELECT SUM(v) AS s FROM t;\n"
        + "INSERT INTO t VALUES (5), (6);\n", "sql", "--db", db.toString(), "-");
    assertThat(first.exitCode()).as(first.err()).isZero();
    CliRun second = CliRun.run("SELECT s FROM m;\n", "sql", "--db", db.toString(), "-");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains(" 11\n");
  }

  @Test
  void quickstartShowsTheViewAndLiveChanges() {
    Path quickstart = Path.of("..", "examples", "quickstart.sql");
    assertThat(Files.exists(quickstart)).as("examples/quickstart.sql").isTrue();
    CliRun r = CliRun.run("", "sql", "--max-rows", "5", "--subscribe-timeout", "60s",
        quickstart.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("CREATE SOURCE\n", "CREATE STREAM\n",
        "CREATE MATERIALIZED VIEW\n", "(5 rows)\n", "laminardb> CREATE SOURCE trades (\n")
        .doesNotContain("laminardb> --")
        .containsPattern("(?m)^ symbol \\| trades \\| volume$")
        .containsPattern("(?m)^ __op \\|\\s+symbol\\s+\\|\\s+trades\\s+\\|\\s+volume\\s+\\|"
            + "\\s+avg_price\\s+\\|\\s+min_price\\s+\\|\\s+max_price$");
    Matcher m = Pattern.compile("(?m)^ (\\+I|-U|\\+U)   \\| (AAPL|MSFT|GOOG|AMZN|NVDA) +\\|")
        .matcher(r.out());
    int live = 0;
    while (m.find()) {
      live++;
    }
    assertThat(live).isEqualTo(5);
  }
}
