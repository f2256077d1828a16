package org.laminardb.core.operator;

import java.util.Objects;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.Schema;

/**
 * The window table function without aggregation ({@code SELECT * FROM TABLE(HOP(...))}): each
 * input row is emitted once per window it belongs to (see {@link WindowSpec}), followed by that
 * window's {@code window_start}, {@code window_end} and {@code window_time} ({@code window_end}
 * minus one microsecond): one row for TUMBLE, {@code size / slide} for HOP, and for CUMULATE one
 * per window of the row's period whose end is after the event time. A row with a NULL event time
 * gives no output row. Rows keep their change kind. Watermarks are forwarded unchanged. Output
 * rows go downstream in a reused chunk, handed over when full and at the end of each input chunk.
 * Garbage free; single-threaded.
 */
public final class WindowAssignOperator implements ChunkConsumer {
  private final WindowSpec window;
  private final int timeColumn;
  private final int width;
  private final ChunkConsumer downstream;
  private final Chunk out;

  /**
   * Creates the operator.
   *
   * @param input schema of the input
   * @param timeColumn input column of the event time (TIMESTAMP, microseconds)
   * @param window the windows: TUMBLE, HOP or CUMULATE
   * @param output output schema: the input's columns, then window_start, window_end and
   *     window_time (TIMESTAMP)
   * @param downstream receiver of the rows
   * @param chunkCapacity rows per output chunk
   * @throws IllegalArgumentException if the window is SESSION or a schema does not fit
   */
  public WindowAssignOperator(Schema input, int timeColumn, WindowSpec window, Schema output,
      ChunkConsumer downstream, int chunkCapacity) {
    Objects.requireNonNull(input, "input");
    this.window = Objects.requireNonNull(window, "window");
    this.downstream = Objects.requireNonNull(downstream, "downstream");
    if (window.kind() == WindowKind.SESSION) {
      throw new IllegalArgumentException("session windows cannot be assigned without aggregation");
    }
    WindowOperators.requireTimeColumn(input, timeColumn);
    OperatorChecks.requireCapacity(chunkCapacity);
    this.width = input.size();
    if (output.size() != width + 3) {
      throw new IllegalArgumentException("output must have the " + width
          + " input columns and 3 window columns: output columns=" + output.size());
    }
    for (int c = 0; c < output.size(); c++) {
      PhysicalKind expected = c < width ? input.field(c).type().physical() : PhysicalKind.LONG;
      if (output.field(c).type().physical() != expected) {
        throw new IllegalArgumentException("output column " + c + " must be stored as "
            + expected + ": output column type=" + output.field(c).type());
      }
    }
    this.timeColumn = timeColumn;
    this.out = new Chunk(output, chunkCapacity);
  }

  @Override
  public void onChunk(Chunk chunk) {
    Column time = chunk.columns[timeColumn];
    long size = window.size();
    long slide = window.slide();
    for (int r = 0; r < chunk.size; r++) {
      if (time.isNull(r)) {
        continue;
      }
      long ts = time.longs[r];
      long firstEnd = window.alignDown(ts, slide) + slide;
      long lastEnd;
      switch (window.kind()) {
        case TUMBLE:
          lastEnd = firstEnd;
          break;
        case HOP:
          lastEnd = firstEnd - slide + size;
          break;
        default:
          lastEnd = window.alignDown(ts, size) + size;
          break;
      }
      for (long end = firstEnd; end <= lastEnd; end += slide) {
        long start = window.kind() == WindowKind.CUMULATE ? lastEnd - size : end - size;
        append(chunk, r, start, end);
      }
    }
    flush();
  }

  private void append(Chunk in, int r, long start, long end) {
    if (out.isFull()) {
      flush();
    }
    int o = out.size++;
    out.kinds[o] = in.kinds[r];
    for (int c = 0; c < width; c++) {
      out.columns[c].copyFrom(o, in.columns[c], r);
    }
    out.columns[width].longs[o] = start;
    out.columns[width + 1].longs[o] = end;
    out.columns[width + 2].longs[o] = end - 1;
  }

  @Override
  public void onWatermark(long watermark) {
    downstream.onWatermark(watermark);
  }

  private void flush() {
    if (out.size > 0) {
      downstream.onChunk(out);
      out.reset();
    }
  }
}
