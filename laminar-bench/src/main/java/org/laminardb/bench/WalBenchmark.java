package org.laminardb.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.storage.wal.ChunkCodec;
import org.laminardb.storage.wal.Wal;
import org.laminardb.storage.wal.WalOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * WAL append throughput with group commit and {@code SyncPolicy.FSYNC} (the durable default):
 * each operation is one {@link Wal#appendAndCommit}, which returns after the record was forced to
 * disk. With 4 threads, concurrent commits share one force (group commit).
 *
 * <ul>
 *   <li>{@link #record100Bytes1Thread}, {@link #record100Bytes4Threads}: a 100-byte payload per
 *       operation (one row, roughly); ops/s = rows/s.
 *   <li>{@link #chunk1024Rows}: the {@link ChunkCodec} encoding of a 1024-row chunk (BIGINT,
 *       DOUBLE, VARCHAR of 12 characters, TIMESTAMP) per operation, encoded once in setup; rows/s
 *       = 1024 x ops/s.
 * </ul>
 *
 * <p>The WAL lives in a fresh directory under {@code -Dlaminar.walDir} (default: the JVM's
 * temporary directory); the file system under it decides the numbers.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class WalBenchmark {
  /** Payload size of the one-row records. */
  public static final int RECORD_BYTES = 100;
  /** Rows in the chunk payload. */
  public static final int CHUNK_ROWS = 1024;

  /** The WAL shared by all benchmark threads of a trial. */
  @State(Scope.Benchmark)
  public static class Log {
    Path dir;
    Wal wal;
    byte[] record;
    byte[] chunk;

    /** Creates a JMH state. */
    public Log() {}

    /**
     * Opens a WAL in a new directory and prepares the payloads.
     *
     * @throws IOException if the directory cannot be made
     */
    @Setup(Level.Trial)
    public void open() throws IOException {
      Path base = Path.of(System.getProperty("laminar.walDir", System.getProperty("java.io.tmpdir")));
      dir = Files.createTempDirectory(base, "laminar-wal-bench");
      wal = Wal.open(dir, WalOptions.defaults());
      record = new byte[RECORD_BYTES];
      for (int i = 0; i < record.length; i++) {
        record[i] = (byte) i;
      }
      chunk = encodedChunk();
    }

    /**
     * Closes the WAL and deletes its directory.
     *
     * @throws IOException if deleting fails
     */
    @TearDown(Level.Trial)
    public void close() throws IOException {
      wal.close();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
          Files.delete(p);
        }
      }
    }

    /**
     * Keeps the directory small: drops segments of earlier iterations.
     */
    @TearDown(Level.Iteration)
    public void truncate() {
      wal.truncateBefore(wal.lastLsn());
    }

    private static byte[] encodedChunk() {
      Schema schema = new Schema(List.of(
          new Field("id", DataType.of(TypeKind.BIGINT)),
          new Field("price", DataType.of(TypeKind.DOUBLE)),
          new Field("sym", DataType.of(TypeKind.VARCHAR)),
          new Field("ts", DataType.of(TypeKind.TIMESTAMP))));
      Chunk c = new Chunk(schema, CHUNK_ROWS);
      for (int r = 0; r < CHUNK_ROWS; r++) {
        c.columns[0].longs[r] = r;
        c.columns[1].doubles[r] = r * 0.25;
        c.columns[2].strings[r] = String.format("SYM-%08d", r);
        c.columns[3].longs[r] = 1_700_000_000_000_000L + r;
      }
      c.size = CHUNK_ROWS;
      ChunkCodec codec = new ChunkCodec(schema);
      int len = codec.encode(c);
      return java.util.Arrays.copyOf(codec.buffer(), len);
    }
  }

  /** Creates the benchmark. */
  public WalBenchmark() {}

  /**
   * One 100-byte record, appended and committed (forced) by a single thread.
   *
   * @param log the WAL
   * @return the LSN
   */
  @Benchmark
  @Threads(1)
  public long record100Bytes1Thread(Log log) {
    return log.wal.appendAndCommit(1, log.record, 0, RECORD_BYTES);
  }

  /**
   * One 100-byte record, appended and committed by each of 4 threads; commits share forces.
   *
   * @param log the WAL
   * @return the LSN
   */
  @Benchmark
  @Threads(4)
  public long record100Bytes4Threads(Log log) {
    return log.wal.appendAndCommit(1, log.record, 0, RECORD_BYTES);
  }

  /**
   * One encoded 1024-row chunk, appended and committed by a single thread.
   *
   * @param log the WAL
   * @return the LSN
   */
  @Benchmark
  @Threads(1)
  public long chunk1024Rows(Log log) {
    return log.wal.appendAndCommit(1, log.chunk, 0, log.chunk.length);
  }
}
