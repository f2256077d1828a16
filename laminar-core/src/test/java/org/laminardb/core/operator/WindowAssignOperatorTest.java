package org.laminardb.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.core.testing.TestRows.TIMESTAMP;
import static org.laminardb.core.testing.TestRows.VARCHAR;
import static org.laminardb.core.testing.TestRows.chunk;
import static org.laminardb.core.testing.TestRows.expect;
import static org.laminardb.core.testing.TestRows.row;
import static org.laminardb.core.testing.TestRows.schema;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.testing.TestRows;
import org.laminardb.core.type.Schema;

class WindowAssignOperatorTest {
  private static final byte I = RowKind.INSERT;
  private static final Schema IN = schema(VARCHAR, TIMESTAMP);
  private static final Schema OUT = schema(VARCHAR, TIMESTAMP, TIMESTAMP, TIMESTAMP, TIMESTAMP);

  private final TestRows.Collector out = new TestRows.Collector();

  /** Assigns one chunk of rows with a new operator; returns what it emitted. */
  private List<List<Object>> assign(WindowSpec window, int chunkSize, Object[]... rows) {
    new WindowAssignOperator(IN, 1, window, OUT, out, chunkSize).onChunk(chunk(IN, rows));
    return out.take();
  }

  @Test
  void shouldEmitOneRowPerTumblingWindowAndSkipNullTimes() {
    assertThat(assign(WindowSpec.tumble(10, 2), 16, row(I, "a", 1), row(I, "b", null),
        row(I, "c", 12))).containsExactly(
        expect("+I", "a", 1, -8, 2, 1), expect("+I", "c", 12, 12, 22, 21));
  }

  @Test
  void shouldEmitSizeOverSlideRowsPerHop() {
    assertThat(assign(WindowSpec.hop(5, 15, 0), 2, row(I, "a", 7))).containsExactly(
        expect("+I", "a", 7, -5, 10, 9), expect("+I", "a", 7, 0, 15, 14),
        expect("+I", "a", 7, 5, 20, 19));
  }

  @Test
  void shouldEmitTheCumulatingWindowsEndingAfterTheRow() {
    assertThat(assign(WindowSpec.cumulate(10, 30, 0), 16, row(I, "a", 15))).containsExactly(
        expect("+I", "a", 15, 0, 20, 19), expect("+I", "a", 15, 0, 30, 29));
  }

  @Test
  void shouldForwardWatermarksUnchanged() {
    WindowAssignOperator op =
        new WindowAssignOperator(IN, 1, WindowSpec.tumble(10, 0), OUT, out, 16);
    op.onWatermark(5);
    op.onWatermark(Watermarks.IDLE);
    assertThat(out.watermarks).containsExactly(5L, Watermarks.IDLE);
  }
}
