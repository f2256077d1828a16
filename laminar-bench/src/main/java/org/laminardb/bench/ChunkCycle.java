package org.laminardb.bench;

import org.laminardb.core.chunk.Chunk;

/**
 * Pre-filled input chunks handed out in a cycle, with the number of rows of each that pass
 * {@code v > 10}, so that a consumer's output can be checked against the input fed so far.
 */
final class ChunkCycle {
  private final Chunk[] chunks;
  private final int mask;
  private final long[] passingBefore;
  private long next;

  /**
   * Generates the chunks.
   *
   * @param count number of chunks, a power of two
   * @param keys distinct values of {@code k}
   * @param seed random seed
   */
  ChunkCycle(int count, int keys, long seed) {
    chunks = Inputs.chunks(count, keys, seed);
    mask = count - 1;
    passingBefore = new long[count + 1];
    for (int c = 0; c < count; c++) {
      long n = 0;
      for (int r = 0; r < chunks[c].size; r++) {
        n += chunks[c].columns[1].doubles[r] > 10 ? 1 : 0;
      }
      passingBefore[c + 1] = passingBefore[c] + n;
    }
  }

  /**
   * The next chunk of the cycle.
   *
   * @return the chunk
   */
  Chunk next() {
    return chunks[(int) (next++ & mask)];
  }

  /**
   * Rows with {@code v > 10} in all the chunks handed out so far.
   *
   * @return the count
   */
  long passingSoFar() {
    long cycles = next / chunks.length;
    return cycles * passingBefore[chunks.length] + passingBefore[(int) (next % chunks.length)];
  }
}
