package org.laminardb.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.laminardb.BulkAppender;
import org.laminardb.LaminarDB;
import org.laminardb.SourceWriter;
import org.laminardb.Subscription;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.operator.AggregateKind;
import org.laminardb.core.operator.AggregateSpec;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.operator.EmitStrategy;
import org.laminardb.core.operator.WindowAggregateOperator;
import org.laminardb.core.operator.WindowOperators;
import org.laminardb.core.operator.WindowSpec;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The peer workload (see {@link PeerWorkload}) as a JMH benchmark, in events per second on one
 * thread: event {@code i} is {@code k = i % 1000}, {@code v = i % 100}, {@code ts = i / 10} ms,
 * aggregated with {@code COUNT(*)} and {@code SUM(v)} per key over 10 second tumbling windows
 * emitted on window close (100,000 events and 1000 result rows per window). Event time runs on
 * across invocations, so windows keep closing at the workload's rate.
 *
 * <p>{@link #operator} drives a {@link WindowAggregateOperator} directly, as the source's watermark
 * tracker does: it writes the next 1024 events into a reused chunk (the generation is measured
 * too, as in the peers), hands the chunk over, then the watermark (the chunk's largest event
 * time). The downstream only counts the result rows. With {@code -prof gc},
 * {@code gc.alloc.rate.norm} is bytes per event.
 *
 * <p>{@link #endToEnd} runs {@link PeerWorkload#STREAM} in a {@link LaminarDB} instance: events
 * appended with the bulk appender on the benchmark thread and flushed every {@link
 * PeerWorkload#BATCH_ROWS} rows, window aggregation on the reactor thread, and a {@code
 * RowListener} adding up {@code COUNT(*)}; each invocation waits until the listener accounts for every event of
 * the windows closed by the invocation's rows (the last, open window is awaited later).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class WindowBenchmark {
  private static final int KEYS = 1000;
  /** Events per input chunk of {@link #operator}. */
  static final int CHUNK_ROWS = 1024;
  private static final int CHUNKS_PER_INVOCATION = 16;
  private static final int OPERATOR_EVENTS = CHUNK_ROWS * CHUNKS_PER_INVOCATION;
  private static final int E2E_EVENTS = PeerWorkload.BATCH_ROWS * CHUNKS_PER_INVOCATION;
  private static final long WINDOW_MICROS = 10_000_000L;
  private static final long EVENTS_PER_WINDOW = 100_000L;

  /** Creates the benchmark; JMH instantiates it. */
  public WindowBenchmark() {}

  /** The window operator, its reused input chunk and the position in the event sequence. */
  @State(Scope.Thread)
  public static class OperatorState {
    WindowAggregateOperator operator;
    Chunk chunk;
    long next;
    long rows;
    long sumCount;

    /** Creates a JMH state. */
    public OperatorState() {}

    /** Builds the operator. */
    @Setup
    public void setUp() {
      DataType bigint = DataType.of(TypeKind.BIGINT);
      DataType ts = DataType.of(TypeKind.TIMESTAMP);
      Schema input = new Schema(List.of(
          new Field("k", bigint), new Field("v", bigint), new Field("ts", ts)));
      Schema output = new Schema(List.of(
          new Field("window_start", ts.withNullable(false)), new Field("k", bigint),
          new Field("c", bigint.withNullable(false)), new Field("s", bigint)));
      List<AggregateSpec> aggs = List.of(
          AggregateSpec.countStar(), AggregateSpec.of(AggregateKind.SUM, 1, bigint));
      ChunkConsumer downstream = out -> {
        rows += out.size;
        long[] c = out.columns[2].longs;
        for (int r = 0; r < out.size; r++) {
          sumCount += c[r];
        }
      };
      operator = (WindowAggregateOperator) WindowOperators.create(input, 2,
          WindowSpec.tumble(WINDOW_MICROS, 0), new int[] {WindowSpec.START, 0}, aggs, output,
          new EmitStrategy(EmitStrategy.EmitKind.ON_WINDOW_CLOSE, 0, 0), downstream, null,
          CHUNK_ROWS);
      chunk = new Chunk(input, CHUNK_ROWS);
    }

    /**
     * Checks that every event of a closed window was counted once.
     *
     * @throws IllegalStateException if the results do not add up
     */
    @TearDown
    public void check() {
      long lastWindowEnd = ((next - 1) / 10 * 1000) / WINDOW_MICROS;
      long closedEvents = lastWindowEnd * EVENTS_PER_WINDOW;
      if (sumCount != closedEvents || rows != lastWindowEnd * KEYS) {
        throw new IllegalStateException("counted " + sumCount + " events in " + rows
            + " rows, expected " + closedEvents + " in " + lastWindowEnd * KEYS);
      }
    }

    /** Writes the next events into the chunk, hands it over, then the watermark. */
    void feedChunk() {
      long watermark = fill();
      operator.onChunk(chunk);
      operator.onWatermark(watermark);
    }

    /**
     * Writes the next 1024 events into the chunk.
     *
     * @return the largest event time in it, the watermark after it
     */
    long fill() {
      Chunk c = chunk;
      c.reset();
      long[] k = c.columns[0].longs;
      long[] v = c.columns[1].longs;
      long[] t = c.columns[2].longs;
      long i = next;
      for (int r = 0; r < CHUNK_ROWS; r++, i++) {
        k[r] = i % KEYS;
        v[r] = i % 100;
        t[r] = i / 10 * 1000;
        c.kinds[r] = RowKind.INSERT;
      }
      c.size = CHUNK_ROWS;
      next = i;
      return t[CHUNK_ROWS - 1];
    }
  }

  /** A database running the peer workload's stream, with a listener adding up the counts. */
  @State(Scope.Thread)
  public static class EngineState {
    LaminarDB db;
    SourceWriter writer;
    BulkAppender appender;
    Subscription subscription;
    CountSumListener listener;
    long next;

    /** Creates a JMH state. */
    public EngineState() {}

    /** Opens the database, declares source and stream and subscribes. */
    @Setup
    public void setUp() {
      db = LaminarDB.open();
      db.execute("CREATE SOURCE ev (k BIGINT, v BIGINT, ts TIMESTAMP, WATERMARK FOR ts)");
      db.execute(PeerWorkload.STREAM);
      listener = new CountSumListener(2);
      subscription = db.subscribe("agg", listener);
      writer = db.source("ev");
      appender = writer.bulk();
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
   * 16,384 events generated and aggregated by the window operator, with a watermark after every
   * 1024 (results of closed windows emitted on it).
   *
   * @param s the operator and its input
   * @return result rows so far
   */
  @Benchmark
  @OperationsPerInvocation(OPERATOR_EVENTS)
  public long operator(OperatorState s) {
    for (int i = 0; i < CHUNKS_PER_INVOCATION; i++) {
      s.feedChunk();
    }
    return s.rows;
  }

  /**
   * 16,368 events appended through the bulk appender in flushed batches, then a wait until the
   * listener has the counts of every closed window.
   *
   * @param s the database
   * @return events in closed windows so far
   */
  @Benchmark
  @OperationsPerInvocation(E2E_EVENTS)
  public long endToEnd(EngineState s) {
    BulkAppender a = s.appender;
    long i = s.next;
    for (int b = 0; b < CHUNKS_PER_INVOCATION; b++) {
      for (int r = 0; r < PeerWorkload.BATCH_ROWS; r++, i++) {
        a.beginRow();
        a.setLong(0, i % KEYS);
        a.setLong(1, i % 100);
        a.setLong(2, i / 10 * 1000);
        a.endRow();
      }
      a.flush();
    }
    s.next = i;
    long closedEvents = ((i - 1) / 10 * 1000) / WINDOW_MICROS * EVENTS_PER_WINDOW;
    s.listener.progress().awaitAtLeast(closedEvents);
    return closedEvents;
  }
}
