package org.laminardb.core.operator;

import java.util.ArrayList;
import java.util.List;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.state.KeyEncoder;
import org.laminardb.core.state.LongKeyTable;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.Schema;

/**
 * The group columns of a window operator's output: grouping keys (input columns, encoded by a
 * {@link KeyEncoder} into the first words of a {@link LongKeyTable} key) interleaved in any order
 * with {@code window_start}, {@code window_end} and {@code window_time}. Validates the output
 * schema and writes the group columns of one output row.
 */
final class WindowGroupWriter {
  private final int[] groupColumns;
  private final int[] keyColumns;
  private final int[] keyOut;
  private final KeyEncoder encoder;
  /** Output column of the first key column when they are consecutive and in order, else -1. */
  private final int firstKeyOut;
  /** One-row chunk of the key columns, for decoding keys that are not consecutive. */
  private final Chunk scratch;
  /** Whether there is one key column and it is stored as a long. */
  private final boolean keyLong;

  WindowGroupWriter(Schema input, int[] groupColumns, int aggCount, Schema output) {
    this.groupColumns = groupColumns.clone();
    int base = groupColumns.length;
    if (output.size() != base + aggCount) {
      throw new IllegalArgumentException("output must have " + (base + aggCount)
          + " columns (groups, then aggregates): output columns=" + output.size());
    }
    int keys = 0;
    for (int c : groupColumns) {
      keys += c >= 0 ? 1 : 0;
    }
    this.keyColumns = new int[keys];
    this.keyOut = new int[keys];
    List<Field> keyFields = new ArrayList<>();
    int k = 0;
    for (int i = 0; i < base; i++) {
      int c = groupColumns[i];
      PhysicalKind expected;
      if (c >= 0) {
        OperatorChecks.requireColumn(input, c, "groupColumns[" + i + "]");
        keyColumns[k] = c;
        keyOut[k++] = i;
        keyFields.add(input.field(c));
        expected = input.field(c).type().physical();
      } else if (c == WindowSpec.START || c == WindowSpec.END || c == WindowSpec.TIME) {
        expected = PhysicalKind.LONG;
      } else {
        throw new IllegalArgumentException("groupColumns[" + i + "] is neither an input column "
            + "nor a window column code: " + c);
      }
      if (output.field(i).type().physical() != expected) {
        throw new IllegalArgumentException("output column " + i + " must be stored as "
            + expected + ": output column type=" + output.field(i).type());
      }
    }
    boolean consecutive = true;
    for (int j = 1; j < keys; j++) {
      consecutive &= keyOut[j] == keyOut[0] + j;
    }
    this.firstKeyOut = keys == 0 ? -1 : consecutive ? keyOut[0] : -1;
    this.scratch = keys > 0 && !consecutive ? new Chunk(new Schema(keyFields), 1) : null;
    this.encoder = new KeyEncoder(input, keyColumns);
    this.keyLong = keys == 1 && input.field(keyColumns[0]).type().physical() == PhysicalKind.LONG;
  }

  /** The encoder of the grouping keys (the group columns that are input columns). */
  KeyEncoder encoder() {
    return encoder;
  }

  /** Input columns of the grouping keys, in output order. */
  int[] keyColumns() {
    return keyColumns.clone();
  }

  /** Number of group columns. */
  int width() {
    return groupColumns.length;
  }

  /**
   * Whether there is exactly one key column and it is stored as a long: such keys can be kept as
   * one word (the value) with NULL apart, see {@link #writeIndexed}.
   */
  boolean singleLongKey() {
    return keyLong;
  }

  /**
   * Writes the group columns of an output row whose key has a key index: 0 for the NULL key of
   * a {@link #singleLongKey()} (and for operators without keys), otherwise 1 + the key's id in
   * {@code table}, which holds the value as one word for a single long key, else the {@link
   * KeyEncoder} words.
   */
  void writeIndexed(LongKeyTable table, int keyIndex, Chunk out, int row, long start, long end) {
    if (keyColumns.length > 0 && keyLong) {
      if (keyIndex == 0) {
        out.columns[keyOut[0]].setNull(row);
      } else {
        out.columns[keyOut[0]].longs[row] = table.key(keyIndex - 1, 0);
      }
      writeWindow(out, row, start, end);
    } else if (keyColumns.length > 0) {
      write(table, keyIndex - 1, out, row, start, end);
    } else {
      writeWindow(out, row, start, end);
    }
  }

  /**
   * Writes the group columns of an output row: the key stored under {@code id} in {@code table}
   * (its first {@link KeyEncoder#width()} words) and the window bounds.
   */
  void write(LongKeyTable table, int id, Chunk out, int row, long start, long end) {
    if (firstKeyOut >= 0) {
      encoder.decode(table, id, out, row, firstKeyOut);
    } else if (scratch != null) {
      scratch.size = 1;
      encoder.decode(table, id, scratch, 0, 0);
      for (int k = 0; k < keyOut.length; k++) {
        out.columns[keyOut[k]].copyFrom(row, scratch.columns[k], 0);
      }
      scratch.reset();
    }
    writeWindow(out, row, start, end);
  }

  private void writeWindow(Chunk out, int row, long start, long end) {
    for (int i = 0; i < groupColumns.length; i++) {
      switch (groupColumns[i]) {
        case WindowSpec.START:
          out.columns[i].longs[row] = start;
          break;
        case WindowSpec.END:
          out.columns[i].longs[row] = end;
          break;
        case WindowSpec.TIME:
          out.columns[i].longs[row] = end - 1;
          break;
        default:
          break;
      }
    }
  }
}
