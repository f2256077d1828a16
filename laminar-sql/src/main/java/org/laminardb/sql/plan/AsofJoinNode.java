package org.laminardb.sql.plan;

import java.util.List;
import org.laminardb.core.operator.AsofDirection;
import org.laminardb.core.type.Schema;

/**
 * ASOF join of two append-only inputs with watermarked event-time columns, or (versioned) an
 * event-time temporal join of an append-only input with a changelog of versions; run by {@link
 * org.laminardb.core.operator.AsofJoinOperator}. The output is append-only and carries the left
 * input's event time.
 *
 * @param left the left input
 * @param right the right input
 * @param leftKeys left key columns
 * @param rightKeys right key columns, pairwise equal to the left ones
 * @param leftTime the left event-time column
 * @param rightTime the right event-time column
 * @param direction which right rows may match
 * @param strict whether equal times are excluded
 * @param tolerance largest time distance of a match in microseconds, Long.MAX_VALUE for none
 * @param leftOuter whether unmatched left rows are emitted padded with NULLs
 * @param versioned whether this is a temporal join against a versioned changelog
 * @param schema output columns: the left input's, then the right's
 */
public record AsofJoinNode(PhysicalNode left, PhysicalNode right, int[] leftKeys,
    int[] rightKeys, int leftTime, int rightTime, AsofDirection direction, boolean strict,
    long tolerance, boolean leftOuter, boolean versioned, Schema schema)
    implements PhysicalNode {
  @Override
  public boolean appendOnly() {
    return true;
  }

  @Override
  public int rowtimeColumn() {
    return leftTime;
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(left, right);
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder(versioned ? "TemporalJoin(kind=" : "AsofJoin(kind=")
        .append(leftOuter ? "LEFT" : "INNER").append(", keys=[");
    for (int i = 0; i < leftKeys.length; i++) {
      sb.append(i > 0 ? ", " : "").append("left.").append(left.schema().field(leftKeys[i]).name())
          .append(" = right.").append(right.schema().field(rightKeys[i]).name());
    }
    String l = "left." + left.schema().field(leftTime).name();
    String r = "right." + right.schema().field(rightTime).name();
    sb.append("], match=");
    switch (direction) {
      case BACKWARD:
        sb.append(versioned ? "version of " + r + " valid at " + l
            : l + (strict ? " > " : " >= ") + r);
        break;
      case FORWARD:
        sb.append(l).append(strict ? " < " : " <= ").append(r);
        break;
      default:
        sb.append("NEAREST(").append(l).append(", ").append(r).append(')');
        break;
    }
    if (tolerance != Long.MAX_VALUE) {
      sb.append(", tolerance=").append(IntervalBounds.micros(tolerance));
    }
    return sb.append(", state: bounded by watermarks")
        .append(direction == AsofDirection.FORWARD || tolerance != Long.MAX_VALUE ? ""
            : " plus the last right row per key")
        .append(')').toString();
  }
}
