package org.laminardb.core.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.state.LongKeyTable;
import org.laminardb.core.state.StringDictionary;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;

/**
 * Interval join of two append-only inputs with event-time columns: a left row {@code a} and a
 * right row {@code b} match when their keys are equal (no key column NULL), {@code lower <=
 * b.time - a.time <= upper} (both times non-NULL) and the optional residual condition holds. Rows
 * are kept only while a future row of the other input could still match them, as told by that
 * input's watermark, so the state is bounded by the rows of a time span.
 *
 * <p><b>Eviction.</b> Rows arriving after a watermark {@code w} of their input are expected to
 * have a time above {@code w}. A left row {@code a} can then only match future right rows while
 * {@code a.time + upper > wRight}; a right row {@code b} only future left rows while {@code
 * b.time - lower > wLeft}. When an input's watermark advances, the other input's rows whose bound
 * it reached are evicted; a new row whose bound the other watermark already reached is joined
 * with what is stored and not kept.
 *
 * <p><b>Outer joins.</b> On a side whose unmatched rows show ({@link JoinKind#keeps}), a row
 * evicted without ever having matched is emitted padded with NULLs ({@code +I}) at eviction: a
 * left row when the right watermark reaches {@code a.time + upper}, a right row when the left
 * watermark reaches {@code b.time - lower}. Rows with a NULL key or time match nothing and are
 * padded at once. Nothing is ever retracted: the output holds only {@code +I} rows.
 *
 * <p><b>Semi and anti joins.</b> With {@link JoinKind#SEMI} or {@link JoinKind#ANTI} the output
 * holds the left columns only (the residual is still evaluated over left and right columns). A
 * semi join emits a left row once, as soon as its first match is there: a new left row that
 * matches a stored right row is emitted at once and not stored; a stored left row is emitted when
 * the first matching right row arrives. An anti join emits a left row when it expires without
 * ever having matched (as a LEFT join pads it, without the NULLs), and at once if its key or time
 * is NULL; a new left row with a match is dropped. Right rows are stored as for any interval
 * join, since later left rows may match them.
 *
 * <p><b>Late rows.</b> A row whose time is at or behind its own input's watermark (at the time
 * it arrives) could have matched rows already evicted; it is dropped and counted in {@link
 * #lateRows()} (it is neither joined nor padded, whatever its key). Retractions are rejected: the inputs must be
 * append-only.
 *
 * <p><b>Watermarks and output event time.</b> With an output event-time side of -1 the output
 * watermark is the minimum of the inputs' ({@link WatermarkMerger}). With side 0 the left time
 * column is the output's event time, and the output watermark is {@code min(wLeft, wRight -
 * upper)}: every later output row has a left time above it (a new left row is above {@code
 * wLeft}; a stored left row, which a new right row can still pair with or which is padded when
 * it expires, is above {@code wRight - upper}, since it would have expired otherwise). With side
 * 1 the right time column is, and the watermark is {@code min(wRight, wLeft + lower)}. Side 0
 * suits INNER and LEFT joins, side 1 INNER and RIGHT; a FULL join pads rows of both sides, whose
 * time column would be NULL, so it has none. Watermarks are forwarded after the rows they made
 * final, never go back, and leave idle inputs out ({@link Watermarks#IDLE}: an idle input does
 * not advance eviction, and while both are idle nothing is forwarded).
 *
 * <p>Garbage free in steady state. Single-threaded: owned by one reactor thread.
 */
public final class IntervalJoinOperator {
  private final JoinKind kind;
  private final ChunkConsumer downstream;
  private final JoinPredicate residual;
  private final long lower;
  private final long upper;
  private final WatermarkMerger merger;
  private final LongKeyTable keys;
  private final long[] key;
  private final IntervalJoinSide[] sides;
  private final long[] watermarks;
  private final JoinOutput output;
  /** Writes candidate pairs for the residual: the output, or left and right columns. */
  private final JoinOutput pairOutput;
  private final boolean leftOnly;
  private final Chunk pairs;
  private final boolean[] passed;
  private final int[] candidates;
  private final ChunkConsumer leftInput;
  private final ChunkConsumer rightInput;
  private final int rowtimeSide;
  private final boolean[] idle;
  private long forwarded = Watermarks.NONE;
  private long late;

