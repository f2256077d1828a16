package org.laminardb.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.laminardb.sql.parser.LaminarSqlParser;

/** Column of a {@code CREATE SOURCE}: {@code name type [NOT NULL]}. */
public final class SqlColumnDeclaration extends SqlCall {
  private static final SqlOperator OPERATOR =
      DdlNodes.operator("COLUMN_DECLARATION", SqlKind.COLUMN_DECL);

  private final SqlIdentifier name;
  private final SqlDataTypeSpec type;
  private final boolean notNull;

  /**
   * Creates a column declaration.
   *
   * @param pos position of the declaration
   * @param name column name
   * @param type column type as written; its nullability is set from {@code notNull}
   * @param notNull whether {@code NOT NULL} was given
   */
  public SqlColumnDeclaration(
      SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec type, boolean notNull) {
    super(pos);
    this.name = name;
    this.type = type.withNullable(!notNull, type.getParserPosition());
    this.notNull = notNull;
  }

  /**
   * Column name, case as written.
   *
   * @return the name
   */
  public SqlIdentifier name() {
    return name;
  }

  /**
   * Column type; {@link SqlDataTypeSpec#getNullable()} agrees with {@link #notNull()}.
   *
   * @return the type
   */
  public SqlDataTypeSpec type() {
    return type;
  }

  /**
   * Whether the column was declared {@code NOT NULL}.
   *
   * @return true for NOT NULL
   */
  public boolean notNull() {
    return notNull;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name, type, DdlNodes.flag(notNull));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    type.unparse(writer, 0, 0);
    if (notNull) {
      writer.keyword("NOT NULL");
    }
  }

  @Override
  public String toString() {
    return LaminarSqlParser.toSql(this);
  }
}
