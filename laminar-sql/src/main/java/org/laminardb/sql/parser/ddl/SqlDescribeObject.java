package org.laminardb.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.laminardb.sql.parser.LaminarSqlParser;

/** {@code DESCRIBE name} or {@code DESC name}: the columns of a source, stream or view. */
public final class SqlDescribeObject extends SqlCall {
  private static final SqlOperator OPERATOR = DdlNodes.operator("DESCRIBE OBJECT", SqlKind.OTHER);

  private final SqlIdentifier name;

  /**
   * Creates the statement.
   *
   * @param pos position of the statement
   * @param name the object named
   */
  public SqlDescribeObject(SqlParserPos pos, SqlIdentifier name) {
    super(pos);
    this.name = name;
  }

  /**
   * The object named, case as written.
   *
   * @return the name
   */
  public SqlIdentifier name() {
    return name;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DESCRIBE");
    name.unparse(writer, 0, 0);
  }

  @Override
  public String toString() {
    return LaminarSqlParser.toSql(this);
  }
}
