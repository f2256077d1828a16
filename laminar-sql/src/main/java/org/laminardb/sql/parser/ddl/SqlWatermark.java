package org.laminardb.sql.parser.ddl;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.laminardb.sql.parser.LaminarSqlParser;

/**
 * Event-time declaration of a source: {@code WATERMARK FOR column [AS expression]}. Without an
 * expression the watermark is the column itself (no delay).
 */
public final class SqlWatermark extends SqlCall {
  private static final SqlOperator OPERATOR = DdlNodes.operator("WATERMARK", SqlKind.OTHER);

  private final SqlIdentifier column;
  private final SqlNode expression;

  /**
   * Creates a watermark declaration.
   *
   * @param pos position of the declaration
   * @param column the event-time column
   * @param expression the watermark expression, or null for the bare form
   */
  public SqlWatermark(SqlParserPos pos, SqlIdentifier column, SqlNode expression) {
    super(pos);
    this.column = column;
    this.expression = expression;
  }

  /**
   * The event-time column.
   *
   * @return the column name
   */
  public SqlIdentifier column() {
    return column;
  }

  /**
   * The watermark expression, e.g. {@code ts - INTERVAL '5' SECOND}.
   *
   * @return the expression, or null for {@code WATERMARK FOR column}
   */
  public SqlNode expression() {
    return expression;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Collections.unmodifiableList(Arrays.asList(column, expression));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("WATERMARK FOR");
    column.unparse(writer, 0, 0);
    if (expression != null) {
      writer.keyword("AS");
      expression.unparse(writer, 0, 0);
    }
  }

  @Override
  public String toString() {
    return LaminarSqlParser.toSql(this);
  }
}
