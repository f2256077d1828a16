package org.laminardb.sql.plan;

import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.operator.WindowAssignOperator;
import org.laminardb.core.operator.WindowSpec;
import org.laminardb.core.type.Schema;

/**
 * A window table function without aggregation: each row once per window it belongs to, with
 * {@code window_start}, {@code window_end} and {@code window_time} appended.
 *
 * @param input the window function's input
 * @param timeColumn input column with the event time
 * @param window the windows (not SESSION)
 * @param schema output: the input's columns, then the three window columns
 */
public record WindowAssignNode(PhysicalNode input, int timeColumn, WindowSpec window,
    Schema schema) implements OperatorNode {
  @Override
  public boolean appendOnly() {
    return true;
  }

  @Override
  public int rowtimeColumn() {
    return input.rowtimeColumn();
  }

  @Override
  public ChunkConsumer instantiate(ChunkConsumer downstream, PipelineContext context) {
    return new WindowAssignOperator(input.schema(), timeColumn, window, schema, downstream,
        context.chunkCapacity());
  }

  @Override
  public String describe() {
    return "WindowAssign(" + window.describe() + ", time="
        + input.schema().field(timeColumn).name() + ")";
  }
}
