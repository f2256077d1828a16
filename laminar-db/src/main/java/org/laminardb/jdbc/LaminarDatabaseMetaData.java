package org.laminardb.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.laminardb.ColumnInfo;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.TypeKind;
import org.laminardb.internal.CatalogObjectInfo;

/**
 * Database metadata of a connection. Catalog objects are listed by {@link #getTables} with
 * TABLE_TYPE {@code SOURCE}, {@code TABLE}, {@code LOOKUP TABLE}, {@code STREAM}, {@code
 * MATERIALIZED VIEW} or {@code SINK}, with no
 * catalog or schema (both null); name patterns match case-insensitively, as names do.
 */
final class LaminarDatabaseMetaData extends MetaDataListings {
  /** The object kinds, as TABLE_TYPE values, sorted. */
  static final List<String> TABLE_TYPES =
      List.of("LOOKUP TABLE", "MATERIALIZED VIEW", "SINK", "SOURCE", "STREAM", "TABLE");

  private static final List<ColumnInfo> TABLE_COLUMNS = MetaTables.columns(
      "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS", "TYPE_CAT",
      "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");
  private static final List<ColumnInfo> COLUMN_COLUMNS = MetaTables.columns(
      "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE:i", "TYPE_NAME",
      "COLUMN_SIZE:i", "BUFFER_LENGTH:i", "DECIMAL_DIGITS:i", "NUM_PREC_RADIX:i", "NULLABLE:i",
      "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:i", "SQL_DATETIME_SUB:i", "CHAR_OCTET_LENGTH:i",
      "ORDINAL_POSITION:i", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE",
      "SOURCE_DATA_TYPE:i", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
  private static final List<ColumnInfo> TYPE_INFO_COLUMNS = MetaTables.columns(
      "TYPE_NAME", "DATA_TYPE:i", "PRECISION:i", "LITERAL_PREFIX", "LITERAL_SUFFIX",
      "CREATE_PARAMS", "NULLABLE:i", "CASE_SENSITIVE:b", "SEARCHABLE:i", "UNSIGNED_ATTRIBUTE:b",
      "FIXED_PREC_SCALE:b", "AUTO_INCREMENT:b", "LOCAL_TYPE_NAME", "MINIMUM_SCALE:i",
      "MAXIMUM_SCALE:i", "SQL_DATA_TYPE:i", "SQL_DATETIME_SUB:i", "NUM_PREC_RADIX:i");

  private final LaminarConnection connection;

  /**
   * Creates the metadata of a connection.
   *
   * @param connection the connection
   */
  LaminarDatabaseMetaData(LaminarConnection connection) {
    this.connection = connection;
  }

  private List<CatalogObjectInfo> objects() throws SQLException {
    try {
      return connection.engine().listObjects();
    } catch (RuntimeException e) {
      throw JdbcErrors.translate(e);
    }
  }

  private List<CatalogObjectInfo> matching(
      String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    List<CatalogObjectInfo> out = new ArrayList<>();
    if (!MetaTables.admitsNoCatalogOrSchema(catalog, schemaPattern)) {
      return out;
    }
    Set<String> kinds = null;
    if (types != null) {
      kinds = new HashSet<>();
      for (String t : types) {
        kinds.add(MetaTables.upper(t.trim()));
      }
    }
    Pattern name = MetaTables.like(tableNamePattern);
    for (CatalogObjectInfo o : objects()) {
      if ((kinds == null || kinds.contains(MetaTables.upper(o.kind())))
          && name.matcher(o.name()).matches()) {
        out.add(o);
      }
    }
    out.sort(Comparator.comparing(CatalogObjectInfo::kind).thenComparing(CatalogObjectInfo::name));
    return out;
  }

  @Override
  public ResultSet getTables(
      String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (CatalogObjectInfo o : matching(catalog, schemaPattern, tableNamePattern, types)) {
      rows.add(new Object[] {null, null, o.name(), o.kind(), "", null, null, null, null, null});
    }
    return MetaTables.of(TABLE_COLUMNS, rows);
  }

  @Override
  public ResultSet getColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    Pattern column = MetaTables.like(columnNamePattern);
    List<Object[]> rows = new ArrayList<>();
    for (CatalogObjectInfo o : matching(catalog, schemaPattern, tableNamePattern, null)) {
      int position = 0;
      for (ColumnInfo c : o.columns()) {
        position++;
        if (column.matcher(c.name()).matches()) {
          rows.add(columnRow(o.name(), c, position));
        }
      }
    }
    rows.sort(Comparator.comparing((Object[] r) -> (String) r[2])
        .thenComparing(r -> (Integer) r[16]));
    return MetaTables.of(COLUMN_COLUMNS, rows);
  }

