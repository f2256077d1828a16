package org.laminardb.sql.plan;

import java.util.List;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.operator.AggregateSpec;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.operator.EmitStrategy;
import org.laminardb.core.operator.WindowOperator;
import org.laminardb.core.operator.WindowOperators;
import org.laminardb.core.operator.WindowSpec;
import org.laminardb.core.type.Schema;

/**
 * Aggregation over event-time windows (TUMBLE, HOP, CUMULATE, SESSION).
 *
 * @param input the operator's input: the window function's input after the pushed-down Calc
 * @param timeColumn input column with the event time
 * @param window the windows
 * @param groupColumns output group columns: input columns, or {@link WindowSpec#START} etc.
 * @param aggregates the aggregate calls over the input
 * @param schema output: group columns, then one per aggregate
 * @param emit when results are emitted and the allowed lateness
 * @param lateSchema columns of late rows routed by {@code LATE DATA TO} (the first columns of the
 *     input), or null when late rows are only counted
 */
public record WindowAggregateNode(PhysicalNode input, int timeColumn, WindowSpec window,
    int[] groupColumns, List<AggregateSpec> aggregates, Schema schema, EmitStrategy emit,
    Schema lateSchema) implements OperatorNode {
  @Override
  public boolean appendOnly() {
    return emit.appendOnly();
  }

  /** window_time, else window_end, when the output is append-only (ON WINDOW CLOSE). */
  @Override
  public int rowtimeColumn() {
    if (!appendOnly()) {
      return -1;
    }
    for (int code : new int[] {WindowSpec.TIME, WindowSpec.END}) {
      for (int i = 0; i < groupColumns.length; i++) {
        if (groupColumns[i] == code) {
          return i;
        }
      }
    }
    return -1;
  }

  @Override
  public ChunkConsumer instantiate(ChunkConsumer downstream, PipelineContext context) {
    ChunkConsumer late = context.lateOutput();
    if (late != null && lateSchema != null) {
      late = new ColumnPrefix(lateSchema, late, context.chunkCapacity());
    } else {
      late = null;
    }
    WindowOperator op = WindowOperators.create(input.schema(), timeColumn, window, groupColumns,
        aggregates, schema, emit, downstream, late, context.chunkCapacity());
    context.addLateCounter(op::lateRows);
    if (emit.kind() == EmitStrategy.EmitKind.PERIODIC) {
      context.addTimer(op::onTimer);
    }
    return op;
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("WindowAggregate(").append(window.describe())
        .append(", time=").append(input.schema().field(timeColumn).name()).append(", keys=[");
    String sep = "";
    for (int g : groupColumns) {
      sb.append(sep).append(g == WindowSpec.START ? "window_start" : g == WindowSpec.END
          ? "window_end" : g == WindowSpec.TIME ? "window_time" : input.schema().field(g).name());
      sep = ", ";
    }
    sb.append("], aggs=[");
    sep = "";
    for (AggregateSpec a : aggregates) {
      sb.append(sep).append(a.kind()).append('(')
          .append(a.argColumn() < 0 ? "*" : input.schema().field(a.argColumn()).name())
          .append(')');
      sep = ", ";
    }
    sb.append("], emit=").append(emit.kind());
    if (emit.kind() == EmitStrategy.EmitKind.PERIODIC) {
      sb.append(" every ").append(emit.periodMillis()).append("ms");
    }
    if (emit.latenessMicros() > 0) {
      sb.append(", lateness=").append(emit.latenessMicros() / 1000).append("ms");
    }
    if (lateSchema != null) {
      sb.append(", late rows routed");
    }
    return sb.append(')').toString();
  }

  /** Passes on the first columns of each chunk (the late rows' original columns). */
  private static final class ColumnPrefix implements ChunkConsumer {
    private final ChunkConsumer downstream;
    private final Chunk out;

    ColumnPrefix(Schema schema, ChunkConsumer downstream, int capacity) {
      this.downstream = downstream;
      this.out = new Chunk(schema, capacity);
    }

    @Override
    public void onChunk(Chunk chunk) {
      out.reset();
      int width = out.columns.length;
      for (int r = 0; r < chunk.size; r++) {
        for (int c = 0; c < width; c++) {
          out.columns[c].copyFrom(r, chunk.columns[c], r);
        }
        out.kinds[r] = chunk.kinds[r];
      }
      out.size = chunk.size;
      downstream.onChunk(out);
    }

    @Override
    public void onWatermark(long watermark) {
      downstream.onWatermark(watermark);
    }
  }
}
