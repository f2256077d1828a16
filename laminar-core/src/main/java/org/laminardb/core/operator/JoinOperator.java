package org.laminardb.core.operator;

import java.util.Objects;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.state.LongKeyTable;
import org.laminardb.core.state.StringDictionary;
import org.laminardb.core.type.Schema;

/**
 * Regular (unbounded) equi-join of two changelogs: emits the changelog of the batch join of what
 * both inputs currently hold, for {@link JoinKind#INNER}, {@code LEFT}, {@code RIGHT} and {@code
 * FULL} joins, with an optional residual condition over each pair of rows with equal keys.
 *
 * <p>Each input row counts +1 or -1 by {@link RowKind#weight}. A row inserted on one side is
 * stored and joined with every stored row of the other side that has the same key and passes the
 * residual: each such pair is emitted as {@code +I}. A row retracted on one side removes one
 * stored row equal to it in every column (a retraction without one is ignored and counted in
 * {@link #ignoredRetractions()}) and emits {@code -D} for each pair it was part of. Rows with a
 * NULL in a key column match nothing. On a side whose unmatched rows show (the left of a LEFT
 * join, etc.), a row without matches is emitted padded with NULLs ({@code +I}); when its first
 * match appears the padded row is retracted ({@code -D}) before the first pair is emitted, and
 * when its last match goes away it is emitted again ({@code +I}) after the last pair's {@code
 * -D}. The output therefore holds only {@code +I} and {@code -D} rows; an inner join of two
 * append-only inputs emits only {@code +I}. Output columns: the left input's, then the right's.
 *
 * <p>Both inputs may be the same relation (a self-join): feeding a chunk to the left input and
 * then to the right gives the join of the new contents, as incremental view maintenance does
 * ((L + dL) join R, then (L + dL) join (R + dR)).
 *
 * <p>Watermarks: the output watermark is the minimum of the inputs' ({@link WatermarkMerger}).
 *
 * <p>Design notes. Both sides share one {@link LongKeyTable} of encoded join keys ({@link
 * org.laminardb.core.state.KeyEncoder}s that share one {@link StringDictionary}, so equal keys of
 * the two inputs get the same id); per side, a key id heads a chain of row slots in a struct of
 * arrays ({@link JoinSide}), one slot per row so that duplicates are kept. A slot also counts the
 * rows of the other side it matches, which decides when a NULL-padded row appears or goes. A key
 * is removed when neither side holds a row with it. The state grows with the inputs' contents and
 * is never expired (unbounded). Cost per input row: one key lookup plus one step per stored row
 * with the same key on the other side (and for a retraction, a scan of its own key's chain to
 * find an equal row). The residual condition is evaluated in batches of candidate pairs.
 *
 * <p>Garbage free in steady state. Single-threaded: owned by one reactor thread.
 */
public final class JoinOperator {
  private final JoinKind kind;
  private final JoinPredicate residual;
  private final WatermarkMerger watermarks;
  private final LongKeyTable keys;
  private final long[] key;
  private final JoinSide[] sides;
  private final JoinOutput output;
  private final Chunk pairs;
  private final boolean[] passed;
  private final int[] candidates;
  private final ChunkConsumer leftInput;
  private final ChunkConsumer rightInput;
  private long ignored;
  /** State time-to-live in milliseconds of processing time, 0 for none. */
  private final long ttlMillis;
  private long expired;

  /**
   * Creates the operator.
   *
   * @param left schema of the left input
   * @param leftKeys left key columns
   * @param right schema of the right input
   * @param rightKeys right key columns, pairwise equal to the left ones; each with the same
   *     physical kind as its left column (and the same SQL type, so that equal values encode
   *     alike: DECIMALs of the same scale)
   * @param kind which unmatched rows show
   * @param residual condition over pairs beyond the key equalities, or null for none
   * @param output output schema: the left columns, then the right ones
   * @param downstream receiver of the output changelog and watermark
   * @param chunkCapacity rows per output chunk
   */
  public JoinOperator(Schema left, int[] leftKeys, Schema right, int[] rightKeys, JoinKind kind,
      JoinPredicate residual, Schema output, ChunkConsumer downstream, int chunkCapacity) {
    this(left, leftKeys, right, rightKeys, kind, residual, output, downstream, chunkCapacity, 0);
  }

