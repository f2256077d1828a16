package org.laminardb.sql.plan;

import java.util.List;
import org.laminardb.core.operator.JoinKind;
import org.laminardb.core.type.Schema;

/**
 * Processing-time temporal join ({@code FOR SYSTEM_TIME AS OF PROCTIME()}) of an append-only
 * stream with a table or materialized view, run by {@link
 * org.laminardb.core.operator.ProcTimeTemporalJoinOperator}: the table side's current rows are
 * kept by key, and only stream rows emit. The output carries the stream's event-time column and
 * watermark.
 *
 * @param stream the stream (left input)
 * @param table the table side (right input, a changelog)
 * @param kind INNER or LEFT
 * @param streamKeys stream key columns
 * @param tableKeys table key columns, pairwise equal to the stream's
 * @param schema output columns: the stream's, then the table side's
 */
public record TemporalJoinNode(PhysicalNode stream, PhysicalNode table, JoinKind kind,
    int[] streamKeys, int[] tableKeys, Schema schema) implements PhysicalNode {
  @Override
  public boolean appendOnly() {
    return true;
  }

  @Override
  public int rowtimeColumn() {
    return stream.rowtimeColumn();
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(stream, table);
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("ProcTimeTemporalJoin(kind=").append(kind)
        .append(", keys=[");
    for (int i = 0; i < streamKeys.length; i++) {
      sb.append(i > 0 ? ", " : "").append("left.")
          .append(stream.schema().field(streamKeys[i]).name()).append(" = right.")
          .append(table.schema().field(tableKeys[i]).name());
    }
    return sb.append("], state: the table side's current rows; emits on stream rows only)")
        .toString();
  }
}
