package org.laminardb.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.core.testing.TestRows.chunk;
import static org.laminardb.core.testing.TestRows.expect;
import static org.laminardb.core.testing.TestRows.row;
import static org.laminardb.core.testing.TestRows.schema;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.testing.TestRows;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;

class WindowAssignOperatorTest {
  private static final DataType TS = DataType.of(TypeKind.TIMESTAMP);
  private static final DataType VARCHAR = DataType.of(TypeKind.VARCHAR);
  private static final byte I = RowKind.INSERT;
  private static final Schema IN = schema(VARCHAR, TS);
  private static final Schema OUT = schema(VARCHAR, TS, TS, TS, TS);

  private final TestRows.Collector out = new TestRows.Collector();

  @Test
  void shouldEmitOneRowPerTumblingWindowAndSkipNullTimes() {
    WindowAssignOperator op =
        new WindowAssignOperator(IN, 1, WindowSpec.tumble(10, 2), OUT, out, 16);
    op.onChunk(chunk(IN, row(I, "a", 1), row(I, "b", null), row(I, "c", 12)));
    assertThat(out.take()).containsExactly(
        expect("+I", "a", 1, -8, 2, 1), expect("+I", "c", 12, 12, 22, 21));
  }

  @Test
  void shouldEmitSizeOverSlideRowsPerHop() {
    WindowAssignOperator op =
        new WindowAssignOperator(IN, 1, WindowSpec.hop(5, 15, 0), OUT, out, 2);
    op.onChunk(chunk(IN, row(I, "a", 7)));
    assertThat(out.take()).containsExactly(
        expect("+I", "a", 7, -5, 10, 9), expect("+I", "a", 7, 0, 15, 14),
        expect("+I", "a", 7, 5, 20, 19));
  }

  @Test
  void shouldEmitTheCumulatingWindowsEndingAfterTheRow() {
    WindowAssignOperator op =
        new WindowAssignOperator(IN, 1, WindowSpec.cumulate(10, 30, 0), OUT, out, 16);
    op.onChunk(chunk(IN, row(I, "a", 15)));
    assertThat(out.take()).containsExactly(
        expect("+I", "a", 15, 0, 20, 19), expect("+I", "a", 15, 0, 30, 29));
  }

  @Test
  void shouldForwardWatermarksUnchanged() {
    List<Long> seen = new ArrayList<>();
    ChunkConsumer sink = new ChunkConsumer() {
      @Override
      public void onChunk(Chunk chunk) {}

      @Override
      public void onWatermark(long watermark) {
        seen.add(watermark);
      }
    };
    WindowAssignOperator op =
        new WindowAssignOperator(IN, 1, WindowSpec.tumble(10, 0), OUT, sink, 16);
    op.onWatermark(5);
    op.onWatermark(Watermarks.IDLE);
    assertThat(seen).containsExactly(5L, Watermarks.IDLE);
  }
}