  private static Object[] columnRow(String table, ColumnInfo c, int position) {
    DataType t = c.type();
    TypeKind k = t.kind();
    boolean numeric = JdbcTypes.isSigned(k);
    Integer digits = numeric || k == TypeKind.TIMESTAMP ? JdbcTypes.scale(t) : null;
    Integer octets = k == TypeKind.VARCHAR ? JdbcTypes.UNBOUNDED : null;
    return new Object[] {
        null, null, table, c.name(), JdbcTypes.typeCode(k), JdbcTypes.typeName(k),
        JdbcTypes.precision(t), null, digits, numeric ? 10 : null,
        t.nullable() ? columnNullable : columnNoNulls, null, null, null, null, octets, position,
        t.nullable() ? "YES" : "NO", null, null, null, null, "NO", "NO"};
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (String t : TABLE_TYPES) {
      rows.add(new Object[] {t});
    }
    return MetaTables.of(MetaTables.columns("TABLE_TYPE"), rows);
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return MetaTables.empty("TABLE_SCHEM", "TABLE_CATALOG");
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    return getSchemas();
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    return MetaTables.empty("TABLE_CAT");
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    rows.add(typeRow(TypeKind.BIGINT, null, null, null));
    rows.add(typeRow(TypeKind.DECIMAL, null, null, "precision,scale"));
    rows.add(typeRow(TypeKind.INT, null, null, null));
    rows.add(typeRow(TypeKind.REAL, null, null, null));
    rows.add(typeRow(TypeKind.DOUBLE, null, null, null));
    rows.add(typeRow(TypeKind.VARCHAR, "'", "'", null));
    rows.add(typeRow(TypeKind.BOOLEAN, null, null, null));
    rows.add(typeRow(TypeKind.DATE, "DATE '", "'", null));
    rows.add(typeRow(TypeKind.TIMESTAMP, "TIMESTAMP '", "'", null));
    return MetaTables.of(TYPE_INFO_COLUMNS, rows);
  }

  private static Object[] typeRow(TypeKind k, String prefix, String suffix, String params) {
    DataType t = DataType.of(k);
    boolean numeric = JdbcTypes.isSigned(k);
    int maxScale = k == TypeKind.DECIMAL ? DataType.MAX_DECIMAL_PRECISION : JdbcTypes.scale(t);
    return new Object[] {
        JdbcTypes.typeName(k), JdbcTypes.typeCode(k), JdbcTypes.precision(t), prefix, suffix,
        params, typeNullable, k == TypeKind.VARCHAR, typeSearchable, !numeric, false, false,
        JdbcTypes.typeName(k), 0, maxScale, null, null, numeric ? 10 : null};
  }

  @Override
  public Connection getConnection() throws SQLException {
    connection.checkOpen();
    return connection;
  }

  @Override
  public String getURL() {
    return connection.url();
  }

  @Override
  public String getUserName() {
    return connection.userName();
  }

  @Override
  public String getDatabaseProductName() {
    return "LaminarDB";
  }

  @Override
  public String getDatabaseProductVersion() {
    return LaminarDriver.VERSION;
  }

  @Override
  public int getDatabaseMajorVersion() {
    return LaminarDriver.MAJOR_VERSION;
  }

  @Override
  public int getDatabaseMinorVersion() {
    return LaminarDriver.MINOR_VERSION;
  }

  @Override
  public String getDriverName() {
    return LaminarDriver.NAME;
  }

  @Override
  public String getDriverVersion() {
    return LaminarDriver.VERSION;
  }

  @Override
  public int getDriverMajorVersion() {
    return LaminarDriver.MAJOR_VERSION;
  }

  @Override
  public int getDriverMinorVersion() {
    return LaminarDriver.MINOR_VERSION;
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
