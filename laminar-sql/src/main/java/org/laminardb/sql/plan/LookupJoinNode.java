package org.laminardb.sql.plan;

import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.operator.JoinKind;
import org.laminardb.core.operator.LookupJoinOperator;
import org.laminardb.core.type.Schema;

/**
 * Lookup join of an append-only stream with a lookup table on the table's whole primary key, run
 * by {@link LookupJoinOperator}: a cache on the reactor, misses fetched by the table's ring-1
 * fetcher, output in input order. The output carries the stream's event-time column and
 * watermark.
 *
 * @param input the stream
 * @param table the lookup table
 * @param info its key and cache settings
 * @param kind INNER or LEFT
 * @param streamKeys stream columns, pairwise equal to {@code tableKeys}
 * @param tableKeys the table's primary-key columns, in key order
 * @param schema output columns: the stream's, then the table's
 */
public record LookupJoinNode(PhysicalNode input, Relation table, LookupTableInfo info,
    JoinKind kind, int[] streamKeys, int[] tableKeys, Schema schema) implements OperatorNode {
  @Override
  public boolean appendOnly() {
    return true;
  }

  @Override
  public int rowtimeColumn() {
    return input.rowtimeColumn();
  }

  @Override
  public ChunkConsumer instantiate(ChunkConsumer downstream, PipelineContext context) {
    LookupJoinOperator op = new LookupJoinOperator(input.schema(), streamKeys, table.name(),
        table.schema(), tableKeys, kind, schema, downstream, context.chunkCapacity(),
        context.lookupFetcher(table.name()), info.ttlMillis(), info.maxRows(),
        info.maxPendingRows(), System::nanoTime);
    context.addTimer(op::doWork);
    return op;
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("LookupJoin(kind=").append(kind).append(", table=")
        .append(table.name()).append(", keys=[");
    for (int i = 0; i < streamKeys.length; i++) {
      sb.append(i > 0 ? ", " : "").append("left.")
          .append(input.schema().field(streamKeys[i]).name()).append(" = ")
          .append(table.name()).append('.').append(table.schema().field(tableKeys[i]).name());
    }
    return sb.append("], ").append(info.describe())
        .append(", ordered: rows wait behind misses)").toString();
  }
}
