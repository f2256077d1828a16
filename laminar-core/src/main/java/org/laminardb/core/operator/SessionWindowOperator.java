package org.laminardb.core.operator;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.state.KeyEncoder;
import org.laminardb.core.state.LongKeyTable;
import org.laminardb.core.type.Schema;

/**
 * Event-time aggregation over SESSION windows: per grouping key (the group columns that are
 * input columns), a session is {@code [first row ts, last row ts + gap)}; one result per session.
 *
 * <p>Assignment. A row of a key at {@code t} covers {@code [t, t + gap)}. It joins every open
 * session of its key that this overlaps ({@code t < end && t + gap > start}): none, and it starts
 * a new session {@code [t, t + gap)}; one, and it extends it to the union; several, and they merge
 * into one session spanning all of them and the row. The input is append-only: a row of any other
 * kind than INSERT throws {@link IllegalStateException}.
 *
 * <p>Time. As in {@link WindowAggregateOperator}: the largest watermark {@code w} is kept ({@link
 * Watermarks#IDLE} is only forwarded); a session closes once {@code w >= end + lateness}; closing
 * happens in session-end order, then {@code w - lateness} is forwarded when it increased. A row is
 * late when the session it would belong to after merging is already closed, i.e. when it overlaps
 * no open session and {@code t + gap + lateness <= w}; late rows and rows with a NULL event time
 * are counted in {@link #lateRows()} and copied to the late-row output if there is one.
 *
 * <p>Emission. ON_WINDOW_CLOSE: one {@code +I} row per session when it closes. ON_UPDATE: after
 * each input chunk, first {@code -D} for every previously emitted session that was merged into
 * another; then for every changed session: {@code +I} if it was never emitted; {@code -D} of the
 * emitted row then {@code +I} when its bounds changed (extended or merged); {@code -U}/{@code +U}
 * when only its results changed; nothing when unchanged. Closing emits nothing. PERIODIC: the same
 * changelog, emitted from {@link #onTimer()} once per period of processing time, and pending
 * changes once more before sessions close.
 *
 * <p>State and memory. Since an {@link AggAccumulator} cannot merge, every open session keeps a
 * copy of its input rows (every column, since an aggregate may read more than its argument, such as
 * a FILTER column; in blocks of 1024 rows of the input schema, linked per session): merging
 * re-applies the rows of the smaller sessions to the largest one's accumulators and links their row
 * lists, so a row is re-applied at most {@code log2(rows)} times. Cost: per buffered row 4 bytes of
 * link plus 8 bytes per input column (a string column holds a reference to the input's string); per
 * open session about 80 bytes plus the aggregate state (8 to 16 bytes per aggregate, 9 more per
 * aggregate for the changelog modes); per key with open sessions about {@code 12 + 12 * w} bytes
 * ({@code w} key words). Row slots and session ids are reused after a session closes. Sessions of a
 * key are a linked list, scanned per row, so a key with many open sessions (large lateness) costs
 * more per row. Closing uses a min-heap of session ends. Single-threaded: owned by one reactor
 * thread.
 */
public final class SessionWindowOperator implements WindowOperator {
  private static final byte EMITTED = 1;
  private static final byte TOUCHED = 2;
  private static final int BLOCK_SHIFT = 10;
  private static final int BLOCK = 1 << BLOCK_SHIFT;

  private final long gap;
  private final EmitStrategy.EmitKind emit;
  private final boolean changelog;
  private final int timeColumn;
  private final Schema input;
  private final int width;
  private final ChunkConsumer downstream;
  private final WindowClock clock;
  private final WindowLateRows late;
  private final WindowGroupWriter writer;
  private final KeyEncoder encoder;
  private final LongKeyTable keys;
  private final long[] key;
  private final int base;
  private final AggAccumulator[] accs;
  private final AggregateOutput output;
  private final Chunk out;
  private final Schema outputSchema;

  /** Per key id: first open session, or -1. */
  private int[] keyHead = new int[16];

  /** Per session id. */
  private long[] sStart = new long[0];
  private long[] sEnd = new long[0];
  private long[] sEmittedStart = new long[0];
  private long[] sEmittedEnd = new long[0];
  private long[] sRows = new long[0];
  private int[] sKey = new int[0];
  private int[] sNext = new int[0];
  private int[] sFirstRow = new int[0];
  private int[] sLastRow = new int[0];
  private int[] sGen = new int[0];
  private byte[] flags = new byte[0];
  private int sessionCapacity;
  private int sessionLimit;
  private int[] freeSessions = new int[16];
  private int freeSessionCount;
  private int liveSessions;

