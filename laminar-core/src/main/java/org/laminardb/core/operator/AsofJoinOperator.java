package org.laminardb.core.operator;

import java.util.Arrays;
import java.util.Objects;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.state.LongKeyTable;
import org.laminardb.core.state.StringDictionary;
import org.laminardb.core.type.Schema;

/**
 * ASOF join in event time: each left row joins at most one right row of the same key, the one
 * closest in time in the chosen {@link AsofDirection}, within an optional tolerance. Also runs
 * event-time temporal joins against a versioned input ({@code versioned}): there the right input
 * is a changelog of versions, a delete ends the key's version, and each left row joins the
 * version valid at its time (backward, not strict).
 *
 * <p><b>Matching.</b> Rows with a NULL key or time never match. Backward: the right row with the
 * largest time {@code <=} the left time ({@code <} when strict); forward: the smallest time
 * {@code >=} ({@code >}); nearest: the smallest distance, the earlier one on a tie. Among right
 * rows with equal time the one that arrived last wins. With a tolerance, a candidate farther than
 * it in time does not match. INNER emits only matched left rows; LEFT also emits unmatched ones
 * padded with NULLs.
 *
 * <p><b>When output is emitted.</b> A left row's result is final once no future right row can
 * change it; rows after a right watermark {@code w} have times above {@code w}. Backward: when
 * {@code w >= left time}. Forward: when {@code w} reaches the best candidate's time or the left
 * time plus the tolerance. Nearest: when {@code w} reaches the left time plus the distance of the
 * best candidate (or the tolerance). Left rows wait in state until then; a left row whose result
 * is already final when it arrives is emitted at once. Output is append-only ({@code +I}) and
 * never retracted. Without a tolerance a forward or nearest left row with no later right row of
 * its key waits indefinitely.
 *
 * <p><b>State.</b> Pending left rows, and per key the right rows a present or future left row can
 * still need: future left rows have times above the left watermark {@code wl}, so with {@code T =
 * min(wl + 1, oldest pending left time)} a key keeps its rows at or after {@code T} and (backward,
 * nearest, versioned) the last one before {@code T}, unless the tolerance or a delete rules it
 * out. Keys are trimmed when they get a row and swept a few at a time on watermarks. Backward
 * joins without a tolerance therefore keep one row per key for ever (like a table).
 *
 * <p><b>Late rows.</b> A left row at or behind the left watermark, or a right row at or behind
 * the right watermark (its effect on earlier results is final already), is dropped and counted
 * in {@link #lateRows()}.
 *
 * <p><b>Watermark.</b> The output carries the left time as its event time; its watermark is
 * {@code min(wl, oldest pending left time - 1)}, forwarded after the rows it covers and never
 * backwards. An idle left input with nothing pending forwards {@link Watermarks#IDLE}. An idle
 * right input releases nothing.
 *
 * <p>Garbage free in steady state. Single-threaded: owned by one reactor thread.
 */
public final class AsofJoinOperator {
  private static final long NO_TOLERANCE = Long.MAX_VALUE;

  private final AsofDirection direction;
  private final boolean strict;
  private final long tolerance;
  private final boolean leftOuter;
  private final boolean versioned;
  private final ChunkConsumer downstream;
  private final LongKeyTable keys;
  private final long[] key;
  private final Pending pending;
  private final Versions versions;
  private final JoinOutput output;
  private final ChunkConsumer leftInput;
  private final ChunkConsumer rightInput;
  private long leftWatermark = Watermarks.NONE;
  private long rightWatermark = Watermarks.NONE;
  private boolean leftIdle;
  private long forwarded = Watermarks.NONE;
  private boolean forwardedIdle;
  private long late;
  /** The trim bound used by the last sweep, and where the sweep goes on. */
  private long sweptBound = Long.MIN_VALUE;
  private int sweepCursor;
  private int rowsSinceSweep;

