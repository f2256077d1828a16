package org.laminardb.sql.plan;

import java.util.List;
import org.laminardb.core.operator.ChunkConsumer;

/**
 * A single-input plan node that builds its own operator. New operators (windows, OVER, Top-N)
 * implement this so that {@link PipelineBuilder} needs no case per node type.
 */
public interface OperatorNode extends PhysicalNode {
  /**
   * The input.
   *
   * @return the input node
   */
  PhysicalNode input();

  @Override
  default List<PhysicalNode> inputs() {
    return List.of(input());
  }

  /**
   * Creates the running operator.
   *
   * @param downstream receiver of the operator's output (chunks and watermarks)
   * @param context chunk size, timers, counters and side outputs of the pipeline
   * @return the consumer of the input's chunks and watermarks
   */
  ChunkConsumer instantiate(ChunkConsumer downstream, PipelineContext context);
}
