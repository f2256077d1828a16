package org.laminardb.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.laminardb.sql.parser.LaminarSqlParser;

/** {@code SHOW SOURCES | STREAMS | MATERIALIZED VIEWS | SINKS}. */
public final class SqlShowObjects extends SqlCall {
  private static final SqlOperator OPERATOR = DdlNodes.operator("SHOW OBJECTS", SqlKind.OTHER);

  private final ObjectKind kind;

  /**
   * Creates a SHOW statement.
   *
   * @param pos position of the statement
   * @param kind kind of objects to list
   */
  public SqlShowObjects(SqlParserPos pos, ObjectKind kind) {
    super(pos);
    this.kind = kind;
  }

  /**
   * Kind of objects to list.
   *
   * @return the kind
   */
  public ObjectKind kind() {
    return kind;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(DdlNodes.symbol(kind));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SHOW");
    writer.keyword(kind.sqlPluralName());
  }

  @Override
  public String toString() {
    return LaminarSqlParser.toSql(this);
  }
}
