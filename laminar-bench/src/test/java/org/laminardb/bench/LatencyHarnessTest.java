package org.laminardb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.laminardb.IdleStrategyKind;

/** Option parsing of the latency harness. */
class LatencyHarnessTest {
  @Test
  void defaults() {
    LatencyOptions o = LatencyOptions.parse(new String[0]);
    assertThat(o.rate()).isEqualTo(100_000);
    assertThat(o.warmupSeconds()).isEqualTo(10);
    assertThat(o.durationSeconds()).isEqualTo(30);
    assertThat(o.idle()).isEqualTo(IdleStrategyKind.BACKOFF);
    assertThat(o.bulk()).isTrue();
  }

  @Test
  void parsesEveryOption() {
    LatencyOptions o = LatencyOptions.parse(new String[] {"--rate", "1000000", "--warmup", "2",
        "--duration", "5", "--idle", "busy_spin", "--mode", "insert"});
    assertThat(o).isEqualTo(
        new LatencyOptions(1_000_000, 2, 5, IdleStrategyKind.BUSY_SPIN, false));
  }

  @Test
  void rejectsBadOptions() {
    assertThatThrownBy(() -> LatencyOptions.parse(new String[] {"--rate"}))
        .hasMessageContaining("missing value");
    assertThatThrownBy(() -> LatencyOptions.parse(new String[] {"--rate", "0"}))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> LatencyOptions.parse(new String[] {"--mode", "fast"}))
        .hasMessageContaining("bulk or insert");
    assertThatThrownBy(() -> LatencyOptions.parse(new String[] {"--speed", "1"}))
        .hasMessageContaining("unknown option");
  }
}
