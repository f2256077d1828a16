package org.laminardb.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.operator.AsofDirection;
import org.laminardb.core.operator.AsofJoinOperator;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.operator.IntervalJoinOperator;
import org.laminardb.core.operator.JoinKind;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Interval and ASOF joins of two keyed streams on one thread, in input events (left plus right
 * rows) per second, driving the operators directly.
 *
 * <p>Both inputs are {@code (k BIGINT, ts TIMESTAMP, v DOUBLE)} with keys out of {@code keys}
 * (random on the left; on the right every key in turn, scrambled), times advancing by 10 µs per row on each input (100K rows per second of event time per
 * side), in chunks of 1024 rows alternating between the inputs, each followed by a watermark 1 ms
 * behind the input's largest time. Each invocation feeds 16 chunks per side; the chunks are
 * pre-generated and their times shifted forward in place between invocations (one add per row,
 * included in the measurement), so state reaches a steady size.
 *
 * <ul>
 *   <li>{@code interval}: {@code a JOIN b ON a.k = b.k AND b.ts BETWEEN a.ts - INTERVAL '100'
 *       MILLISECOND AND a.ts + INTERVAL '100' MILLISECOND} (about 2 matches per row with 10K
 *       keys);
 *   <li>{@code asof}: {@code a ASOF JOIN b MATCH_CONDITION(a.ts >= b.ts) ON a.k = b.k} (one
 *       output row per left row);
 *   <li>{@code semi}, {@code anti}: the interval join's condition in {@code WHERE [NOT] EXISTS
 *       (SELECT 1 FROM b WHERE ...)}: interval semi and anti joins, whose output is the left rows
 *       with (or without) a match.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TimedJoinBenchmark {
  private static final int CHUNKS = 16;
  private static final int ROWS = 1024;
  private static final long STEP_MICROS = 10;
  private static final long SPAN = CHUNKS * ROWS * STEP_MICROS;
  private static final Schema SIDE = new Schema(List.of(
      new Field("k", DataType.of(TypeKind.BIGINT)),
      new Field("ts", DataType.of(TypeKind.TIMESTAMP)),
      new Field("v", DataType.of(TypeKind.DOUBLE))));
  private static final Schema OUT = new Schema(List.of(
      new Field("k", DataType.of(TypeKind.BIGINT)),
      new Field("ts", DataType.of(TypeKind.TIMESTAMP)),
      new Field("v", DataType.of(TypeKind.DOUBLE)),
      new Field("k_b", DataType.of(TypeKind.BIGINT)),
      new Field("ts_b", DataType.of(TypeKind.TIMESTAMP)),
      new Field("v_b", DataType.of(TypeKind.DOUBLE))));

  /** Creates the benchmark; JMH instantiates it. */
  public TimedJoinBenchmark() {}

  /** The operator and its pre-generated inputs. */
  @State(Scope.Thread)
  public static class JoinState {
    /** Distinct join keys. */
    @Param({"10000"})
    public int keys;

    /** {@code interval}, {@code asof}, {@code semi} or {@code anti}. */
    @Param({"interval", "asof", "semi", "anti"})
    public String join;

    ChunkConsumer left;
    ChunkConsumer right;
    Chunk[] lefts;
    Chunk[] rights;
    long outputRows;

    /** Creates a JMH state. */
    public JoinState() {}

    /** Builds the operator and the input chunks. */
    @Setup
    public void setUp() {
      ChunkConsumer out = new ChunkConsumer() {
        @Override
        public void onChunk(Chunk chunk) {
          outputRows += chunk.size;
        }

        @Override
        public void onWatermark(long watermark) {}
      };
      int[] key = {0};
      if (!"asof".equals(join)) {
        JoinKind kind = "semi".equals(join) ? JoinKind.SEMI
            : "anti".equals(join) ? JoinKind.ANTI : JoinKind.INNER;
        IntervalJoinOperator op = new IntervalJoinOperator(SIDE, key, 1, SIDE, key, 1,
            -100_000, 100_000, kind, 0, null, kind.leftOnly() ? SIDE : OUT, out, ROWS);
        left = op.left();
        right = op.right();
      } else {
        AsofJoinOperator op = new AsofJoinOperator(SIDE, key, 1, SIDE, key, 1,
            AsofDirection.BACKWARD, false, Long.MAX_VALUE, false, false, OUT, out, ROWS);
        left = op.left();
        right = op.right();
      }
      lefts = chunks(keys, 1, false);
      rights = chunks(keys, 2, true);
    }

    /**
     * Pre-generated chunks; with {@code everyKey} the keys cycle through all keys in a scrambled
     * order (the chunks are replayed, so random keys would leave a fifth of them without any
     * right row at 10K keys).
     */
    private static Chunk[] chunks(int keys, long seed, boolean everyKey) {
      SplittableRandom random = new SplittableRandom(seed);
      Chunk[] chunks = new Chunk[CHUNKS];
      long ts = 1_700_000_000_000_000L + seed;
      for (int i = 0; i < CHUNKS; i++) {
        Chunk c = new Chunk(SIDE, ROWS);
        for (int r = 0; r < ROWS; r++) {
          long n = (long) i * ROWS + r;
          c.columns[0].longs[r] = everyKey ? n * 7919 % keys : random.nextInt(keys);
          c.columns[1].longs[r] = ts;
          c.columns[2].doubles[r] = random.nextDouble();
          c.kinds[r] = RowKind.INSERT;
          ts += STEP_MICROS;
        }
        c.size = ROWS;
        chunks[i] = c;
      }
      return chunks;
    }
  }

  /**
   * Feeds 16 chunks per input, interleaved, each followed by its watermark, then shifts the
   * chunks' times forward for the next invocation.
   *
   * @param s the operator and inputs
   * @return the output rows so far (consumed by JMH)
   */
  @Benchmark
  @OperationsPerInvocation(2 * CHUNKS * ROWS)
  public long feed(JoinState s) {
    for (int i = 0; i < CHUNKS; i++) {
      feed(s.right, s.rights[i]);
      feed(s.left, s.lefts[i]);
    }
    return s.outputRows;
  }

  private static void feed(ChunkConsumer input, Chunk c) {
    input.onChunk(c);
    long[] ts = c.columns[1].longs;
    input.onWatermark(ts[c.size - 1] - 1000);
    for (int r = 0; r < c.size; r++) {
      ts[r] += SPAN;
    }
  }
}