  /**
   * Creates the operator.
   *
   * @param left schema of the left input (append-only)
   * @param leftKeys left key columns
   * @param leftTime left event-time column (TIMESTAMP, microseconds)
   * @param right schema of the right input (append-only, or a changelog when versioned)
   * @param rightKeys right key columns, pairwise equal to the left ones, stored alike
   * @param rightTime right event-time column
   * @param direction which right rows may match a left row
   * @param strict whether a right row at exactly the left time is excluded (backward, forward)
   * @param tolerance largest time distance of a match in microseconds, or {@code
   *     Long.MAX_VALUE} for none
   * @param leftOuter whether unmatched left rows are emitted padded with NULLs
   * @param versioned whether the right input is a changelog of versions (deletes end a version;
   *     only with a backward, non-strict direction)
   * @param output output schema: the left columns, then the right ones
   * @param downstream receiver of the output rows and watermark
   * @param chunkCapacity rows per output chunk
   */
  public AsofJoinOperator(Schema left, int[] leftKeys, int leftTime, Schema right,
      int[] rightKeys, int rightTime, AsofDirection direction, boolean strict, long tolerance,
      boolean leftOuter, boolean versioned, Schema output, ChunkConsumer downstream,
      int chunkCapacity) {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    this.direction = Objects.requireNonNull(direction, "direction");
    this.downstream = Objects.requireNonNull(downstream, "downstream");
    OperatorChecks.requireCapacity(chunkCapacity);
    JoinOperator.checkKeys(left, leftKeys, right, rightKeys);
    JoinOperator.checkOutput(left, right, output);
    OperatorChecks.requireColumn(left, leftTime, "leftTime");
    OperatorChecks.requireColumn(right, rightTime, "rightTime");
    if (tolerance < 0) {
      throw new IllegalArgumentException("tolerance must not be negative: " + tolerance);
    }
    if (versioned && (direction != AsofDirection.BACKWARD || strict)) {
      throw new IllegalArgumentException("a versioned right input needs a backward, non-strict "
          + "direction");
    }
    this.strict = strict && direction != AsofDirection.NEAREST;
    this.tolerance = tolerance;
    this.leftOuter = leftOuter;
    this.versioned = versioned;
    StringDictionary dictionary = new StringDictionary();
    this.pending = new Pending(left, leftKeys, leftTime, dictionary);
    this.versions = new Versions(right, rightKeys, rightTime, dictionary);
    this.keys = new LongKeyTable(pending.encoder.width());
    this.key = new long[pending.encoder.width()];
    this.output = new JoinOutput(left, output, downstream, chunkCapacity);
    this.leftInput = new Input(0);
    this.rightInput = new Input(1);
  }

  /**
   * The consumer of the left input's rows and watermarks.
   *
   * @return the left input
   */
  public ChunkConsumer left() {
    return leftInput;
  }

  /**
   * The consumer of the right input's rows and watermarks.
   *
   * @return the right input
   */
  public ChunkConsumer right() {
    return rightInput;
  }

  /**
   * Left rows waiting for the right watermark.
   *
   * @return the row count
   */
  public int pendingRows() {
    return pending.rows.size();
  }

  /**
   * Right rows held (deletes of a versioned input included).
   *
   * @return the row count
   */
  public int storedRightRows() {
    return versions.rows.size();
  }

  /**
   * Distinct join keys held.
   *
   * @return the key count
   */
  public int keyCount() {
    return keys.size();
  }

  /**
   * Rows dropped because their time was at or behind their input's watermark.
   *
   * @return the count
   */
  public long lateRows() {
    return late;
  }

  /**
   * The output watermark forwarded so far.
   *
   * @return the watermark, {@link Watermarks#NONE} before any
   */
  public long outputWatermark() {
    return forwarded;
  }

  // ---------------------------------------------------------------- left rows

