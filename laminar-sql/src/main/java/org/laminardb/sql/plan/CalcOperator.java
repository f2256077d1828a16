package org.laminardb.sql.plan;

import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.type.Schema;
import org.laminardb.sql.codegen.CalcProgram;

/**
 * Operator running a generated filter+projection over each chunk and passing the surviving rows
 * on. Garbage free in steady state: the output chunk is reused.
 */
public final class CalcOperator implements ChunkConsumer {
  private final CalcProgram program;
  private final Chunk out;
  private final ChunkConsumer downstream;

  /**
   * Creates the operator.
   *
   * @param program the generated code
   * @param output output columns
   * @param chunkCapacity rows per chunk (at least the input chunks' size)
   * @param downstream receives the output
   */
  public CalcOperator(CalcProgram program, Schema output, int chunkCapacity,
      ChunkConsumer downstream) {
    this.program = program;
    this.out = new Chunk(output, chunkCapacity);
    this.downstream = downstream;
  }

  @Override
  public void onChunk(Chunk chunk) {
    out.reset();
    if (program.apply(chunk, out) > 0) {
      downstream.onChunk(out);
    }
  }

  @Override
  public void onWatermark(long watermark) {
    downstream.onWatermark(watermark);
  }
}
