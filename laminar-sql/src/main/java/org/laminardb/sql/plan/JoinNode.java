package org.laminardb.sql.plan;

import java.util.List;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.laminardb.core.operator.JoinKind;
import org.laminardb.core.type.Schema;

/**
 * Equi-join of two inputs. Without {@code interval} it is a regular (unbounded) join, run by
 * {@link org.laminardb.core.operator.JoinOperator}; with it, an interval join of two append-only
 * inputs with watermarked event-time columns, run by {@link
 * org.laminardb.core.operator.IntervalJoinOperator}, whose state is bounded by the watermarks and
 * whose output is append-only. A regular join's output has no event-time column (it pairs new
 * rows with rows older than the watermark), so windows cannot follow it, and its watermark is
 * the minimum of its inputs'. An INNER or LEFT interval join keeps the left input's event-time
 * column as its own, a RIGHT one the right input's, with the watermark the operator derives from
 * both inputs' and the bounds; a FULL interval join has none (it pads rows of both sides). A
 * SEMI or ANTI join (from {@code EXISTS} and {@code NOT EXISTS}) is always an interval join, whose
 * output is the left input's rows.
 *
 * @param left the left input
 * @param right the right input
 * @param kind INNER, LEFT, RIGHT or FULL; SEMI or ANTI for interval joins
 * @param leftKeys left key columns
 * @param rightKeys right key columns, pairwise equal to the left ones
 * @param residual the rest of the join condition over the output row, or null
 * @param residualProgram one BOOLEAN NOT NULL projection, {@code residual IS TRUE}, over the
 *     {@link #pairSchema()}; null without a residual
 * @param schema output columns: the left input's, then the right's (SEMI and ANTI: the left
 *     input's)
 * @param interval the time bounds of an interval join, or null for a regular join
 * @param ttlMillis a regular join's state time-to-live in milliseconds of processing time, 0 for
 *     none
 */
public record JoinNode(PhysicalNode left, PhysicalNode right, JoinKind kind, int[] leftKeys,
    int[] rightKeys, RexNode residual, RexProgram residualProgram, Schema schema,
    IntervalBounds interval, long ttlMillis)
    implements PhysicalNode {
  /** Only an interval join, or an inner join of two append-only inputs, never retracts. */
  @Override
  public boolean appendOnly() {
    return interval != null
        || kind == JoinKind.INNER && left.appendOnly() && right.appendOnly();
  }

  /** The left time column (INNER, LEFT interval joins) or the right one (RIGHT), else -1. */
  @Override
  public int rowtimeColumn() {
    int side = rowtimeSide();
    return side < 0 ? -1 : side == 0 ? interval.leftTime()
        : left.schema().size() + interval.rightTime();
  }

  /** Whose event time the output carries: 0 left, 1 right, -1 none. */
  int rowtimeSide() {
    if (interval == null || kind == JoinKind.FULL) {
      return -1;
    }
    return kind == JoinKind.RIGHT ? 1 : 0;
  }

  /**
   * The columns of a pair of rows, which the residual reads: the output's, or for SEMI and ANTI
   * joins the left input's, then the right's.
   *
   * @return the schema
   */
  public Schema pairSchema() {
    if (!kind.leftOnly()) {
      return schema;
    }
    List<org.laminardb.core.type.Field> fields = new java.util.ArrayList<>(schema.fields());
    fields.addAll(right.schema().fields());
    return new Schema(fields);
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of(left, right);
  }

  /**
   * Whether a plan reads the output of a join.
   *
   * @param node the plan
   * @return true if it or one of its inputs, transitively, is a join
   */
  static boolean reads(PhysicalNode node) {
    if (node instanceof JoinNode) {
      return true;
    }
    for (PhysicalNode in : node.inputs()) {
      if (reads(in)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String describe() {
    String name = interval == null ? "Join"
        : interval.lower() == 0 && interval.upper() == 0 && residual == null ? "WindowJoin"
        : "IntervalJoin";
    StringBuilder sb = new StringBuilder(name).append("(kind=").append(kind).append(", keys=[");
    for (int i = 0; i < leftKeys.length; i++) {
      sb.append(i > 0 ? ", " : "").append("left.").append(left.schema().field(leftKeys[i]).name())
          .append(" = right.").append(right.schema().field(rightKeys[i]).name());
    }
    sb.append(']');
    if (interval != null && !name.equals("WindowJoin")) {
      sb.append(", bounds=").append(interval.describe(
          left.schema().field(interval.leftTime()).name(),
          right.schema().field(interval.rightTime()).name()));
    }
    if (residual != null) {
      sb.append(", residual=").append(residual).append(" over (left columns, right columns)");
    }
    if (interval != null) {
      return sb.append(", state: bounded by watermarks)").toString();
    }
    return sb.append(ttlMillis > 0 ? ", state: rows expire " + ttlMillis
        + " ms after they are stored (state.ttl))" : ", state: unbounded)").toString();
  }
}
