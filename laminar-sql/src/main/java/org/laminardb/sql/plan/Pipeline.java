package org.laminardb.sql.plan;

import java.util.List;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.operator.GroupAggregateOperator;

/**
 * Running operators of one continuous query, not yet connected to their inputs.
 *
 * @param inputs where each scanned relation's chunks must be delivered
 * @param aggregates aggregation operators to {@link #open()} once before any input arrives
 */
public record Pipeline(List<InputBinding> inputs, List<GroupAggregateOperator> aggregates) {
  /**
   * Connection of a relation read by the query to the operator that consumes it.
   *
   * @param relation the relation read
   * @param entry the consumer of its changelog
   */
  public record InputBinding(Relation relation, ChunkConsumer entry) {}

  /** Emits initial rows (a global aggregate's row over no input). Reactor thread only. */
  public void open() {
    for (GroupAggregateOperator a : aggregates) {
      a.open();
    }
  }
}
