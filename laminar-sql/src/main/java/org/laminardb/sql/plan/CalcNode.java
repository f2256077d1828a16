package org.laminardb.sql.plan;

import java.util.List;
import org.apache.calcite.rex.RexProgram;
import org.laminardb.core.type.Schema;

/**
 * Filter and projection fused into one generated loop.
 *
 * @param input the input
 * @param program Calcite's projection and condition over the input row
 * @param schema output columns
 */
public record CalcNode(PhysicalNode input, RexProgram program, Schema schema)
    implements PhysicalNode {
  @Override
  public boolean appendOnly() {
    return input.appendOnly();
  }

  /** The first output that passes the input's event-time column through unchanged. */
  @Override
  public int rowtimeColumn() {
    int in = input.rowtimeColumn();
    if (in < 0) {
      return -1;
    }
    List<org.apache.calcite.rex.RexLocalRef> projects = program.getProjectList();
    for (int i = 0; i < projects.size(); i++) {
      org.apache.calcite.rex.RexNode e = program.expandLocalRef(projects.get(i));
      if (e instanceof org.apache.calcite.rex.RexInputRef
          && ((org.apache.calcite.rex.RexInputRef) e).getIndex() == in) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(input);
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("Calc(");
    if (program.getCondition() != null) {
      sb.append("filter=").append(program.expandLocalRef(program.getCondition())).append(", ");
    }
    sb.append("project=[");
    for (int i = 0; i < program.getProjectList().size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(schema.field(i).name()).append('=')
          .append(program.expandLocalRef(program.getProjectList().get(i)));
    }
    return sb.append("])").toString();
  }
}
