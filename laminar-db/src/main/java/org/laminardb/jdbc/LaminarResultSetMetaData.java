package org.laminardb.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import org.laminardb.ColumnInfo;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.TypeKind;

/**
 * Column metadata of a result set, from the engine's column types. Columns are computed, so they
 * are read-only and carry no table, schema or catalog name (empty strings).
 */
final class LaminarResultSetMetaData implements ResultSetMetaData {
  private final List<ColumnInfo> columns;

  /**
   * Creates metadata.
   *
   * @param columns the columns, in order
   */
  LaminarResultSetMetaData(List<ColumnInfo> columns) {
    this.columns = columns;
  }

  private ColumnInfo column(int column) throws SQLException {
    if (column < 1 || column > columns.size()) {
      throw JdbcErrors.of(JdbcErrors.BAD_INDEX, "column index " + column
          + " is out of range: the result has " + columns.size() + " columns");
    }
    return columns.get(column - 1);
  }

  private DataType type(int column) throws SQLException {
    return column(column).type();
  }

  @Override
  public int getColumnCount() {
    return columns.size();
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    return type(column).kind() == TypeKind.VARCHAR;
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    column(column);
    return true;
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public int isNullable(int column) throws SQLException {
    return type(column).nullable() ? columnNullable : columnNoNulls;
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return JdbcTypes.isSigned(type(column).kind());
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    return JdbcTypes.displaySize(type(column));
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return column(column).name();
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return column(column).name();
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    column(column);
    return "";
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return JdbcTypes.precision(type(column));
  }

  @Override
  public int getScale(int column) throws SQLException {
    return JdbcTypes.scale(type(column));
  }

  @Override
  public String getTableName(int column) throws SQLException {
    column(column);
    return "";
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    column(column);
    return "";
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return JdbcTypes.typeCode(type(column).kind());
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return JdbcTypes.typeName(type(column).kind());
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    column(column);
    return true;
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return JdbcTypes.className(type(column).kind());
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "the metadata does not wrap " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
