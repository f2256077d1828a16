package org.laminardb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laminardb.ColumnInfo;
import org.laminardb.Row;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.TypeKind;

class MaterializedResultSetTest {
  private static final LocalDateTime TS = LocalDateTime.of(2024, 5, 6, 7, 8, 9, 500_000_000);
  private static final LocalDate DAY = LocalDate.of(2024, 5, 6);
  private static final List<ColumnInfo> COLUMNS = List.of(
      new ColumnInfo("b", DataType.of(TypeKind.BOOLEAN)),
      new ColumnInfo("i", DataType.of(TypeKind.INT).withNullable(false)),
      new ColumnInfo("l", DataType.of(TypeKind.BIGINT)),
      new ColumnInfo("d", DataType.of(TypeKind.DOUBLE)),
      new ColumnInfo("r", DataType.of(TypeKind.REAL)),
      new ColumnInfo("m", DataType.decimal(10, 2)),
      new ColumnInfo("s", DataType.of(TypeKind.VARCHAR)),
      new ColumnInfo("ts", DataType.of(TypeKind.TIMESTAMP)),
      new ColumnInfo("dt", DataType.of(TypeKind.DATE)));

  private ResultSet rs;

  @BeforeEach
  void open() throws SQLException {
    List<Row> rows = new ArrayList<>();
    rows.add(new MemoryRow(COLUMNS, true, 7, 8_000_000_000L, 2.5, 1.5f,
        new BigDecimal("12.34"), "hello", TS, DAY));
    rows.add(new MemoryRow(COLUMNS, null, 0, null, null, null, null, null, null, null));
    rs = LaminarResultSet.of(COLUMNS, rows);
  }

  @Test
  void readsTypedValuesByIndexAndLabel() throws SQLException {
    assertThat(rs.isBeforeFirst()).isTrue();
    assertThat(rs.next()).isTrue();
    assertThat(rs.isFirst()).isTrue();
    assertThat(rs.getBoolean("B")).isTrue();
    assertThat(rs.getInt(2)).isEqualTo(7);
    assertThat(rs.getShort("i")).isEqualTo((short) 7);
    assertThat(rs.getLong("l")).isEqualTo(8_000_000_000L);
    assertThat(rs.getDouble("d")).isEqualTo(2.5);
    assertThat(rs.getFloat("r")).isEqualTo(1.5f);
    assertThat(rs.getBigDecimal("m")).isEqualByComparingTo("12.34");
    assertThat(rs.getString("m")).isEqualTo("12.34");
    assertThat(rs.getString("s")).isEqualTo("hello");
    assertThat(rs.getTimestamp("ts")).isEqualTo(Timestamp.valueOf(TS));
    assertThat(rs.getString("ts")).isEqualTo("2024-05-06 07:08:09.5");
    assertThat(rs.getDate("dt")).isEqualTo(Date.valueOf(DAY));
    assertThat(rs.getDate("ts")).isEqualTo(Date.valueOf(DAY));
    assertThat(rs.wasNull()).isFalse();
  }

  @Test
  void givesJdbcClassesFromGetObject() throws SQLException {
    rs.next();
    assertThat(rs.getObject("ts")).isEqualTo(Timestamp.valueOf(TS));
    assertThat(rs.getObject("dt")).isEqualTo(Date.valueOf(DAY));
    assertThat(rs.getObject("l")).isEqualTo(8_000_000_000L);
    assertThat(rs.getObject("ts", LocalDateTime.class)).isEqualTo(TS);
    assertThat(rs.getObject("dt", LocalDate.class)).isEqualTo(DAY);
    assertThat(rs.getObject("i", Long.class)).isEqualTo(7L);
    assertThat(rs.getObject("m", BigDecimal.class)).isEqualByComparingTo("12.34");
  }

  @Test
  void reportsNullsThroughWasNull() throws SQLException {
    rs.next();
    rs.next();
    assertThat(rs.getObject(1)).isNull();
    assertThat(rs.wasNull()).isTrue();
    assertThat(rs.getInt("i")).isZero();
    assertThat(rs.wasNull()).isFalse();
    assertThat(rs.getLong("l")).isZero();
    assertThat(rs.wasNull()).isTrue();
    assertThat(rs.getTimestamp("ts")).isNull();
    assertThat(rs.getBigDecimal("m")).isNull();
    assertThat(rs.isLast()).isTrue();
    assertThat(rs.next()).isFalse();
    assertThat(rs.isAfterLast()).isTrue();
  }