  private void onLeft(Chunk in) {
    for (int r = 0; r < in.size; r++) {
      if (RowKind.weight(in.kinds[r]) <= 0) {
        throw new IllegalStateException("an ASOF join's left input must be append-only: got a "
            + "retraction");
      }
      boolean nullTime = in.columns[pending.timeColumn].isNull(r);
      long time = nullTime ? 0 : in.columns[pending.timeColumn].longs[r];
      if (!nullTime && time <= leftWatermark) {
        late++;
        continue;
      }
      if (nullTime || pending.nullKey(in, r)) {
        if (leftOuter) {
          output.padded(output.next(RowKind.INSERT), 0, in, r);
        }
        continue;
      }
      int id = pending.encoder.encodeExisting(in, r, key, 0) ? keys.get(key, 0) : -1;
      long deadline = id < 0 ? deadline(time, -1) : deadline(time, id);
      if (deadline <= rightWatermark) {
        int match = id < 0 ? -1 : best(id, time);
        if (match >= 0) {
          output.pair(output.out, output.next(RowKind.INSERT), 0, in, r, versions, match);
        } else if (leftOuter) {
          output.padded(output.next(RowKind.INSERT), 0, in, r);
        }
        continue;
      }
      if (id < 0) {
        id = addKey(in, r, pending);
      }
      pending.add(in, r, id, time, deadline);
    }
    output.flush();
  }

  private int addKey(Chunk in, int r, KeyedJoinRows side) {
    side.encoder.encode(in, r, key, 0);
    int id = keys.getOrAdd(key, 0);
    if (keys.lastAdded()) {
      side.encoder.retain(keys, id);
      pending.ensureKeys(keys.idLimit());
      versions.ensureKeys(keys.idLimit());
    }
    return id;
  }

  /**
   * The right watermark at which a left row's result becomes final, given the right rows of its
   * key now ({@code id} -1 for none).
   */
  private long deadline(long time, int id) {
    switch (direction) {
      case BACKWARD:
        return time;
      case FORWARD: {
        long limit = Watermarks.plus(time, tolerance);
        int f = id < 0 ? -1 : versions.forward(id, time, strict);
        return f < 0 ? limit : Math.min(limit, versions.timeOf(f));
      }
      default: {
        long d = id < 0 ? -1 : nearestDistance(id, time);
        return Watermarks.plus(time, d < 0 ? tolerance : Math.min(d, tolerance));
      }
    }
  }

  /** Distance of the nearest right row of a key to a time, or -1 if the key has none. */
  private long nearestDistance(int id, long time) {
    int b = versions.backward(id, time, false);
    int f = versions.forward(id, time, true);
    long d = -1;
    if (b >= 0) {
      d = Watermarks.plus(time, -versions.timeOf(b));
    }
    if (f >= 0) {
      long df = Watermarks.plus(versions.timeOf(f), -time);
      d = d < 0 ? df : Math.min(d, df);
    }
    return d;
  }

  /** The stored right slot a left row of a key and time joins now, or -1. */
  private int best(int id, long time) {
    int slot;
    switch (direction) {
      case BACKWARD:
        slot = versions.backward(id, time, strict);
        break;
      case FORWARD:
        slot = versions.forward(id, time, strict);
        break;
      default: {
        int b = versions.backward(id, time, false);
        int f = versions.forward(id, time, true);
        if (b >= 0 && f >= 0) {
          long db = Watermarks.plus(time, -versions.timeOf(b));
          long df = Watermarks.plus(versions.timeOf(f), -time);
          slot = df < db ? f : b;
        } else {
          slot = b >= 0 ? b : f;
        }
        break;
      }
    }
    if (slot < 0 || versions.deleted[slot]) {
      return -1;
    }
    long t = versions.timeOf(slot);
    long distance = t <= time ? Watermarks.plus(time, -t) : Watermarks.plus(t, -time);
    return distance > tolerance ? -1 : slot;
  }

