package org.laminardb.core.operator;

import java.util.Arrays;
import java.util.Objects;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.state.KeyEncoder;
import org.laminardb.core.state.LongKeyTable;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.Schema;

/**
 * Top-N per partition: keeps, for each value of the partition columns, the rows ranked 1 to
 * {@code n} by the order columns, and emits the changelog of that set with each row's rank as an
 * extra last column ({@code SELECT *, ROW_NUMBER() OVER (PARTITION BY .. ORDER BY ..) AS rn ..
 * WHERE rn <= n}). With {@code n = 1} ordered by an event time this is deduplication (first or
 * last row per key).
 *
 * <p>Ranks: {@link Rank#ROW_NUMBER} numbers rows 1, 2, 3 with ties in arrival order (the earlier
 * row ranks first); {@link Rank#RANK} gives tied rows the same rank and skips the following ranks;
 * {@link Rank#DENSE_RANK} gives tied rows the same rank without gaps. All rows whose rank is at
 * most {@code n} are in the result, so RANK and DENSE_RANK may hold more than {@code n} rows.
 *
 * <p>Output, per input chunk (a mini-batch): for each partition the chunk touched, the difference
 * between the ranked rows before and after the chunk: {@code -D} for a row that left (with the
 * rank it was emitted with), {@code +I} for a row that entered, and, when {@code emitRankChanges},
 * {@code -U}/{@code +U} for a row that stayed but whose rank changed. All retractions of a chunk
 * come before its additions. Without {@code emitRankChanges} (the rank column is not selected) a
 * row whose rank changed emits nothing and its later {@code -D} carries its current rank.
 *
 * <p>Input: a changelog; a retraction removes one stored row equal to it in every column (ignored
 * and counted in {@link #ignoredRetractions()} when there is none), and the next ranked row, if
 * any, enters. That needs every row of the partition, so over a changelog all rows are kept. With
 * {@code appendOnly} input, rows ranked beyond {@code n} can never come back and are dropped, so
 * state is about {@code n} rows per partition (more with ties under RANK/DENSE_RANK).
 *
 * <p>Cost: rows of a partition are kept in a sorted array; an insert or a retraction costs a binary
 * search plus an array shift (O(rows of the partition)), and emitting a touched partition scans
 * its first ranked rows. Partitions are freed when their last row is retracted. Garbage free in
 * steady state; single-threaded.
 */
public final class TopNOperator implements ChunkConsumer {
  /** The ranking function. */
  public enum Rank {
    /** {@code ROW_NUMBER()}: 1, 2, 3, ties in arrival order. */
    ROW_NUMBER,
    /** {@code RANK()}: ties share a rank, then ranks skip. */
    RANK,
    /** {@code DENSE_RANK()}: ties share a rank, no gaps. */
    DENSE_RANK
  }

  private final ChunkConsumer downstream;
  private final int[] orderColumns;
  private final boolean[] descending;
  private final boolean[] nullsFirst;
  private final Rank rank;
  private final long limit;
  private final boolean emitRankChanges;
  private final boolean appendOnly;
  private final int width;
  private final KeyEncoder encoder;
  private final LongKeyTable partitions;
  private final long[] key;
  private final OverRowStore rows;
  private final Chunk out;

  private int[][] lists = new int[16][];
  private int[] listSizes = new int[16];
  private int[] inTop = new int[16];
  private boolean[] touchedFlag = new boolean[16];
  private int[] touched = new int[16];
  private int touchedCount;
  private int[] removed = new int[16];
  private int removedCount;
  private long[] emitted = new long[16];
  private long ignored;

