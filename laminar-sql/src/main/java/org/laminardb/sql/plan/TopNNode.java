package org.laminardb.sql.plan;

import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.operator.TopNOperator;
import org.laminardb.core.type.Schema;

/**
 * Top-N per partition ({@code ROW_NUMBER/RANK/DENSE_RANK() OVER (...)} filtered by {@code rn <= n}
 * in an outer query), including deduplication ({@code n = 1}). Output: the input columns and the
 * rank, as a changelog of rows entering and leaving the top {@code n}.
 *
 * @param input the input
 * @param partitionColumns input columns of the partition key
 * @param orderColumns input columns ranked by
 * @param descending per order column, whether descending
 * @param nullsFirst per order column, whether NULLs rank first
 * @param rank the ranking function
 * @param n largest rank kept
 * @param emitRankChanges whether rows whose rank changed are re-emitted (the rank is selected)
 * @param schema output: the input columns, then the rank
 */
public record TopNNode(PhysicalNode input, int[] partitionColumns, int[] orderColumns,
    boolean[] descending, boolean[] nullsFirst, TopNOperator.Rank rank, long n,
    boolean emitRankChanges, Schema schema) implements OperatorNode {
  @Override
  public boolean appendOnly() {
    return false;
  }

  @Override
  public ChunkConsumer instantiate(ChunkConsumer downstream, PipelineContext context) {
    return new TopNOperator(input.schema(), partitionColumns, orderColumns, descending, nullsFirst,
        rank, n, emitRankChanges, schema, downstream, context.chunkCapacity(),
        input.appendOnly());
  }

  @Override
  public String describe() {
    Schema in = input.schema();
    StringBuilder sb = new StringBuilder("TopN(partition=[");
    for (int i = 0; i < partitionColumns.length; i++) {
      sb.append(i > 0 ? ", " : "").append(in.field(partitionColumns[i]).name());
    }
    sb.append("], order=[");
    for (int i = 0; i < orderColumns.length; i++) {
      sb.append(i > 0 ? ", " : "").append(in.field(orderColumns[i]).name())
          .append(descending[i] ? " DESC" : " ASC")
          .append(nullsFirst[i] ? " NULLS FIRST" : " NULLS LAST");
    }
    sb.append("], n=").append(n).append(", rank=").append(rank);
    if (!emitRankChanges) {
      sb.append(", rank not selected");
    }
    sb.append(", input=").append(input.appendOnly() ? "append-only" : "changelog");
    return sb.append(')').toString();
  }
}
