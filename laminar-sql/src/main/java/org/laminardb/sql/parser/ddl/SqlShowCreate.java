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

/** {@code SHOW CREATE SOURCE | STREAM | MATERIALIZED VIEW | SINK name}. */
public final class SqlShowCreate extends SqlCall {
  private static final SqlOperator OPERATOR = DdlNodes.operator("SHOW CREATE", SqlKind.OTHER);

  private final ObjectKind kind;
  private final SqlIdentifier name;

  /**
   * Creates a SHOW CREATE statement.
   *
   * @param pos position of the statement
   * @param kind kind of object named
   * @param name object name
   */
  public SqlShowCreate(SqlParserPos pos, ObjectKind kind, SqlIdentifier name) {
    super(pos);
    this.kind = kind;
    this.name = name;
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

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(DdlNodes.symbol(kind), name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SHOW CREATE");
    writer.keyword(kind.sqlName());
    name.unparse(writer, 0, 0);
  }

  @Override
  public String toString() {
    return LaminarSqlParser.toSql(this);
  }
}