  // --------------------------------------------------------------- right rows

  private void onRight(Chunk in) {
    for (int r = 0; r < in.size; r++) {
      byte kind = in.kinds[r];
      boolean delete = kind == RowKind.DELETE;
      if (RowKind.weight(kind) <= 0) {
        if (!versioned) {
          throw new IllegalStateException("an ASOF join's right input must be append-only: got "
              + "a retraction");
        }
        if (!delete) {
          continue; // -U: the +U that follows is the new version
        }
      }
      if (in.columns[versions.timeColumn].isNull(r) || versions.nullKey(in, r)) {
        continue;
      }
      long time = in.columns[versions.timeColumn].longs[r];
      if (time <= rightWatermark) {
        late++;
        continue;
      }
      int id = versions.encoder.encodeExisting(in, r, key, 0) ? keys.get(key, 0) : -1;
      if (id < 0) {
        id = addKey(in, r, versions);
      }
      versions.insert(id, in, r, time, delete);
      rowsSinceSweep++;
      if (direction != AsofDirection.BACKWARD) {
        lowerDeadlines(id);
      }
      trim(id, trimBound());
    }
  }

  /** Brings forward the release of a key's pending left rows that a new right row settles. */
  private void lowerDeadlines(int id) {
    for (int s = pending.head[id]; s >= 0; s = pending.next[s]) {
      long d = deadline(pending.time[s], id);
      if (d < pending.deadline[s]) {
        pending.deadline[s] = d;
        pending.releases.push(d, s, pending.life[s]);
      }
    }
  }

  // --------------------------------------------------------------- watermarks

  private void onWatermark(int side, long wm) {
    if (side == 0) {
      leftIdle = wm == Watermarks.IDLE;
      if (!leftIdle && wm > leftWatermark) {
        leftWatermark = wm;
      }
    } else if (wm != Watermarks.IDLE && wm > rightWatermark) {
      rightWatermark = wm;
      release();
    }
    sweep();
    forwardWatermark();
  }

  /** Emits the pending left rows whose result the right watermark made final. */
  private void release() {
    SlotHeap heap = pending.releases;
    while (!heap.isEmpty() && heap.topTime() <= rightWatermark) {
      long due = heap.topTime();
      int tag = heap.topTag();
      int slot = heap.pop();
      if (pending.life[slot] != tag || pending.deadline[slot] != due) {
        continue; // stale: released already, or brought forward
      }
      int id = pending.keyOf[slot];
      int match = best(id, pending.time[slot]);
      if (match >= 0) {
        int o = output.next(RowKind.INSERT);
        pending.rows.write(slot, output.out, o, 0, pending.columnCount);
        versions.rows.write(match, output.out, o, pending.columnCount, versions.columnCount);
      } else if (leftOuter) {
        output.paddedStored(output.next(RowKind.INSERT), 0, pending, slot);
      }
      pending.remove(slot);
      releaseKeyIfUnused(id);
    }
    output.flush();
  }

  private void forwardWatermark() {
    long oldest = pending.oldestTime();
    if (leftIdle && oldest == Long.MAX_VALUE) {
      if (!forwardedIdle) {
        forwardedIdle = true;
        downstream.onWatermark(Watermarks.IDLE);
      }
      return;
    }
    long own = leftIdle ? Long.MAX_VALUE : leftWatermark;
    long out = Math.min(own, oldest == Long.MAX_VALUE ? Long.MAX_VALUE : oldest - 1);
    if (out == Watermarks.NONE || out == Watermarks.IDLE) {
      return;
    }
    if (out > forwarded || forwardedIdle) {
      forwarded = Math.max(forwarded, out);
      forwardedIdle = false;
      downstream.onWatermark(forwarded);
    }
  }

  // --------------------------------------------------------------------- state

