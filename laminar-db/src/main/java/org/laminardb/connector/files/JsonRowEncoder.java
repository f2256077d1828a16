package org.laminardb.connector.files;

import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.Schema;

/**
 * JSON Lines encoding: one object per row, keys the column names in order and then {@code
 * "__op"}, each object ending with {@code \n}. NULL is {@code null}; booleans, integers, decimals
 * and finite doubles are bare JSON values; strings, timestamps, dates and intervals are JSON
 * strings, as are NaN and the infinities ({@code "NaN"}, {@code "Infinity"}, {@code
 * "-Infinity"}), which JSON numbers cannot express. In strings, {@code "} and {@code \} are
 * escaped, control characters below U+0020 become {@code \n}, {@code \r}, {@code \t}, {@code \b},
 * {@code \f} or {@code \}{@code u00XX}, and unpaired surrogates become {@code \}{@code uXXXX}.
 */
final class JsonRowEncoder extends RowEncoder {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Per column, {@code {"name":} or {@code ,"name":}, escaped. */
  private final String[] keys;
  private final String opKey;

  /**
   * Creates the encoder.
   *
   * @param schema the columns of the rows
   */
  JsonRowEncoder(Schema schema) {
    super(schema);
    keys = new String[schema.size()];
    for (int c = 0; c < keys.length; c++) {
      StringBuilder b = new StringBuilder(c == 0 ? "{" : ",");
      appendString(schema.field(c).name(), b);
      keys[c] = b.append(':').toString();
    }
    StringBuilder b = new StringBuilder(keys.length == 0 ? "{" : ",");
    appendString(OP_COLUMN, b);
    opKey = b.append(':').toString();
  }

  @Override
  void header(StringBuilder out) {
    // JSON Lines has no header
  }

  @Override
  void row(Chunk chunk, int row, StringBuilder out) {
    for (int c = 0; c < chunk.columns.length; c++) {
      out.append(keys[c]);
      appendValue(chunk.columns[c], row, out);
    }
    out.append(opKey).append('"').append(op(chunk.kinds[row])).append("\"}\n");
  }

  private static void appendValue(Column c, int row, StringBuilder out) {
    if (c.isNull(row)) {
      out.append("null");
      return;
    }
    switch (c.type.kind()) {
      case BOOLEAN:
      case INT:
      case BIGINT:
      case DECIMAL:
        appendText(c, row, out);
        break;
      case DOUBLE:
      case REAL:
        if (Double.isFinite(c.doubles[row])) {
          appendText(c, row, out);
        } else {
          out.append('"');
          appendText(c, row, out);
          out.append('"');
        }
        break;
      case VARCHAR:
        appendString(c.strings[row], out);
        break;
      default:
        // timestamps, dates, intervals: their text holds nothing to escape
        out.append('"');
        appendText(c, row, out);
        out.append('"');
        break;
    }
  }

  /**
   * Appends a string as a quoted, escaped JSON string.
   *
   * @param s the string
   * @param out where to append
   */
  static void appendString(String s, StringBuilder out) {
    out.append('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          if (ch < 0x20) {
            appendUnicodeEscape(ch, out);
          } else if (Character.isHighSurrogate(ch) && i + 1 < n
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(ch).append(s.charAt(++i));
          } else if (Character.isSurrogate(ch)) {
            appendUnicodeEscape(ch, out); // unpaired: UTF-8 cannot carry it
          } else {
            out.append(ch);
          }
          break;
      }
    }
    out.append('"');
  }

  private static void appendUnicodeEscape(char ch, StringBuilder out) {
    out.append("\\u").append(HEX[(ch >> 12) & 0xf]).append(HEX[(ch >> 8) & 0xf])
        .append(HEX[(ch >> 4) & 0xf]).append(HEX[ch & 0xf]);
  }
}
