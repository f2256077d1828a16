package org.laminardb.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Base of the database metadata: listings of things LaminarDB does not have (procedures,
 * functions, keys, indexes, privileges, user-defined types, pseudo columns, client info), each an
 * empty result set with the standard columns, so that tools reading them work.
 */
abstract class MetaDataListings extends MetaDataSupports {
  private static final String[] FOREIGN_KEY_COLUMNS = {
      "PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_CAT",
      "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ:i", "UPDATE_RULE:i",
      "DELETE_RULE:i", "FK_NAME", "PK_NAME", "DEFERRABILITY:i"
  };

  @Override
  public ResultSet getProcedures(
      String catalog, String schemaPattern, String procedureNamePattern) throws SQLException {
    return MetaTables.empty(
        "PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "RESERVED1", "RESERVED2",
        "RESERVED3", "REMARKS", "PROCEDURE_TYPE:i", "SPECIFIC_NAME");
  }

  @Override
  public ResultSet getProcedureColumns(
      String catalog, String schemaPattern, String procedureNamePattern,
      String columnNamePattern) throws SQLException {
    return MetaTables.empty(
        "PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "COLUMN_NAME", "COLUMN_TYPE:i",
        "DATA_TYPE:i", "TYPE_NAME", "PRECISION:i", "LENGTH:i", "SCALE:i", "RADIX:i",
        "NULLABLE:i", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:i", "SQL_DATETIME_SUB:i",
        "CHAR_OCTET_LENGTH:i", "ORDINAL_POSITION:i", "IS_NULLABLE", "SPECIFIC_NAME");
  }

  @Override
  public ResultSet getColumnPrivileges(
      String catalog, String schema, String table, String columnNamePattern) throws SQLException {
    return MetaTables.empty(
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "GRANTOR", "GRANTEE",
        "PRIVILEGE", "IS_GRANTABLE");
  }

  @Override
  public ResultSet getTablePrivileges(
      String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
    return MetaTables.empty(
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE",
        "IS_GRANTABLE");
  }

  @Override
  public ResultSet getBestRowIdentifier(
      String catalog, String schema, String table, int scope,
      boolean nullable) throws SQLException {
    return MetaTables.empty(
        "SCOPE:i", "COLUMN_NAME", "DATA_TYPE:i", "TYPE_NAME", "COLUMN_SIZE:i", "BUFFER_LENGTH:i",
        "DECIMAL_DIGITS:i", "PSEUDO_COLUMN:i");
  }

  @Override
  public ResultSet getVersionColumns(
      String catalog, String schema, String table) throws SQLException {
    return MetaTables.empty(
        "SCOPE:i", "COLUMN_NAME", "DATA_TYPE:i", "TYPE_NAME", "COLUMN_SIZE:i", "BUFFER_LENGTH:i",
        "DECIMAL_DIGITS:i", "PSEUDO_COLUMN:i");
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    return MetaTables.empty(
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ:i", "PK_NAME");
  }

  @Override
  public ResultSet getImportedKeys(
      String catalog, String schema, String table) throws SQLException {
    return MetaTables.empty(FOREIGN_KEY_COLUMNS);
  }

  @Override
  public ResultSet getExportedKeys(
      String catalog, String schema, String table) throws SQLException {
    return MetaTables.empty(FOREIGN_KEY_COLUMNS);
  }

  @Override
  public ResultSet getCrossReference(
      String parentCatalog, String parentSchema, String parentTable, String foreignCatalog,
      String foreignSchema, String foreignTable) throws SQLException {
    return MetaTables.empty(FOREIGN_KEY_COLUMNS);
  }

  @Override
  public ResultSet getIndexInfo(
      String catalog, String schema, String table, boolean unique,
      boolean approximate) throws SQLException {
    return MetaTables.empty(
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE:b", "INDEX_QUALIFIER",
        "INDEX_NAME", "TYPE:i", "ORDINAL_POSITION:i", "COLUMN_NAME", "ASC_OR_DESC",
        "CARDINALITY:i", "PAGES:i", "FILTER_CONDITION");
  }

  @Override
  public ResultSet getUDTs(
      String catalog, String schemaPattern, String typeNamePattern,
      int[] types) throws SQLException {
    return MetaTables.empty(
        "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME", "DATA_TYPE:i", "REMARKS",
        "BASE_TYPE:i");
  }

  @Override
  public ResultSet getSuperTypes(
      String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
    return MetaTables.empty(
        "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SUPERTYPE_CAT", "SUPERTYPE_SCHEM",
        "SUPERTYPE_NAME");
  }

  @Override
  public ResultSet getSuperTables(
      String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
    return MetaTables.empty(
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME");
  }

  @Override
  public ResultSet getAttributes(
      String catalog, String schemaPattern, String typeNamePattern,
      String attributeNamePattern) throws SQLException {
    return MetaTables.empty(
        "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "ATTR_NAME", "DATA_TYPE:i", "ATTR_TYPE_NAME",
        "ATTR_SIZE:i", "DECIMAL_DIGITS:i", "NUM_PREC_RADIX:i", "NULLABLE:i", "REMARKS",
        "ATTR_DEF", "SQL_DATA_TYPE:i", "SQL_DATETIME_SUB:i", "CHAR_OCTET_LENGTH:i",
        "ORDINAL_POSITION:i", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE",
        "SOURCE_DATA_TYPE:i");
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    return MetaTables.empty(
        "NAME", "MAX_LEN:i", "DEFAULT_VALUE", "DESCRIPTION");
  }

  @Override
  public ResultSet getFunctions(
      String catalog, String schemaPattern, String functionNamePattern) throws SQLException {
    return MetaTables.empty(
        "FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "REMARKS", "FUNCTION_TYPE:i",
        "SPECIFIC_NAME");
  }

  @Override
  public ResultSet getFunctionColumns(
      String catalog, String schemaPattern, String functionNamePattern,
      String columnNamePattern) throws SQLException {
    return MetaTables.empty(
        "FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "COLUMN_NAME", "COLUMN_TYPE:i",
        "DATA_TYPE:i", "TYPE_NAME", "PRECISION:i", "LENGTH:i", "SCALE:i", "RADIX:i",
        "NULLABLE:i", "REMARKS", "CHAR_OCTET_LENGTH:i", "ORDINAL_POSITION:i", "IS_NULLABLE",
        "SPECIFIC_NAME");
  }

  @Override
  public ResultSet getPseudoColumns(
      String catalog, String schemaPattern, String tableNamePattern,
      String columnNamePattern) throws SQLException {
    return MetaTables.empty(
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE:i", "COLUMN_SIZE:i",
        "DECIMAL_DIGITS:i", "NUM_PREC_RADIX:i", "COLUMN_USAGE", "REMARKS", "CHAR_OCTET_LENGTH:i",
        "IS_NULLABLE");
  }
}
