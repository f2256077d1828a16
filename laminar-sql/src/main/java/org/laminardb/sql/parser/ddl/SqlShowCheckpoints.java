package org.laminardb.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.laminardb.sql.parser.LaminarSqlParser;

/** {@code SHOW CHECKPOINTS}: list the checkpoints kept. */
public final class SqlShowCheckpoints extends SqlCall {
  private static final SqlOperator OPERATOR = DdlNodes.operator("SHOW CHECKPOINTS", SqlKind.OTHER);

  /**
   * Creates a SHOW CHECKPOINTS statement.
   *
   * @param pos position of the statement
   */
  public SqlShowCheckpoints(SqlParserPos pos) {
    super(pos);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SHOW");
    writer.keyword("CHECKPOINTS");
  }

  @Override
  public String toString() {
    return LaminarSqlParser.toSql(this);
  }
}