  /**
   * Creates the operator with a state time-to-live: a stored row is dropped once it has been
   * stored for {@code ttlMillis} of processing time (checked when a chunk arrives), silently:
   * nothing is emitted or retracted for it, later rows no longer match it, and a later
   * retraction that would have needed it retracts only what it still finds (see the class
   * comment of the SQL reference, "State time-to-live").
   *
   * @param left schema of the left input
   * @param leftKeys left key columns
   * @param right schema of the right input
   * @param rightKeys right key columns
   * @param kind which unmatched rows show
   * @param residual condition over pairs beyond the key equalities, or null for none
   * @param output output schema: the left columns, then the right ones
   * @param downstream receiver of the output changelog and watermark
   * @param chunkCapacity rows per output chunk
   * @param ttlMillis time-to-live of stored rows in milliseconds, 0 for none
   */
  public JoinOperator(Schema left, int[] leftKeys, Schema right, int[] rightKeys, JoinKind kind,
      JoinPredicate residual, Schema output, ChunkConsumer downstream, int chunkCapacity,
      long ttlMillis) {
    if (ttlMillis < 0) {
      throw new IllegalArgumentException("ttlMillis must not be negative: " + ttlMillis);
    }
    this.ttlMillis = ttlMillis;
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    this.kind = Objects.requireNonNull(kind, "kind");
    if (kind.leftOnly()) {
      throw new IllegalArgumentException("a regular join runs INNER, LEFT, RIGHT and FULL joins, "
          + "not " + kind);
    }
    Objects.requireNonNull(downstream, "downstream");
    OperatorChecks.requireCapacity(chunkCapacity);
    checkKeys(left, leftKeys, right, rightKeys);
    checkOutput(left, right, output);
    this.residual = residual;
    StringDictionary dictionary = new StringDictionary();
    this.sides = new JoinSide[] {
        new JoinSide(left, leftKeys, kind.keeps(0), dictionary),
        new JoinSide(right, rightKeys, kind.keeps(1), dictionary)};
    this.keys = new LongKeyTable(sides[0].encoder.width());
    this.key = new long[sides[0].encoder.width()];
    this.output = new JoinOutput(left, output, downstream, chunkCapacity);
    this.pairs = residual == null ? null : new Chunk(output, chunkCapacity);
    this.passed = new boolean[residual == null ? 0 : chunkCapacity];
    this.candidates = new int[residual == null ? 0 : chunkCapacity];
    this.watermarks = new WatermarkMerger(2, downstream);
    this.leftInput = new Input(0, watermarks.input(0));
    this.rightInput = new Input(1, watermarks.input(1));
  }

  static void checkKeys(Schema left, int[] leftKeys, Schema right, int[] rightKeys) {
    if (leftKeys.length == 0 || leftKeys.length != rightKeys.length) {
      throw new IllegalArgumentException("join needs as many left as right key columns, at least "
          + "one: leftKeys=" + leftKeys.length + ", rightKeys=" + rightKeys.length);
    }
    for (int i = 0; i < leftKeys.length; i++) {
      OperatorChecks.requireColumn(left, leftKeys[i], "leftKeys[" + i + "]");
      OperatorChecks.requireColumn(right, rightKeys[i], "rightKeys[" + i + "]");
      if (left.field(leftKeys[i]).type().physical()
          != right.field(rightKeys[i]).type().physical()) {
        throw new IllegalArgumentException("join key columns must be stored alike: leftKeys[" + i
            + "] is " + left.field(leftKeys[i]).type() + ", rightKeys[" + i + "] is "
            + right.field(rightKeys[i]).type());
      }
    }
  }

  static void checkOutput(Schema left, Schema right, Schema output) {
    Objects.requireNonNull(output, "output");
    if (output.size() != left.size() + right.size()) {
      throw new IllegalArgumentException("output must have " + (left.size() + right.size())
          + " columns (left, then right): output columns=" + output.size());
    }
    for (int i = 0; i < output.size(); i++) {
      Schema in = i < left.size() ? left : right;
      int c = i < left.size() ? i : i - left.size();
      if (output.field(i).type().physical() != in.field(c).type().physical()) {
        throw new IllegalArgumentException("output column " + i + " must be stored as "
            + in.field(c).type().physical() + ": type=" + output.field(i).type());
      }
    }
  }

  /**
   * The consumer of the left input's changelog and watermarks.
   *
   * @return the left input
   */
  public ChunkConsumer left() {
    return leftInput;
  }

  /**
   * The consumer of the right input's changelog and watermarks.
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
   * Distinct join keys currently stored (both inputs together).
   *
   * @return the key count
   */
  public int keyCount() {
    return keys.size();
  }

  /**
   * Retractions of rows that were not stored, which were ignored.
   *
   * @return the count
   */
  public long ignoredRetractions() {
    return ignored;
  }

  /**
   * Rows dropped by the state time-to-live so far.
   *
   * @return the count
   */
  public long expiredRows() {
    return expired;
  }

