package org.laminardb.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.laminardb.WalSync;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.reactor.Reactor;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.storage.wal.ChunkCodec;
import org.laminardb.storage.wal.SyncPolicy;
import org.laminardb.storage.wal.Wal;
import org.laminardb.storage.wal.WalOptions;
import org.laminardb.storage.wal.WalReader;

/**
 * The durable side of an engine opened on a directory: one write-ahead log ({@code DIR/wal})
 * holding, in order, every catalog statement that succeeded and every chunk pushed into a source,
 * and the replay that rebuilds the catalog and all state from it when the directory is opened.
 *
 * <pre>
 *   stream 0 (catalog):  byte version (1) | int sourceId (0 unless the statement created a source)
 *                        | UTF-8 text of the statement
 *   stream n &gt;= 1:       one chunk pushed into the source with WAL id n (ChunkCodec layout)
 *   stream -n:           one chunk of the source's resumable connector (counted as its position)
 * </pre>
 *
 * <p>Design notes. The order of the log is the order of processing: chunks are appended on the
 * reactor thread just before the source consumes them ({@link WalAppender}), and a statement is
 * appended with the catalog write lock held, after every reactor has processed every chunk
 * published before it, while writers (who publish only under the read lock) wait. A chunk that
 * the statement could affect is thus processed before the statement's effect exactly when it
 * precedes the statement in the log, and replaying the log in order reproduces the state. State
 * is deterministic given its input, except for what depends on the wall clock (PROCTIME, idle
 * timeouts), which a replay cannot reproduce.
 */
final class DurableLog implements AutoCloseable {
  static final int CATALOG_STREAM = 0;
  private static final byte CATALOG_VERSION = 1;
  /** Chunks decoded ahead before they are handed to the reactors during replay. */
  private static final int REPLAY_BATCH = 256;

  /** How often rows of connectors are made durable (no writer waits for them). */
  private static final long FLUSH_MILLIS = 10;

  private final Wal wal;
  private ScheduledExecutorService flusher;

  private DurableLog(Wal wal) {
    this.wal = wal;
  }

  /**
   * Opens (or creates) the log of a database directory.
   *
   * @param dir the database directory
   * @param sync the sync policy
   * @param segmentBytes size at which a new segment starts
   * @return the log, positioned after its last valid record
   */
  static DurableLog open(Path dir, WalSync sync, long segmentBytes) {
    SyncPolicy policy = sync.isFsync() ? SyncPolicy.FSYNC : sync.isNone() ? SyncPolicy.NONE
        : SyncPolicy.interval(sync.interval().orElseThrow().toMillis());
    return new DurableLog(Wal.open(dir.resolve("wal"),
        WalOptions.defaults().withSyncPolicy(policy).withSegmentBytes(segmentBytes)));
  }

  /**
   * The appender that logs the chunks of one writer's channel into a source.
   *
   * @param source the source, with its WAL id
   * @param next the source's entry
   * @return the consumer to register for the channel
   */
  WalAppender appender(RelationRuntime source, ChunkConsumer next) {
    return new WalAppender(wal, source, source.walStream, new ChunkCodec(source.schema), next);
  }

