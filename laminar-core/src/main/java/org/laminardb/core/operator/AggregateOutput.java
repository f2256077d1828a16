package org.laminardb.core.operator;

import java.util.Arrays;
import java.util.List;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Schema;

/**
 * The output side shared by the aggregating operators ({@link GroupAggregateOperator}, {@link
 * WindowAggregateOperator}, {@link SessionWindowOperator}): the reused output chunk, a one-row
 * chunk for a group's current results, the last emitted results per group ({@link AggImage}s, for
 * changelog output), and the list of groups changed since the last emission.
 *
 * <p>Rows have the group columns first (written by the operator) and then, from column {@code
 * base}, one column per aggregate. Single-threaded; nothing is allocated per row.
 */
final class AggregateOutput {
  /** Emits one listed group; returns the rows it emitted. */
  @FunctionalInterface
  interface Emission {
    int emit(int group);
  }

  private final ChunkConsumer downstream;
  private final Chunk out;
  private final Chunk current;
  private final int base;
  private final int aggs;
  private final AggImage[] images;
  private int[] changed = new int[64];
  private int changedCount;

  /**
   * @param output output schema: {@code base} group columns, then one column per image
   * @param base number of group columns
   * @param images per aggregate its image, or an empty array without changelog output
   */
  AggregateOutput(Schema output, int base, AggImage[] images, ChunkConsumer downstream,
      int chunkCapacity) {
    this.downstream = downstream;
    this.out = new Chunk(output, chunkCapacity);
    this.current = new Chunk(output, 1);
    this.base = base;
    this.aggs = output.size() - base;
    this.images = images;
  }

  /**
   * Creates one accumulator per aggregate call after checking that output column {@code base + a}
   * is stored like the result of call {@code a}.
   */
  static AggAccumulator[] accumulators(Schema input, List<AggregateSpec> aggs, Schema output,
      int base, boolean appendOnly) {
    AggAccumulator[] accs = new AggAccumulator[aggs.size()];
    for (int a = 0; a < accs.length; a++) {
      AggregateSpec spec = aggs.get(a);
      requireSamePhysical(output, base + a, spec.resultType());
      accs[a] = Accumulators.create(input, spec, appendOnly);
    }
    return accs;
  }

  /** One image per aggregate call, or none ({@code changelog} false). */
  static AggImage[] images(List<AggregateSpec> aggs, boolean changelog) {
    AggImage[] images = new AggImage[changelog ? aggs.size() : 0];
    for (int a = 0; a < images.length; a++) {
      images[a] = new AggImage(aggs.get(a).resultType().physical());
    }
    return images;
  }

  static void requireSamePhysical(Schema output, int column, DataType expected) {
    DataType actual = output.field(column).type();
    if (actual.physical() != expected.physical()) {
      throw new IllegalArgumentException("output column " + column + " must be stored like "
          + expected + ": output column type=" + actual);
    }
  }

  /** The reused output chunk. */
  Chunk out() {
    return out;
  }

  /** Grows the images to hold group ids below {@code capacity}. */
  void grow(int capacity) {
    for (AggImage image : images) {
      image.grow(capacity);
    }
  }

  /** Drops the image of a freed group. */
  void clear(int group) {
    for (AggImage image : images) {
      image.clear(group);
    }
  }

  /** Lists a group as changed (the caller keeps its own flag so that it is listed once). */
  void listChanged(int group) {
    if (changedCount == changed.length) {
      changed = Arrays.copyOf(changed, changedCount * 2);
    }
    changed[changedCount++] = group;
  }

  /**
   * Emits the listed groups in order and empties the list. Should an emission throw, the groups
   * not yet emitted (the failing one included) stay listed.
   *
   * @return the rows emitted
   */
  int emitChanged(Emission emission) {
    int rows = 0;
    int done = 0;
    try {
      while (done < changedCount) {
        rows += emission.emit(changed[done]);
        done++;
      }
    } finally {
      System.arraycopy(changed, done, changed, 0, changedCount - done);
      changedCount -= done;
    }
    return rows;
  }

  /** Clears the current row; then the operator writes result {@code a} to {@link #current}. */
  void resetCurrent() {
    current.reset();
    current.size = 1;
  }

  /** Column of aggregate {@code a} in the current row (row 0). */
  Column current(int a) {
    return current.columns[base + a];
  }

  /** Whether the current results equal the group's last emitted ones. */
  boolean sameAsImage(int group) {
    for (int a = 0; a < images.length; a++) {
      if (!images[a].sameAs(group, current.columns[base + a], 0)) {
        return false;
      }
    }
    return true;
  }

  /** Stores the current results as the group's last emitted ones. */
  void storeImage(int group) {
    for (int a = 0; a < images.length; a++) {
      images[a].store(group, current.columns[base + a], 0);
    }
  }

  /**
   * Appends a row of a kind to a chunk (handing {@link #out()} over first when it is full); the
   * caller writes its group columns and results.
   *
   * @return the row index
   */
  int reserve(Chunk to, byte rowKind) {
    if (to == out && out.isFull()) {
      flush();
    }
    int r = to.size++;
    to.kinds[r] = rowKind;
    return r;
  }

  /** Writes the current results into row {@code r} of a chunk. */
  void writeCurrent(Chunk to, int r) {
    for (int a = 0; a < aggs; a++) {
      to.columns[base + a].copyFrom(r, current.columns[base + a], 0);
    }
  }

  /** Writes the group's last emitted results into row {@code r} of a chunk. */
  void writeImage(int group, Chunk to, int r) {
    for (int a = 0; a < images.length; a++) {
      images[a].write(group, to.columns[base + a], r);
    }
  }

  /** Hands the output chunk downstream when it holds rows. */
  void flush() {
    if (out.size > 0) {
      downstream.onChunk(out);
      out.reset();
    }
  }
}
