package org.laminardb.sql.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.laminardb.sql.parser.LaminarSqlParser;

/**
 * Connector option {@code key = value}. The key was written as a string ({@code
 * 'properties.group.id'}) or a possibly dotted name ({@code topic}); the value is a string,
 * numeric or boolean literal (a bare name is kept as a string literal of its text).
 */
public final class SqlOption extends SqlCall {
  private static final SqlOperator OPERATOR = DdlNodes.operator("OPTION", SqlKind.OTHER);

  private final String key;
  private final SqlLiteral keyLiteral;
  private final SqlNode value;

  /**
   * Creates an option.
   *
   * @param pos position of the option
   * @param key the key's text, without quotes
   * @param value a string, numeric or boolean literal
   */
  public SqlOption(SqlParserPos pos, String key, SqlNode value) {
    super(pos);
    this.key = key;
    this.keyLiteral = SqlLiteral.createCharString(key, pos);
    this.value = value;
  }

  /**
   * Key text, without quotes, case as written.
   *
   * @return the key
   */
  public String key() {
    return key;
  }

  /**
   * The value literal.
   *
   * @return the value
   */
  public SqlNode value() {
    return value;
  }

  /**
   * Value as text: a string's content, a number's digits ({@code 100}, {@code -1.5}), or
   * {@code true}/{@code false}.
   *
   * @return the value's text
   */
  public String valueAsString() {
    if (value instanceof SqlCharStringLiteral literal) {
      return literal.getValueAs(String.class);
    }
    if (value instanceof SqlNumericLiteral literal) {
      return literal.bigDecimalValue().toPlainString();
    }
    if (value instanceof SqlLiteral literal && literal.getValue() instanceof Boolean b) {
      return b.toString();
    }
    return value.toString();
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(keyLiteral, value);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    keyLiteral.unparse(writer, 0, 0);
    writer.keyword("=");
    value.unparse(writer, 0, 0);
  }

  @Override
  public String toString() {
    return LaminarSqlParser.toSql(this);
  }
}