  /**
   * The appender that logs the chunks of a source's resumable connector (stream id {@code -n} for
   * the source with WAL id n), counting them as the connector's position; starts the thread that
   * makes such rows durable, since no writer waits for them.
   *
   * @param source the source, with its WAL id
   * @param next the source's entry
   * @return the consumer to register for the connector's channel
   */
  synchronized WalAppender connectorAppender(RelationRuntime source, ChunkConsumer next) {
    if (flusher == null) {
      flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "laminar-wal-flush");
        t.setDaemon(true);
        return t;
      });
      flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS,
          TimeUnit.MILLISECONDS);
    }
    return new WalAppender(wal, source, -source.walStream, new ChunkCodec(source.schema), next);
  }

  private void flush() {
    try {
      commitThrough(wal.lastLsn());
    } catch (RuntimeException e) {
      // The WAL refuses further use after a failed write; writers see the error.
    }
  }

  /**
   * Returns once every chunk the calling writer published is logged and as durable as the sync
   * policy promises. The caller holds the catalog read lock, so the source stays on its reactor.
   *
   * @param source the source written to
   * @param appender the writer's appender
   * @throws LaminarDBException 55000 if the log failed; the rows are then not acknowledged
   */
  void awaitDurable(RelationRuntime source, WalAppender appender) {
    source.reactor.submit(() -> null).join();
    RuntimeException failure = appender.failure();
    if (failure != null) {
      throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "rows written to source " + source.name + " could not be logged: "
              + failure.getMessage(), failure);
    }
    long lsn = appender.lastLsn();
    if (lsn > 0) {
      wal.commit(lsn);
    }
  }

  /**
   * Logs a catalog statement that succeeded, after every chunk published before it. Write lock
   * held, so no writer publishes meanwhile.
   *
   * @param sql the statement text
   * @param sourceId the WAL id of the source it created, 0 if none
   * @param reactors every reactor of the engine
   */
  void logStatement(String sql, int sourceId, Reactor[] reactors) {
    syncAll(reactors);
    byte[] text = sql.getBytes(StandardCharsets.UTF_8);
    ByteBuffer payload = ByteBuffer.allocate(5 + text.length);
    payload.put(CATALOG_VERSION).putInt(sourceId).put(text);
    wal.appendAndCommit(CATALOG_STREAM, payload.array(), 0, payload.capacity());
  }

  /**
   * Waits until every reactor has processed (and so logged) every chunk published before now.
   *
   * @param reactors every reactor of the engine
   */
  void drain(Reactor[] reactors) {
    syncAll(reactors);
  }

  /** LSN of the last record appended, 0 if none. */
  long lastLsn() {
    return wal.lastLsn();
  }

  /**
   * Makes every record up to an LSN durable.
   *
   * @param lsn the LSN; nothing is done for 0
   */
  void commitThrough(long lsn) {
    if (lsn > 0) {
      wal.commit(lsn);
    }
  }

  /**
   * Deletes log segments whose records all precede an LSN (covered by every retained
   * checkpoint).
   *
   * @param lsn first LSN to keep
   */
  void truncateBefore(long lsn) {
    wal.truncateBefore(lsn);
  }

  private static void syncAll(Reactor[] reactors) {
    List<CompletableFuture<Object>> done = new ArrayList<>();
    for (Reactor r : reactors) {
      done.add(r.submit(() -> null));
    }
    for (CompletableFuture<Object> f : done) {
      f.join();
    }
  }

  /**
   * Makes everything logged so far durable (on close).
   *
   * @param reactors every reactor, whose pending chunks are logged first
   */
  void force(Reactor[] reactors) {
    syncAll(reactors);
    commitThrough(wal.lastLsn());
  }

  /**
   * Rebuilds the catalog and the state by executing the logged statements and feeding the logged
   * chunks to their sources, in log order. Called by the engine before it is handed out, after
   * the newest checkpoint (if any) was restored.
   *
   * @param engine the engine, empty or restored from a checkpoint
   * @param afterLsn the LSN the restored checkpoint covers (0 without checkpoint)
   * @return the LSN of the last record replayed ({@code afterLsn} if none)
   * @throws LaminarDBException XX001 if the log is corrupt; the statement's own error, with its
   *     LSN, if a logged statement fails to run again
   */
  long replay(Engine engine, long afterLsn) {
    if (afterLsn > 0 && wal.lastLsn() > 0 && wal.firstLsn() > afterLsn + 1) {
      throw new LaminarDBException(ErrorCode.DATA_CORRUPTED, "the WAL in " + wal.directory()
          + " starts at LSN " + wal.firstLsn() + " but the checkpoint being recovered covers "
          + "only up to LSN " + afterLsn + ": records in between are missing");
    }
    return replayInto(engine, afterLsn, Long.MAX_VALUE);
  }

  /**
   * Applies the records after one LSN, up to another (or the last one written), to an engine:
   * its statements run again (not logged), its chunks go to their sources in order. Used by
   * recovery and by the background copy of the state ({@link ShadowState}).
   *
   * @param engine the target engine
   * @param afterLsn records after this LSN
   * @param toLsn up to this LSN, inclusive
   * @return the LSN of the last record applied ({@code afterLsn} if none)
   */
  long replayInto(Engine engine, long afterLsn, long toLsn) {
    long from = Math.max(afterLsn + 1, wal.firstLsn());
    long last = afterLsn;
    Map<Integer, RelationRuntime> sources = new HashMap<>();
    Map<Integer, ChunkCodec> codecs = new HashMap<>();
    Map<Reactor, List<Object[]>> pending = new LinkedHashMap<>();
    int pendingChunks = 0;
    try (WalReader reader = wal.reader(from)) {
      while (reader.next() && reader.lsn() <= toLsn) {
        last = reader.lsn();
        if (reader.stream() == CATALOG_STREAM) {
          feed(pending);
          pendingChunks = 0;
          replayStatement(engine, reader);
          sources.clear();
          codecs.clear();
          continue;
        }
        int stream = reader.stream();
        RelationRuntime rt = sources.computeIfAbsent(Math.abs(stream), engine::sourceByWalId);
        if (rt == null) {
          throw new LaminarDBException(ErrorCode.DATA_CORRUPTED, "WAL record " + reader.lsn()
              + " in " + wal.directory() + " is for source id " + reader.stream()
              + ", which no logged statement created");
        }
        ChunkCodec codec = codecs.computeIfAbsent(Math.abs(stream), s -> new ChunkCodec(rt.schema));
        Chunk chunk = new Chunk(rt.schema, Math.max(1,
            ChunkCodec.rowCount(reader.payload(), 0, reader.payloadLength())));
        codec.decode(reader.payload(), 0, reader.payloadLength(), chunk);
        if (stream < 0) {
          rt.connectorRows += chunk.size;
          if (chunk.position != null) {
            rt.connectorPosition = chunk.position;
          }
        }
        pending.computeIfAbsent(rt.reactor, r -> new ArrayList<>()).add(new Object[] {rt, chunk});
        if (++pendingChunks >= REPLAY_BATCH) {
          feed(pending);
          pendingChunks = 0;
        }
      }
      feed(pending);
    }
    return last;
  }

  private void replayStatement(Engine engine, WalReader reader) {
    ByteBuffer payload = ByteBuffer.wrap(reader.payload(), 0, reader.payloadLength());
    byte version = payload.get();
    if (version != CATALOG_VERSION) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "WAL record " + reader.lsn()
          + " in " + wal.directory() + " is a catalog record of version " + version
          + "; this LaminarDB reads version " + CATALOG_VERSION);
    }
    int sourceId = payload.getInt();
    String sql = new String(reader.payload(), payload.position(), payload.remaining(),
        StandardCharsets.UTF_8);
    engine.executeRecorded(sourceId, sql, "the WAL at LSN " + reader.lsn());
  }

  /** Hands the decoded chunks to their reactors, in log order per reactor, and waits. */
  private static void feed(Map<Reactor, List<Object[]>> pending) {
    List<CompletableFuture<Object>> done = new ArrayList<>();
    for (Map.Entry<Reactor, List<Object[]>> e : pending.entrySet()) {
      List<Object[]> items = e.getValue();
      done.add(e.getKey().submit(() -> {
        for (Object[] item : items) {
          RelationRuntime rt = (RelationRuntime) item[0];
          rt.stateVersion++;
          try {
            rt.input.onChunk((Chunk) item[1]);
          } catch (RuntimeException ex) {
            // As live: the reactor reports a consumer's exception and goes on with the next chunk.
            Engine.reactorError(rt.input, ex);
          }
        }
        return null;
      }));
    }
    for (CompletableFuture<Object> f : done) {
      f.join();
    }
    pending.clear();
  }

  @Override
  public void close() {
    ScheduledExecutorService f;
    synchronized (this) {
      f = flusher;
    }
    if (f != null) {
      f.shutdownNow();
      try {
        f.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    wal.close();
  }
}
