package org.laminardb.sql.parser.ddl;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DESCRIBE name} or {@code DESC name}: the columns of a source, stream or view. */
public final class SqlDescribeObject extends SqlNameStatement {
  private static final SqlOperator OPERATOR = DdlNodes.operator("DESCRIBE OBJECT", SqlKind.OTHER);

  /**
   * Creates the statement.
   *
   * @param pos position of the statement
   * @param name the object named
   */
  public SqlDescribeObject(SqlParserPos pos, SqlIdentifier name) {
    super(pos, "DESCRIBE", name);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }
}
