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
}