  /**
   * Creates the operator.
   *
   * @param left schema of the left input
   * @param leftKeys left key columns
   * @param leftTime left event-time column (TIMESTAMP, microseconds)
   * @param right schema of the right input
   * @param rightKeys right key columns, pairwise equal to the left ones, stored alike
   * @param rightTime right event-time column
   * @param lower smallest {@code right.time - left.time} of a match, in microseconds
   * @param upper largest {@code right.time - left.time} of a match, in microseconds
   * @param kind which unmatched rows show; SEMI and ANTI show left rows alone
   * @param rowtimeSide whose time column is the output's event time, driving the output
   *     watermark: 0 for the left, 1 for the right (not for a FULL join, nor for a side whose
   *     rows a LEFT or RIGHT join pads), -1 for none (then the minimum of the inputs' watermarks)
   * @param residual condition over pairs beyond the keys and the time bounds, or null for none;
   *     it reads the left columns, then the right ones (also for SEMI and ANTI)
   * @param output output schema: the left columns, then the right ones (SEMI and ANTI: the left
   *     columns only)
   * @param downstream receiver of the output rows and watermark
   * @param chunkCapacity rows per output chunk
   */
  public IntervalJoinOperator(Schema left, int[] leftKeys, int leftTime, Schema right,
      int[] rightKeys, int rightTime, long lower, long upper, JoinKind kind,
      int rowtimeSide, JoinPredicate residual, Schema output, ChunkConsumer downstream, int chunkCapacity) {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.downstream = Objects.requireNonNull(downstream, "downstream");
    OperatorChecks.requireCapacity(chunkCapacity);
    JoinOperator.checkKeys(left, leftKeys, right, rightKeys);
    this.leftOnly = kind.leftOnly();
    JoinOperator.checkOutput(left, leftOnly ? new Schema(List.of()) : right, output);
    OperatorChecks.requireColumn(left, leftTime, "leftTime");
    OperatorChecks.requireColumn(right, rightTime, "rightTime");
    if (left.field(leftTime).type().physical() != right.field(rightTime).type().physical()) {
      throw new IllegalArgumentException("time columns must be stored alike: leftTime is "
          + left.field(leftTime).type() + ", rightTime is " + right.field(rightTime).type());
    }
    if (rowtimeSide < -1 || rowtimeSide > 1 || rowtimeSide >= 0 && kind.keeps(1 - rowtimeSide)) {
      throw new IllegalArgumentException("rowtimeSide must be -1, or a side whose time is never "
          + "NULL-padded: rowtimeSide=" + rowtimeSide + ", kind=" + kind);
    }
    this.rowtimeSide = rowtimeSide;
    this.idle = new boolean[2];
    this.lower = lower;
    this.upper = upper;
    this.residual = residual;
    StringDictionary dictionary = new StringDictionary();
    this.sides = new IntervalJoinSide[] {
        new IntervalJoinSide(left, leftKeys, leftTime, kind.keeps(0), dictionary),
        new IntervalJoinSide(right, rightKeys, rightTime, kind.keeps(1), dictionary)};
    this.watermarks = new long[] {Watermarks.NONE, Watermarks.NONE};
    this.keys = new LongKeyTable(sides[0].encoder.width());
    this.key = new long[sides[0].encoder.width()];
    this.output = new JoinOutput(left, output, downstream, chunkCapacity);
    Schema pairSchema = leftOnly ? concat(left, right) : output;
    this.pairOutput = residual == null ? null : leftOnly
        ? new JoinOutput(left, pairSchema, downstream, chunkCapacity) : this.output;
    this.pairs = residual == null ? null : new Chunk(pairSchema, chunkCapacity);
    this.passed = new boolean[residual == null ? 0 : chunkCapacity];
    this.candidates = new int[residual == null ? 0 : chunkCapacity];
    this.merger = new WatermarkMerger(2, downstream);
    this.leftInput = new Input(0, merger.input(0));
    this.rightInput = new Input(1, merger.input(1));
  }