  /**
   * Creates the operator.
   *
   * @param input schema of the input rows
   * @param partitionColumns input columns of the partition key; empty for one global ranking
   * @param orderColumns input columns to rank by, most significant first
   * @param descending per order column, whether larger values rank first
   * @param nullsFirst per order column, whether NULL ranks before every value
   * @param rank the ranking function
   * @param n largest rank kept, at least 1
   * @param emitRankChanges whether rows whose rank changed are emitted as {@code -U}/{@code +U}
   * @param output the input columns followed by one LONG-kind rank column
   * @param downstream receiver of the changelog
   * @param chunkCapacity rows per output chunk
   * @param appendOnly whether the input only inserts (rows ranked beyond n are then dropped)
   * @throws IllegalArgumentException when the arguments do not fit together
   */
  public TopNOperator(Schema input, int[] partitionColumns, int[] orderColumns,
      boolean[] descending, boolean[] nullsFirst, Rank rank, long n, boolean emitRankChanges,
      Schema output, ChunkConsumer downstream, int chunkCapacity, boolean appendOnly) {
    Objects.requireNonNull(input, "input");
    this.downstream = Objects.requireNonNull(downstream, "downstream");
    this.rank = Objects.requireNonNull(rank, "rank");
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1: n=" + n);
    }
    if (orderColumns.length != descending.length || orderColumns.length != nullsFirst.length) {
      throw new IllegalArgumentException("one direction and null order per order column: "
          + "orderColumns=" + orderColumns.length + ", descending=" + descending.length
          + ", nullsFirst=" + nullsFirst.length);
    }
    for (int i = 0; i < orderColumns.length; i++) {
      OperatorChecks.requireColumn(input, orderColumns[i], "orderColumns[" + i + "]");
    }
    this.width = input.size();
    if (output.size() != width + 1
        || output.field(width).type().physical() != PhysicalKind.LONG) {
      throw new IllegalArgumentException("output must be the " + width
          + " input columns and a LONG rank column: output=" + output);
    }
    this.orderColumns = orderColumns.clone();
    this.descending = descending.clone();
    this.nullsFirst = nullsFirst.clone();
    this.limit = n;
    this.emitRankChanges = emitRankChanges;
    this.appendOnly = appendOnly;
    this.encoder = partitionColumns.length == 0 ? null : new KeyEncoder(input, partitionColumns);
    this.partitions = encoder == null ? null : new LongKeyTable(encoder.width());
    this.key = new long[encoder == null ? 0 : encoder.width()];
    this.rows = new OverRowStore(input);
    this.out = new Chunk(output, chunkCapacity);
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
   * Rows currently stored, over all partitions.
   *
   * @return the count
   */
  public int storedRows() {
    return rows.size();
  }

  @Override
  public void onWatermark(long watermark) {
    downstream.onWatermark(watermark);
  }

  @Override
  public void onChunk(Chunk chunk) {
    for (int r = 0; r < chunk.size; r++) {
      if (RowKind.isRetraction(chunk.kinds[r])) {
        if (appendOnly) {
          throw OperatorChecks.retraction(chunk, r, "an append-only Top-N");
        }
        retract(chunk, r);
      } else {
        insert(chunk, r);
      }
    }
    emitChanges();
  }

  private int partitionOf(Chunk chunk, int r, boolean add) {
    if (encoder == null) {
      ensurePartition(0);
      return 0;
    }
    if (!add) {
      return encoder.encodeExisting(chunk, r, key, 0) ? partitions.get(key, 0) : -1;
    }
    encoder.encode(chunk, r, key, 0);
    int p = partitions.getOrAdd(key, 0);
    if (partitions.lastAdded()) {
      encoder.retain(partitions, p);
      ensurePartition(p);
      listSizes[p] = 0;
      inTop[p] = 0;
    }
    return p;
  }

  private void ensurePartition(int p) {
    if (p >= lists.length) {
      int cap = Math.max(p + 1, lists.length * 2);
      lists = Arrays.copyOf(lists, cap);
      listSizes = Arrays.copyOf(listSizes, cap);
      inTop = Arrays.copyOf(inTop, cap);
      touchedFlag = Arrays.copyOf(touchedFlag, cap);
    }
    if (lists[p] == null) {
      lists[p] = new int[8];
    }
  }

  private void touch(int p) {
    if (!touchedFlag[p]) {
      touchedFlag[p] = true;
      if (touchedCount == touched.length) {
        touched = Arrays.copyOf(touched, touchedCount * 2);
      }
      touched[touchedCount++] = p;
    }
  }

  private void insert(Chunk chunk, int r) {
    int p = partitionOf(chunk, r, true);
    touch(p);
    int s = rows.add(chunk, r);
    if (s >= emitted.length) {
      emitted = Arrays.copyOf(emitted, Math.max(s + 1, emitted.length * 2));
    }
    emitted[s] = 0;
    int[] list = lists[p];
    int size = listSizes[p];
    // After every row ranking before or tied with the new one (ties by arrival).
    int lo = search(list, size, s, true);
    if (size == list.length) {
      list = Arrays.copyOf(list, size * 2);
      lists[p] = list;
    }
    System.arraycopy(list, lo, list, lo + 1, size - lo);
    list[lo] = s;
    listSizes[p] = size + 1;
  }

