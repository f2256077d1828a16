package org.laminardb.sql.plan;

import java.util.List;
import org.laminardb.core.type.Schema;

/**
 * UNION ALL: the rows of every input, interleaved as they arrive.
 *
 * @param inputs the inputs, all with the output's physical layout
 * @param schema output columns
 */
public record UnionNode(List<PhysicalNode> inputs, Schema schema) implements PhysicalNode {
  @Override
  public boolean appendOnly() {
    for (PhysicalNode n : inputs) {
      if (!n.appendOnly()) {
        return false;
      }
    }
    return true;
  }

  /** The event-time column when every input has it at the same position. */
  @Override
  public int rowtimeColumn() {
    int r = inputs.get(0).rowtimeColumn();
    for (PhysicalNode n : inputs) {
      if (n.rowtimeColumn() != r) {
        return -1;
      }
    }
    return r;
  }

  @Override
  public String describe() {
    return "UnionAll";
  }
}
