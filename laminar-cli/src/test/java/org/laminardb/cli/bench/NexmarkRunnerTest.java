package org.laminardb.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NexmarkRunnerTest {
  @Test
  void shouldListTheQueriesOfTheSuiteInOrder() {
    assertThat(NexmarkRunner.queries()).hasSize(20).startsWith("q0", "q1", "q2")
        .contains("q5", "q11", "q13", "q22").doesNotContain("q6", "q10", "q12");
  }

  @Test
  void shouldRunAQueryOverTheWholeStream() throws Exception {
    // 20 000 events: 18 400 bids, of which those on auctions divisible by 123 pass q2.
    NexmarkRunner.Result r = NexmarkRunner.run("q2", 20_000, 0, NexmarkRunner.Output.VIEW);
    assertThat(r.viewRows()).isPositive().isLessThan(18_400);
    assertThat(r.changes()).isEqualTo(r.viewRows());
    // 20 000 events take milliseconds: the process CPU clock may not tick in between.
    assertThat(r.wallSeconds()).isNotNegative();
    assertThat(r.cpuSeconds()).isNotNegative();
    assertThat(r.peakHeapBytes()).isPositive();
    assertThat(r.peakRssBytes()).isGreaterThanOrEqualTo(r.peakHeapBytes() / 2);
  }

  @Test
  void shouldRunTheQueryAsAStreamThatKeepsNothing() throws Exception {
    NexmarkRunner.Result r = NexmarkRunner.run("q2", 20_000, 0, NexmarkRunner.Output.STREAM);
    assertThat(r.changes()).isPositive().isLessThan(18_400);
    assertThat(r.viewRows()).isEqualTo(-1);
  }

  @Test
  void shouldNameTheQueriesWhenOneIsUnknown() {
    assertThatThrownBy(() -> NexmarkRunner.run("q6", 1_000, 0, NexmarkRunner.Output.VIEW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no Nexmark query q6").hasMessageContaining("q0, q1");
  }
}
