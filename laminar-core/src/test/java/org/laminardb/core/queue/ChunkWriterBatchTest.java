package org.laminardb.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.testing.TestRows;
import org.laminardb.core.type.Schema;

/** Batch ends and explicit watermarks published by a {@link ChunkWriter}. */
class ChunkWriterBatchTest {
  private static final Schema SCHEMA = TestRows.schema(TestRows.BIGINT);

  private static void write(ChunkWriter w, int rows) {
    for (int i = 0; i < rows; i++) {
      int r = w.beginRow();
      w.column(0).longs[r] = i;
      w.endRow();
    }
  }

  @Test
  void aFullChunkIsNotABatchEndButTheFollowingFlushMarksOne() {
    ChunkChannel channel = new ChunkChannel(SCHEMA, 4, 4);
    ChunkWriter w = new ChunkWriter(channel);
    write(w, 4);
    w.flush();
    Chunk full = channel.poll();
    assertThat(full.size).isEqualTo(4);
    assertThat(full.batchEnd).isFalse();
    channel.release(full);
    Chunk end = channel.poll();
    assertThat(end.size).isZero();
    assertThat(end.batchEnd).isTrue();
    channel.release(end);
    w.flush();
    assertThat(channel.poll()).isNull();
  }

  @Test
  void aPartlyFilledChunkEndsTheBatchItself() {
    ChunkChannel channel = new ChunkChannel(SCHEMA, 4, 4);
    ChunkWriter w = new ChunkWriter(channel);
    write(w, 6);
    w.flush();
    assertThat(channel.poll().batchEnd).isFalse();
    Chunk last = channel.poll();
    assertThat(last.size).isEqualTo(2);
    assertThat(last.batchEnd).isTrue();
    assertThat(channel.poll()).isNull();
  }

  @Test
  void anExplicitWatermarkFollowsThePendingRows() {
    ChunkChannel channel = new ChunkChannel(SCHEMA, 4, 4);
    ChunkWriter w = new ChunkWriter(channel);
    write(w, 2);
    w.watermark(42);
    Chunk c = channel.poll();
    assertThat(c.size).isEqualTo(2);
    assertThat(c.batchEnd).isTrue();
    assertThat(c.watermark).isEqualTo(42);
  }
}
