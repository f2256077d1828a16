package org.laminardb.sql.plan;

import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.operator.JoinPredicate;
import org.laminardb.core.type.Schema;
import org.laminardb.sql.codegen.CalcProgram;

/**
 * A join's residual condition as generated code: a Calc projecting {@code condition IS TRUE}
 * over the candidate pairs. Garbage free: the result chunk is reused.
 */
final class ResidualPredicate implements JoinPredicate {
  private final CalcProgram program;
  private final Chunk result;

  ResidualPredicate(CalcProgram program, Schema resultSchema, int chunkCapacity) {
    this.program = program;
    this.result = new Chunk(resultSchema, chunkCapacity);
  }

  @Override
  public void test(Chunk pairs, boolean[] passed) {
    result.reset();
    program.apply(pairs, result);
    Column c = result.columns[0];
    for (int i = 0; i < pairs.size; i++) {
      passed[i] = c.longs[i] != 0;
    }
    result.reset();
  }
}
