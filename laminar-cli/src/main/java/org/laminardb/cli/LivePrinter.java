package org.laminardb.cli;

import java.io.PrintWriter;
import java.util.List;
import org.laminardb.ColumnInfo;
import org.laminardb.Row;
import org.laminardb.core.type.DataType;

/**
 * Prints the rows of a subscription as they arrive: a header, then one line per row with its
 * change kind ({@code +I}, {@code -U}, {@code +U}, {@code -D}) in an {@code __op} column, each
 * flushed at once. Column widths are fixed up front from the names and types; a longer value
 * widens only its own line.
 */
public final class LivePrinter {
  /** Name of the change-kind column. */
  public static final String OP_COLUMN = "__op";

  private final PrintWriter out;
  private final int[] widths;
  private final boolean[] rightAligned;
  private final String[] header;
  private final String[] cells;
  private long rows;

  /**
   * Creates a printer for a subscription's columns.
   *
   * @param columns the subscribed object's columns
   * @param out where lines go
   */
  public LivePrinter(List<ColumnInfo> columns, PrintWriter out) {
    this.out = out;
    int n = columns.size() + 1;
    widths = new int[n];
    rightAligned = new boolean[n];
    header = new String[n];
    cells = new String[n];
    header[0] = OP_COLUMN;
    widths[0] = OP_COLUMN.length();
    for (int c = 1; c < n; c++) {
      ColumnInfo col = columns.get(c - 1);
      header[c] = col.name();
      widths[c] = Math.max(col.name().length(), typicalWidth(col.type()));
      rightAligned[c] = ValueFormatter.isNumeric(col.type());
    }
  }

  /** Prints the header and separator lines. */
  public void printHeader() {
    StringBuilder b = new StringBuilder();
    TablePrinter.line(b, header, widths, null);
    TablePrinter.separator(b, widths);
    out.print(b);
    out.flush();
  }

  /**
   * Prints one row and flushes.
   *
   * @param row the row
   */
  public void printRow(Row row) {
    cells[0] = row.kind().shortString();
    for (int c = 1; c < cells.length; c++) {
      cells[c] = ValueFormatter.format(row.get(c - 1));
    }
    StringBuilder b = new StringBuilder();
    TablePrinter.line(b, cells, widths, rightAligned);
    out.print(b);
    out.flush();
    rows++;
  }

  /** Prints the row count footer, e.g. {@code (5 rows)}. */
  public void printFooter() {
    out.println(TablePrinter.rowCount(rows));
    out.flush();
  }

  /**
   * Number of rows printed.
   *
   * @return the count
   */
  public long rowCount() {
    return rows;
  }

  private static int typicalWidth(DataType type) {
    switch (type.kind()) {
      case BOOLEAN:
        return 5;
      case INT:
        return 6;
      case BIGINT:
        return 8;
      case DOUBLE:
      case REAL:
        return 10;
      case DECIMAL:
        return type.precision() + 2;
      case TIMESTAMP:
        return 19;
      case DATE:
        return 10;
      default:
        return 8;
    }
  }
}
