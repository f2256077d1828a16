package org.laminardb.cli;

import java.util.ArrayList;
import java.util.List;
import org.laminardb.ColumnInfo;
import org.laminardb.QueryResult;
import org.laminardb.Row;

/**
 * Formats rows as an aligned text table in the style of {@code psql}: a centred header, a
 * separator line, one line per row with numbers right-aligned and text left-aligned, and a row
 * count footer such as {@code (3 rows)}. Trailing spaces are trimmed.
 */
public final class TablePrinter {
  private TablePrinter() {}

  /**
   * Table text of a query result, footer included, each line ending with a newline.
   *
   * @param result the result
   * @return the text
   */
  public static String format(QueryResult result) {
    return format(result.columns(), result.rows());
  }

  /**
   * Table text of rows, footer included.
   *
   * @param columns the columns
   * @param rows the rows
   * @return the text
   */
  public static String format(List<ColumnInfo> columns, List<? extends Row> rows) {
    List<String> header = new ArrayList<>();
    boolean[] right = new boolean[columns.size()];
    for (int c = 0; c < columns.size(); c++) {
      header.add(columns.get(c).name());
      right[c] = ValueFormatter.isNumeric(columns.get(c).type());
    }
    List<String[]> cells = new ArrayList<>();
    for (Row row : rows) {
      String[] line = new String[columns.size()];
      for (int c = 0; c < line.length; c++) {
        line[c] = ValueFormatter.format(row.get(c));
      }
      cells.add(line);
    }
    return table(header, right, cells) + rowCount(rows.size()) + "\n";
  }

  /**
   * Table text of cells, without footer.
   *
   * @param header column names
   * @param rightAligned per column, whether values are right-aligned
   * @param rows cell texts, one array per row
   * @return the text: header, separator and row lines, each ending with a newline
   */
  public static String table(List<String> header, boolean[] rightAligned, List<String[]> rows) {
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (String[] row : rows) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder b = new StringBuilder();
    String[] names = header.toArray(new String[0]);
    line(b, names, widths, null);
    separator(b, widths);
    for (String[] row : rows) {
      line(b, row, widths, rightAligned);
    }
    return b.toString();
  }

  /**
   * Footer with a row count: {@code (1 row)} or {@code (n rows)}.
   *
   * @param count the number of rows
   * @return the footer, without newline
   */
  public static String rowCount(long count) {
    return count == 1 ? "(1 row)" : "(" + count + " rows)";
  }

  /**
   * Appends one table line; a null alignment centres the cells (header).
   *
   * @param b the text so far
   * @param cells the cell texts
   * @param widths the column widths
   * @param rightAligned per column, whether right-aligned, or null to centre
   */
  static void line(StringBuilder b, String[] cells, int[] widths, boolean[] rightAligned) {
    int start = b.length();
    for (int c = 0; c < cells.length; c++) {
      b.append(c == 0 ? " " : " | ");
      int pad = Math.max(0, widths[c] - cells[c].length());
      int left = rightAligned == null ? pad / 2 : rightAligned[c] ? pad : 0;
      repeat(b, ' ', left);
      b.append(cells[c]);
      repeat(b, ' ', pad - left);
    }
    int end = b.length();
    while (end > start && b.charAt(end - 1) == ' ') {
      end--;
    }
    b.setLength(end);
    b.append('\n');
  }

  /**
   * Appends the separator line under the header.
   *
   * @param b the text so far
   * @param widths the column widths
   */
  static void separator(StringBuilder b, int[] widths) {
    for (int c = 0; c < widths.length; c++) {
      b.append(c == 0 ? "-" : "-+-");
      repeat(b, '-', widths[c]);
    }
    b.append("-\n");
  }

  private static void repeat(StringBuilder b, char ch, int count) {
    for (int i = 0; i < count; i++) {
      b.append(ch);
    }
  }
}
