package org.laminardb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code laminardb bench nexmark} through the command line, with small event counts. */
class BenchCommandTest {
  @Test
  void shouldRunNamedQueriesAndPrintTheirFigures() {
    CliRun r = CliRun.run("", "bench", "nexmark", "--query", "q2", "--query", "5", "--events",
        "20000", "--markdown");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("# nexmark events=20000 seed=0 runs=1 output=view", "java=",
            "gc=")
        .containsPattern("RESULT q2 run=1 events=20000 wall_s=[0-9.]+ events_per_s=\\d+ "
            + "cpu_s=[0-9.]+ events_per_cpu_s=\\d+ changes=\\d+ view_rows=\\d+ "
            + "peak_heap_mib=\\d+ peak_rss_mib=\\d+")
        .contains("RESULT q5 run=1")
        .contains("| query | events/s | events/cpu-s | output rows | view rows | peak heap MiB "
            + "| peak RSS MiB |")
        .containsPattern("\\| q2 \\| [0-9.]+ M \\| [0-9.]+ M \\| \\d+ \\| \\d+ \\| \\d+ \\|")
        .containsPattern("\\| q5 \\| ");
  }

  @Test
  void shouldRejectAnUnknownQuery() {
    CliRun r = CliRun.run("", "bench", "nexmark", "--query", "q6");
    assertThat(r.exitCode()).isEqualTo(LaminarCommand.EXIT_USAGE);
    assertThat(r.err()).contains("no query q6; the queries are q0, q1, q2");
  }

  @Test
  void shouldRequireEitherQueriesOrAll() {
    assertThat(CliRun.run("", "bench", "nexmark").exitCode())
        .isEqualTo(LaminarCommand.EXIT_USAGE);
    CliRun both = CliRun.run("", "bench", "nexmark", "--all", "--query", "q1");
    assertThat(both.exitCode()).isEqualTo(LaminarCommand.EXIT_USAGE);
    assertThat(both.err()).contains("mutually exclusive");
  }

  @Test
  void shouldRejectAnUnknownOutput() {
    CliRun r = CliRun.run("", "bench", "nexmark", "--query", "q1", "--output", "file");
    assertThat(r.exitCode()).isEqualTo(LaminarCommand.EXIT_USAGE);
    assertThat(r.err()).contains("expected view or stream: file");
  }

  @Test
  void shouldRejectANonPositiveEventCount() {
    CliRun r = CliRun.run("", "bench", "nexmark", "--query", "q1", "--events", "0");
    assertThat(r.exitCode()).isEqualTo(LaminarCommand.EXIT_USAGE);
    assertThat(r.err()).contains("must be positive");
  }

  @Test
  void benchAloneShowsItsUsage() {
    CliRun r = CliRun.run("", "bench");
    assertThat(r.exitCode()).isEqualTo(LaminarCommand.EXIT_USAGE);
    assertThat(r.err()).contains("Usage: laminardb bench", "nexmark");
  }

  @Test
  void nexmarkHelpListsItsOptions() {
    CliRun r = CliRun.run("", "bench", "nexmark", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("--query=qN", "--all", "--events=N", "--seed=S", "--runs=N",
        "--output=view|stream", "--markdown");
  }
}
