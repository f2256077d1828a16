package org.laminardb.sql.parser.ddl;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SUBSCRIBE [TO] name}: follow the changes of a stream or view. */
public final class SqlSubscribe extends SqlNameStatement {
  private static final SqlOperator OPERATOR = DdlNodes.operator("SUBSCRIBE", SqlKind.OTHER);

  /**
   * Creates the statement.
   *
   * @param pos position of the statement
   * @param name the object named
   */
  public SqlSubscribe(SqlParserPos pos, SqlIdentifier name) {
    super(pos, "SUBSCRIBE", name);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }
}
