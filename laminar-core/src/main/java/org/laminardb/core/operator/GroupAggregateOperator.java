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
 * Retracting GROUP BY aggregation: consumes a changelog and emits the changelog of the result
 * table (group columns, then one column per {@link AggregateSpec}).
 *
 * <p>Each input row counts +1 or -1 by {@link RowKind#weight}. Each input chunk is a mini-batch:
 * all its rows are applied, then every group they touched is emitted once: a new group as {@code
 * +I}; a group whose results changed as {@code -U} (the old row) immediately followed by {@code +U}
 * (the new row); a group whose row count fell to 0 as {@code -D} (the old row), after which its
 * state is freed and its id reused; nothing for a group whose results did not change or that was
 * created and emptied within the chunk. Output rows go to the downstream consumer in a reused
 * chunk, handed over when full and at the end of each input chunk that changed something.
 *
 * <p>Without group columns the aggregate is global: its single group always exists, {@link
 * #open()} emits its initial row ({@code COUNT} 0, other results NULL, as batch SQL returns over
 * no input), and later changes are {@code -U}/{@code +U}, never {@code -D}.
 *
 * <p>Design notes. Groups are keys of a {@link LongKeyTable} ({@link KeyEncoder} words, NULLs as
 * one group); a group id indexes per-group primitive arrays: the row count, flags, each
 * aggregate's state ({@code AggAccumulator}) and each aggregate's last emitted value ({@code
 * AggImage}). Keeping the emitted image rather than snapshotting old values on first change gives
 * the old row for {@code -U}/{@code -D} at the cost of one word per aggregate per group, and lets
 * an unchanged result be detected by comparison. A row is first validated by every aggregate and
 * only then applied, so a row that fails changes nothing: a retraction that would drive a count
 * negative (the row count, the non-NULL or NULL count of an argument, or the count of a value for
 * MIN/MAX/DISTINCT) is ignored and counted in {@link #ignoredRetractions()}, and a SUM leaving the
 * range of its result type throws {@link org.laminardb.error.LaminarDBException} with {@code
 * 22003} before touching any state (rows of the chunk before it stay applied and are emitted with
 * the next chunk). MIN/MAX keep per-(group, value) counts ordered per group (see {@link
 * org.laminardb.core.state.GroupedValueCounts}): O(1) per row when the value is already present,
 * O(log d) when a distinct value appears or disappears, and O(log d) to find the extreme of a
 * changed group at emission. With {@code appendOnly} they keep a running extreme instead and any
 * retraction throws {@link IllegalStateException}. DISTINCT uses per-(group, value) counts: a
 * value counts once while its count is positive.
 *
 * <p>Garbage free in steady state: nothing is allocated per row for existing groups (strings are
 * interned without allocation); memory grows only when tables grow. Single-threaded: owned by one
 * reactor thread.
 */
public final class GroupAggregateOperator implements ChunkConsumer {
  private static final byte EMITTED = 1;
  private static final byte TOUCHED = 2;

  private final ChunkConsumer downstream;
  private final boolean appendOnly;
  private final boolean global;
  private final KeyEncoder encoder;
  private final LongKeyTable groups;
  private final long[] key;
  private final int base;
  private final AggAccumulator[] accs;
  private final AggregateOutput output;
  private final Chunk out;
  private final AggregateOutput.Emission emitListed = this::emitListed;
  private long[] rows = new long[0];
  private byte[] flags = new byte[0];
  private long ignored;

  /**
   * Creates the operator.
   *
   * @param input schema of the input changelog
   * @param groupColumns input columns to group by, in output order; empty for a global aggregate
   * @param aggs the aggregate calls, in output order
   * @param output output schema: the group columns in order, then one column per aggregate
   * @param downstream receiver of the output changelog
   * @param chunkCapacity rows per output chunk
   * @param appendOnly whether the input only inserts (cheaper MIN/MAX; retractions throw)
   */
  public GroupAggregateOperator(Schema input, int[] groupColumns, List<AggregateSpec> aggs,
      Schema output, ChunkConsumer downstream, int chunkCapacity, boolean appendOnly) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    this.downstream = Objects.requireNonNull(downstream, "downstream");
    OperatorChecks.requireCapacity(chunkCapacity);
    this.base = groupColumns.length;
    if (output.size() != base + aggs.size()) {
      throw new IllegalArgumentException("output must have " + (base + aggs.size())
          + " columns (groups, then aggregates): output columns=" + output.size());
    }
    for (int i = 0; i < base; i++) {
      OperatorChecks.requireColumn(input, groupColumns[i], "groupColumns[" + i + "]");
      AggregateOutput.requireSamePhysical(output, i, input.field(groupColumns[i]).type());
    }
    this.appendOnly = appendOnly;
    this.global = base == 0;
    this.encoder = global ? null : new KeyEncoder(input, groupColumns);
    this.groups = global ? null : new LongKeyTable(encoder.width());
    this.key = new long[global ? 0 : encoder.width()];
    this.accs = AggregateOutput.accumulators(input, aggs, output, base, appendOnly);
    this.output = new AggregateOutput(output, base, AggregateOutput.images(aggs, true),
        downstream, chunkCapacity);
    this.out = this.output.out();
    ensureCapacity(global ? 1 : 16);
    if (global) {
      initGroup(0);
    }
  }

  /**
   * Emits the initial row of a global aggregate ({@code COUNT} 0, other results NULL); call once
   * before the first chunk. A no-op for grouped aggregates and when the row was already emitted.
   */
  public void open() {
    if (global && (flags[0] & EMITTED) == 0) {
      emitGroup(0);
      output.flush();
    }
  }

  @Override
  public void onWatermark(long watermark) {
    downstream.onWatermark(watermark);
  }

  @Override
  public void onChunk(Chunk chunk) {
    for (int r = 0; r < chunk.size; r++) {
      applyRow(chunk, r);
    }
    emitChanges();
  }

  /**
   * Number of groups currently holding rows (1 for a global aggregate).
   *
   * @return the group count
   */
  public int groupCount() {
    return global ? 1 : groups.size();
  }

  /**
   * Retractions of rows that were never added (a count would have gone negative), which were
   * ignored.
   *
   * @return the count
   */
  public long ignoredRetractions() {
    return ignored;
  }

  private void applyRow(Chunk in, int r) {
    int w = RowKind.weight(in.kinds[r]);
    if (w < 0 && appendOnly) {
      throw OperatorChecks.retraction(in, r, "an append-only aggregate");
    }
    int g = global ? 0 : w > 0 ? addGroup(in, r) : findGroup(in, r);
    if (g < 0) {
      ignored++;
      return;
    }
    touch(g);
    long n = rows[g];
    if (w < 0 && n == 0) {
      ignored++;
      return;
    }
    for (int a = 0; a < accs.length; a++) {
      if (!accs[a].check(g, in, r, w, n)) {
        ignored++;
        return;
      }
    }
    rows[g] = n + w;
    for (int a = 0; a < accs.length; a++) {
      accs[a].apply(g, in, r, w);
    }
  }

  private int addGroup(Chunk in, int r) {
    encoder.encode(in, r, key, 0);
    int g = groups.getOrAdd(key, 0);
    if (groups.lastAdded()) {
      ensureCapacity(groups.idLimit());
      initGroup(g);
      encoder.retain(groups, g);
    }
    return g;
  }

  private int findGroup(Chunk in, int r) {
    return encoder.encodeExisting(in, r, key, 0) ? groups.get(key, 0) : -1;
  }

  private void ensureCapacity(int needed) {
    if (needed <= rows.length) {
      return;
    }
    int capacity = Math.max(rows.length * 2, needed);
    rows = Arrays.copyOf(rows, capacity);
    flags = Arrays.copyOf(flags, capacity);
    for (AggAccumulator acc : accs) {
      acc.grow(capacity);
    }
    output.grow(capacity);
  }

  private void initGroup(int g) {
    rows[g] = 0;
    flags[g] = 0;
    for (int a = 0; a < accs.length; a++) {
      accs[a].init(g);
    }
  }

  private void touch(int g) {
    if ((flags[g] & TOUCHED) != 0) {
      return;
    }
    flags[g] |= TOUCHED;
    output.listChanged(g);
  }

  /**
   * Emits every touched group. Should computing a result throw (an AVG out of its DECIMAL
   * range), the groups not yet emitted stay listed and are emitted after the next chunk.
   */
  private void emitChanges() {
    output.emitChanged(emitListed);
    output.flush();
  }

  private int emitListed(int g) {
    emitGroup(g);
    flags[g] &= ~TOUCHED;
    return 0;
  }

  private void emitGroup(int g) {
    boolean emitted = (flags[g] & EMITTED) != 0;
    if (rows[g] == 0 && !global) {
      if (emitted) {
        appendImage(g, RowKind.DELETE);
      }
      freeGroup(g);
      return;
    }
    output.resetCurrent();
    for (int a = 0; a < accs.length; a++) {
      accs[a].result(g, output.current(a), 0);
    }
    if (emitted) {
      if (output.sameAsImage(g)) {
        return;
      }
      appendImage(g, RowKind.UPDATE_BEFORE);
      appendCurrent(g, RowKind.UPDATE_AFTER);
    } else {
      appendCurrent(g, RowKind.INSERT);
      flags[g] |= EMITTED;
    }
    output.storeImage(g);
  }

  private void appendImage(int g, byte kind) {
    output.writeImage(g, out, reserveRow(g, kind));
  }

  private void appendCurrent(int g, byte kind) {
    output.writeCurrent(out, reserveRow(g, kind));
  }

  /** Appends an output row holding the group's key; flushes first when the chunk is full. */
  private int reserveRow(int g, byte kind) {
    int r = output.reserve(out, kind);
    if (!global) {
      encoder.decode(groups, g, out, r, 0);
    }
    return r;
  }

  private void freeGroup(int g) {
    for (AggAccumulator acc : accs) {
      acc.free(g);
    }
    output.clear(g);
    flags[g] = 0;
    encoder.release(groups, g);
    groups.remove(g);
  }
}
