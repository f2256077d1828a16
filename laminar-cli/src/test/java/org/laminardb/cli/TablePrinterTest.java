package org.laminardb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laminardb.ChangeKind;
import org.laminardb.internal.RowImpl;
import org.laminardb.ColumnInfo;
import org.laminardb.QueryResult;
import org.laminardb.Row;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.TypeKind;

class TablePrinterTest {
  private static final List<ColumnInfo> COLUMNS = List.of(
      new ColumnInfo("symbol", DataType.of(TypeKind.VARCHAR)),
      new ColumnInfo("cnt", DataType.of(TypeKind.BIGINT)),
      new ColumnInfo("avg_price", DataType.of(TypeKind.DOUBLE)));

  private static Row row(Object... values) {
    return new RowImpl(ChangeKind.INSERT, COLUMNS, values);
  }

  @Test
  void formatsAnAlignedTableWithCentredHeaderAndRowCount() {
    QueryResult r = new QueryResult(COLUMNS, List.of(row("AAPL", 12L, 245.5),
        row("GOOG", 3L, null), row("MSFT", 1234L, 80.25)));
    assertThat(TablePrinter.format(r)).isEqualTo(""
        + " symbol | cnt  | avg_price\n"
        + "--------+------+-----------\n"
        + " AAPL   |   12 |     245.5\n"
        + " GOOG   |    3 |      NULL\n"
        + " MSFT   | 1234 |     80.25\n"
        + "(3 rows)\n");
  }

  @Test
  void singleRowFooterIsSingular() {
    QueryResult r = new QueryResult(COLUMNS, List.of(row("A", 1L, 1.0)));
    assertThat(TablePrinter.format(r)).endsWith("\n(1 row)\n");
  }

  @Test
  void emptyResultShowsHeaderAndZeroRows() {
    QueryResult r = new QueryResult(COLUMNS, List.of());
    assertThat(TablePrinter.format(r)).isEqualTo(""
        + " symbol | cnt | avg_price\n"
        + "--------+-----+-----------\n"
        + "(0 rows)\n");
  }

  @Test
  void textColumnWiderThanValuesIsLeftAlignedWithoutTrailingSpaces() {
    List<ColumnInfo> cols = List.of(new ColumnInfo("id", DataType.of(TypeKind.INT)),
        new ColumnInfo("description", DataType.of(TypeKind.VARCHAR)));
    QueryResult r =
        new QueryResult(cols, List.of(new RowImpl(ChangeKind.INSERT, cols, new Object[] {7, "x"})));
    assertThat(TablePrinter.format(r)).isEqualTo(""
        + " id | description\n"
        + "----+-------------\n"
        + "  7 | x\n"
        + "(1 row)\n");
  }

  @Test
  void valuesOfEveryTypeAreFormatted() {
    assertThat(ValueFormatter.format(null)).isEqualTo("NULL");
    assertThat(ValueFormatter.format(12.0)).isEqualTo("12.0");
    assertThat(ValueFormatter.format(12345678.9)).isEqualTo("12345678.9");
    assertThat(ValueFormatter.format(1e20)).isEqualTo("1.0E20");
    assertThat(ValueFormatter.format(0.1f)).isEqualTo("0.1");
    assertThat(ValueFormatter.format(Double.NaN)).isEqualTo("NaN");
    assertThat(ValueFormatter.format(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(ValueFormatter.format(LocalDateTime.parse("2024-01-01T00:00:00")))
        .isEqualTo("2024-01-01 00:00:00");
    assertThat(ValueFormatter.format(LocalDateTime.parse("2024-01-01T10:20:30.250")))
        .isEqualTo("2024-01-01 10:20:30.25");
    assertThat(ValueFormatter.format(true)).isEqualTo("true");
    assertThat(ValueFormatter.format("a\nb")).isEqualTo("a\\nb");
  }

  @Test
  void livePrinterShowsChangeKindFirstAndFixedWidths() {
    java.io.StringWriter text = new java.io.StringWriter();
    LivePrinter p = new LivePrinter(COLUMNS, new java.io.PrintWriter(text));
    p.printHeader();
    p.printRow(new RowImpl(ChangeKind.INSERT, COLUMNS, new Object[] {"AAPL", 1L, 10.5}));
    p.printRow(new RowImpl(ChangeKind.UPDATE_BEFORE, COLUMNS, new Object[] {"AAPL", 1L, 10.5}));
    p.printRow(new RowImpl(ChangeKind.UPDATE_AFTER, COLUMNS, new Object[] {"AAPL", 2L, 11.25}));
    p.printFooter();
    assertThat(text.toString()).isEqualTo(""
        + " __op |  symbol  |   cnt    | avg_price\n"
        + "------+----------+----------+------------\n"
        + " +I   | AAPL     |        1 |       10.5\n"
        + " -U   | AAPL     |        1 |       10.5\n"
        + " +U   | AAPL     |        2 |      11.25\n"
        + "(3 rows)\n");
  }
}