  /** Row buffer: blocks of input rows, a next link per slot, and a free list. */
  private Chunk[] blocks = new Chunk[4];
  private int[] rowNext = new int[0];
  private int rowLimit;
  private int freeRow = -1;
  private int bufferedRows;

  /** Min-heap of session ends with {@code gen << 32 | session id}. */
  private long[] heapEnd = new long[16];
  private long[] heapRef = new long[16];
  private int heapSize;

  private int[] overlapping = new int[8];
  private final AggregateOutput.Emission emitTouched = this::emitTouched;
  private Chunk[] deletes = new Chunk[2];
  private int deleteChunks;

  /**
   * Creates the operator; see {@link WindowOperators#create} for the parameters.
   *
   * @param input schema of the append-only input
   * @param timeColumn input column of the event time (TIMESTAMP, microseconds)
   * @param window the session window (its size is the gap)
   * @param groupColumns output group columns: input columns (the keys partitioning the sessions)
   *     or {@link WindowSpec#START}, {@link WindowSpec#END}, {@link WindowSpec#TIME}
   * @param aggs the aggregate calls, in output order
   * @param output output schema: the group columns, then one column per aggregate
   * @param emit when to emit and the allowed lateness
   * @param downstream receiver of the results
   * @param lateOutput receiver of late rows (the input's columns), or null to drop them
   * @param chunkCapacity rows per output chunk
   */
  public SessionWindowOperator(Schema input, int timeColumn, WindowSpec window,
      int[] groupColumns, List<AggregateSpec> aggs, Schema output, EmitStrategy emit,
      ChunkConsumer downstream, ChunkConsumer lateOutput, int chunkCapacity) {
    this.input = Objects.requireNonNull(input, "input");
    this.outputSchema = Objects.requireNonNull(output, "output");
    WindowOperators.requireArguments(input, timeColumn, window, true, emit, downstream,
        chunkCapacity);
    this.downstream = downstream;
    this.gap = window.size();
    this.emit = emit.kind();
    this.changelog = !emit.appendOnly();
    this.clock = new WindowClock(emit, downstream);
    this.timeColumn = timeColumn;
    this.writer = new WindowGroupWriter(input, groupColumns, aggs.size(), output);
    this.encoder = writer.encoder();
    this.keys = new LongKeyTable(Math.max(1, encoder.width()));
    this.key = new long[Math.max(1, encoder.width())];
    this.base = groupColumns.length;
    this.accs = AggregateOutput.accumulators(input, aggs, output, base, true);
    this.output = new AggregateOutput(output, base, AggregateOutput.images(aggs, changelog),
        downstream, chunkCapacity);
    this.out = this.output.out();
    this.width = input.size();
    this.late = new WindowLateRows(input, lateOutput, chunkCapacity);
    growSessions(16);
  }

  @Override
  public long lateRows() {
    return late.count();
  }

  /**
   * Number of open sessions.
   *
   * @return the count
   */
  public int sessionCount() {
    return liveSessions;
  }

  /**
   * Number of input rows buffered for the open sessions.
   *
   * @return the count
   */
  public int bufferedRows() {
    return bufferedRows;
  }

  /**
   * Number of keys with open sessions.
   *
   * @return the count
   */
  public int keyCount() {
    return keys.size();
  }

  @Override
  public void onChunk(Chunk chunk) {
    Column time = chunk.columns[timeColumn];
    for (int r = 0; r < chunk.size; r++) {
      if (chunk.kinds[r] != RowKind.INSERT) {
        throw OperatorChecks.retraction(chunk, r, "a session window aggregation");
      }
      if (time.isNull(r)) {
        late.add(chunk, r);
        continue;
      }
      addRow(chunk, r, time.longs[r]);
    }
    if (emit == EmitStrategy.EmitKind.ON_UPDATE) {
      emitChanges();
    }
    output.flush();
    late.flush();
  }

