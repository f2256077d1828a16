package org.laminardb.core.operator;

import java.util.Arrays;
import java.util.Objects;
import org.laminardb.core.chunk.Chunk;

/**
 * Combines the watermarks of several inputs of one operator: the output watermark is the minimum
 * over the inputs that are not idle, and never goes back. While every input is idle the output
 * does not move; an input that reports a watermark again after being idle counts again (its rows
 * may then be late, since the output never goes back). Chunks pass straight through.
 *
 * <p>Create one merger per multi-input operator and give each input its own {@link #input(int)}
 * consumer. Single-threaded (the reactor thread), garbage free.
 */
public final class WatermarkMerger {
  private final ChunkConsumer downstream;
  private final long[] inputs;
  private final boolean[] idle;
  private long current = Watermarks.NONE;

  /**
   * Creates a merger.
   *
   * @param inputCount number of inputs
   * @param downstream receives the chunks of all inputs and the combined watermark
   */
  public WatermarkMerger(int inputCount, ChunkConsumer downstream) {
    if (inputCount <= 0) {
      throw new IllegalArgumentException("inputCount must be positive: inputCount=" + inputCount);
    }
    this.downstream = Objects.requireNonNull(downstream, "downstream");
    this.inputs = new long[inputCount];
    Arrays.fill(inputs, Watermarks.NONE);
    this.idle = new boolean[inputCount];
  }

  /**
   * The consumer for one input.
   *
   * @param index the input, {@code 0 <= index < inputCount}
   * @return a consumer passing chunks on and merging watermarks
   */
  public ChunkConsumer input(int index) {
    Objects.checkIndex(index, inputs.length);
    return new ChunkConsumer() {
      @Override
      public void onChunk(Chunk chunk) {
        downstream.onChunk(chunk);
      }

      @Override
      public void onWatermark(long watermark) {
        update(index, watermark);
      }
    };
  }

  /**
   * The combined watermark so far.
   *
   * @return the watermark, {@link Watermarks#NONE} before every active input has one
   */
  public long current() {
    return current;
  }

  private void update(int index, long watermark) {
    if (watermark == Watermarks.IDLE) {
      idle[index] = true;
    } else {
      idle[index] = false;
      if (watermark > inputs[index]) {
        inputs[index] = watermark;
      }
    }
    long min = Watermarks.IDLE;
    for (int i = 0; i < inputs.length; i++) {
      if (!idle[i] && inputs[i] < min) {
        min = inputs[i];
      }
    }
    if (min == Watermarks.IDLE) {
      return;
    }
    if (min > current) {
      current = min;
      downstream.onWatermark(min);
    }
  }
}
