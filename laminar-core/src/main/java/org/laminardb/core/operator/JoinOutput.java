package org.laminardb.core.operator;

import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.type.Schema;

/**
 * The output side shared by the join operators: the output chunk (the left input's columns, then
 * the right's), emitted downstream when full or on {@link #flush()}, and the writing of joined
 * and NULL-padded rows. Garbage free; single-threaded.
 */
final class JoinOutput {
  private final ChunkConsumer downstream;
  /** The chunk being filled. */
  final Chunk out;
  /** First output column of each input. */
  private final int[] offsets;
  /** Column count of each input. */
  private final int[] widths;

  JoinOutput(Schema left, Schema output, ChunkConsumer downstream, int chunkCapacity) {
    this.downstream = downstream;
    this.out = new Chunk(output, chunkCapacity);
    this.offsets = new int[] {0, left.size()};
    this.widths = new int[] {left.size(), output.size() - left.size()};
  }

  /** Starts an output row of a kind, emitting the chunk first when it is full. */
  int next(byte rowKind) {
    if (out.isFull()) {
      downstream.onChunk(out);
      out.reset();
    }
    int o = out.size++;
    out.kinds[o] = rowKind;
    return o;
  }

  /**
   * Writes into row {@code o} of {@code dst} (the output or a scratch chunk of its schema) row
   * {@code r} of input {@code s}'s chunk and stored slot {@code c} of the other input.
   */
  void pair(Chunk dst, int o, int s, Chunk in, int r, KeyedJoinRows other, int c) {
    copy(dst, o, s, in, r);
    other.rows.write(c, dst, o, offsets[1 - s], widths[1 - s]);
  }

  /** Writes row {@code r} of input {@code s}'s chunk into its columns of output row o. */
  void copyInput(int o, int s, Chunk in, int r) {
    copy(out, o, s, in, r);
  }

  /** Writes row {@code r} of input {@code s}'s chunk into output row o, the other side NULL. */
  void padded(int o, int s, Chunk in, int r) {
    copy(out, o, s, in, r);
    pad(o, 1 - s);
  }

  /** Writes stored slot {@code slot} of input {@code s} into output row o, the other side NULL. */
  void paddedStored(int o, int s, KeyedJoinRows me, int slot) {
    me.rows.write(slot, out, o, offsets[s], widths[s]);
    pad(o, 1 - s);
  }

  /** Emits the rows written so far, if any. */
  void flush() {
    if (out.size > 0) {
      downstream.onChunk(out);
      out.reset();
    }
  }

  private void copy(Chunk dst, int o, int s, Chunk in, int r) {
    int first = offsets[s];
    for (int i = 0; i < widths[s]; i++) {
      dst.columns[first + i].copyFrom(o, in.columns[i], r);
    }
  }

  private void pad(int o, int s) {
    int first = offsets[s];
    for (int i = 0; i < widths[s]; i++) {
      out.columns[first + i].setNull(o);
    }
  }
}
