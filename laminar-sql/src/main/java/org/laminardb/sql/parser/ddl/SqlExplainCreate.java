package org.laminardb.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.laminardb.sql.parser.LaminarSqlParser;

/**
 * {@code EXPLAIN CREATE STREAM | MATERIALIZED VIEW | SINK ...}: the plan the statement would
 * run, without creating anything. ({@code EXPLAIN query} is Calcite's {@code SqlExplain}.)
 */
public final class SqlExplainCreate extends SqlCall {
  private static final SqlOperator OPERATOR =
      DdlNodes.operator("EXPLAIN CREATE", SqlKind.OTHER);

  private final SqlNode statement;

  /**
   * Creates an EXPLAIN CREATE statement.
   *
   * @param pos position of the statement
   * @param statement the {@link SqlCreateQueryObject} or {@link SqlCreateSink} explained
   */
  public SqlExplainCreate(SqlParserPos pos, SqlNode statement) {
    super(pos);
    this.statement = statement;
  }

  /**
   * The statement explained.
   *
   * @return a {@link SqlCreateQueryObject} or {@link SqlCreateSink}
   */
  public SqlNode statement() {
    return statement;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(statement);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("EXPLAIN");
    statement.unparse(writer, 0, 0);
  }

  @Override
  public String toString() {
    return LaminarSqlParser.toSql(this);
  }
}
