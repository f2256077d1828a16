package org.laminardb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.laminardb.IdleStrategyKind;

/** Option parsing of the latency harness, and short runs of its two queries. */
class LatencyHarnessTest {
  @Test
  void shouldMeasureEveryRowOfTheFilterQuery() {
    LatencyHarness.Result r = LatencyHarness.measure(LatencyOptions.parse(
        new String[] {"--rate", "20000", "--warmup", "1", "--duration", "1"}));
    assertThat(r.sent()).isBetween(19_000L, 21_000L);
    assertThat(r.behind()).isFalse();
    assertThat(r.fromSend().getTotalCount()).isEqualTo(r.sent());
    assertThat(r.fromSchedule().getTotalCount()).isEqualTo(r.sent());
    assertThat(r.firing().getTotalCount()).isZero();
  }

  @Test
  void shouldMeasureRowUpdatesAndTheFiringOfEveryMeasuredWindow() {
    LatencyHarness.Result r = LatencyHarness.measure(LatencyOptions.parse(new String[] {
        "--query", "window", "--keys", "10", "--rate", "20000", "--warmup", "1",
        "--duration", "3"}));
    assertThat(r.sent()).isBetween(59_000L, 61_000L);
    // Each row is flushed alone, so each updates its (window, key) result by itself.
    assertThat(r.fromSend().getTotalCount()).isEqualTo(r.sent());
    // Windows 0, 1 and 2 close on rows of the measured period; window 3 on the final watermark.
    assertThat(r.firing().getTotalCount()).isEqualTo(3);
    assertThat(r.firingFirstRow().getTotalCount()).isEqualTo(3);
    assertThat(r.firing().getMaxValue()).isPositive();
  }

  @Test
  void defaults() {
    LatencyOptions o = LatencyOptions.parse(new String[0]);
    assertThat(o.rate()).isEqualTo(100_000);
    assertThat(o.warmupSeconds()).isEqualTo(10);
    assertThat(o.durationSeconds()).isEqualTo(30);
    assertThat(o.idle()).isEqualTo(IdleStrategyKind.BACKOFF);
    assertThat(o.bulk()).isTrue();
    assertThat(o.query()).isEqualTo(LatencyOptions.Query.FILTER);
    assertThat(o.keys()).isEqualTo(1000);
    assertThat(o.maxLagSeconds()).isEqualTo(5);
  }

  @Test
  void parsesEveryOption() {
    LatencyOptions o = LatencyOptions.parse(new String[] {"--rate", "1000000", "--warmup", "2",
        "--duration", "5", "--idle", "busy_spin", "--mode", "insert", "--query", "window",
        "--keys", "100", "--max-lag", "2"});
    assertThat(o).isEqualTo(new LatencyOptions(1_000_000, 2, 5, IdleStrategyKind.BUSY_SPIN,
        false, LatencyOptions.Query.WINDOW, 100, 2));
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
    assertThatThrownBy(() -> LatencyOptions.parse(new String[] {"--query", "join"}))
        .hasMessageContaining("filter or window");
    assertThatThrownBy(() -> LatencyOptions.parse(
        new String[] {"--query", "window", "--rate", "1500", "--keys", "1000"}))
        .hasMessageContaining("--keys must divide --rate");
  }
}
