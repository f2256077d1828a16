package org.laminardb.core.operator;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.state.KeyEncoder;
import org.laminardb.core.state.LongKeyTable;
import org.laminardb.core.type.Schema;

/**
 * OVER window ordered by event time: appends to each input row one column per {@link OverCall}
 * (LAG, LEAD, and COUNT/SUM/AVG/MIN/MAX over an {@link OverFrame}) computed over the rows of its
 * partition in event-time order. Output is append-only: the input columns, then the calls.
 *
 * <p>Order and lateness: rows are buffered until the watermark ({@link #onWatermark}) reaches
 * their event time, then processed in (event time, arrival) order per partition, so rows may
 * arrive out of order within the watermark's bound. A row whose event time is at or below the
 * current watermark when it arrives (or NULL) is late: dropped and counted in {@link #lateRows()}.
 * Rows are processed only on a watermark; {@link Watermarks#IDLE} is forwarded and processes
 * nothing.
 *
 * <p>State per partition lives as long as the operator: LAG's default appears only on the
 * partition's first {@code offset} rows ever. A row with LEAD is emitted once its {@code offset}-th
 * following row in the partition has been processed; until then it stays buffered (a stream has
 * no end, so LEAD's default is never used), and the watermark forwarded downstream is held below
 * the oldest such row, so that its consumers do not see it late.
 *
 * <p>Cost: the rows of a partition's frame (ROWS n: n + 1 rows; RANGE d: the rows of the last d
 * microseconds) and its last {@code max LAG offset} rows are kept; UNBOUNDED frames keep only
 * running aggregates. Each partition's key stays for the life of the query. Garbage free in steady
 * state; single-threaded.
 */
public final class OverOperator implements ChunkConsumer {
  private final ChunkConsumer downstream;
  private final int timeColumn;
  private final OverCall[] calls;
  private final OverFrame frame;
  private final int width;
  private final int maxLag;
  private final int maxLead;
  private final KeyEncoder encoder;
  private final LongKeyTable partitions;
  private final long[] key;
  private final AggAccumulator[] accs;
  private final int[] accColumn;
  private final OverRowStore pending;
  private final OverRowStore hist;
  private final OverRowStore waiting;
  private final Chunk scratchIn;
  private final Chunk scratchOut;
  private final Chunk out;

  private long watermark = Watermarks.NONE;
  private long forwarded = Watermarks.NONE;
  private long late;
  private long nextSeq;
  // pending rows, by pending slot
  private long[] pendingTs = new long[16];
  private long[] pendingSeq = new long[16];
  private int[] pendingPart = new int[16];
  private int[] pendingList = new int[16];
  private int pendingCount;
  private int[] batch = new int[16];
  private int[] sortScratch = new int[16];
  // history rows, by history slot
  private long[] histTs = new long[16];
  // waiting output rows, by waiting slot
  private long[] waitTs = new long[16];
  // per partition
  private int partitionLimit;
  private int[][] histRing = new int[0][];
  private int[] histHead = new int[0];
  private int[] histCount = new int[0];
  private int[] inFrame = new int[0];
  private long[] frameRows = new long[0];
  private int[][] fifo = new int[0][];
  private int[] fifoHead = new int[0];
  private int[] fifoCount = new int[0];

  /**
   * Creates the operator.
   *
   * @param input schema of the input rows
   * @param partitionColumns input columns of the partition key; empty for one partition
   * @param timeColumn input column of the event time (TIMESTAMP), the ORDER BY of the window
   * @param calls the functions, in output order
   * @param frame frame of the aggregate calls
   * @param output the input columns followed by one column per call
   * @param downstream receiver of the output rows and watermarks
   * @param chunkCapacity rows per output chunk
   * @throws IllegalArgumentException when the arguments do not fit together
   */
  public OverOperator(Schema input, int[] partitionColumns, int timeColumn, List<OverCall> calls,
      OverFrame frame, Schema output, ChunkConsumer downstream, int chunkCapacity) {
    Objects.requireNonNull(input, "input");
    this.downstream = Objects.requireNonNull(downstream, "downstream");
    this.frame = Objects.requireNonNull(frame, "frame");
    OperatorChecks.requireColumn(input, timeColumn, "timeColumn");
    this.timeColumn = timeColumn;
    this.calls = calls.toArray(new OverCall[0]);
    this.width = input.size();
    if (output.size() != width + this.calls.length) {
      throw new IllegalArgumentException("output must have " + (width + this.calls.length)
          + " columns (input, then calls): output columns=" + output.size());
    }
    int lag = 0;
    int lead = 0;
    int aggs = 0;
    for (OverCall c : this.calls) {
      if (c.argColumn() >= 0) {
        OperatorChecks.requireColumn(input, c.argColumn(), "argColumn");
      }
      if (c.function() == OverCall.Function.LAG) {
        lag = Math.max(lag, c.offset());
      } else if (c.function() == OverCall.Function.LEAD) {
        lead = Math.max(lead, c.offset());
      } else {
        aggs++;
      }
    }
    this.maxLag = lag;
    this.maxLead = lead;
    this.accs = new AggAccumulator[aggs];
    this.accColumn = new int[aggs];
    int a = 0;
    for (int i = 0; i < this.calls.length; i++) {
      if (!this.calls[i].isShift()) {
        accs[a] = Accumulators.create(input, this.calls[i].aggregateSpec(), frame.unbounded());
        accColumn[a++] = width + i;
      }
    }
    this.encoder = partitionColumns.length == 0 ? null : new KeyEncoder(input, partitionColumns);
    this.partitions = encoder == null ? null : new LongKeyTable(encoder.width());
    this.key = new long[encoder == null ? 0 : encoder.width()];
    this.pending = new OverRowStore(input);
    this.hist = new OverRowStore(input);
    this.waiting = new OverRowStore(output);
    this.scratchIn = new Chunk(input, 1);
    this.scratchOut = new Chunk(output, 1);
    this.out = new Chunk(output, chunkCapacity);
  }

