package org.laminardb.core.operator;

import java.util.Objects;
import java.util.function.LongSupplier;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.lookup.LookupFetcher;
import org.laminardb.core.lookup.LookupRequest;
import org.laminardb.core.state.KeyEncoder;
import org.laminardb.core.state.LongKeyTable;
import org.laminardb.core.state.StringDictionary;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Lookup join: enriches each row of an append-only stream with the row of an external table
 * (a lookup table) whose primary key equals the row's key columns, as it is when the stream row is
 * processed. {@link JoinKind#INNER} drops rows without a match, {@link JoinKind#LEFT} pads them
 * with NULLs; rows with a NULL key never match. Output columns: the stream's, then the table's.
 *
 * <p>Cache. Rows fetched are kept in a cache on the reactor thread, keyed by the encoded join
 * key, misses (no row in the table) included. An entry is used for {@code ttl} after it was loaded;
 * a row that finds it older fetches it again. Beyond {@code maxRows} loaded entries the
 * oldest-loaded are evicted (FIFO). A hit is answered inline, garbage free.
 *
 * <p>Misses and ordering. A key that misses is put in a batch sent to the table's {@link
 * LookupFetcher} (ring-1 threads) through a lock-free queue; the answer comes back through this
 * operator's own queue, drained by {@link #doWork()} on the reactor thread. The reactor never
 * waits. Output order is the input order: once a row waits for a fetch, every later row waits
 * behind it (hits too) in a bounded queue, and its key is requested at once so that the misses of
 * a burst are fetched together. Watermarks wait with the rows they follow. A waiting row uses the
 * entry it finds when its turn comes, even if its TTL ran out while it waited. If more than
 * {@code maxPending} rows wait (the external system has been unreachable for long), the operator
 * fails with {@code 08006}, which fails the query, rather than keep growing.
 *
 * <p>The cache is not state: it is rebuilt by fetching after a restart. The waiting rows are
 * state (checkpointed).
 *
 * <p>Single-threaded: owned by one reactor thread.
 */
public final class LookupJoinOperator implements ChunkConsumer {
  /** Batches in flight to the fetcher at most, per operator. */
  private static final int MAX_IN_FLIGHT = 16;

  private final String table;
  private final int[] streamKeys;
  private final int streamWidth;
  private final JoinKind kind;
  private final ChunkConsumer downstream;
  private final JoinOutput output;
  private final PendingRows pending;
  private final long ttlNanos;
  private final long maxRows;
  private final long maxPending;
  private final transient LookupFetcher fetcher;
  private final transient LongSupplier nanoClock;
  private final transient LongKeyTable keys;
  private final transient KeyEncoder probe;
  private final transient LookupCache cache;
  private final transient long[] key;
  private final transient ManyToOneConcurrentArrayQueue<LookupRequest> replies;
  private transient LookupRequest[] free;
  private transient int freeCount;
  private transient LookupRequest[] unsent;
  private transient int unsentCount;
  private transient int inFlight;
  private transient LookupRequest batch;
  private final transient Schema keySchema;
  private final transient Schema tableSchema;
  private final transient int batchSize;
  private long heldWatermark = Watermarks.NONE;
  private long hits;
  private long misses;

