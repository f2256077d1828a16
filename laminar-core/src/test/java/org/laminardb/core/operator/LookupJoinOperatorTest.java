package org.laminardb.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.core.testing.TestRows.chunk;
import static org.laminardb.core.testing.TestRows.expect;
import static org.laminardb.core.testing.TestRows.row;
import static org.laminardb.core.testing.TestRows.schema;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.lookup.LookupFetcher;
import org.laminardb.core.testing.TestRows;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.LaminarDBException;
import org.laminardb.spi.LookupConnector;

/**
 * The lookup join operator with an in-process lookup connector over a map (a real connector of
 * the SPI, whose fetches the test can hold back or make fail); the test thread plays the reactor.
 */
@Timeout(60)
class LookupJoinOperatorTest {
  private static final byte I = RowKind.INSERT;
  /** Stream (k BIGINT, v BIGINT). */
  private static final Schema STREAM = schema(TestRows.BIGINT, TestRows.BIGINT);
  /** Table (id BIGINT NOT NULL, name VARCHAR). */
  private static final Schema TABLE = new Schema(List.of(
      new Field("id", DataType.of(TypeKind.BIGINT).withNullable(false)),
      new Field("name", TestRows.VARCHAR)));
  private static final Schema OUT = schema(TestRows.BIGINT, TestRows.BIGINT, TestRows.BIGINT,
      TestRows.VARCHAR);

  private final TestRows.Collector out = new TestRows.Collector();
  private final MapConnector connector = new MapConnector();
  private final AtomicLong clock = new AtomicLong();
  private LookupFetcher fetcher;

  /** Rows of a map; fetches can be held back and made to fail. */
  static final class MapConnector implements LookupConnector {
    final Map<Long, String> rows = new ConcurrentHashMap<>();
    final Semaphore gate = new Semaphore(Integer.MAX_VALUE);
    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicInteger keysFetched = new AtomicInteger();

    @Override
    public void fetch(Chunk keys, Chunk out) throws Exception {
      gate.acquire();
      gate.release();
      if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new java.io.IOException("connection refused");
      }
      for (int r = 0; r < keys.size; r++) {
        long k = keys.columns[0].longs[r];
        keysFetched.incrementAndGet();
        String name = rows.get(k);
        if (name != null) {
          int o = out.size++;
          out.columns[0].longs[o] = k;
          out.columns[1].strings[o] = name;
          out.kinds[o] = I;
        }
      }
    }

