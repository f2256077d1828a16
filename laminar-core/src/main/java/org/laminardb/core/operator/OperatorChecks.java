package org.laminardb.core.operator;

import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.type.Schema;

/** Argument and input checks shared by the operators, with their messages. */
final class OperatorChecks {
  private OperatorChecks() {}

  /**
   * Checks that a column index is one of the input's columns.
   *
   * @throws IllegalArgumentException naming {@code what} when it is not
   */
  static void requireColumn(Schema input, int column, String what) {
    if (column < 0 || column >= input.size()) {
      throw new IllegalArgumentException(
          what + " out of range 0.." + (input.size() - 1) + ": " + what + "=" + column);
    }
  }

  /**
   * Checks a chunk capacity.
   *
   * @throws IllegalArgumentException when it is not positive
   */
  static void requireCapacity(int chunkCapacity) {
    if (chunkCapacity <= 0) {
      throw new IllegalArgumentException(
          "chunkCapacity must be positive: chunkCapacity=" + chunkCapacity);
    }
  }

  /**
   * The error for a retraction at a row of an input that must be append-only.
   *
   * @param input what the input feeds, as in "the input of {@code input}" ("an append-only Top-N")
   */
  static IllegalStateException retraction(Chunk chunk, int r, String input) {
    return new IllegalStateException("retraction (" + RowKind.shortString(chunk.kinds[r])
        + ") at row " + r + " of the input of " + input);
  }
}
