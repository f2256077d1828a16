package org.laminardb.connector.files;

import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.Schema;

/**
 * CSV encoding: a header line with the column names and {@code __op}, then one line per row,
 * lines ending with {@code \n}. Fields holding a comma, double quote, CR or LF are quoted as RFC
 * 4180 says (inner quotes doubled); NULL is an empty field and the empty string a quoted empty
 * field ({@code ""}), so that the two stay apart.
 */
final class CsvRowEncoder extends RowEncoder {
  private final String header;

  /**
   * Creates the encoder.
   *
   * @param schema the columns of the rows
   */
  CsvRowEncoder(Schema schema) {
    super(schema);
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < schema.size(); c++) {
      appendField(schema.field(c).name(), b);
      b.append(',');
    }
    b.append(OP_COLUMN).append('\n');
    this.header = b.toString();
  }

  @Override
  void header(StringBuilder out) {
    out.append(header);
  }

  @Override
  void row(Chunk chunk, int row, StringBuilder out) {
    for (int c = 0; c < chunk.columns.length; c++) {
      Column col = chunk.columns[c];
      if (!col.isNull(row)) {
        int start = out.length();
        appendText(col, row, out);
        if (col.strings != null) {
          quoteIfNeeded(out, start);
        }
      }
      out.append(',');
    }
    out.append(op(chunk.kinds[row])).append('\n');
  }

  private static void appendField(String text, StringBuilder out) {
    int start = out.length();
    out.append(text);
    quoteIfNeeded(out, start);
  }

  /**
   * Quotes the field that starts at {@code start} and runs to the end of {@code out} if it is
   * empty or holds a comma, double quote, CR or LF.
   */
  private static void quoteIfNeeded(StringBuilder out, int start) {
    int end = out.length();
    boolean quote = start == end;
    int quotes = 0;
    for (int i = start; i < end; i++) {
      char ch = out.charAt(i);
      if (ch == '"') {
        quotes++;
        quote = true;
      } else if (ch == ',' || ch == '\n' || ch == '\r') {
        quote = true;
      }
    }
    if (!quote) {
      return;
    }
    // Shift the field right by the opening quote plus one per inner quote, from the end.
    out.setLength(end + quotes + 2);
    int to = end + quotes + 1;
    out.setCharAt(to--, '"');
    for (int i = end - 1; i >= start; i--) {
      char ch = out.charAt(i);
      out.setCharAt(to--, ch);
      if (ch == '"') {
        out.setCharAt(to--, '"');
      }
    }
    out.setCharAt(to, '"');
  }
}