    @Override
    public void close() {}
  }

  private LookupJoinOperator join(JoinKind kind, long ttlMillis, long maxRows, long maxPending) {
    fetcher = new LookupFetcher("dim", connector, 2, 1, 5);
    return new LookupJoinOperator(STREAM, new int[] {0}, "dim", TABLE, new int[] {0}, kind, OUT,
        out, 16, fetcher, ttlMillis, maxRows, maxPending, clock::get);
  }

  @AfterEach
  void close() {
    if (fetcher != null) {
      fetcher.close();
    }
  }

  private static void runUntil(LookupJoinOperator op, BooleanSupplier done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!done.getAsBoolean()) {
      op.doWork();
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void shouldAnswerHitsInlineAndKeepInputOrderBehindMisses() throws Exception {
    connector.rows.put(1L, "a");
    connector.rows.put(2L, "b");
    LookupJoinOperator op = join(JoinKind.LEFT, 60_000, 100, 100);
    op.onChunk(chunk(STREAM, row(I, 1, 10)));
    assertThat(out.rows).isEmpty();
    runUntil(op, () -> out.rows.size() == 1);
    assertThat(out.take()).containsExactly(expect("+I", 1, 10, 1, "a"));
    connector.gate.acquire(Integer.MAX_VALUE);
    op.onChunk(chunk(STREAM, row(I, 1, 11), row(I, 2, 12), row(I, 1, 13), row(I, 3, 14),
        row(I, null, 15)));
    op.onWatermark(99);
    op.doWork();
    // The hit before the first miss is answered at once; the rest waits, watermark too.
    assertThat(out.take()).containsExactly(expect("+I", 1, 11, 1, "a"));
    assertThat(out.watermarks).isEmpty();
    assertThat(op.pendingRows()).isEqualTo(4);
    connector.gate.release(Integer.MAX_VALUE);
    runUntil(op, () -> out.rows.size() == 4);
    assertThat(out.take()).containsExactly(expect("+I", 2, 12, 2, "b"),
        expect("+I", 1, 13, 1, "a"), expect("+I", 3, 14, null, null),
        expect("+I", null, 15, null, null));
    assertThat(out.watermarks).containsExactly(99L);
    assertThat(op.hits()).isEqualTo(1);
    assertThat(op.misses()).isEqualTo(3);
    // Known-absent keys are cached too.
    op.onChunk(chunk(STREAM, row(I, 3, 16)));
    assertThat(out.take()).containsExactly(expect("+I", 3, 16, null, null));
  }

  @Test
  void shouldDropUnmatchedRowsOfAnInnerJoin() {
    connector.rows.put(1L, "a");
    LookupJoinOperator op = join(JoinKind.INNER, 60_000, 100, 100);
    op.onChunk(chunk(STREAM, row(I, 1, 10), row(I, 2, 11), row(I, null, 12), row(I, 1, 13)));
    runUntil(op, () -> op.pendingRows() == 0);
    assertThat(out.take()).containsExactly(expect("+I", 1, 10, 1, "a"),
        expect("+I", 1, 13, 1, "a"));
  }

  @Test
  void shouldFetchAgainAfterTheTtl() {
    connector.rows.put(1L, "a");
    LookupJoinOperator op = join(JoinKind.INNER, 1_000, 100, 100);
    op.onChunk(chunk(STREAM, row(I, 1, 10)));
    runUntil(op, () -> out.rows.size() == 1);
    connector.rows.put(1L, "b");
    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));
    op.onChunk(chunk(STREAM, row(I, 1, 11)));
    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(2));
    op.onChunk(chunk(STREAM, row(I, 1, 12)));
    runUntil(op, () -> out.rows.size() == 3);
    assertThat(out.take()).containsExactly(expect("+I", 1, 10, 1, "a"),
        expect("+I", 1, 11, 1, "a"), expect("+I", 1, 12, 1, "b"));
    assertThat(connector.keysFetched.get()).isEqualTo(2);
  }

  @Test
  void shouldEvictTheOldestLoadedBeyondMaxRows() {
    for (long k = 1; k <= 3; k++) {
      connector.rows.put(k, "n" + k);
    }
    LookupJoinOperator op = join(JoinKind.INNER, 60_000, 2, 100);
    long[] keys = {1, 2, 3, 3, 1};
    for (int i = 0; i < keys.length; i++) {
      op.onChunk(chunk(STREAM, row(I, keys[i], i)));
      int n = i + 1;
      runUntil(op, () -> out.rows.size() == n);
    }
    assertThat(op.cachedEntries()).isEqualTo(2);
    // 3 was still cached; 1 had been evicted when 3 was loaded.
    assertThat(connector.keysFetched.get()).isEqualTo(4);
  }

  @Test
  void shouldRetryFailedFetchesAndFailBeyondMaxPendingRows() throws Exception {
    connector.rows.put(1L, "a");
    connector.failuresLeft.set(3);
    LookupJoinOperator op = join(JoinKind.INNER, 60_000, 100, 3);
    op.onChunk(chunk(STREAM, row(I, 1, 10)));
    runUntil(op, () -> out.rows.size() == 1);
    assertThat(fetcher.errors()).isEqualTo(3);
    assertThat(fetcher.lastError()).hasMessage("connection refused");
    assertThat(fetcher.status()).isEqualTo("RUNNING");
    connector.gate.acquire(Integer.MAX_VALUE);
    op.onChunk(chunk(STREAM, row(I, 2, 11), row(I, 3, 12), row(I, 4, 13)));
    assertThatThrownBy(() -> op.onChunk(chunk(STREAM, row(I, 5, 14))))
        .isInstanceOf(LaminarDBException.class).hasMessageContaining("max_pending_rows=3")
        .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("08006"));
    connector.gate.release(Integer.MAX_VALUE);
  }

  @Test
  void shouldCacheDoublesAndNullsOfEveryKind() {
    Schema table = new Schema(List.of(
        new Field("id", DataType.of(TypeKind.BIGINT).withNullable(false)),
        new Field("score", DataType.of(TypeKind.DOUBLE)),
        new Field("name", TestRows.VARCHAR),
        new Field("n", TestRows.BIGINT)));
    Schema out3 = schema(TestRows.BIGINT, TestRows.BIGINT, TestRows.BIGINT,
        DataType.of(TypeKind.DOUBLE), TestRows.VARCHAR, TestRows.BIGINT);
    LookupConnector rows = new LookupConnector() {
      @Override
      public void fetch(Chunk keys, Chunk o) {
        for (int r = 0; r < keys.size; r++) {
          long k = keys.columns[0].longs[r];
          TestRows.append(o, row(I, k, k == 1 ? 2.5 : null, k == 1 ? null : "x",
              k == 1 ? 7L : null));
        }
      }

      @Override
      public void close() {}
    };
    fetcher = new LookupFetcher("dim", rows, 1, 1, 5);
    LookupJoinOperator op = new LookupJoinOperator(STREAM, new int[] {0}, "dim", table,
        new int[] {0}, JoinKind.INNER, out3, out, 16, fetcher, 60_000, 100, 100, clock::get);
    op.onChunk(chunk(STREAM, row(I, 1, 10), row(I, 2, 11)));
    runUntil(op, () -> out.rows.size() == 2);
    op.onChunk(chunk(STREAM, row(I, 2, 12), row(I, 1, 13)));
    assertThat(out.take()).containsExactly(expect("+I", 1, 10, 1, 2.5, null, 7),
        expect("+I", 2, 11, 2, null, "x", null), expect("+I", 2, 12, 2, null, "x", null),
        expect("+I", 1, 13, 1, 2.5, null, 7));
    assertThat(op.hits()).isEqualTo(2);
  }
}