  /** No left row, present or future, has a time below this bound. */
  private long trimBound() {
    if (leftWatermark == Watermarks.NONE) {
      return Long.MIN_VALUE;
    }
    return Math.min(Watermarks.plus(leftWatermark, 1), pending.oldestTime());
  }

  /** Trims a few keys after the trim bound advanced: amortised O(1) per right row. */
  private void sweep() {
    long bound = trimBound();
    if (bound <= sweptBound || keys.size() == 0) {
      return;
    }
    int budget = 16 + rowsSinceSweep;
    rowsSinceSweep = 0;
    int limit = Math.min(budget, keys.size());
    for (int i = 0; i < limit; i++) {
      int id = keys.nextLive(sweepCursor);
      if (id < 0) {
        sweepCursor = 0;
        sweptBound = bound;
        id = keys.nextLive(0);
        if (id < 0) {
          return;
        }
      }
      sweepCursor = id + 1;
      trim(id, bound);
    }
  }

  /** Drops the right rows of a key that no left row at or after {@code bound} can need. */
  private void trim(int id, long bound) {
    if (bound == Long.MIN_VALUE) {
      return;
    }
    int start = versions.start[id];
    int firstAtBound = versions.lowerBound(id, bound);
    int keepFrom = firstAtBound;
    if (direction != AsofDirection.FORWARD && firstAtBound > start) {
      int last = firstAtBound - 1;
      long t = versions.times[id][last];
      boolean outOfReach = tolerance != NO_TOLERANCE && t < Watermarks.plus(bound, -tolerance);
      boolean deleted = versions.deleted[versions.slots[id][last]];
      keepFrom = outOfReach || deleted ? firstAtBound : last;
    }
    if (keepFrom > start) {
      versions.dropFront(id, keepFrom);
    }
    releaseKeyIfUnused(id);
  }

  private void releaseKeyIfUnused(int id) {
    if (pending.head[id] < 0 && versions.start[id] == versions.end[id] && keys.isLive(id)) {
      pending.encoder.release(keys, id);
      keys.remove(id);
    }
  }

  /** One input. */
  private final class Input implements ChunkConsumer {
    private final int side;

    Input(int side) {
      this.side = side;
    }

    @Override
    public void onChunk(Chunk chunk) {
      if (side == 0) {
        onLeft(chunk);
      } else {
        onRight(chunk);
      }
    }

    @Override
    public void onWatermark(long wm) {
      AsofJoinOperator.this.onWatermark(side, wm);
    }
  }

  /**
   * Left rows waiting for their result: each in a slot with its key id, time and release
   * deadline, chained per key (so that a new right row can bring their deadlines forward), and
   * two heaps, by deadline and by time. A slot's life counter tells stale heap entries apart.
   */
  private static final class Pending extends TimedJoinRows {
    long[] deadline = new long[16];
    int[] life = new int[16];
    final SlotHeap releases = new SlotHeap();
    final SlotHeap times = new SlotHeap();

    Pending(Schema schema, int[] keyColumns, int timeColumn, StringDictionary dictionary) {
      super(schema, keyColumns, timeColumn, false, dictionary);
    }

    @Override
    void grow(int n) {
      deadline = Arrays.copyOf(deadline, n);
      life = Arrays.copyOf(life, n);
    }

    void add(Chunk in, int r, int id, long rowTime, long due) {
      int slot = link(in, r, id, rowTime);
      deadline[slot] = due;
      releases.push(due, slot, life[slot]);
      times.push(rowTime, slot, life[slot]);
    }

    void remove(int slot) {
      unlink(slot);
      life[slot]++;
      rows.free(slot);
    }

    /** The oldest pending time, or Long.MAX_VALUE when none is pending. */
    long oldestTime() {
      while (!times.isEmpty() && life[times.topSlot()] != times.topTag()) {
        times.pop();
      }
      return times.isEmpty() ? Long.MAX_VALUE : times.topTime();
    }
  }