  @Test
  void describesColumnsInMetadata() throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    assertThat(md.getColumnCount()).isEqualTo(9);
    assertThat(md.getColumnLabel(6)).isEqualTo("m");
    assertThat(md.getColumnType(1)).isEqualTo(Types.BOOLEAN);
    assertThat(md.getColumnType(2)).isEqualTo(Types.INTEGER);
    assertThat(md.getColumnType(3)).isEqualTo(Types.BIGINT);
    assertThat(md.getColumnType(4)).isEqualTo(Types.DOUBLE);
    assertThat(md.getColumnType(5)).isEqualTo(Types.REAL);
    assertThat(md.getColumnType(6)).isEqualTo(Types.DECIMAL);
    assertThat(md.getColumnType(7)).isEqualTo(Types.VARCHAR);
    assertThat(md.getColumnType(8)).isEqualTo(Types.TIMESTAMP);
    assertThat(md.getColumnType(9)).isEqualTo(Types.DATE);
    assertThat(md.getColumnTypeName(6)).isEqualTo("DECIMAL");
    assertThat(md.getColumnTypeName(2)).isEqualTo("INTEGER");
    assertThat(md.getPrecision(6)).isEqualTo(10);
    assertThat(md.getScale(6)).isEqualTo(2);
    assertThat(md.isNullable(2)).isEqualTo(ResultSetMetaData.columnNoNulls);
    assertThat(md.isNullable(3)).isEqualTo(ResultSetMetaData.columnNullable);
    assertThat(md.isSigned(3)).isTrue();
    assertThat(md.isSigned(7)).isFalse();
    assertThat(md.getColumnClassName(8)).isEqualTo("java.sql.Timestamp");
    assertThat(md.getColumnClassName(6)).isEqualTo("java.math.BigDecimal");
    assertThat(md.getColumnDisplaySize(6)).isEqualTo(12);
    assertThatThrownBy(() -> md.getColumnName(10))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("07009");
  }

  @Test
  void findsColumnsIgnoringCase() throws SQLException {
    assertThat(rs.findColumn("TS")).isEqualTo(8);
    assertThatThrownBy(() -> rs.findColumn("nope"))
        .hasMessageContaining("nope")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42703");
  }

  @Test
  void failsReadsWithoutACurrentRow() throws SQLException {
    assertThatThrownBy(() -> rs.getInt(1))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("24000");
    rs.next();
    assertThatThrownBy(() -> rs.getInt(0))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("07009");
    assertThatThrownBy(() -> rs.getInt("s"))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
  }

  @Test
  void isForwardOnlyAndReadOnly() throws SQLException {
    assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
    assertThat(rs.getConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
    rs.setFetchSize(50);
    assertThat(rs.getFetchSize()).isEqualTo(50);
    assertThat(rs.getStatement()).isNull();
    assertThatThrownBy(rs::previous).isInstanceOf(SQLFeatureNotSupportedException.class);
    assertThatThrownBy(() -> rs.absolute(1)).isInstanceOf(SQLFeatureNotSupportedException.class);
    rs.next();
    assertThatThrownBy(() -> rs.updateInt(2, 3))
        .isInstanceOf(SQLFeatureNotSupportedException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("0A000");
    assertThatThrownBy(() -> rs.getBytes(7)).isInstanceOf(SQLFeatureNotSupportedException.class);
    assertThatThrownBy(() -> rs.getTime(8)).isInstanceOf(SQLFeatureNotSupportedException.class);
    assertThatThrownBy(rs::insertRow).isInstanceOf(SQLFeatureNotSupportedException.class);
  }

  @Test
  void rejectsUseAfterClose() throws SQLException {
    rs.close();
    assertThat(rs.isClosed()).isTrue();
    rs.close();
    assertThatThrownBy(rs::next)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("HY010");
    assertThatThrownBy(rs::getMetaData)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("HY010");
  }
}
