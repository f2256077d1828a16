package org.laminardb.sql.parser.ddl;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.laminardb.sql.parser.LaminarSqlParser;

/**
 * EMIT clause of a continuous query: {@code EMIT CHANGES}, {@code EMIT ON WINDOW CLOSE}
 * ({@code EMIT AFTER WATERMARK}), {@code EMIT FINAL} or {@code EMIT PERIODICALLY interval}
 * ({@code EMIT EVERY interval}).
 */
public final class SqlEmit extends SqlCall {
  private static final SqlOperator OPERATOR = DdlNodes.operator("EMIT", SqlKind.OTHER);

  private final EmitMode mode;
  private final SqlIntervalLiteral interval;

  /**
   * Creates an EMIT clause.
   *
   * @param pos position of the clause
   * @param mode the emit policy
   * @param interval the period for {@link EmitMode#PERIODIC}, else null
   */
  public SqlEmit(SqlParserPos pos, EmitMode mode, SqlIntervalLiteral interval) {
    super(pos);
    this.mode = mode;
    this.interval = interval;
  }

  /**
   * The emit policy.
   *
   * @return the mode
   */
  public EmitMode mode() {
    return mode;
  }

  /**
   * The period of {@link EmitMode#PERIODIC}.
   *
   * @return the interval literal, or null for the other modes
   */
  public SqlIntervalLiteral interval() {
    return interval;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Collections.unmodifiableList(Arrays.asList(DdlNodes.symbol(mode), interval));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("EMIT");
    writer.keyword(mode.sql());
    if (interval != null) {
      interval.unparse(writer, 0, 0);
    }
  }

  @Override
  public String toString() {
    return LaminarSqlParser.toSql(this);
  }
}
