package org.laminardb.core.operator;

import org.laminardb.core.chunk.Chunk;

/**
 * Residual condition of a join, beyond its key equalities, evaluated over candidate pairs. The
 * planner supplies generated code; implementations keep no state across calls that matters for
 * results.
 */
public interface JoinPredicate {
  /**
   * Evaluates the condition on each row of {@code pairs} (the left input's columns, then the
   * right input's), storing TRUE as {@code true} and FALSE or NULL as {@code false}.
   *
   * @param pairs candidate pairs, with the join's output layout
   * @param result receives one flag per row, from index 0
   */
  void test(Chunk pairs, boolean[] result);
}