  /**
   * Right rows per key, sorted by time (equal times in arrival order) in a window {@code
   * [start, end)} of per-key arrays of times and slots; the rows themselves in slots of the row
   * store, with each slot's time and whether it is a delete.
   */
  private static final class Versions extends KeyedJoinRows {
    final int timeColumn;
    long[][] times = new long[0][];
    int[][] slots = new int[0][];
    int[] start = new int[0];
    int[] end = new int[0];
    long[] time = new long[16];
    boolean[] deleted = new boolean[16];

    Versions(Schema schema, int[] keyColumns, int timeColumn, StringDictionary dictionary) {
      super(schema, keyColumns, false, dictionary);
      this.timeColumn = timeColumn;
    }

    @Override
    void ensureKeys(int limit) {
      super.ensureKeys(limit);
      if (limit <= start.length) {
        return;
      }
      int n = Math.max(limit, start.length * 2);
      times = Arrays.copyOf(times, n);
      slots = Arrays.copyOf(slots, n);
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
    }

    long timeOf(int slot) {
      return time[slot];
    }

    /** Stores a row of a key at its place in time order (after rows of an equal time). */
    void insert(int id, Chunk in, int r, long t, boolean delete) {
      int slot = rows.add(in, r);
      if (slot >= time.length) {
        int n = Math.max(slot + 1, time.length * 2);
        time = Arrays.copyOf(time, n);
        deleted = Arrays.copyOf(deleted, n);
      }
      time[slot] = t;
      deleted[slot] = delete;
      if (times[id] == null) {
        times[id] = new long[4];
        slots[id] = new int[4];
      }
      int p = upperBound(id, t);
      long[] ts = times[id];
      int[] ss = slots[id];
      if (end[id] == ts.length) {
        int s0 = start[id];
        int n = end[id] - s0;
        if (s0 > 0) {
          System.arraycopy(ts, s0, ts, 0, n);
          System.arraycopy(ss, s0, ss, 0, n);
        } else {
          ts = times[id] = Arrays.copyOf(ts, ts.length * 2);
          ss = slots[id] = Arrays.copyOf(ss, ss.length * 2);
        }
        start[id] = 0;
        end[id] = n;
        p -= s0;
      }
      int e = end[id];
      System.arraycopy(ts, p, ts, p + 1, e - p);
      System.arraycopy(ss, p, ss, p + 1, e - p);
      ts[p] = t;
      ss[p] = slot;
      end[id] = e + 1;
    }

    /** The first index of a key whose time is at or after {@code t} ({@code end} if none). */
    int lowerBound(int id, long t) {
      long[] ts = times[id];
      int lo = start[id];
      int hi = end[id];
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (ts[mid] < t) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** The first index of a key whose time is after {@code t} ({@code end} if none). */
    int upperBound(int id, long t) {
      long[] ts = times[id];
      int lo = start[id];
      int hi = end[id];
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (ts[mid] <= t) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** The slot of the latest row at or before {@code t} (before, when strict), or -1. */
    int backward(int id, long t, boolean strict) {
      int i = (strict ? lowerBound(id, t) : upperBound(id, t)) - 1;
      return i < start[id] ? -1 : slots[id][i];
    }

    /**
     * The slot of the earliest row at or after {@code t} (after, when strict), the last to
     * arrive of its time, or -1.
     */
    int forward(int id, long t, boolean strict) {
      int i = strict ? upperBound(id, t) : lowerBound(id, t);
      if (i >= end[id]) {
        return -1;
      }
      return slots[id][upperBound(id, times[id][i]) - 1];
    }

    /** Frees a key's rows before index {@code keepFrom}. */
    void dropFront(int id, int keepFrom) {
      for (int i = start[id]; i < keepFrom; i++) {
        rows.free(slots[id][i]);
      }
      start[id] = keepFrom;
      if (keepFrom == end[id]) {
        start[id] = 0;
        end[id] = 0;
      }
    }
  }
}
