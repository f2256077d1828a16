package org.laminardb.core.operator;

import java.util.Arrays;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.state.KeyEncoder;
import org.laminardb.core.state.StringDictionary;
import org.laminardb.core.type.Schema;

/**
 * What both kinds of join input store: every kept row in its own slot of an {@link
 * OverRowStore}, and the slots of each join key chained from the key's head (key ids come from
 * the operator's key table, shared by both inputs). Subclasses add per-slot arrays. Garbage free
 * in steady state; single-threaded.
 */
abstract class KeyedJoinRows {
  final int columnCount;
  final int[] keyColumns;
  /** Whether this input's unmatched rows are padded (outer side). */
  final boolean keeps;
  final KeyEncoder encoder;
  final OverRowStore rows;
  /** First slot of each key id's chain, -1 when the key has no row on this side. */
  int[] head = new int[0];
  /** Next slot in the same key's chain, -1 at the end. */
  int[] next = new int[16];

  KeyedJoinRows(Schema schema, int[] keyColumns, boolean keeps, StringDictionary dictionary) {
    this.columnCount = schema.size();
    this.keyColumns = keyColumns.clone();
    this.keeps = keeps;
    this.encoder = new KeyEncoder(schema, keyColumns, dictionary);
    this.rows = new OverRowStore(schema);
  }

  /** Whether a key column of a row is NULL (then it matches nothing). */
  boolean nullKey(Chunk chunk, int row) {
    return nullKey(chunk, row, keyColumns);
  }

  /** Whether one of the given columns of a row is NULL. */
  static boolean nullKey(Chunk chunk, int row, int[] keyColumns) {
    for (int c : keyColumns) {
      if (chunk.columns[c].isNull(row)) {
        return true;
      }
    }
    return false;
  }

  /** Makes room for key ids below {@code limit}, new ones with empty chains. */
  void ensureKeys(int limit) {
    if (limit <= head.length) {
      return;
    }
    int old = head.length;
    head = Arrays.copyOf(head, Math.max(limit, old * 2));
    Arrays.fill(head, old, head.length, -1);
  }
}