  /**
   * Creates the operator.
   *
   * @param stream schema of the stream input
   * @param streamKeys stream columns equal to the table's key columns, pairwise
   * @param table name of the lookup table (messages)
   * @param tableSchema columns of the lookup table
   * @param tableKeys the table's primary-key columns, in key order; each stored like its stream
   *     column (the same physical kind and, for DECIMAL, scale)
   * @param kind INNER or LEFT
   * @param output output schema: the stream's columns, then the table's
   * @param downstream receiver of the output rows and watermarks
   * @param chunkCapacity rows per chunk (and keys per fetch batch)
   * @param fetcher where misses are fetched
   * @param ttlMillis how long a cached entry is used
   * @param maxRows most entries cached
   * @param maxPending most rows waiting behind misses before the operator fails
   * @param nanoClock the clock for TTLs ({@code System::nanoTime})
   */
  public LookupJoinOperator(Schema stream, int[] streamKeys, String table, Schema tableSchema,
      int[] tableKeys, JoinKind kind, Schema output, ChunkConsumer downstream, int chunkCapacity,
      LookupFetcher fetcher, long ttlMillis, long maxRows, long maxPending,
      LongSupplier nanoClock) {
    OperatorChecks.requireCapacity(chunkCapacity);
    JoinOperator.checkKeys(stream, streamKeys, tableSchema, tableKeys);
    JoinOperator.checkOutput(stream, tableSchema, output);
    if (kind != JoinKind.INNER && kind != JoinKind.LEFT) {
      throw new IllegalArgumentException("a lookup join is INNER or LEFT: kind=" + kind);
    }
    if (ttlMillis < 0 || maxRows < 1 || maxPending < 1) {
      throw new IllegalArgumentException("ttl must not be negative and maxRows, maxPending "
          + "positive: ttlMillis=" + ttlMillis + ", maxRows=" + maxRows + ", maxPending="
          + maxPending);
    }
    this.table = table;
    this.streamKeys = streamKeys.clone();
    this.streamWidth = stream.size();
    this.kind = kind;
    this.downstream = Objects.requireNonNull(downstream, "downstream");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    this.ttlNanos = ttlMillis >= Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE
        : ttlMillis * 1_000_000;
    this.maxRows = maxRows;
    this.maxPending = maxPending;
    StringDictionary dictionary = new StringDictionary();
    this.probe = KeyEncoder.notNull(stream, streamKeys, dictionary);
    this.keys = new LongKeyTable(probe.width());
    this.key = new long[probe.width()];
    this.cache = new LookupCache(tableSchema, tableKeys, dictionary, keys, probe);
    this.output = new JoinOutput(stream, output, downstream, chunkCapacity);
    this.pending = new PendingRows(stream, chunkCapacity);
    Field[] kf = new Field[tableKeys.length];
    for (int i = 0; i < kf.length; i++) {
      kf[i] = tableSchema.field(tableKeys[i]);
    }
    this.keySchema = new Schema(java.util.List.of(kf));
    this.tableSchema = tableSchema;
    this.batchSize = chunkCapacity;
    this.replies = new ManyToOneConcurrentArrayQueue<>(MAX_IN_FLIGHT);
    this.free = new LookupRequest[4];
    this.unsent = new LookupRequest[4];
  }

  /**
   * Rows answered from the cache at once.
   *
   * @return the count
   */
  public long hits() {
    return hits;
  }

  /**
   * Keys requested from the fetcher (cache misses and expired entries).
   *
   * @return the count
   */
  public long misses() {
    return misses;
  }

  /**
   * Rows waiting behind a cache miss.
   *
   * @return the count
   */
  public int pendingRows() {
    return pending.size();
  }

  /**
   * Entries in the cache (rows and known-absent keys).
   *
   * @return the count
   */
  public int cachedEntries() {
    return cache.loaded;
  }

  @Override
  public void onChunk(Chunk chunk) {
    long now = nanoClock.getAsLong();
    for (int r = 0; r < chunk.size; r++) {
      if (!pending.isEmpty()) {
        enqueue(chunk, r, now);
      } else if (!emitIfReady(chunk, r, now, true)) {
        enqueue(chunk, r, now);
      }
    }
    sendBatch();
    output.flush();
  }

  @Override
  public void onWatermark(long watermark) {
    if (pending.isEmpty()) {
      downstream.onWatermark(watermark);
    } else {
      heldWatermark = watermark;
    }
  }

  /**
   * Takes the fetcher's answers into the cache and emits the waiting rows they complete. Reactor
   * thread; register it as a duty of the pipeline.
   *
   * @return work done (0 when there was none)
   */
  public int doWork() {
    int work = resend();
    LookupRequest r = replies.poll();
    // Rows waiting with nothing asked for them (restored from a checkpoint, or whose key was
    // evicted) get their head row's key requested below.
    boolean stalled = !pending.isEmpty() && inFlight == 0 && unsentCount == 0;
    if (r == null && work == 0 && !stalled) {
      return 0;
    }
    long now = nanoClock.getAsLong();
    for (; r != null; r = replies.poll()) {
      inFlight--;
      load(r, now);
      work++;
    }
    while (!pending.isEmpty()) {
      Chunk c = pending.headChunk();
      int row = pending.headRow();
      if (!emitIfReady(c, row, now, false)) {
        request(c, row);
        break;
      }
      pending.pop();
    }
    sendBatch();
    output.flush();
    if (pending.isEmpty() && heldWatermark != Watermarks.NONE) {
      long wm = heldWatermark;
      heldWatermark = Watermarks.NONE;
      downstream.onWatermark(wm);
    }
    cache.evictBeyond(maxRows);
    return work;
  }

