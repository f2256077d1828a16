package org.laminardb.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.type.DataType;

/**
 * Values in Calcite's Enumerable representation (TIMESTAMP as epoch milliseconds, DATE as epoch
 * days in an int) for snapshots, and back from Calcite's JDBC result sets.
 */
final class CalciteValues {
  private CalciteValues() {}

  static void addRows(Chunk chunk, List<Object[]> out) {
    for (int r = 0; r < chunk.size; r++) {
      Object[] row = new Object[chunk.columns.length];
      for (int c = 0; c < row.length; c++) {
        row[c] = toCalcite(chunk.columns[c], r);
      }
      out.add(row);
    }
  }

  private static Object toCalcite(Column c, int row) {
    if (c.isNull(row)) {
      return null;
    }
    switch (c.type.kind()) {
      case BOOLEAN:
        return c.longs[row] != 0;
      case INT:
        return (int) c.longs[row];
      case REAL:
        return (float) c.doubles[row];
      case DOUBLE:
        return c.doubles[row];
      case DECIMAL:
        return BigDecimal.valueOf(c.longs[row], c.type.scale());
      case TIMESTAMP:
        return Math.floorDiv(c.longs[row], 1000L);
      case DATE:
        return (int) c.longs[row];
      case VARCHAR:
        return c.strings[row];
      default:
        return c.longs[row];
    }
  }

  static List<Object> readRow(ResultSet rs, List<DataType> types) throws SQLException {
    List<Object> row = new ArrayList<>(types.size());
    for (int i = 0; i < types.size(); i++) {
      row.add(read(rs, i + 1, types.get(i)));
    }
    return row;
  }

  private static Object read(ResultSet rs, int i, DataType type) throws SQLException {
    Object v = rs.getObject(i);
    if (v == null) {
      return null;
    }
    switch (type.kind()) {
      case BOOLEAN:
        return v;
      case INT:
        return ((Number) v).intValue();
      case BIGINT:
        return ((Number) v).longValue();
      case DOUBLE:
        return ((Number) v).doubleValue();
      case REAL:
        return ((Number) v).floatValue();
      case DECIMAL:
        BigDecimal d = v instanceof BigDecimal ? (BigDecimal) v : new BigDecimal(v.toString());
        return d.setScale(type.scale(), RoundingMode.HALF_UP);
      case TIMESTAMP:
        return ValueConverter.timestampOf(
            Math.multiplyExact(rs.getTimestamp(i, UTC.get()).getTime(), 1000L));
      case DATE:
        return LocalDate.ofEpochDay(Math.floorDiv(rs.getDate(i, UTC.get()).getTime(), 86_400_000L));
      default:
        return v.toString();
    }
  }

  private static final ThreadLocal<java.util.Calendar> UTC = ThreadLocal.withInitial(
      () -> java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC")));
}
