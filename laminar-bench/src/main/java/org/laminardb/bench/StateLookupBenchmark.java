package org.laminardb.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.laminardb.core.state.LongKeyTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lookup cost of {@link LongKeyTable}, the hash table behind every keyed operator, with keys that
 * are all present: {@code get} and {@code getOrAdd} through the one-word API and through the
 * {@code long[]} API that {@link org.laminardb.core.operator.GroupAggregateOperator} uses.
 *
 * <p>Keys are random 64-bit values. The order of lookups is a pre-generated random sequence over
 * the inserted keys, walked with a mask so that an invocation costs one array read besides the
 * lookup; with a million keys the table (about 24 MB) does not fit in the per-core caches, so
 * most lookups miss.
 *
 * <p>{@link #baselineRandomRead} is the memory floor: one read of a {@code long[]} as large as the
 * table's slot array at a position derived from the key, the first of the two dependent reads
 * (slot, then key arena) that a lookup makes. {@link #baselineInlineKeyGet} is the lookup of a
 * minimal table with the same hash and load factor but keys stored inline in the slot array
 * ({@link InlineKeyProbe}), which makes one cache miss per lookup instead of two.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class StateLookupBenchmark {
  private static final int SEQUENCE = 1 << 20;
  private static final int MASK = SEQUENCE - 1;

  /** Distinct keys in the table. */
  @Param({"1000", "1000000"})
  public int keys;

  private LongKeyTable table;
  private long[] sequence;
  private long[] probe;
  private InlineKeyProbe inline;
  private long[] memory;
  private int memoryMask;
  int next;

  /** Creates a JMH state; JMH calls {@link #setUp()} before measuring. */
  public StateLookupBenchmark() {}

  /** Fills the table with {@link #keys} random keys and draws the lookup sequence. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    long[] present = new long[keys];
    table = new LongKeyTable(1);
    for (int i = 0; i < keys; i++) {
      long k = random.nextLong();
      while (k == Long.MIN_VALUE || table.get(k) >= 0) {
        k = random.nextLong();
      }
      present[i] = k;
      table.getOrAdd(k);
    }
    sequence = new long[SEQUENCE];
    for (int i = 0; i < SEQUENCE; i++) {
      sequence[i] = present[random.nextInt(keys)];
    }
    probe = new long[1];
    inline = new InlineKeyProbe(present);
    int words = Integer.highestOneBit(Math.max(8, keys * 2 - 1)) << 1;
    memory = new long[words];
    memoryMask = words - 1;
    next = 0;
  }

  /**
   * {@code get(long)} of an existing key.
   *
   * @return the id found
   */
  @Benchmark
  public int get() {
    return table.get(sequence[next++ & MASK]);
  }

  /**
   * {@code getOrAdd(long)} of an existing key.
   *
   * @return the id found
   */
  @Benchmark
  public int getOrAdd() {
    return table.getOrAdd(sequence[next++ & MASK]);
  }

  /**
   * {@code get(long[], int)} of an existing key, the multi-word API used by operators.
   *
   * @return the id found
   */
  @Benchmark
  public int getKeyArray() {
    probe[0] = sequence[next++ & MASK];
    return table.get(probe, 0);
  }

  /**
   * {@code getOrAdd(long[], int)} of an existing key, as GROUP BY does for every input row.
   *
   * @return the id found
   */
  @Benchmark
  public int getOrAddKeyArray() {
    probe[0] = sequence[next++ & MASK];
    return table.getOrAdd(probe, 0);
  }

  /**
   * One read of an array the size of the slot array, at a position mixed from the key.
   *
   * @return the word read
   */
  @Benchmark
  public long baselineRandomRead() {
    long k = sequence[next++ & MASK] * 0x9E3779B97F4A7C15L;
    return memory[(int) (k >>> 40) & memoryMask];
  }

  /**
   * {@code get} of an existing key in a table with keys inline in the slot array.
   *
   * @return the id found
   */
  @Benchmark
  public int baselineInlineKeyGet() {
    return inline.get(sequence[next++ & MASK]);
  }
}
