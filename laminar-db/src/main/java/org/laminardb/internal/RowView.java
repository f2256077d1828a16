package org.laminardb.internal;

import java.util.List;
import org.laminardb.ChangeKind;
import org.laminardb.ColumnInfo;
import org.laminardb.Row;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;

/**
 * Flyweight {@link Row} over one row of a chunk, re-pointed for each row handed to a {@link
 * org.laminardb.RowListener}. The primitive getters read the column arrays directly, so a
 * listener that uses them allocates nothing.
 */
final class RowView implements Row {
  private final List<ColumnInfo> columns;
  private Chunk chunk;
  private int row;

  RowView(List<ColumnInfo> columns) {
    this.columns = columns;
  }

  void point(Chunk c, int r) {
    this.chunk = c;
    this.row = r;
  }

  @Override
  public ChangeKind kind() {
    return ChangeKind.fromCode(chunk.kinds[row]);
  }

  @Override
  public List<ColumnInfo> columns() {
    return columns;
  }

  @Override
  public Object get(int index) {
    Column c = chunk.columns[index];
    return ValueConverter.toJava(ChunkValues.read(c, row), c.type);
  }

  @Override
  public boolean isNull(int index) {
    return chunk.columns[index].isNull(row);
  }

  @Override
  public long getLong(int index) {
    Column c = chunk.columns[index];
    if (c.isNull(row)) {
      return 0L;
    }
    if (c.longs != null && c.type.scale() == 0) {
      return c.longs[row];
    }
    return Row.super.getLong(index);
  }

  @Override
  public double getDouble(int index) {
    Column c = chunk.columns[index];
    if (c.isNull(row)) {
      return 0.0;
    }
    if (c.doubles != null) {
      return c.doubles[row];
    }
    return Row.super.getDouble(index);
  }

  @Override
  public String toString() {
    return new RowImpl(kind(), columns, ChunkValues.javaRow(chunk, row)).toString();
  }
}
