package org.laminardb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.lookup.LookupFetcher;
import org.laminardb.core.operator.JoinKind;
import org.laminardb.core.operator.LookupJoinOperator;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.spi.LookupConnector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lookup join {@code src a [LEFT] JOIN dim FOR SYSTEM_TIME AS OF PROCTIME() b ON a.k = b.id} with
 * a warm cache, on one thread, in lookups (input rows) per second, driving a {@link
 * LookupJoinOperator} directly: the hot path of enrichment, every row a cache hit answered
 * inline on the reactor thread.
 *
 * <p>Set-up warms the cache with every key (fetched from an in-process connector that makes up
 * a row per key: {@code (id, name 'n<id>', score id * 0.5)}), with a TTL longer than the run.
 * Each invocation joins 16 chunks of 1024 random stream rows; each emits one joined row.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LookupJoinBenchmark {
  private static final int CHUNKS = 16;
  private static final int ROWS_PER_INVOCATION = CHUNKS * Inputs.CHUNK_ROWS;

  /** Creates the benchmark; JMH instantiates it. */
  public LookupJoinBenchmark() {}

  /** A lookup join whose cache holds every key. */
  @State(Scope.Thread)
  public static class OperatorState {
    /** Distinct keys (rows of the lookup table, all cached). */
    @Param({"1000", "100000"})
    public int keys;

    /** INNER or LEFT. */
    @Param({"INNER", "LEFT"})
    public JoinKind kind;

    LookupJoinOperator operator;
    LookupFetcher fetcher;
    Chunk[] inputs;
    long outputRows;

    /** Creates a JMH state. */
    public OperatorState() {}

    /** Builds the operator and warms its cache with every key. */
    @Setup(Level.Trial)
    public void setUp() {
      Schema stream = Inputs.sourceSchema();
      Schema table = new Schema(List.of(
          new Field("id", DataType.of(TypeKind.BIGINT).withNullable(false)),
          new Field("name", DataType.of(TypeKind.VARCHAR)),
          new Field("score", DataType.of(TypeKind.DOUBLE))));
      List<Field> out = new ArrayList<>(stream.fields());
      out.addAll(table.fields());
      fetcher = new LookupFetcher("dim", new GeneratedRows(), 1, 1, 10);
      operator = new LookupJoinOperator(stream, new int[] {0}, "dim", table, new int[] {0}, kind,
          new Schema(out), chunk -> outputRows += chunk.size, Inputs.CHUNK_ROWS, fetcher,
          TimeUnit.DAYS.toMillis(1), keys, 1_000_000, System::nanoTime);
      Chunk warm = new Chunk(stream, Inputs.CHUNK_ROWS);
      for (int start = 0; start < keys; start += Inputs.CHUNK_ROWS) {
        warm.reset();
        for (int k = start; k < Math.min(keys, start + Inputs.CHUNK_ROWS); k++) {
          int r = warm.size++;
          warm.columns[0].longs[r] = k;
          warm.columns[1].doubles[r] = k;
          warm.kinds[r] = RowKind.INSERT;
        }
        operator.onChunk(warm);
        while (operator.pendingRows() > 0) {
          operator.doWork();
          Thread.onSpinWait();
        }
      }
      if (operator.cachedEntries() != keys) {
        throw new IllegalStateException("cache not warm: " + operator.cachedEntries());
      }
      inputs = Inputs.chunks(CHUNKS, keys, 11);
    }

    /** Stops the fetcher thread. */
    @TearDown(Level.Trial)
    public void tearDown() {
      if (operator.misses() != keys) {
        throw new IllegalStateException("the run missed the cache: misses=" + operator.misses());
      }
      fetcher.close();
    }
  }

  /** A connector that makes up the row of any key. */
  static final class GeneratedRows implements LookupConnector {
    @Override
    public void fetch(Chunk keys, Chunk out) {
      for (int r = 0; r < keys.size; r++) {
        long k = keys.columns[0].longs[r];
        int o = out.size++;
        out.columns[0].longs[o] = k;
        out.columns[1].strings[o] = "n" + k;
        out.columns[2].doubles[o] = k * 0.5;
        out.kinds[o] = RowKind.INSERT;
      }
    }

    @Override
    public void close() {}
  }

  /**
   * Joins {@code 16 * 1024} stream rows, every one a cache hit.
   *
   * @param s the operator
   * @return the output rows so far (consumed by JMH)
   */
  @Benchmark
  @OperationsPerInvocation(ROWS_PER_INVOCATION)
  public long lookupHits(OperatorState s) {
    for (Chunk c : s.inputs) {
      s.operator.onChunk(c);
    }
    return s.outputRows;
  }
}