  /**
   * Late rows dropped so far (event time at or below the watermark on arrival, or NULL).
   *
   * @return the count
   */
  public long lateRows() {
    return late;
  }

  /**
   * Rows buffered: waiting for the watermark or for the rows LEAD needs.
   *
   * @return the count
   */
  public int bufferedRows() {
    return pending.size() + waiting.size();
  }

  @Override
  public void onChunk(Chunk chunk) {
    for (int r = 0; r < chunk.size; r++) {
      if (RowKind.isRetraction(chunk.kinds[r])) {
        throw OperatorChecks.retraction(chunk, r, "an OVER window, which must be append-only");
      }
      if (chunk.columns[timeColumn].isNull(r)) {
        late++;
        continue;
      }
      long ts = chunk.columns[timeColumn].longs[r];
      if (ts <= watermark) {
        late++;
        continue;
      }
      buffer(chunk, r, ts);
    }
  }

  private void buffer(Chunk chunk, int r, long ts) {
    int p = partitionOf(chunk, r);
    int s = pending.add(chunk, r);
    if (s >= pendingTs.length) {
      int cap = Math.max(s + 1, pendingTs.length * 2);
      pendingTs = Arrays.copyOf(pendingTs, cap);
      pendingSeq = Arrays.copyOf(pendingSeq, cap);
      pendingPart = Arrays.copyOf(pendingPart, cap);
    }
    pendingTs[s] = ts;
    pendingSeq[s] = nextSeq++;
    pendingPart[s] = p;
    if (pendingCount == pendingList.length) {
      pendingList = Arrays.copyOf(pendingList, pendingCount * 2);
    }
    pendingList[pendingCount++] = s;
  }

  private int partitionOf(Chunk chunk, int r) {
    int p = 0;
    if (encoder != null) {
      encoder.encode(chunk, r, key, 0);
      p = partitions.getOrAdd(key, 0);
      if (partitions.lastAdded()) {
        encoder.retain(partitions, p);
      }
    }
    if (p >= partitionLimit) {
      growPartitions(p + 1);
    }
    return p;
  }

  private void growPartitions(int needed) {
    int cap = Math.max(needed, partitionLimit * 2);
    histRing = Arrays.copyOf(histRing, cap);
    histHead = Arrays.copyOf(histHead, cap);
    histCount = Arrays.copyOf(histCount, cap);
    inFrame = Arrays.copyOf(inFrame, cap);
    frameRows = Arrays.copyOf(frameRows, cap);
    fifo = Arrays.copyOf(fifo, cap);
    fifoHead = Arrays.copyOf(fifoHead, cap);
    fifoCount = Arrays.copyOf(fifoCount, cap);
    for (int p = partitionLimit; p < cap; p++) {
      histRing[p] = new int[Math.max(4, Integer.highestOneBit(maxLag + 1) * 2)];
      fifo[p] = new int[Math.max(4, Integer.highestOneBit(maxLead + 1) * 2)];
    }
    for (AggAccumulator acc : accs) {
      acc.grow(cap);
    }
    for (int p = partitionLimit; p < cap; p++) {
      for (AggAccumulator acc : accs) {
        acc.init(p);
      }
    }
    partitionLimit = cap;
  }