  private void addRow(Chunk in, int r, long t) {
    encoder.encode(in, r, key, 0);
    int k = keys.getOrAdd(key, 0);
    if (keys.lastAdded()) {
      if (k >= keyHead.length) {
        keyHead = Arrays.copyOf(keyHead, Math.max(keyHead.length * 2, keys.idLimit()));
      }
      keyHead[k] = -1;
      encoder.retain(keys, k);
    }
    long start = t;
    long end = t + gap;
    int n = 0;
    int target = -1;
    for (int s = keyHead[k]; s >= 0; s = sNext[s]) {
      if (t < sEnd[s] && end > sStart[s]) {
        if (n == overlapping.length) {
          overlapping = Arrays.copyOf(overlapping, n * 2);
        }
        overlapping[n++] = s;
        if (target < 0 || sRows[s] > sRows[target]) {
          target = s;
        }
      }
    }
    if (n == 0) {
      if (end <= clock.closeBound()) {
        late.add(in, r);
        if (keyHead[k] < 0) {
          encoder.release(keys, k);
          keys.remove(k);
        }
        return;
      }
      target = newSession(k, start, end);
    } else {
      for (int i = 0; i < n; i++) {
        int s = overlapping[i];
        start = Math.min(start, sStart[s]);
        end = Math.max(end, sEnd[s]);
        if (s != target) {
          absorb(target, s);
        }
      }
      sStart[target] = start;
      sEnd[target] = end;
    }
    for (AggAccumulator acc : accs) {
      acc.check(target, in, r, 1, 0);
    }
    for (AggAccumulator acc : accs) {
      acc.apply(target, in, r, 1);
    }
    bufferRow(target, in, r);
    touch(target);
  }

  private int newSession(int k, long start, long end) {
    int s;
    if (freeSessionCount > 0) {
      s = freeSessions[--freeSessionCount];
    } else {
      if (sessionLimit == sessionCapacity) {
        growSessions(sessionCapacity * 2);
      }
      s = sessionLimit++;
    }
    liveSessions++;
    sStart[s] = start;
    sEnd[s] = end;
    sRows[s] = 0;
    sKey[s] = k;
    sFirstRow[s] = -1;
    sLastRow[s] = -1;
    flags[s] = 0;
    for (AggAccumulator acc : accs) {
      acc.init(s);
    }
    sNext[s] = keyHead[k];
    keyHead[k] = s;
    heapPush(end, ((long) sGen[s] << 32) | s);
    return s;
  }

  private void growSessions(int n) {
    sStart = Arrays.copyOf(sStart, n);
    sEnd = Arrays.copyOf(sEnd, n);
    sEmittedStart = Arrays.copyOf(sEmittedStart, n);
    sEmittedEnd = Arrays.copyOf(sEmittedEnd, n);
    sRows = Arrays.copyOf(sRows, n);
    sKey = Arrays.copyOf(sKey, n);
    sNext = Arrays.copyOf(sNext, n);
    sFirstRow = Arrays.copyOf(sFirstRow, n);
    sLastRow = Arrays.copyOf(sLastRow, n);
    sGen = Arrays.copyOf(sGen, n);
    flags = Arrays.copyOf(flags, n);
    for (AggAccumulator acc : accs) {
      acc.grow(n);
    }
    output.grow(n);
    sessionCapacity = n;
  }

  /** Merges session {@code s} into {@code target}: re-applies its rows, then frees it. */
  private void absorb(int target, int s) {
    for (int slot = sFirstRow[s]; slot >= 0; slot = rowNext[slot]) {
      Chunk block = blocks[slot >>> BLOCK_SHIFT];
      int row = slot & (BLOCK - 1);
      for (AggAccumulator acc : accs) {
        acc.check(target, block, row, 1, 0);
      }
      for (AggAccumulator acc : accs) {
        acc.apply(target, block, row, 1);
      }
    }
    if (sFirstRow[s] >= 0) {
      if (sLastRow[target] >= 0) {
        rowNext[sLastRow[target]] = sFirstRow[s];
      } else {
        sFirstRow[target] = sFirstRow[s];
      }
      sLastRow[target] = sLastRow[s];
    }
    sRows[target] += sRows[s];
    sFirstRow[s] = -1;
    sLastRow[s] = -1;
    sRows[s] = 0;
    if ((flags[s] & EMITTED) != 0) {
      pendingDelete(s);
    }
    freeSession(s, false);
  }

