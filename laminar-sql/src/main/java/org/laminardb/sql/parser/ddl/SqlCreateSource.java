package org.laminardb.sql.parser.ddl;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.laminardb.sql.parser.LaminarSqlParser;

/**
 * {@code CREATE SOURCE [IF NOT EXISTS] name (columns [, WATERMARK ...] [, PRIMARY KEY (...)])
 * [FROM connector (options)] [WITH (options)]}.
 */
public final class SqlCreateSource extends SqlCreate {
  private static final SqlOperator OPERATOR =
      DdlNodes.operator("CREATE SOURCE", SqlKind.OTHER_DDL);

  private final SqlIdentifier name;
  private final SqlNodeList columns;
  private final SqlWatermark watermark;
  private final SqlNodeList primaryKey;
  private final SqlIdentifier connector;
  private final SqlNodeList options;
  private final SqlNodeList withOptions;
  private final boolean table;
  private final boolean lookup;

  /**
   * Creates a CREATE SOURCE or CREATE TABLE statement.
   *
   * @param pos position of the statement
   * @param name the name
   * @param ifNotExists whether IF NOT EXISTS was given
   * @param columns column declarations
   * @param watermark the WATERMARK clause, or null
   * @param primaryKey the PRIMARY KEY columns, empty if none
   * @param connector the FROM connector, or null
   * @param options the connector's options
   * @param withOptions the WITH options
   * @param table true for CREATE TABLE
   */
  public SqlCreateSource(
      SqlParserPos pos,
      SqlIdentifier name,
      boolean ifNotExists,
      SqlNodeList columns,
      SqlWatermark watermark,
      SqlNodeList primaryKey,
      SqlIdentifier connector,
      SqlNodeList options,
      SqlNodeList withOptions,
      boolean table) {
    this(pos, name, ifNotExists, columns, watermark, primaryKey, connector, options, withOptions,
        table, false);
  }

  /**
   * Creates a CREATE SOURCE, CREATE TABLE or CREATE LOOKUP TABLE statement.
   *
   * @param pos position of the statement
   * @param name the name
   * @param ifNotExists whether IF NOT EXISTS was given
   * @param columns column declarations
   * @param watermark the WATERMARK clause, or null
   * @param primaryKey the PRIMARY KEY columns, empty if none
   * @param connector the FROM connector, or null
   * @param options the connector's options
   * @param withOptions the WITH options
   * @param table true for CREATE TABLE and CREATE LOOKUP TABLE
   * @param lookup true for CREATE LOOKUP TABLE
   */
  public SqlCreateSource(
      SqlParserPos pos,
      SqlIdentifier name,
      boolean ifNotExists,
      SqlNodeList columns,
      SqlWatermark watermark,
      SqlNodeList primaryKey,
      SqlIdentifier connector,
      SqlNodeList options,
      SqlNodeList withOptions,
      boolean table,
      boolean lookup) {
    super(OPERATOR, pos, false, ifNotExists);
    this.table = table;
    this.lookup = lookup;
    this.name = name;
    this.columns = columns;
    this.watermark = watermark;
    this.primaryKey = primaryKey;
    this.connector = connector;
    this.options = options;
    this.withOptions = withOptions;
  }

  /**
   * Source options of the WITH clause (e.g. {@code 'watermark.idle_timeout'}), in order.
   *
   * @return the options, empty if none
   */
  public List<SqlOption> withOptions() {
    return withOptions.stream().map(SqlOption.class::cast).toList();
  }

  /**
   * Source name, case as written.
   *
   * @return the name
   */
  public SqlIdentifier name() {
    return name;
  }

  /**
   * Whether this is CREATE TABLE.
   *
   * @return true for a table, false for a source
   */
  public boolean isTable() {
    return table;
  }

  /**
   * Whether this is CREATE LOOKUP TABLE (then {@link #isTable()} is true as well).
   *
   * @return true for a lookup table
   */
  public boolean isLookup() {
    return lookup;
  }

  /**
   * Whether IF NOT EXISTS was given.
   *
   * @return true to skip creation silently if the name exists
   */
  public boolean ifNotExists() {
    return ifNotExists;
  }

  /**
   * The declared columns, in order.
   *
   * @return the columns
   */
  public List<SqlColumnDeclaration> columns() {
    return columns.stream().map(SqlColumnDeclaration.class::cast).toList();
  }

  /**
   * The watermark declaration.
   *
   * @return the watermark, or null if the source has none
   */
  public SqlWatermark watermark() {
    return watermark;
  }

  /**
   * Primary key columns.
   *
   * @return the key columns, empty if there is no PRIMARY KEY
   */
  public List<SqlIdentifier> primaryKey() {
    return DdlNodes.identifiers(primaryKey);
  }

  /**
   * Connector named after FROM, e.g. {@code kafka}.
   *
   * @return the connector name, or null if there is no FROM clause
   */
  public SqlIdentifier connector() {
    return connector;
  }

  /**
   * Connector options, in order.
   *
   * @return the options, empty if none
   */
  public List<SqlOption> options() {
    return options.stream().map(SqlOption.class::cast).toList();
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Collections.unmodifiableList(
        Arrays.asList(
            name, DdlNodes.flag(ifNotExists), columns, watermark, primaryKey, connector, options,
            withOptions));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(lookup ? "CREATE LOOKUP TABLE" : table ? "CREATE TABLE" : "CREATE SOURCE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode column : columns) {
      writer.sep(",");
      column.unparse(writer, 0, 0);
    }
    if (watermark != null) {
      writer.sep(",");
      watermark.unparse(writer, 0, 0);
    }
    if (!primaryKey.isEmpty()) {
      writer.sep(",");
      writer.keyword("PRIMARY KEY");
      DdlNodes.unparseParenthesized(writer, primaryKey);
    }
    writer.endList(frame);
    if (connector != null) {
      writer.keyword("FROM");
      DdlNodes.unparseConnector(writer, connector, options());
    }
    if (!withOptions.isEmpty()) {
      writer.keyword("WITH");
      DdlNodes.unparseParenthesized(writer, withOptions());
    }
  }

  @Override
  public String toString() {
    return LaminarSqlParser.toSql(this);
  }
}