  @Override
  public void onWatermark(long wm) {
    if (wm == Watermarks.IDLE) {
      downstream.onWatermark(wm);
      return;
    }
    if (wm <= watermark) {
      return;
    }
    watermark = wm;
    int n = takeFinal(wm);
    sortBatch(n);
    int i = 0;
    while (i < n) {
      int s = batch[i];
      int p = pendingPart[s];
      long ts = pendingTs[s];
      int j = i;
      while (j < n && pendingPart[batch[j]] == p && pendingTs[batch[j]] == ts) {
        j++;
      }
      processRun(p, ts, i, j);
      i = j;
    }
    if (out.size > 0) {
      flush();
    }
    forwardWatermark();
  }

  private void forwardWatermark() {
    long w = watermark;
    if (maxLead > 0) {
      for (int p = 0; p < partitionLimit; p++) {
        if (fifoCount[p] > 0) {
          int[] f = fifo[p];
          long ts = waitTs[f[fifoHead[p]]];
          w = Math.min(w, ts - 1);
        }
      }
    }
    if (w > forwarded) {
      forwarded = w;
      downstream.onWatermark(w);
    }
  }

  /** Moves the pending rows with event time at or below the watermark into {@link #batch}. */
  private int takeFinal(long wm) {
    if (batch.length < pendingCount) {
      batch = new int[pendingList.length];
      sortScratch = new int[pendingList.length];
    }
    int n = 0;
    int kept = 0;
    for (int i = 0; i < pendingCount; i++) {
      int s = pendingList[i];
      if (pendingTs[s] <= wm) {
        batch[n++] = s;
      } else {
        pendingList[kept++] = s;
      }
    }
    pendingCount = kept;
    return n;
  }

  private void sortBatch(int n) {
    for (int run = 1; run < n; run *= 2) {
      for (int lo = 0; lo < n - run; lo += 2 * run) {
        merge(lo, lo + run, Math.min(lo + 2 * run, n));
      }
    }
  }

  private void merge(int lo, int mid, int hi) {
    if (!before(batch[mid], batch[mid - 1])) {
      return;
    }
    System.arraycopy(batch, lo, sortScratch, lo, hi - lo);
    int a = lo;
    int b = mid;
    for (int k = lo; k < hi; k++) {
      if (a < mid && (b >= hi || !before(sortScratch[b], sortScratch[a]))) {
        batch[k] = sortScratch[a++];
      } else {
        batch[k] = sortScratch[b++];
      }
    }
  }

  /** Whether pending row x goes strictly before pending row y: by partition, time, arrival. */
  private boolean before(int x, int y) {
    if (pendingPart[x] != pendingPart[y]) {
      return pendingPart[x] < pendingPart[y];
    }
    if (pendingTs[x] != pendingTs[y]) {
      return pendingTs[x] < pendingTs[y];
    }
    return pendingSeq[x] < pendingSeq[y];
  }

  /** Processes the rows {@code batch[from, to)}: one partition, one event time, arrival order. */
  private void processRun(int p, long ts, int from, int to) {
    int firstWait = fifoCount[p];
    for (int i = from; i < to; i++) {
      int s = batch[i];
      int h = hist.allocate();
      copyRow(pending, s, hist, h);
      pending.free(s);
      if (h >= histTs.length) {
        histTs = Arrays.copyOf(histTs, Math.max(h + 1, histTs.length * 2));
      }
      histTs[h] = ts;
      pushHistory(p, h);
      int w = waiting.allocate();
      if (w >= waitTs.length) {
        waitTs = Arrays.copyOf(waitTs, Math.max(w + 1, waitTs.length * 2));
      }
      waitTs[w] = ts;
      copyRow(hist, h, waiting, w);
      writeLags(p, w);
      if (accs.length > 0) {
        addToFrame(p, h);
        if (frame.rows()) {
          evictRows(p);
          writeAggregates(p, w);
        }
      }
      fillLeads(p, h);
      pushWaiting(p, w);
    }
    if (accs.length > 0 && !frame.rows()) {
      evictRange(p, ts);
      for (int k = firstWait; k < fifoCount[p]; k++) {
        writeAggregates(p, fifo[p][(fifoHead[p] + k) & (fifo[p].length - 1)]);
      }
    }
    trimHistory(p);
    emitReady(p);
  }

  private void copyRow(OverRowStore from, int fromSlot, OverRowStore to, int toSlot) {
    for (int c = 0; c < width; c++) {
      to.setFrom(toSlot, c, from, fromSlot, c);
    }
  }

  private int histAt(int p, int index) {
    int[] ring = histRing[p];
    return ring[(histHead[p] + index) & (ring.length - 1)];
  }

  private void pushHistory(int p, int h) {
    int[] ring = ringAppend(histRing[p], histHead[p], histCount[p], h);
    if (ring != histRing[p]) {
      histRing[p] = ring;
      histHead[p] = 0;
    }
    histCount[p]++;
  }