  private void retract(Chunk chunk, int r) {
    int p = partitionOf(chunk, r, false);
    if (p < 0) {
      ignored++;
      return;
    }
    int probe = rows.add(chunk, r);
    int[] list = lists[p];
    int size = listSizes[p];
    int lo = search(list, size, probe, false);
    int found = -1;
    for (int i = lo; i < size && compareOrder(list[i], probe) == 0; i++) {
      if (rows.sameRow(list[i], chunk, r)) {
        found = i;
        break;
      }
    }
    rows.free(probe);
    if (found < 0) {
      ignored++;
      return;
    }
    touch(p);
    int s = list[found];
    System.arraycopy(list, found + 1, list, found, size - found - 1);
    listSizes[p] = size - 1;
    if (emitted[s] != 0) {
      inTop[p]--;
      if (removedCount == removed.length) {
        removed = Arrays.copyOf(removed, removedCount * 2);
      }
      removed[removedCount++] = s;
    } else {
      rows.free(s);
    }
  }

  /**
   * Binary search of a partition's sorted rows: the first position whose row ranks after row
   * {@code probe} ({@code afterTies}) or does not rank before it (otherwise).
   */
  private int search(int[] list, int size, int probe, boolean afterTies) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int c = compareOrder(list[mid], probe);
      if (c < 0 || c == 0 && afterTies) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int compareOrder(int a, int b) {
    for (int i = 0; i < orderColumns.length; i++) {
      int c = rows.compare(a, b, orderColumns[i], nullsFirst[i] != descending[i]);
      if (c != 0) {
        return descending[i] ? -c : c;
      }
    }
    return 0;
  }

  private void emitChanges() {
    for (int i = 0; i < removedCount; i++) {
      int s = removed[i];
      emit(s, RowKind.DELETE, emitted[s]);
      rows.free(s);
    }
    removedCount = 0;
    for (int t = 0; t < touchedCount; t++) {
      emitRetractions(touched[t]);
    }
    for (int t = 0; t < touchedCount; t++) {
      int p = touched[t];
      touchedFlag[p] = false;
      emitAdditions(p);
    }
    touchedCount = 0;
    if (out.size > 0) {
      flush();
    }
  }

  /** The rank of the row at position i given the row before it had rank {@code prevRank}. */
  private long rankAt(int[] list, int i, long prevRank) {
    if (i == 0) {
      return 1;
    }
    switch (rank) {
      case ROW_NUMBER:
        return i + 1;
      case RANK:
        return compareOrder(list[i - 1], list[i]) == 0 ? prevRank : i + 1;
      default:
        return compareOrder(list[i - 1], list[i]) == 0 ? prevRank : prevRank + 1;
    }
  }

  private void emitRetractions(int p) {
    int[] list = lists[p];
    int size = listSizes[p];
    int pending = inTop[p];
    long rk = 0;
    for (int i = 0; i < size && pending > 0; i++) {
      int s = list[i];
      rk = rankAt(list, i, rk);
      if (emitted[s] == 0) {
        continue;
      }
      pending--;
      if (rk > limit) {
        emit(s, RowKind.DELETE, emitted[s]);
        emitted[s] = 0;
        inTop[p]--;
      } else if (rk != emitted[s] && emitRankChanges) {
        emit(s, RowKind.UPDATE_BEFORE, emitted[s]);
      }
    }
  }

  private void emitAdditions(int p) {
    int[] list = lists[p];
    int size = listSizes[p];
    long rk = 0;
    int i = 0;
    for (; i < size; i++) {
      int s = list[i];
      rk = rankAt(list, i, rk);
      if (rk > limit) {
        break;
      }
      if (emitted[s] == 0) {
        emit(s, RowKind.INSERT, rk);
        inTop[p]++;
      } else if (rk != emitted[s] && emitRankChanges) {
        emit(s, RowKind.UPDATE_AFTER, rk);
      }
      emitted[s] = rk;
    }
    if (appendOnly && i < size) {
      for (int j = i; j < size; j++) {
        rows.free(list[j]);
      }
      listSizes[p] = i;
      size = i;
    }
    if (size == 0 && encoder != null) {
      encoder.release(partitions, p);
      partitions.remove(p);
    }
  }

  private void emit(int slot, byte kind, long rk) {
    int r = out.size++;
    rows.write(slot, out, r, 0, width);
    out.columns[width].longs[r] = rk;
    out.kinds[r] = kind;
    if (out.isFull()) {
      flush();
    }
  }

  private void flush() {
    downstream.onChunk(out);
    out.reset();
  }
}