  private static Schema concat(Schema left, Schema right) {
    List<Field> fields = new ArrayList<>(left.fields());
    fields.addAll(right.fields());
    return new Schema(fields);
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
   * The kind of join.
   *
   * @return the kind
   */
  public JoinKind kind() {
    return kind;
  }

  /**
   * Rows currently stored for one input.
   *
   * @param side 0 for the left input, 1 for the right
   * @return the row count
   */
  public int storedRows(int side) {
    return sides[side].rows.size();
  }

  /**
   * Rows currently stored for both inputs.
   *
   * @return the row count
   */
  public int storedRows() {
    return storedRows(0) + storedRows(1);
  }

  /**
   * Distinct join keys currently stored (both inputs together).
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

  /** The other input's watermark at or past which no future row of it can match this row. */
  private long expiry(int s, long time) {
    return s == 0 ? Watermarks.plus(time, upper)
        : Watermarks.plus(time, lower == Long.MIN_VALUE ? Long.MAX_VALUE : -lower);
  }

  private void onChunk(int side, Chunk chunk) {
    for (int r = 0; r < chunk.size; r++) {
      onRow(side, chunk, r);
    }
    flush();
  }

  private void flush() {
    output.flush();
  }

  private void onRow(int s, Chunk in, int r) {
    if (RowKind.weight(in.kinds[r]) <= 0) {
      throw new IllegalStateException("an interval join's inputs must be append-only: got a "
          + "retraction on the " + (s == 0 ? "left" : "right") + " input");
    }
    IntervalJoinSide me = sides[s];
    boolean nullTime = in.columns[me.timeColumn].isNull(r);
    long time = nullTime ? 0 : in.columns[me.timeColumn].longs[r];
    if (!nullTime && time <= watermarks[s]) {
      late++;
      return;
    }
    if (nullTime || me.nullKey(in, r)) {
      if (me.keeps) {
        emitPaddedRow(s, in, r);
      }
      return;
    }
    int id = me.encoder.encodeExisting(in, r, key, 0) ? keys.get(key, 0) : -1;
    boolean matched = id >= 0 && matchAll(s, in, r, id, time);
    if (matched && leftOnly && s == 0) {
      if (kind == JoinKind.SEMI) {
        output.copyInput(output.next(RowKind.INSERT), 0, in, r);
      }
      return; // shown (semi) or ruled out (anti) for good
    }
    long expiry = expiry(s, time);
    if (expiry <= watermarks[1 - s]) {
      if (!matched && me.keeps) {
        emitPaddedRow(s, in, r);
      }
      return;
    }
    if (id < 0) {
      me.encoder.encode(in, r, key, 0);
      id = keys.getOrAdd(key, 0);
      if (keys.lastAdded()) {
        me.encoder.retain(keys, id);
        sides[0].ensureKeys(keys.idLimit());
        sides[1].ensureKeys(keys.idLimit());
      }
    }
    me.add(in, r, id, time, matched, expiry);
  }

  /** Whether a pair of times is within the bounds, given the left one first. */
  private boolean inBounds(long leftTime, long rightTime) {
    long d = rightTime - leftTime;
    boolean overflow = ((rightTime ^ leftTime) & (rightTime ^ d)) < 0;
    if (overflow) {
      return rightTime > leftTime ? upper == Long.MAX_VALUE : lower == Long.MIN_VALUE;
    }
    return d >= lower && d <= upper;
  }

  /** Joins a new row with the other side's rows of its key; returns whether any matched. */
  private boolean matchAll(int s, Chunk in, int r, int id, long time) {
    IntervalJoinSide other = sides[1 - s];
    boolean any = false;
    int c = other.head[id];
    while (c >= 0) {
      if (residual != null) {
        pairs.reset();
      }
      while (c >= 0 && (residual == null || !pairs.isFull())) {
        if (leftOnly && s == 1 && other.matched[c]) {
          c = other.next[c]; // a left row decided already
          continue;
        }
        long t = other.time[c];
        boolean ok = s == 0 ? inBounds(time, t) : inBounds(t, time);
        if (ok) {
          if (residual == null) {
            onMatch(s, in, r, c);
            any = true;
            if (leftOnly && s == 0) {
              return true; // one match decides a new left row
            }
          } else {
            int p = pairs.size++;
            pairOutput.pair(pairs, p, s, in, r, other, c);
            pairs.kinds[p] = RowKind.INSERT;
            candidates[p] = c;
          }
        }
        c = other.next[c];
      }
      if (residual != null && pairs.size > 0) {
        residual.test(pairs, passed);
        int n = pairs.size;
        for (int i = 0; i < n; i++) {
          if (passed[i]) {
            onMatch(s, in, r, candidates[i]);
            any = true;
          }
        }
        if (any && leftOnly && s == 0) {
          break; // one match decides a new left row
        }
      }
    }
    if (pairs != null) {
      pairs.reset();
    }
    return any;
  }

  private void onMatch(int s, Chunk in, int r, int c) {
    IntervalJoinSide other = sides[1 - s];
    if (!leftOnly) {
      other.matched[c] = true;
      output.pair(output.out, output.next(RowKind.INSERT), s, in, r, other, c);
    } else if (s == 1 && !other.matched[c]) {
      other.matched[c] = true; // a stored left row's first match
      if (kind == JoinKind.SEMI) {
        output.paddedStored(output.next(RowKind.INSERT), 0, other, c);
      }
    }
  }

  private void onWatermark(int s, long wm, ChunkConsumer forward) {
    if (wm != Watermarks.IDLE && wm > watermarks[s]) {
      watermarks[s] = wm;
      evict(1 - s, wm);
      flush();
    }
    if (rowtimeSide < 0) {
      forward.onWatermark(wm);
      return;
    }
    idle[s] = wm == Watermarks.IDLE;
    if (idle[0] && idle[1]) {
      return;
    }
    int t = rowtimeSide;
    long own = idle[t] ? Watermarks.IDLE : watermarks[t];
    long other = idle[1 - t] ? Watermarks.IDLE
        : t == 0
            ? Watermarks.plus(watermarks[1], upper == Long.MIN_VALUE ? Long.MAX_VALUE : -upper)
        : Watermarks.plus(watermarks[0], lower);
    long out = Math.min(own, other);
    if (out > forwarded && out != Watermarks.IDLE) {
      forwarded = out;
      downstream.onWatermark(out);
    }
  }

  /**
   * The output watermark forwarded so far.
   *
   * @return the watermark, {@link Watermarks#NONE} before any
   */
  public long outputWatermark() {
    return rowtimeSide < 0 ? merger.current() : forwarded;
  }

  /** Evicts the rows of one side that the other side's watermark has passed. */
  private void evict(int s, long wm) {
    IntervalJoinSide me = sides[s];
    while (me.expiredAt(wm)) {
      int slot = me.pop();
      if (me.keeps && !me.matched[slot]) {
        output.paddedStored(output.next(RowKind.INSERT), s, me, slot);
      }
      int id = me.keyOf[slot];
      me.unlink(slot);
      me.rows.free(slot);
      if (sides[0].head[id] < 0 && sides[1].head[id] < 0) {
        me.encoder.release(keys, id);
        keys.remove(id);
      }
    }
  }

  private void emitPaddedRow(int s, Chunk in, int r) {
    output.padded(output.next(RowKind.INSERT), s, in, r);
  }

  /** One input: rows go to the join, watermarks evict and then go to the merger. */
  private final class Input implements ChunkConsumer {
    private final int side;
    private final ChunkConsumer watermark;

    Input(int side, ChunkConsumer watermark) {
      this.side = side;
      this.watermark = watermark;
    }

    @Override
    public void onChunk(Chunk chunk) {
      IntervalJoinOperator.this.onChunk(side, chunk);
    }

    @Override
    public void onWatermark(long wm) {
      IntervalJoinOperator.this.onWatermark(side, wm, watermark);
    }
  }
}
