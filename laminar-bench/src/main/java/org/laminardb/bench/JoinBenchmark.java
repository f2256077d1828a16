package org.laminardb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.operator.JoinKind;
import org.laminardb.core.operator.JoinOperator;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Regular join {@code src a [LEFT] JOIN dim b ON a.k = b.k} on one thread, in input rows per
 * second, driving a {@link JoinOperator} directly.
 *
 * <p>Set-up stores one right row per key (a dimension table of {@code keys} rows). Each invocation
 * inserts 16 chunks of 1024 random left rows, each matching one right row, and then retracts them
 * again, so the state stays the same size (the steady state of a long-running join whose inputs
 * change) and every input row emits one joined row ({@code +I}, then {@code -D}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class JoinBenchmark {
  private static final int CHUNKS = 16;
  private static final int ROWS_PER_INVOCATION = 2 * CHUNKS * Inputs.CHUNK_ROWS;

  /** Creates the benchmark; JMH instantiates it. */
  public JoinBenchmark() {}

  /** A join operator whose right side holds one row per key. */
  @State(Scope.Thread)
  public static class OperatorState {
    /** Distinct join keys (rows of the right side). */
    @Param({"1000", "100000"})
    public int keys;

    /** INNER or LEFT. */
    @Param({"INNER", "LEFT"})
    public JoinKind kind;

    JoinOperator operator;
    Chunk[] inserts;
    Chunk[] deletes;
    long outputRows;

    /** Creates a JMH state. */
    public OperatorState() {}

    /** Builds the operator and stores the right side. */
    @Setup
    public void setUp() {
      Schema side = Inputs.sourceSchema();
      List<Field> fields = new ArrayList<>(side.fields());
      for (Field f : side.fields()) {
        fields.add(new Field(f.name() + "_b", f.type()));
      }
      operator = new JoinOperator(side, new int[] {0}, side, new int[] {0}, kind, null,
          new Schema(fields), chunk -> outputRows += chunk.size, Inputs.CHUNK_ROWS);
      for (int start = 0; start < keys; start += Inputs.CHUNK_ROWS) {
        Chunk c = new Chunk(side, Inputs.CHUNK_ROWS);
        for (int k = start; k < Math.min(keys, start + Inputs.CHUNK_ROWS); k++) {
          int r = c.size++;
          c.columns[0].longs[r] = k;
          c.columns[1].doubles[r] = k;
          c.kinds[r] = RowKind.INSERT;
        }
        operator.right().onChunk(c);
      }
      inserts = Inputs.chunks(CHUNKS, keys, 11);
      deletes = new Chunk[CHUNKS];
      for (int i = 0; i < CHUNKS; i++) {
        deletes[i] = new Chunk(side, Inputs.CHUNK_ROWS);
        for (int r = 0; r < inserts[i].size; r++) {
          deletes[i].appendCopy(inserts[i], r, RowKind.DELETE);
        }
      }
    }
  }

  /**
   * Inserts and retracts {@code 16 * 1024} left rows.
   *
   * @param s the operator
   * @return the output rows so far (consumed by JMH)
   */
  @Benchmark
  @OperationsPerInvocation(ROWS_PER_INVOCATION)
  public long insertAndRetract(OperatorState s) {
    for (Chunk c : s.inserts) {
      s.operator.left().onChunk(c);
    }
    for (Chunk c : s.deletes) {
      s.operator.left().onChunk(c);
    }
    return s.outputRows;
  }
}
