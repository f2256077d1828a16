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