  /**
   * Appends a value to a ring of power-of-two length holding {@code count} values from {@code
   * head}. When the ring is full, returns a ring twice as long holding the values from index 0
   * (the caller then sets its head to 0), else the same ring.
   */
  private static int[] ringAppend(int[] ring, int head, int count, int value) {
    int[] r = ring;
    int h = head;
    if (count == r.length) {
      r = new int[ring.length * 2];
      for (int k = 0; k < count; k++) {
        r[k] = ring[(head + k) & (ring.length - 1)];
      }
      h = 0;
    }
    r[(h + count) & (r.length - 1)] = value;
    return r;
  }

  private void writeLags(int p, int w) {
    int current = histCount[p] - 1;
    for (int i = 0; i < calls.length; i++) {
      OverCall c = calls[i];
      if (c.function() != OverCall.Function.LAG) {
        continue;
      }
      int at = current - c.offset();
      if (at < 0) {
        waiting.setValue(w, width + i, c.defaultValue());
      } else {
        waiting.setFrom(w, width + i, hist, histAt(p, at), c.argColumn());
      }
    }
  }

  private void fillLeads(int p, int h) {
    if (maxLead == 0) {
      return;
    }
    int[] f = fifo[p];
    for (int i = 0; i < calls.length; i++) {
      OverCall c = calls[i];
      if (c.function() == OverCall.Function.LEAD && fifoCount[p] >= c.offset()) {
        int w = f[(fifoHead[p] + fifoCount[p] - c.offset()) & (f.length - 1)];
        waiting.setFrom(w, width + i, hist, h, c.argColumn());
      }
    }
  }

  private void pushWaiting(int p, int w) {
    int[] f = ringAppend(fifo[p], fifoHead[p], fifoCount[p], w);
    if (f != fifo[p]) {
      fifo[p] = f;
      fifoHead[p] = 0;
    }
    fifoCount[p]++;
  }

  private void emitReady(int p) {
    int[] f = fifo[p];
    while (fifoCount[p] > maxLead) {
      int w = f[fifoHead[p]];
      fifoHead[p] = (fifoHead[p] + 1) & (f.length - 1);
      fifoCount[p]--;
      int r = out.size++;
      waiting.write(w, out, r, 0, width + calls.length);
      out.kinds[r] = RowKind.INSERT;
      waiting.free(w);
      if (out.isFull()) {
        flush();
      }
    }
  }

  private void addToFrame(int p, int h) {
    loadScratch(h);
    long n = frameRows[p];
    for (AggAccumulator acc : accs) {
      acc.check(p, scratchIn, 0, 1, n);
    }
    for (AggAccumulator acc : accs) {
      acc.apply(p, scratchIn, 0, 1);
    }
    frameRows[p] = n + 1;
    if (!frame.unbounded()) {
      inFrame[p]++;
    }
  }

  private void evictOldest(int p) {
    int h = histAt(p, histCount[p] - inFrame[p]);
    loadScratch(h);
    long n = frameRows[p];
    for (AggAccumulator acc : accs) {
      acc.check(p, scratchIn, 0, -1, n);
    }
    for (AggAccumulator acc : accs) {
      acc.apply(p, scratchIn, 0, -1);
    }
    frameRows[p] = n - 1;
    inFrame[p]--;
  }

  private void evictRows(int p) {
    if (frame.unbounded()) {
      return;
    }
    while (inFrame[p] > frame.preceding() + 1) {
      evictOldest(p);
    }
  }

  private void evictRange(int p, long ts) {
    if (frame.unbounded()) {
      return;
    }
    long from = ts - frame.preceding();
    while (inFrame[p] > 0 && histTs[histAt(p, histCount[p] - inFrame[p])] < from) {
      evictOldest(p);
    }
  }

  private void loadScratch(int h) {
    scratchIn.reset();
    scratchIn.size = 1;
    hist.write(h, scratchIn, 0, 0, width);
  }

  private void writeAggregates(int p, int w) {
    for (int a = 0; a < accs.length; a++) {
      scratchOut.reset();
      scratchOut.size = 1;
      int col = accColumn[a];
      accs[a].result(p, scratchOut.columns[col], 0);
      waiting.set(w, col, scratchOut.columns[col], 0);
    }
  }

  private void trimHistory(int p) {
    int keep = Math.max(inFrame[p], maxLag);
    int[] ring = histRing[p];
    while (histCount[p] > keep) {
      hist.free(ring[histHead[p]]);
      histHead[p] = (histHead[p] + 1) & (ring.length - 1);
      histCount[p]--;
    }
  }

  private void flush() {
    downstream.onChunk(out);
    out.reset();
  }
}