  private void bufferRow(int s, Chunk in, int r) {
    int slot;
    if (freeRow >= 0) {
      slot = freeRow;
      freeRow = rowNext[slot];
    } else {
      slot = rowLimit++;
      if (slot >= rowNext.length) {
        rowNext = Arrays.copyOf(rowNext, Math.max(BLOCK, rowNext.length * 2));
      }
      int b = slot >>> BLOCK_SHIFT;
      if (b == blocks.length) {
        blocks = Arrays.copyOf(blocks, b * 2);
      }
      if (blocks[b] == null) {
        blocks[b] = new Chunk(input, BLOCK);
      }
    }
    Chunk block = blocks[slot >>> BLOCK_SHIFT];
    int row = slot & (BLOCK - 1);
    for (int c = 0; c < width; c++) {
      Column dst = block.columns[c];
      dst.nulls[row >>> 6] &= ~(1L << row);
      dst.copyFrom(row, in.columns[c], r);
    }
    rowNext[slot] = -1;
    if (sLastRow[s] >= 0) {
      rowNext[sLastRow[s]] = slot;
    } else {
      sFirstRow[s] = slot;
    }
    sLastRow[s] = slot;
    sRows[s]++;
    bufferedRows++;
  }

  /** Frees a session: its rows (unless already moved), its state and its place in the key. */
  private void freeSession(int s, boolean freeRows) {
    if (freeRows) {
      for (int slot = sFirstRow[s]; slot >= 0; ) {
        int next = rowNext[slot];
        Chunk block = blocks[slot >>> BLOCK_SHIFT];
        for (int c = 0; c < width; c++) {
          if (block.columns[c].strings != null) {
            block.columns[c].strings[slot & (BLOCK - 1)] = null;
          }
        }
        rowNext[slot] = freeRow;
        freeRow = slot;
        bufferedRows--;
        slot = next;
      }
    }
    for (AggAccumulator acc : accs) {
      acc.free(s);
    }
    output.clear(s);
    int k = sKey[s];
    if (keyHead[k] == s) {
      keyHead[k] = sNext[s];
    } else {
      int p = keyHead[k];
      while (sNext[p] != s) {
        p = sNext[p];
      }
      sNext[p] = sNext[s];
    }
    if (keyHead[k] < 0) {
      encoder.release(keys, k);
      keys.remove(k);
    }
    flags[s] = 0;
    sGen[s]++;
    if (freeSessionCount == freeSessions.length) {
      freeSessions = Arrays.copyOf(freeSessions, freeSessionCount * 2);
    }
    freeSessions[freeSessionCount++] = s;
    liveSessions--;
  }

  private void touch(int s) {
    if (!changelog || (flags[s] & TOUCHED) != 0) {
      return;
    }
    flags[s] |= TOUCHED;
    output.listChanged(s);
  }

  @Override
  public void onWatermark(long w) {
    if (!clock.advance(w)) {
      return;
    }
    long closeBound = clock.closeBound();
    boolean closing = heapSize > 0 && heapEnd[0] <= closeBound;
    if (closing && emit == EmitStrategy.EmitKind.PERIODIC) {
      flushDeletes();
    }
    while (heapSize > 0 && heapEnd[0] <= closeBound) {
      long end = heapEnd[0];
      long ref = heapRef[0];
      heapPop();
      int s = (int) ref;
      if (sGen[s] != (int) (ref >>> 32)) {
        continue;
      }
      if (sEnd[s] > end) {
        heapPush(sEnd[s], ref);
        continue;
      }
      closeSession(s);
    }
    output.flush();
    clock.forward();
  }

  private void closeSession(int s) {
    if (emit == EmitStrategy.EmitKind.ON_WINDOW_CLOSE) {
      int r = reserveRow(out, s, RowKind.INSERT, sStart[s], sEnd[s]);
      for (int a = 0; a < accs.length; a++) {
        accs[a].result(s, out.columns[base + a], r);
      }
    } else if (emit == EmitStrategy.EmitKind.PERIODIC && (flags[s] & TOUCHED) != 0) {
      emitSession(s);
    }
    freeSession(s, true);
  }

  @Override
  public int onTimer() {
    if (!clock.periodDue()) {
      return 0;
    }
    int rows = emitChanges();
    output.flush();
    return rows;
  }