  /** Drops the rows stored for longer than the time-to-live (with one only). */
  private void expire(long now) {
    long deadline = now - ttlMillis;
    for (JoinSide side : sides) {
      int slot;
      while ((slot = side.pollExpired(deadline)) >= 0) {
        int id = side.keyOfSlot[slot];
        side.unlinkSlot(id, slot);
        side.freed(slot);
        side.rows.free(slot);
        expired++;
        if (sides[0].head[id] < 0 && sides[1].head[id] < 0) {
          side.encoder.release(keys, id);
          keys.remove(id);
        }
      }
    }
  }

  private void onChunk(int side, Chunk chunk) {
    long now = 0;
    if (ttlMillis > 0) {
      now = System.currentTimeMillis();
      expire(now);
    }
    for (int r = 0; r < chunk.size; r++) {
      onRow(side, chunk, r, now);
    }
    output.flush();
  }

  private void onRow(int s, Chunk in, int r, long now) {
    JoinSide me = sides[s];
    boolean nullKey = me.nullKey(in, r);
    if (nullKey && !me.keeps) {
      return;
    }
    if (RowKind.weight(in.kinds[r]) > 0) {
      me.encoder.encode(in, r, key, 0);
      int id = keys.getOrAdd(key, 0);
      if (keys.lastAdded()) {
        me.encoder.retain(keys, id);
        sides[0].ensureKeys(keys.idLimit());
        sides[1].ensureKeys(keys.idLimit());
      }
      long m = nullKey ? 0 : matchAll(s, in, r, id, 1);
      int slot = me.add(in, r, id, m);
      if (ttlMillis > 0) {
        me.stamp(slot, id, now);
      }
      if (m == 0 && me.keeps) {
        emitPadded(s, slot, RowKind.INSERT);
      }
      return;
    }
    int id = me.encoder.encodeExisting(in, r, key, 0) ? keys.get(key, 0) : -1;
    int slot = id < 0 ? -1 : me.unlink(id, in, r);
    if (slot < 0) {
      ignored++;
      return;
    }
    if (!nullKey) {
      matchAll(s, in, r, id, -1);
    }
    if (me.keeps && me.matches[slot] == 0) {
      emitPadded(s, slot, RowKind.DELETE);
    }
    me.freed(slot);
    me.rows.free(slot);
    if (sides[0].head[id] < 0 && sides[1].head[id] < 0) {
      me.encoder.release(keys, id);
      keys.remove(id);
    }
  }

  /** Joins a row with the other side's rows of its key; returns how many matched. */
  private long matchAll(int s, Chunk in, int r, int id, int weight) {
    JoinSide other = sides[1 - s];
    long count = 0;
    int c = other.head[id];
    if (residual == null) {
      for (; c >= 0; c = other.next[c]) {
        onMatch(s, in, r, c, weight);
        count++;
      }
      return count;
    }
    while (c >= 0) {
      pairs.reset();
      while (c >= 0 && !pairs.isFull()) {
        int p = pairs.size++;
        output.pair(pairs, p, s, in, r, other, c);
        pairs.kinds[p] = RowKind.INSERT;
        candidates[p] = c;
        c = other.next[c];
      }
      residual.test(pairs, passed);
      int n = pairs.size;
      for (int i = 0; i < n; i++) {
        if (passed[i]) {
          onMatch(s, in, r, candidates[i], weight);
          count++;
        }
      }
    }
    pairs.reset();
    return count;
  }

  private void onMatch(int s, Chunk in, int r, int c, int weight) {
    JoinSide other = sides[1 - s];
    if (weight > 0) {
      if (other.keeps && other.matches[c]++ == 0) {
        emitPadded(1 - s, c, RowKind.DELETE);
      }
      emitPair(s, in, r, c, RowKind.INSERT);
    } else {
      emitPair(s, in, r, c, RowKind.DELETE);
      if (other.keeps && --other.matches[c] == 0) {
        emitPadded(1 - s, c, RowKind.INSERT);
      }
    }
  }

  private void emitPair(int s, Chunk in, int r, int c, byte rowKind) {
    output.pair(output.out, output.next(rowKind), s, in, r, sides[1 - s], c);
  }

  private void emitPadded(int s, int slot, byte rowKind) {
    output.paddedStored(output.next(rowKind), s, sides[s], slot);
  }

  /** One input: rows go to the join, watermarks to the merger. */
  private final class Input implements ChunkConsumer {
    private final int side;
    private final ChunkConsumer watermark;

    Input(int side, ChunkConsumer watermark) {
      this.side = side;
      this.watermark = watermark;
    }

    @Override
    public void onChunk(Chunk chunk) {
      JoinOperator.this.onChunk(side, chunk);
    }

    @Override
    public void onWatermark(long wm) {
      watermark.onWatermark(wm);
    }
  }
}
