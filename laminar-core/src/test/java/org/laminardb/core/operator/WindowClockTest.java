package org.laminardb.core.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;

class WindowClockTest {
  private final List<Long> forwarded = new ArrayList<>();
  private final ChunkConsumer downstream = new ChunkConsumer() {
    @Override
    public void onChunk(Chunk chunk) {}

    @Override
    public void onWatermark(long watermark) {
      forwarded.add(watermark);
    }
  };

  @Test
  void shouldMoveTheCloseBoundOnlyForLargerWatermarksAndForwardItOnce() {
    WindowClock clock = new WindowClock(
        new EmitStrategy(EmitStrategy.EmitKind.ON_WINDOW_CLOSE, 0, 10), downstream);
    assertThat(clock.closeBound()).isEqualTo(Long.MIN_VALUE);
    assertThat(clock.advance(100)).isTrue();
    assertThat(clock.closeBound()).isEqualTo(90);
    clock.forward();
    clock.forward();
    assertThat(clock.advance(100)).isFalse();
    assertThat(clock.advance(50)).isFalse();
    assertThat(clock.closeBound()).isEqualTo(90);
    assertThat(clock.advance(Watermarks.IDLE)).isFalse();
    assertThat(forwarded).containsExactly(90L, Watermarks.IDLE);
    assertThat(clock.periodDue()).isFalse();
  }

  @Test
  void shouldKeepTheCloseBoundAtTheMinimumWhenLatenessUnderflows() {
    WindowClock clock = new WindowClock(
        new EmitStrategy(EmitStrategy.EmitKind.ON_UPDATE, 0, 1_000), downstream);
    assertThat(clock.advance(Long.MIN_VALUE + 5)).isTrue();
    assertThat(clock.closeBound()).isEqualTo(Long.MIN_VALUE);
    clock.forward();
    assertThat(forwarded).isEmpty();
  }
}
