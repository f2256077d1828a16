package org.laminardb.sql.codegen;

import org.laminardb.core.chunk.Chunk;

/**
 * Compiled filter-and-project over chunks, produced by {@link CalcCompiler}. Not thread-safe: an
 * instance may keep per-expression caches, so one query thread uses it at a time.
 */
public interface CalcProgram {
  /**
   * Evaluates the program's condition on each row of {@code in} and appends the projections of
   * the rows where it is TRUE (NULL and FALSE reject) to {@code out}, starting at
   * {@code out.size}, with each row's kind copied. The caller guarantees that {@code out} has
   * room for {@code in.size} more rows.
   *
   * @param in input rows
   * @param out output chunk, appended to
   * @return number of rows appended
   * @throws org.laminardb.error.LaminarDBException on a runtime SQL error such as division by
   *     zero ({@code 22012}), overflow ({@code 22003}) or bad text in a cast ({@code 22P02});
   *     the rows completed before the failing row stay appended ({@code out.size} covers them)
   *     and nothing of the failing row is written
   */
  int apply(Chunk in, Chunk out);
}
