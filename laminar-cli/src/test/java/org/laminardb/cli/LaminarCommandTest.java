package org.laminardb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LaminarCommandTest {
  @Test
  void versionPrintsTheProjectVersion() {
    CliRun r = CliRun.run("", "--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("laminardb 0.").doesNotContain("${");
  }

  @Test
  void helpListsTheSqlSubcommand() {
    CliRun r = CliRun.run("", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("Usage: laminardb").contains("sql");
  }

  @Test
  void sqlHelpListsItsOptions() {
    CliRun r = CliRun.run("", "sql", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("--db=DIR", "--reactor-threads=N", "--max-rows=N",
        "--subscribe-timeout=DURATION", "--continue-on-error", "[FILE]");
  }

  @Test
  void noSubcommandIsAUsageError() {
    CliRun r = CliRun.run("");
    assertThat(r.exitCode()).isEqualTo(LaminarCommand.EXIT_USAGE);
    assertThat(r.err()).contains("Usage: laminardb");
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun r = CliRun.run("", "sql", "--bogus");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--bogus'");
  }

  @Test
  void badDurationIsAUsageError() {
    CliRun r = CliRun.run("", "sql", "--subscribe-timeout", "soon");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("invalid duration 'soon'");
  }

  @Test
  void missingFileIsAUsageError() {
    CliRun r = CliRun.run("", "sql", "does/not/exist.sql");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("cannot read does/not/exist.sql");
  }

  @Test
  void negativeMaxRowsIsAUsageError() {
    CliRun r = CliRun.run("", "sql", "--max-rows", "-1");
    assertThat(r.exitCode()).isEqualTo(2);
  }
}
