package org.laminardb.sql.plan;

import java.util.List;
import org.laminardb.core.type.Schema;

/**
 * Node of a planned continuous query: what operator runs, over which inputs. Built by {@link
 * StreamPlanner}, turned into running operators by {@link PipelineBuilder}.
 */
public interface PhysicalNode {
  /**
   * Output columns.
   *
   * @return the schema
   */
  Schema schema();

  /**
   * Whether the output only ever contains inserts.
   *
   * @return true if append-only
   */
  boolean appendOnly();

  /**
   * Inputs of this node.
   *
   * @return the inputs, empty for scans
   */
  List<PhysicalNode> inputs();

  /**
   * One-line description for EXPLAIN, e.g. {@code GroupAggregate(keys=[k], aggs=[COUNT(*)])}.
   *
   * @return the description
   */
  String describe();

  /**
   * Output column holding the event time whose watermark this node forwards, or -1 when the
   * output has none (then windows cannot be defined over it).
   *
   * @return the column index or -1
   */
  default int rowtimeColumn() {
    return -1;
  }
}
