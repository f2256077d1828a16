package org.laminardb.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.laminardb.IdleStrategyKind;
import org.laminardb.LaminarDB;
import org.laminardb.SourceWriter;
import org.laminardb.Subscription;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.sql.parser.LaminarSqlParser;
import org.laminardb.sql.plan.Pipeline;
import org.laminardb.sql.plan.PipelineBuilder;
import org.laminardb.sql.plan.PlannedQuery;
import org.laminardb.sql.plan.Relation;
import org.laminardb.sql.plan.RelationKind;
import org.laminardb.sql.plan.StreamPlanner;
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
 * Stateless filter and projection {@code SELECT k, v * 2 AS v2 FROM src WHERE v > 10} (half of
 * the rows pass), in events (input rows) per second.
 *
 * <ul>
 *   <li>{@link #operator}: the operator the engine runs, planned from the SQL text by {@link
 *       StreamPlanner} and instantiated by {@link PipelineBuilder} (a {@code CalcOperator} over
 *       the Janino-compiled program), fed pre-filled 1024-row chunks on the benchmark thread.
 *   <li>{@link #handWritten}: the same work as a plain Java loop over the same chunks, the
 *       ceiling the generated code can approach.
 *   <li>{@link #endToEnd}: through a {@link LaminarDB} instance: rows appended with the bulk
 *       appender on the benchmark thread, the query on the reactor thread, and a {@code
 *       RowListener} counting the output; each invocation waits until all its rows came out.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FilterProjectBenchmark {
  /** The query measured. */
  static final String QUERY = "SELECT k, v * 2 AS v2 FROM src WHERE v > 10";
  private static final int CHUNKS = 64;
  private static final int E2E_ROWS = 1 << 16;

  /** Creates the benchmark; JMH instantiates it. */
  public FilterProjectBenchmark() {}

  /** The planned and compiled query operator, its input and a sink counting its output. */
  @State(Scope.Thread)
  public static class OperatorState {
    final ChunkCycle input = new ChunkCycle(CHUNKS, 1000, 11);
    long outputRows;
    ChunkConsumer entry;

    /** Creates a JMH state. */
    public OperatorState() {}

    /** Plans the query over a source relation and builds its pipeline. */
    @Setup
    public void setUp() {
      Relation src = new Relation("src", RelationKind.SOURCE, Inputs.sourceSchema(), true);
      PlannedQuery plan = new StreamPlanner(() -> List.of(src))
          .plan(LaminarSqlParser.parseStatement(QUERY));
      Pipeline pipeline = PipelineBuilder.build(plan, c -> outputRows += c.size,
          Inputs.CHUNK_ROWS);
      if (pipeline.inputs().size() != 1) {
        throw new IllegalStateException("expected one input, got " + pipeline.inputs());
      }
      pipeline.open();
      entry = pipeline.inputs().get(0).entry();
    }

    /**
     * Checks that the operator output exactly the rows that pass the filter in every chunk fed
     * so far, so that a measured figure always stands for the complete work.
     */
    @TearDown(Level.Iteration)
    public void checkOutput() {
      if (outputRows != input.passingSoFar()) {
        throw new IllegalStateException(
            "operator output " + outputRows + " rows, expected " + input.passingSoFar());
      }
    }
  }

  /** Input and output chunks of the hand-written loop. */
  @State(Scope.Thread)
  public static class HandWrittenState {
    final ChunkCycle input = new ChunkCycle(CHUNKS, 1000, 11);
    Chunk out;

    /** Creates a JMH state. */
    public HandWrittenState() {}

    /** Allocates the output chunk. */
    @Setup
    public void setUp() {
      out = new Chunk(new Schema(List.of(
          new Field("k", DataType.of(TypeKind.BIGINT)),
          new Field("v2", DataType.of(TypeKind.DOUBLE)))), Inputs.CHUNK_ROWS);
    }
  }

  /** A database running the query as a stream, with a counting listener. */
  @State(Scope.Thread)
  public static class EngineState {
    /** What the reactor thread does when idle. */
    @Param({"BACKOFF", "BUSY_SPIN"})
    public IdleStrategyKind idle;

    LaminarDB db;
    SourceWriter writer;
    Subscription subscription;
    RowCountListener listener;
    BulkFeed feed;
    long passingPerInvocation;
    long expected;

    /** Creates a JMH state. */
    public EngineState() {}

    /** Opens the database, declares source and stream, and subscribes. */
    @Setup
    public void setUp() {
      db = LaminarDB.builder().idleStrategy(idle).open();
      db.execute("CREATE SOURCE src (k BIGINT, v DOUBLE)");
      db.execute("CREATE STREAM f AS " + QUERY);
      listener = new RowCountListener(1);
      subscription = db.subscribe("f", listener);
      writer = db.source("src");
      feed = new BulkFeed(E2E_ROWS, 1000, 13);
      passingPerInvocation = feed.countAbove(10);
      expected = 0;
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
   * One chunk through the compiled query operator.
   *
   * @param op the operator and its input
   */
  @Benchmark
  @OperationsPerInvocation(Inputs.CHUNK_ROWS)
  public void operator(OperatorState op) {
    op.entry.onChunk(op.input.next());
  }

  /**
   * One chunk through a hand-written filter and projection.
   *
   * @param s the input and output chunks
   * @return rows kept
   */
  @Benchmark
  @OperationsPerInvocation(Inputs.CHUNK_ROWS)
  public int handWritten(HandWrittenState s) {
    Chunk c = s.input.next();
    Chunk out = s.out;
    long[] k = c.columns[0].longs;
    double[] v = c.columns[1].doubles;
    long[] ok = out.columns[0].longs;
    double[] ov = out.columns[1].doubles;
    int n = 0;
    for (int r = 0; r < c.size; r++) {
      double x = v[r];
      if (x > 10) {
        ok[n] = k[r];
        ov[n] = x * 2;
        out.kinds[n] = c.kinds[r];
        n++;
      }
    }
    out.size = n;
    return n;
  }

  /**
   * 65,536 rows appended through the bulk appender, then a wait until the listener has seen every
   * row that passes the filter.
   *
   * @param s the database
   * @return the listener's checksum
   */
  @Benchmark
  @OperationsPerInvocation(E2E_ROWS)
  public double endToEnd(EngineState s) {
    s.feed.appendAll(s.writer.bulk());
    s.expected += s.passingPerInvocation;
    s.listener.progress().awaitAtLeast(s.expected);
    return s.listener.checksum();
  }
}
