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
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Event-time aggregation over TUMBLE, HOP and CUMULATE windows (see {@link WindowSpec}): one
 * result per (grouping key, window), emitted as the {@link EmitStrategy} says.
 *
 * <p>Assignment. A row with event time {@code ts} belongs to every window {@code [start, end)}
 * with {@code start <= ts < end}: one TUMBLE window; {@code size / slide} HOP windows; the
 * CUMULATE windows of its period whose end is after {@code ts}. The input is append-only: a row
 * of any other kind than INSERT throws {@link IllegalStateException}.
 *
 * <p>Time. The operator keeps the largest watermark {@code w} received ({@link Watermarks#IDLE}
 * is not a time: it is only forwarded). A window is closed once {@code w >= end + lateness}. On
 * a watermark every newly closed window is closed in window-end order (its results emitted as
 * the mode says, then its state freed), and then {@code w - lateness} is forwarded downstream
 * when it increased. A row's closed windows are skipped; a row whose windows are all closed, or
 * whose event time is NULL, is late: it is counted in {@link #lateRows()} and copied, with the
 * input's columns, to the late-row output if there is one (handed over at the end of the chunk).
 *
 * <p>Emission. {@link EmitStrategy.EmitKind#ON_WINDOW_CLOSE}: one {@code +I} row per (key,
 * window) when the window closes, nothing before. {@link EmitStrategy.EmitKind#ON_UPDATE}: after
 * each input chunk every (key, window) whose result changed: {@code +I} the first time, later
 * {@code -U} (the previously emitted row) then {@code +U}, nothing when unchanged; closing emits
 * nothing. {@link EmitStrategy.EmitKind#PERIODIC}: the same changelog, but emitted from {@link
 * #onTimer()} once per period of processing time, and a window's pending changes once more when
 * it closes. Output rows go downstream in a reused chunk, handed over when full and at the end of
 * every input chunk, watermark or timer that produced rows.
 *
 * <p>State and memory. A grouping key gets a key index: its id in a key table (one word, the value,
 * for a single key column stored as a long, its NULL apart; otherwise {@link KeyEncoder} words)
 * plus one. Single long keys in {@code [0, 65536)} also find their key index in an array indexed by
 * value (at most 256 KiB, grown to the largest such key seen), skipping the hash lookup. A group
 * (key, window) is an entry {@code (key index, window end)} of a second {@link LongKeyTable}; its
 * id indexes the per-group arrays of the aggregates ({@link AggAccumulator}) and, for the changelog
 * modes, the last emitted results ({@link AggImage}) and a flag byte. Each key keeps one cached
 * group per window lane ({@code size / slide} lanes for HOP and CUMULATE, at most 64, one for
 * TUMBLE), so that a row usually finds its groups with one lookup of its key; a window's lane is
 * its end divided by the slide, modulo the lanes (with more than 64 windows per row, windows share
 * lanes and some lookups go to the group table). Open windows are kept sorted by end, each with the
 * list of its group ids, so closing a window touches only its own groups; freed group ids and key
 * ids are reused. Memory per open (key, window): about 64 bytes of group table, lists and per-group
 * arrays, plus per aggregate 8 bytes (COUNT), 16 bytes (SUM, AVG, MIN, MAX), plus for
 * ON_UPDATE/PERIODIC 9 bytes per aggregate; DISTINCT aggregates add their per-value counts. Per key
 * with open windows: about {@code 24 + 12 * lanes} bytes plus {@code 12 * w} for {@code w} key
 * words. Garbage free in steady state: nothing is allocated per row; arrays grow geometrically.
 *
 * <p>Fast path. When every aggregate is {@code COUNT(*)}, {@code COUNT(x)}, or {@code SUM(x)} of an
 * INT or BIGINT {@code x} giving an INT or BIGINT, none with DISTINCT or FILTER, the operator keeps
 * their state itself instead of going through {@link AggAccumulator}s: per group the row count, the
 * non-NULL count of each argument column and each sum, 8 bytes each; same results, same range
 * checks.
 *
 * <p>Failure: a SUM leaving its result type's range throws {@link
 * org.laminardb.error.LaminarDBException} ({@code 22003}) before the failing (row, window) changes
 * anything; earlier rows (and earlier windows of a HOP/CUMULATE row) stay applied.
 * Single-threaded: owned by one reactor thread.
 */
public final class WindowAggregateOperator implements WindowOperator {
  private static final byte EMITTED = 1;
  private static final byte TOUCHED = 2;
  private static final long NO_END = Long.MIN_VALUE;
  /** Most cached groups per key; windows beyond share lanes (a miss falls back to the table). */
  private static final int MAX_LANES = 64;
  private static final byte FAST_COUNT_STAR = 0;
  private static final byte FAST_COUNT = 1;
  private static final byte FAST_SUM = 2;
  /** Single long keys in {@code [0, DIRECT_LIMIT)} find their key index in an array. */
  private static final int DIRECT_LIMIT = 1 << 16;

  private final WindowKind kind;
  private final WindowSpec window;
  private final long size;
  private final long slide;
  private final long offset;
  private final int lanes;
  private final EmitStrategy.EmitKind emit;
  private final boolean changelog;
  private final int timeColumn;
  private final WindowClock clock;
  private final WindowLateRows late;
  private final WindowGroupWriter writer;
  private final KeyEncoder encoder;
  private final boolean noKeys;
  private final boolean singleLong;
  private final int keyColumn;
  /** Keys: one word (the value) for a single long key, else encoder words; null without keys. */
  private final LongKeyTable keyTable;
  private final long[] keyWords;
  /** Key index of small non-negative single long keys, 0 when absent; grows to a limit. */
  private int[] direct = new int[64];
  /** Groups: {@code (key index, window end)}. */
  private final LongKeyTable groups;
  private final long[] groupWords = new long[2];
  private final int base;
  private final AggAccumulator[] accs;
  private final AggregateOutput output;
  private final AggregateOutput.Emission emitTouched = this::emitTouched;
  /** Whether the fast COUNT/SUM path keeps the aggregate state, see the class comment. */
  private final boolean fast;
  /** Fast path: per aggregate, the state word of its result and the word of its value count. */
  private final int[] resultWord;
  private final int[] nonNullWord;
  /** Fast path: argument columns whose non-NULL values are counted, in state words 1... */
  private final int[] countColumns;
  /** Fast path: per SUM, its argument column and result range; its sum follows the counts. */
  private final int[] sumColumns;
  private final long[] sumMin;
  private final long[] sumMax;
  /**
   * Fast path state, {@code stride} longs per group: the row count, the non-NULL count of each
   * of {@link #countColumns}, the sum of each of {@link #sumColumns}.
   */
  private long[] state = new long[0];
  private final int stride;
  /** Fast path of the common shape: one SUM, its column the only counted one (state 3 words). */
  private final boolean oneSum;
  private final Chunk out;
  /** Per key index: live groups. */
  private int[] keyRefs = new int[0];
  /** Per key index and lane: end and id of the cached group. */
  private long[] cacheEnd = new long[0];
  private int[] cacheGroup = new int[0];
  private int keyCapacity;
  /** Per group: key index, window end, flags. */
  private int[] groupKey = new int[0];
  private long[] groupEnd = new long[0];
  private byte[] flags = new byte[0];
  private int capacity;
  /** Ends of the open windows, ascending, in {@code [0, openCount)}. */
  private long[] windowEnds = new long[8];
  /** Group ids per open window; entries from {@code openCount} on are spare lists for reuse. */
  private int[][] windowGroups = new int[8][];
  private int[] windowSizes = new int[8];
  private int openCount;
  private int lastWindow;
  /** Slide-grid cell of the last row: {@code [cellStart, cellStart + slide)}, its lane, period. */
  private long cellStart = Long.MAX_VALUE;
  private int cellLane;
  private long cellPeriodEnd;

  /**
   * Creates the operator; see {@link WindowOperators#create} for the parameters.
   *
   * @param input schema of the append-only input
   * @param timeColumn input column of the event time (TIMESTAMP, microseconds)
   * @param window the windows, TUMBLE, HOP or CUMULATE
   * @param groupColumns output group columns: input columns (grouping keys) or {@link
   *     WindowSpec#START}, {@link WindowSpec#END}, {@link WindowSpec#TIME}
   * @param aggs the aggregate calls, in output order
   * @param output output schema: the group columns, then one column per aggregate
   * @param emit when to emit and the allowed lateness
   * @param downstream receiver of the results
   * @param lateOutput receiver of late rows (the input's columns), or null to drop them
   * @param chunkCapacity rows per output chunk
   */
  public WindowAggregateOperator(Schema input, int timeColumn, WindowSpec window,
      int[] groupColumns, List<AggregateSpec> aggs, Schema output, EmitStrategy emit,
      ChunkConsumer downstream, ChunkConsumer lateOutput, int chunkCapacity) {
    Objects.requireNonNull(input, "input");
    WindowOperators.requireArguments(input, timeColumn, window, false, emit, downstream,
        chunkCapacity);
    this.window = window;
    this.kind = window.kind();
    this.size = window.size();
    this.slide = window.slide();
    this.offset = window.offset();
    this.lanes = (int) Math.min(size / slide, MAX_LANES);
    this.emit = emit.kind();
    this.changelog = !emit.appendOnly();
    this.clock = new WindowClock(emit, downstream);
    this.timeColumn = timeColumn;
    this.writer = new WindowGroupWriter(input, groupColumns, aggs.size(), output);
    this.encoder = writer.encoder();
    int[] keyColumns = writer.keyColumns();
    this.noKeys = keyColumns.length == 0;
    this.singleLong = writer.singleLongKey();
    this.keyColumn = noKeys ? -1 : keyColumns[0];
    this.keyTable = noKeys ? null : new LongKeyTable(singleLong ? 1 : encoder.width());
    this.keyWords = new long[Math.max(1, encoder.width())];
    this.groups = new LongKeyTable(2);
    this.base = groupColumns.length;
    this.accs = AggregateOutput.accumulators(input, aggs, output, base, true);
    this.output = new AggregateOutput(output, base, AggregateOutput.images(aggs, changelog),
        downstream, chunkCapacity);
    this.out = this.output.out();
    this.resultWord = new int[accs.length];
    this.nonNullWord = new int[accs.length];
    int[] counted = new int[accs.length];
    int countedN = 0;
    int sums = 0;
    boolean allFast = true;
    for (AggregateSpec spec : aggs) {
      byte k = fastKind(input, spec);
      allFast &= k >= 0;
      if (k == FAST_COUNT || k == FAST_SUM) {
        int c = spec.argColumn();
        int i = 0;
        while (i < countedN && counted[i] != c) {
          i++;
        }
        if (i == countedN) {
          counted[countedN++] = c;
        }
      }
      sums += k == FAST_SUM ? 1 : 0;
    }
    this.fast = allFast;
    this.countColumns = Arrays.copyOf(counted, countedN);
    this.sumColumns = new int[allFast ? sums : 0];
    this.sumMin = new long[sumColumns.length];
    this.sumMax = new long[sumColumns.length];
    this.stride = 1 + countedN + sumColumns.length;
    this.oneSum = allFast && countedN == 1 && sumColumns.length == 1;
    for (int a = 0, sum = 0; allFast && a < accs.length; a++) {
      AggregateSpec spec = aggs.get(a);
      byte k = fastKind(input, spec);
      int countWord = 0;
      for (int i = 0; i < countedN; i++) {
        if (k != FAST_COUNT_STAR && counted[i] == spec.argColumn()) {
          countWord = 1 + i;
        }
      }
      nonNullWord[a] = countWord;
      if (k == FAST_SUM) {
        sumColumns[sum] = spec.argColumn();
        boolean intResult = spec.resultType().kind() == TypeKind.INT;
        sumMin[sum] = intResult ? Integer.MIN_VALUE : Long.MIN_VALUE;
        sumMax[sum] = intResult ? Integer.MAX_VALUE : Long.MAX_VALUE;
        resultWord[a] = 1 + countedN + sum++;
      } else {
        resultWord[a] = countWord;
      }
    }
    this.late = new WindowLateRows(input, lateOutput, chunkCapacity);
    ensureCapacity(16);
    ensureKeyCapacity(16);
  }

  @Override
  public long lateRows() {
    return late.count();
  }

  /**
   * Number of open windows (holding at least one group).
   *
   * @return the count
   */
  public int openWindowCount() {
    return openCount;
  }

  /**
   * Number of open (key, window) groups.
   *
   * @return the count
   */
  public int groupCount() {
    return groups.size();
  }

  /**
   * Number of grouping keys with open groups.
   *
   * @return the count
   */
  public int keyCount() {
    return keyTable == null ? 0 : keyTable.size();
  }

  @Override
  public void onChunk(Chunk chunk) {
    Column time = chunk.columns[timeColumn];
    long closeBound = clock.closeBound();
    for (int r = 0; r < chunk.size; r++) {
      if (chunk.kinds[r] != RowKind.INSERT) {
        throw OperatorChecks.retraction(chunk, r, "a window aggregation");
      }
      if (time.isNull(r)) {
        late.add(chunk, r);
        continue;
      }
      long ts = time.longs[r];
      if (ts < cellStart || Long.compareUnsigned(ts - cellStart, slide) >= 0) {
        locate(ts);
      }
      long firstEnd = cellStart + slide;
      long lastEnd = kind == WindowKind.TUMBLE ? firstEnd
          : kind == WindowKind.HOP ? cellStart + size : cellPeriodEnd;
      if (lastEnd <= closeBound) {
        late.add(chunk, r);
        continue;
      }
      int k = keyIndex(chunk, r);
      int lane = cellLane;
      for (long end = firstEnd; end <= lastEnd; end += slide) {
        if (end > closeBound) {
          int slot = k * lanes + lane;
          int g = cacheEnd[slot] == end ? cacheGroup[slot] : group(k, end, slot);
          accumulate(g, chunk, r);
        }
        if (++lane == lanes) {
          lane = 0;
        }
      }
    }
    if (emit == EmitStrategy.EmitKind.ON_UPDATE) {
      emitChanges();
    }
    output.flush();
    late.flush();
  }

  /** Sets the slide-grid cell holding {@code ts}, its lane and its CUMULATE period end. */
  private void locate(long ts) {
    cellStart = window.alignDown(ts, slide);
    cellLane = laneOf(cellStart + slide);
    cellPeriodEnd = kind == WindowKind.CUMULATE ? window.alignDown(ts, size) + size : 0;
  }

  private int laneOf(long end) {
    return lanes == 1 ? 0 : Math.floorMod(Math.floorDiv(end - offset, slide), lanes);
  }

  /** The fast path kind of an aggregate, or -1 when it needs its {@link AggAccumulator}. */
  private static byte fastKind(Schema input, AggregateSpec spec) {
    if (spec.distinct() || spec.filterColumn() >= 0) {
      return -1;
    }
    if (spec.kind() == AggregateKind.COUNT_STAR) {
      return FAST_COUNT_STAR;
    }
    if (spec.kind() == AggregateKind.COUNT) {
      return FAST_COUNT;
    }
    TypeKind result = spec.resultType().kind();
    if (spec.kind() == AggregateKind.SUM
        && (result == TypeKind.BIGINT || result == TypeKind.INT)) {
      TypeKind arg = input.field(spec.argColumn()).type().kind();
      return arg == TypeKind.BIGINT || arg == TypeKind.INT ? FAST_SUM : -1;
    }
    return -1;
  }

  private void accumulate(int g, Chunk in, int r) {
    if (changelog && (flags[g] & TOUCHED) == 0) {
      touch(g);
    }
    if (fast) {
      accumulateFast(g, in, r);
      return;
    }
    AggAccumulator[] as = accs;
    for (int a = 0; a < as.length; a++) {
      as[a].check(g, in, r, 1, 0);
    }
    for (int a = 0; a < as.length; a++) {
      as[a].apply(g, in, r, 1);
    }
  }

  private void accumulateFast(int g, Chunk in, int r) {
    long[] st = state;
    int at = g * stride;
    if (oneSum) {
      st[at]++;
      Column c = in.columns[sumColumns[0]];
      if (!c.isNull(r)) {
        long sum = st[at + 2];
        long v = c.longs[r];
        long t = sum + v;
        if (((sum ^ t) & (v ^ t)) < 0 || t < sumMin[0] || t > sumMax[0]) {
          st[at]--;
          throw sumOutOfRange(0, sum, v);
        }
        st[at + 1]++;
        st[at + 2] = t;
      }
      return;
    }
    int sumAt = at + 1 + countColumns.length;
    for (int i = 0; i < sumColumns.length; i++) {
      Column c = in.columns[sumColumns[i]];
      if (!c.isNull(r)) {
        long sum = st[sumAt + i];
        long v = c.longs[r];
        long t = sum + v;
        if (((sum ^ t) & (v ^ t)) < 0 || t < sumMin[i] || t > sumMax[i]) {
          throw sumOutOfRange(i, sum, v);
        }
      }
    }
    st[at]++;
    for (int i = 0; i < countColumns.length; i++) {
      if (!in.columns[countColumns[i]].isNull(r)) {
        st[at + 1 + i]++;
      }
    }
    for (int i = 0; i < sumColumns.length; i++) {
      Column c = in.columns[sumColumns[i]];
      if (!c.isNull(r)) {
        st[sumAt + i] += c.longs[r];
      }
    }
  }

  private LaminarDBException sumOutOfRange(int i, long sum, long v) {
    return new LaminarDBException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "SUM out of range of "
        + (sumMax[i] == Integer.MAX_VALUE ? "INT" : "BIGINT") + " after adding " + v + " to "
        + sum);
  }

  /** Writes the current result of an aggregate of a group into a column. */
  private void result(int a, int g, Column col, int row) {
    if (!fast) {
      accs[a].result(g, col, row);
      return;
    }
    int at = g * stride;
    if (resultWord[a] > countColumns.length && state[at + nonNullWord[a]] == 0) {
      col.setNull(row);
    } else {
      col.longs[row] = state[at + resultWord[a]];
    }
  }

  /** Key index of a row's key, adding the key if absent: 0 for a NULL single long key. */
  private int keyIndex(Chunk in, int r) {
    if (noKeys) {
      return 0;
    }
    int id;
    if (singleLong) {
      Column c = in.columns[keyColumn];
      if (c.isNull(r)) {
        return 0;
      }
      long v = c.longs[r];
      if (v >= 0 && v < direct.length && direct[(int) v] != 0) {
        return direct[(int) v];
      }
      id = keyTable.getOrAdd(v);
      if (v >= 0 && v < DIRECT_LIMIT) {
        if (v >= direct.length) {
          direct = Arrays.copyOf(direct, (int) Math.min(DIRECT_LIMIT,
              Math.max(direct.length * 2L, Long.highestOneBit(v) * 2)));
        }
        direct[(int) v] = id + 1;
      }
      if (!keyTable.lastAdded()) {
        return id + 1;
      }
    } else {
      encoder.encode(in, r, keyWords, 0);
      id = keyTable.getOrAdd(keyWords, 0);
      if (!keyTable.lastAdded()) {
        return id + 1;
      }
      encoder.retain(keyTable, id);
    }
    int k = id + 1;
    if (k >= keyCapacity) {
      ensureKeyCapacity(k + 1);
    }
    keyRefs[k] = 0;
    return k;
  }

  private void ensureKeyCapacity(int needed) {
    int n = Math.max(keyCapacity * 2, needed);
    keyRefs = Arrays.copyOf(keyRefs, n);
    cacheEnd = Arrays.copyOf(cacheEnd, n * lanes);
    cacheGroup = Arrays.copyOf(cacheGroup, n * lanes);
    Arrays.fill(cacheEnd, keyCapacity * lanes, n * lanes, NO_END);
    keyCapacity = n;
  }

  /** The group of (key, window), creating it if absent, and caches it in the key's lane slot. */
  private int group(int k, long end, int slot) {
    groupWords[0] = k;
    groupWords[1] = end;
    int g = groups.getOrAdd(groupWords, 0);
    if (groups.lastAdded()) {
      addGroup(g, k, end);
    }
    cacheEnd[slot] = end;
    cacheGroup[slot] = g;
    return g;
  }

  private void addGroup(int g, int k, long end) {
    if (groups.idLimit() > capacity) {
      ensureCapacity(groups.idLimit());
    }
    flags[g] = 0;
    groupKey[g] = k;
    groupEnd[g] = end;
    keyRefs[k]++;
    if (fast) {
      Arrays.fill(state, g * stride, (g + 1) * stride, 0L);
    } else {
      for (AggAccumulator acc : accs) {
        acc.init(g);
      }
    }
    int w = windowIndex(end);
    int n = windowSizes[w];
    int[] list = windowGroups[w];
    if (n == list.length) {
      list = Arrays.copyOf(list, n * 2);
      windowGroups[w] = list;
    }
    list[n] = g;
    windowSizes[w] = n + 1;
  }

  /** Index of the open window with this end, opening it if needed. */
  private int windowIndex(long end) {
    if (lastWindow < openCount && windowEnds[lastWindow] == end) {
      return lastWindow;
    }
    int w = Arrays.binarySearch(windowEnds, 0, openCount, end);
    if (w < 0) {
      w = -w - 1;
      openWindow(w, end);
    }
    lastWindow = w;
    return w;
  }

  private void openWindow(int w, long end) {
    if (openCount == windowEnds.length) {
      int n = openCount * 2;
      windowEnds = Arrays.copyOf(windowEnds, n);
      windowGroups = Arrays.copyOf(windowGroups, n);
      windowSizes = Arrays.copyOf(windowSizes, n);
    }
    int[] list = windowGroups[openCount];
    if (list == null) {
      list = new int[16];
    }
    int move = openCount - w;
    System.arraycopy(windowEnds, w, windowEnds, w + 1, move);
    System.arraycopy(windowGroups, w, windowGroups, w + 1, move);
    System.arraycopy(windowSizes, w, windowSizes, w + 1, move);
    windowEnds[w] = end;
    windowGroups[w] = list;
    windowSizes[w] = 0;
    openCount++;
  }

  private void ensureCapacity(int needed) {
    int n = Math.max(capacity * 2, needed);
    flags = Arrays.copyOf(flags, n);
    groupKey = Arrays.copyOf(groupKey, n);
    groupEnd = Arrays.copyOf(groupEnd, n);
    if (fast) {
      state = Arrays.copyOf(state, n * stride);
    }
    for (int a = 0; a < accs.length && !fast; a++) {
      accs[a].grow(n);
    }
    output.grow(n);
    capacity = n;
  }

  private void touch(int g) {
    flags[g] |= TOUCHED;
    output.listChanged(g);
  }

  @Override
  public void onWatermark(long w) {
    if (!clock.advance(w)) {
      return;
    }
    long closeBound = clock.closeBound();
    while (openCount > 0 && windowEnds[0] <= closeBound) {
      closeFirstWindow();
    }
    output.flush();
    clock.forward();
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

  /** Emits the results of the oldest open window as the mode says, then frees its state. */
  private void closeFirstWindow() {
    long end = windowEnds[0];
    long start = startOf(end);
    int[] list = windowGroups[0];
    int n = windowSizes[0];
    for (int i = 0; i < n; i++) {
      int g = list[i];
      if (emit == EmitStrategy.EmitKind.ON_WINDOW_CLOSE) {
        int r = reserveRow(g, RowKind.INSERT, start, end);
        for (int a = 0; a < accs.length; a++) {
          result(a, g, out.columns[base + a], r);
        }
      } else if (emit == EmitStrategy.EmitKind.PERIODIC && (flags[g] & TOUCHED) != 0) {
        emitGroup(g);
      }
      freeGroup(g);
    }
    openCount--;
    System.arraycopy(windowEnds, 1, windowEnds, 0, openCount);
    System.arraycopy(windowGroups, 1, windowGroups, 0, openCount);
    System.arraycopy(windowSizes, 1, windowSizes, 0, openCount);
    windowGroups[openCount] = list;
    lastWindow = 0;
  }

  private long startOf(long end) {
    return kind == WindowKind.CUMULATE ? window.alignDown(end - 1, size) : end - size;
  }

  private void freeGroup(int g) {
    for (int a = 0; a < accs.length && !fast; a++) {
      accs[a].free(g);
    }
    output.clear(g);
    flags[g] = 0;
    int k = groupKey[g];
    long end = groupEnd[g];
    int slot = k * lanes + laneOf(end);
    if (cacheEnd[slot] == end) {
      cacheEnd[slot] = NO_END;
    }
    groups.remove(g);
    if (--keyRefs[k] == 0 && k > 0) {
      if (singleLong) {
        long v = keyTable.key(k - 1, 0);
        if (v >= 0 && v < direct.length) {
          direct[(int) v] = 0;
        }
      } else {
        encoder.release(keyTable, k - 1);
      }
      keyTable.remove(k - 1);
    }
  }

  /**
   * Emits every touched group still open (entries of freed groups have lost their flag and are
   * skipped).
   *
   * @return rows emitted
   */
  private int emitChanges() {
    return output.emitChanged(emitTouched);
  }

  private int emitTouched(int g) {
    return (flags[g] & TOUCHED) != 0 ? emitGroup(g) : 0;
  }

  /** Emits a changed group: {@code +I}, or {@code -U}/{@code +U}, or nothing if unchanged. */
  private int emitGroup(int g) {
    flags[g] &= ~TOUCHED;
    output.resetCurrent();
    for (int a = 0; a < accs.length; a++) {
      result(a, g, output.current(a), 0);
    }
    long end = groupEnd[g];
    long start = startOf(end);
    int rows;
    if ((flags[g] & EMITTED) != 0) {
      if (output.sameAsImage(g)) {
        return 0;
      }
      output.writeImage(g, out, reserveRow(g, RowKind.UPDATE_BEFORE, start, end));
      appendCurrent(g, RowKind.UPDATE_AFTER, start, end);
      rows = 2;
    } else {
      appendCurrent(g, RowKind.INSERT, start, end);
      flags[g] |= EMITTED;
      rows = 1;
    }
    output.storeImage(g);
    return rows;
  }

  private void appendCurrent(int g, byte rowKind, long start, long end) {
    output.writeCurrent(out, reserveRow(g, rowKind, start, end));
  }

  /** Appends an output row holding the group columns; flushes first when the chunk is full. */
  private int reserveRow(int g, byte rowKind, long start, long end) {
    int r = output.reserve(out, rowKind);
    writer.writeIndexed(keyTable, groupKey[g], out, r, start, end);
    return r;
  }
}
