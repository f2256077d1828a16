package org.laminardb.bench;

import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.laminardb.IdleStrategyKind;
import org.laminardb.LaminarDB;
import org.laminardb.SourceWriter;
import org.laminardb.Subscription;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.operator.AggregateKind;
import org.laminardb.core.operator.AggregateSpec;
import org.laminardb.core.operator.GroupAggregateOperator;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Unbounded {@code SELECT k, COUNT(*), SUM(v) FROM src GROUP BY k} over insert-only input, in
 * events (input rows) per second on one thread.
 *
 * <p>{@link #operator} drives a {@link GroupAggregateOperator} directly with pre-filled chunks;
 * its downstream only counts the changelog rows. Set-up feeds every chunk once, so the measured
 * rows only update existing groups (the steady state of a long-running view). The operator emits
 * the changes of each input chunk (a mini-batch) as -U/+U pairs of every group the chunk touched,
 * so the chunk size sets how much output each input row causes: {@code chunkRows} 1024 is the
 * engine's default, 16384 shows the effect of larger mini-batches.
 *
 * <p>{@link #endToEnd} runs the query as a {@code CREATE MATERIALIZED VIEW} in a {@link LaminarDB}
 * instance: rows appended with the bulk appender on the benchmark thread, aggregation and view
 * maintenance on the reactor thread, and a {@code RowListener} on the view's changelog that adds
 * up {@code COUNT(*)} deltas; each invocation waits until that total covers all rows appended.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class GroupByBenchmark {
  /** The view measured end to end. */
  static final String VIEW = "CREATE MATERIALIZED VIEW agg AS "
      + "SELECT k, COUNT(*) AS cnt, SUM(v) AS s FROM src GROUP BY k";
  private static final int INPUT_ROWS = 1 << 18;
  private static final int ROWS_PER_INVOCATION = 1 << 14;
  private static final int E2E_ROWS = 1 << 16;

  /** Creates the benchmark; JMH instantiates it. */
  public GroupByBenchmark() {}

  /** A grouped aggregation operator with all groups already present. */
  @State(Scope.Thread)
  public static class OperatorState {
    /** Distinct group keys. */
    @Param({"1000", "100000"})
    public int keys;

    /** Rows per input chunk, the operator's mini-batch. */
    @Param({"1024", "16384"})
    public int chunkRows;

    GroupAggregateOperator operator;
    Chunk[] chunks;
    int chunksPerInvocation;
    int next;
    long changelogRows;

    /** Creates a JMH state. */
    public OperatorState() {}

    /** Builds the operator and feeds every input chunk once, creating all groups. */
    @Setup
    public void setUp() {
      Schema input = Inputs.sourceSchema();
      Schema output = new Schema(List.of(
          new Field("k", DataType.of(TypeKind.BIGINT)),
          new Field("cnt", DataType.of(TypeKind.BIGINT).withNullable(false)),
          new Field("s", DataType.of(TypeKind.DOUBLE))));
      List<AggregateSpec> aggs = List.of(
          AggregateSpec.countStar(),
          AggregateSpec.of(AggregateKind.SUM, 1, DataType.of(TypeKind.DOUBLE)));
      operator = new GroupAggregateOperator(input, new int[] {0}, aggs, output,
          chunk -> changelogRows += chunk.size, chunkRows, true);
      chunks = Inputs.chunks(INPUT_ROWS / chunkRows, chunkRows, keys, 7);
      chunksPerInvocation = ROWS_PER_INVOCATION / chunkRows;
      BitSet distinct = new BitSet(keys);
      for (Chunk c : chunks) {
        operator.onChunk(c);
        for (int r = 0; r < c.size; r++) {
          distinct.set((int) c.columns[0].longs[r]);
        }
      }
      if (operator.groupCount() != distinct.cardinality()) {
        throw new IllegalStateException("expected " + distinct.cardinality() + " groups, got "
            + operator.groupCount());
      }
    }
  }

  /** A database maintaining the view, with all groups present and a listener on its changes. */
  @State(Scope.Thread)
  public static class EngineState {
    /** Distinct group keys. */
    @Param({"1000"})
    public int groups;

    /** What the reactor thread does when idle. */
    @Param({"BACKOFF", "BUSY_SPIN"})
    public IdleStrategyKind idle;

    LaminarDB db;
    SourceWriter writer;
    Subscription subscription;
    CountSumListener listener;
    BulkFeed feed;
    long expected;

    /** Creates a JMH state. */
    public EngineState() {}

    /** Opens the database, declares source and view, subscribes, and creates all groups. */
    @Setup
    public void setUp() {
      db = LaminarDB.builder().idleStrategy(idle).open();
      db.execute("CREATE SOURCE src (k BIGINT, v DOUBLE)");
      db.execute(VIEW);
      listener = new CountSumListener(1);
      subscription = db.subscribe("agg", listener);
      writer = db.source("src");
      feed = new BulkFeed(E2E_ROWS, groups, 17);
      feed.appendAll(writer.bulk());
      expected = E2E_ROWS;
      listener.progress().awaitAtLeast(expected);
    }

    /** Closes everything. */
    @TearDown
    public void tearDown() {
      subscription.close();
      writer.close();
      db.close();
    }
  }

  /**
   * 16,384 rows through the operator, in chunks of {@code chunkRows}; after each chunk the
   * operator emits the groups it changed as -U/+U pairs.
   *
   * @param s the operator and its input
   */
  @Benchmark
  @OperationsPerInvocation(ROWS_PER_INVOCATION)
  public void operator(OperatorState s) {
    Chunk[] chunks = s.chunks;
    int mask = chunks.length - 1;
    for (int i = 0; i < s.chunksPerInvocation; i++) {
      s.operator.onChunk(chunks[s.next++ & mask]);
    }
  }

  /**
   * 65,536 rows appended through the bulk appender, then a wait until the view's changelog
   * accounts for all of them.
   *
   * @param s the database
   * @return rows aggregated so far
   */
  @Benchmark
  @OperationsPerInvocation(E2E_ROWS)
  public long endToEnd(EngineState s) {
    s.feed.appendAll(s.writer.bulk());
    s.expected += E2E_ROWS;
    s.listener.progress().awaitAtLeast(s.expected);
    return s.expected;
  }
}
