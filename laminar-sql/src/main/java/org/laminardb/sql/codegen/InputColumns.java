package org.laminardb.sql.codegen;

import java.util.BitSet;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.Schema;

/**
 * Input columns read by the generated loop: each used column's value array, null bitmap and
 * {@code hasNulls} flag are hoisted into locals before the loop, once.
 */
final class InputColumns {
  private final Schema input;
  private final BitSet values = new BitSet();
  private final BitSet nulls = new BitSet();

  InputColumns(Schema input) {
    this.input = input;
  }

  /** Java expression reading column {@code index} at row {@code i}. */
  String read(int index, JavaKind kind) {
    values.set(index);
    String element = "c" + index + "[i]";
    return kind == JavaKind.BOOLEAN ? "(" + element + " != 0L)" : element;
  }

  /** Java condition that holds when column {@code index} is NULL at row {@code i}. */
  String isNull(int index) {
    nulls.set(index);
    return "h" + index + " && (nb" + index + "[i >>> 6] & (1L << i)) != 0L";
  }

  /** Declarations of the hoisted locals, one per line, indented by {@code indent}. */
  String declarations(String indent) {
    StringBuilder b = new StringBuilder();
    for (int c = values.nextSetBit(0); c >= 0; c = values.nextSetBit(c + 1)) {
      PhysicalKind kind = input.field(c).type().physical();
      String array = kind == PhysicalKind.LONG ? "long[]" : kind == PhysicalKind.DOUBLE ? "double[]"
          : "String[]";
      String field = kind == PhysicalKind.LONG ? "longs" : kind == PhysicalKind.DOUBLE ? "doubles"
          : "strings";
      b.append(indent).append("final ").append(array).append(" c").append(c)
          .append(" = in.columns[").append(c).append("].").append(field).append(";\n");
    }
    for (int c = nulls.nextSetBit(0); c >= 0; c = nulls.nextSetBit(c + 1)) {
      b.append(indent).append("final boolean h").append(c).append(" = in.columns[").append(c)
          .append("].hasNulls;\n");
      b.append(indent).append("final long[] nb").append(c).append(" = in.columns[").append(c)
          .append("].nulls;\n");
    }
    return b.toString();
  }
}