  /** Emits the pending deletes, then every touched open session; returns the rows emitted. */
  private int emitChanges() {
    int rows = flushDeletes();
    return rows + output.emitChanged(emitTouched);
  }

  /** Emits a listed session unless it was emitted (or freed) since it was listed. */
  private int emitTouched(int s) {
    return (flags[s] & TOUCHED) != 0 ? emitSession(s) : 0;
  }

  /** Emits a changed session as {@code +I}, {@code -D}/{@code +I} or {@code -U}/{@code +U}. */
  private int emitSession(int s) {
    flags[s] &= ~TOUCHED;
    output.resetCurrent();
    for (int a = 0; a < accs.length; a++) {
      accs[a].result(s, output.current(a), 0);
    }
    int rows;
    if ((flags[s] & EMITTED) == 0) {
      appendCurrent(s, RowKind.INSERT);
      flags[s] |= EMITTED;
      rows = 1;
    } else if (sEmittedStart[s] != sStart[s] || sEmittedEnd[s] != sEnd[s]) {
      appendImage(out, s, RowKind.DELETE);
      appendCurrent(s, RowKind.INSERT);
      rows = 2;
    } else if (output.sameAsImage(s)) {
      return 0;
    } else {
      appendImage(out, s, RowKind.UPDATE_BEFORE);
      appendCurrent(s, RowKind.UPDATE_AFTER);
      rows = 2;
    }
    sEmittedStart[s] = sStart[s];
    sEmittedEnd[s] = sEnd[s];
    output.storeImage(s);
    return rows;
  }

  private void appendCurrent(int s, byte rowKind) {
    output.writeCurrent(out, reserveRow(out, s, rowKind, sStart[s], sEnd[s]));
  }

  /** Appends the last emitted row of a session to a chunk. */
  private void appendImage(Chunk to, int s, byte rowKind) {
    output.writeImage(s, to, reserveRow(to, s, rowKind, sEmittedStart[s], sEmittedEnd[s]));
  }

  /** Keeps the {@code -D} of an emitted session being merged away until the next emission. */
  private void pendingDelete(int s) {
    if (deleteChunks == 0 || deletes[deleteChunks - 1].isFull()) {
      if (deleteChunks == deletes.length) {
        deletes = Arrays.copyOf(deletes, deleteChunks * 2);
      }
      if (deletes[deleteChunks] == null) {
        deletes[deleteChunks] = new Chunk(outputSchema, out.capacity());
      }
      deleteChunks++;
    }
    appendImage(deletes[deleteChunks - 1], s, RowKind.DELETE);
  }

  private int flushDeletes() {
    int rows = 0;
    output.flush();
    for (int i = 0; i < deleteChunks; i++) {
      rows += deletes[i].size;
      downstream.onChunk(deletes[i]);
      deletes[i].reset();
    }
    deleteChunks = 0;
    return rows;
  }

  /** Appends a row holding the group columns; flushes {@link #out} first when it is full. */
  private int reserveRow(Chunk to, int s, byte rowKind, long start, long end) {
    int r = output.reserve(to, rowKind);
    writer.write(keys, sKey[s], to, r, start, end);
    return r;
  }

  private void heapPush(long end, long ref) {
    if (heapSize == heapEnd.length) {
      heapEnd = Arrays.copyOf(heapEnd, heapSize * 2);
      heapRef = Arrays.copyOf(heapRef, heapSize * 2);
    }
    int i = heapSize++;
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (heapEnd[p] <= end) {
        break;
      }
      heapEnd[i] = heapEnd[p];
      heapRef[i] = heapRef[p];
      i = p;
    }
    heapEnd[i] = end;
    heapRef[i] = ref;
  }

  private void heapPop() {
    int n = --heapSize;
    long end = heapEnd[n];
    long ref = heapRef[n];
    int i = 0;
    while (true) {
      int c = 2 * i + 1;
      if (c >= n) {
        break;
      }
      if (c + 1 < n && heapEnd[c + 1] < heapEnd[c]) {
        c++;
      }
      if (heapEnd[c] >= end) {
        break;
      }
      heapEnd[i] = heapEnd[c];
      heapRef[i] = heapRef[c];
      i = c;
    }
    if (n > 0) {
      heapEnd[i] = end;
      heapRef[i] = ref;
    }
  }
}
