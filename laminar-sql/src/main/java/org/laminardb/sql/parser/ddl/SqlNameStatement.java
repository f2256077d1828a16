package org.laminardb.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.laminardb.sql.parser.LaminarSqlParser;

/** Statement made of one keyword and one object name, such as {@code SUBSCRIBE name}. */
abstract class SqlNameStatement extends SqlCall {
  private final String keyword;
  private final SqlIdentifier name;

  SqlNameStatement(SqlParserPos pos, String keyword, SqlIdentifier name) {
    super(pos);
    this.keyword = keyword;
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
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(keyword);
    name.unparse(writer, 0, 0);
  }

  @Override
  public String toString() {
    return LaminarSqlParser.toSql(this);
  }
}
