package org.laminardb.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.laminardb.sql.parser.LaminarSqlParser;

/**
 * {@code DROP SOURCE | STREAM | MATERIALIZED VIEW | SINK [IF EXISTS] name [CASCADE |
 * RESTRICT]}.
 */
public final class SqlDropObject extends SqlDrop {
  private static final SqlOperator OPERATOR = DdlNodes.operator("DROP OBJECT", SqlKind.OTHER_DDL);

  private final ObjectKind kind;
  private final SqlIdentifier name;
  private final boolean cascade;

  /**
   * Creates a DROP statement.
   *
   * @param pos position of the statement
   * @param kind kind of object named
   * @param name object name
   * @param ifExists whether IF EXISTS was given
   * @param cascade whether CASCADE was given (RESTRICT, the default, is false)
   */
  public SqlDropObject(
      SqlParserPos pos, ObjectKind kind, SqlIdentifier name, boolean ifExists, boolean cascade) {
    super(OPERATOR, pos, ifExists);
    this.kind = kind;
    this.name = name;
    this.cascade = cascade;
  }

  /**
   * Kind of object the statement names.
   *
   * @return the kind
   */
  public ObjectKind kind() {
    return kind;
  }

  /**
   * Object name, case as written.
   *
   * @return the name
   */
  public SqlIdentifier name() {
    return name;
  }

  /**
   * Whether IF EXISTS was given.
   *
   * @return true to do nothing silently if the object does not exist
   */
  public boolean ifExists() {
    return ifExists;
  }

  /**
   * Whether CASCADE was given: dependent objects are dropped too.
   *
   * @return true for CASCADE, false for RESTRICT or neither
   */
  public boolean cascade() {
    return cascade;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(
        DdlNodes.symbol(kind), name, DdlNodes.flag(ifExists), DdlNodes.flag(cascade));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP");
    writer.keyword(kind.sqlName());
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (cascade) {
      writer.keyword("CASCADE");
    }
  }

  @Override
  public String toString() {
    return LaminarSqlParser.toSql(this);
  }
}