  /**
   * Emits a row if its key's entry allows: a NULL key, or a loaded entry (fresh, unless {@code
   * fresh} is false). Returns false when the row must wait.
   */
  private boolean emitIfReady(Chunk in, int r, long now, boolean fresh) {
    if (KeyedJoinRows.nullKey(in, r, streamKeys)) {
      if (kind == JoinKind.LEFT) {
        output.padded(output.next(in.kinds[r]), 0, in, r);
      }
      return true;
    }
    int id = probe.encodeExisting(in, r, key, 0) ? keys.get(key, 0) : -1;
    if (id < 0) {
      return false;
    }
    long[] words = cache.words;
    int base = id * cache.stride;
    int state = LookupCache.state(words[base + 1]);
    if (state < LookupCache.ABSENT || fresh && now - words[base] > ttlNanos) {
      return false;
    }
    if (fresh) {
      hits++;
    }
    if (state == LookupCache.PRESENT) {
      int o = output.next(in.kinds[r]);
      output.copyInput(o, 0, in, r);
      cache.write(id, output.out, o, streamWidth);
    } else if (kind == JoinKind.LEFT) {
      output.padded(output.next(in.kinds[r]), 0, in, r);
    }
    return true;
  }

  /** Queues a row behind the waiting ones and requests its key unless it is cached or asked. */
  private void enqueue(Chunk in, int r, long now) {
    if (pending.size() >= maxPending) {
      throw new LaminarDBException(ErrorCode.CONNECTION_FAILURE, "lookup join with " + table
          + ": " + pending.size() + " rows are waiting for the lookup table (max_pending_rows="
          + maxPending + "); " + fetcher.status());
    }
    pending.add(in, r);
    if (KeyedJoinRows.nullKey(in, r, streamKeys)) {
      return;
    }
    int id = probe.encodeExisting(in, r, key, 0) ? keys.get(key, 0) : -1;
    if (id >= 0 && (cache.state(id) == LookupCache.LOADING
        || cache.state(id) >= LookupCache.ABSENT && now - cache.loadedAt(id) <= ttlNanos)) {
      return;
    }
    request(in, r);
  }

  /** Adds a row's key to the batch being built, unless it is being fetched already. */
  private void request(Chunk in, int r) {
    probe.encode(in, r, key, 0);
    int id = keys.getOrAdd(key, 0);
    if (keys.lastAdded()) {
      probe.retain(keys, id);
      cache.ensure();
    }
    if (cache.state(id) == LookupCache.LOADING) {
      return;
    }
    cache.startLoading(id);
    misses++;
    if (batch == null) {
      batch = freeCount > 0 ? free[--freeCount]
          : new LookupRequest(keySchema, tableSchema, batchSize, replies);
    }
    int k = batch.keys.size;
    probe.decode(keys, id, batch.keys, k, 0);
    batch.keys.kinds[k] = org.laminardb.core.chunk.RowKind.INSERT;
    batch.ids[k] = id;
    batch.keys.size = k + 1;
    if (batch.keys.isFull()) {
      sendBatch();
    }
  }

  private void sendBatch() {
    if (batch == null) {
      return;
    }
    LookupRequest b = batch;
    batch = null;
    if (unsentCount == unsent.length) {
      unsent = java.util.Arrays.copyOf(unsent, unsentCount * 2);
    }
    unsent[unsentCount++] = b;
    resend();
  }

  /** Offers unsent batches to the fetcher while fewer than the maximum are in flight. */
  private int resend() {
    int sent = 0;
    while (sent < unsentCount && inFlight < MAX_IN_FLIGHT && fetcher.offer(unsent[sent])) {
      inFlight++;
      sent++;
    }
    if (sent > 0) {
      System.arraycopy(unsent, sent, unsent, 0, unsentCount - sent);
      unsentCount -= sent;
    }
    return sent;
  }

  /** Loads an answered batch into the cache: its rows, and the absence of the others. */
  private void load(LookupRequest r, long now) {
    Chunk rows = r.rows;
    for (int i = 0; i < rows.size; i++) {
      if (KeyedJoinRows.nullKey(rows, i, cache.keyColumns)) {
        continue; // a query's row with a NULL key matches no key
      }
      int id = cache.encoder.encodeExisting(rows, i, key, 0) ? keys.get(key, 0) : -1;
      if (id >= 0 && cache.state(id) == LookupCache.LOADING) {
        cache.load(id, rows, i, now);
      }
    }
    for (int i = 0; i < r.keys.size; i++) {
      int id = r.ids[i];
      if (cache.state(id) == LookupCache.LOADING) {
        cache.load(id, null, 0, now);
      }
    }
    r.reset();
    if (freeCount == free.length) {
      free = java.util.Arrays.copyOf(free, freeCount * 2);
    }
    free[freeCount++] = r;
  }
}
