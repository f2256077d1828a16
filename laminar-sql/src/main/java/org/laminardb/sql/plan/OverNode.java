package org.laminardb.sql.plan;

import java.util.List;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.operator.OverCall;
import org.laminardb.core.operator.OverFrame;
import org.laminardb.core.operator.OverOperator;
import org.laminardb.core.type.Schema;

/**
 * One OVER window ordered by the input's event-time column: LAG, LEAD and running aggregates per
 * partition, computed once the watermark passes each row. Output: the input columns, then one
 * column per call; append-only; the event-time column passes through.
 *
 * @param input the input
 * @param partitionColumns input columns of the partition key
 * @param timeColumn the input's event-time column, the window's ORDER BY
 * @param calls the functions, in output order
 * @param frame frame of the aggregate calls
 * @param schema output columns
 */
public record OverNode(PhysicalNode input, int[] partitionColumns, int timeColumn,
    List<OverCall> calls, OverFrame frame, Schema schema) implements OperatorNode {
  @Override
  public boolean appendOnly() {
    return true;
  }

  @Override
  public int rowtimeColumn() {
    return timeColumn;
  }

  @Override
  public ChunkConsumer instantiate(ChunkConsumer downstream, PipelineContext context) {
    OverOperator op = new OverOperator(input.schema(), partitionColumns, timeColumn, calls, frame,
        schema, downstream, context.chunkCapacity());
    context.addLateCounter(op::lateRows);
    return op;
  }

  @Override
  public String describe() {
    Schema in = input.schema();
    StringBuilder sb = new StringBuilder("Over(partition=[");
    for (int i = 0; i < partitionColumns.length; i++) {
      sb.append(i > 0 ? ", " : "").append(in.field(partitionColumns[i]).name());
    }
    sb.append("], order=[").append(in.field(timeColumn).name()).append("], frame=")
        .append(frame).append(", calls=[");
    for (int i = 0; i < calls.size(); i++) {
      OverCall c = calls.get(i);
      sb.append(i > 0 ? ", " : "").append(c.function()).append('(')
          .append(c.argColumn() < 0 ? "*" : in.field(c.argColumn()).name());
      if (c.isShift()) {
        sb.append(", ").append(c.offset());
        if (c.function() == OverCall.Function.LAG) {
          sb.append(", ").append(c.defaultValue() == null ? "NULL" : c.defaultValue());
        }
      }
      sb.append(") AS ").append(schema.field(in.size() + i).name());
    }
    return sb.append("])").toString();
  }
}
