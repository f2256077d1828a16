package org.laminardb.sql.parser.ddl;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.laminardb.sql.parser.LaminarSqlParser;

/**
 * {@code CREATE STREAM | MATERIALIZED VIEW [IF NOT EXISTS] name AS query [EMIT ...] [ALLOW
 * LATENESS interval] [LATE DATA TO name] [WITH ('key' = 'value', ...)]}.
 */
public final class SqlCreateQueryObject extends SqlCreate {
  private static final SqlOperator STREAM_OPERATOR =
      DdlNodes.operator("CREATE STREAM", SqlKind.OTHER_DDL);
  private static final SqlOperator VIEW_OPERATOR =
      DdlNodes.operator("CREATE MATERIALIZED VIEW", SqlKind.OTHER_DDL);

  private final ObjectKind kind;
  private final SqlIdentifier name;
  private final SqlNode query;
  private final SqlEmit emit;
  private final SqlIntervalLiteral allowedLateness;
  private final SqlIdentifier lateDataTo;
  private final SqlNodeList withOptions;

  /**
   * Creates a CREATE STREAM or CREATE MATERIALIZED VIEW statement.
   *
   * @param pos position of the statement
   * @param kind {@link ObjectKind#STREAM} or {@link ObjectKind#MATERIALIZED_VIEW}
   * @param name object name
   * @param ifNotExists whether IF NOT EXISTS was given
   * @param query the defining query
   * @param emit the EMIT clause, or null
   * @param allowedLateness the ALLOW LATENESS interval, or null
   * @param lateDataTo where late rows go (LATE DATA TO), or null
   * @param withOptions the query options of the WITH clause (SqlOption nodes), maybe empty
   * @throws IllegalArgumentException if kind is neither STREAM nor MATERIALIZED_VIEW
   */
  public SqlCreateQueryObject(
      SqlParserPos pos,
      ObjectKind kind,
      SqlIdentifier name,
      boolean ifNotExists,
      SqlNode query,
      SqlEmit emit,
      SqlIntervalLiteral allowedLateness,
      SqlIdentifier lateDataTo,
      SqlNodeList withOptions) {
    super(operatorOf(kind), pos, false, ifNotExists);
    this.withOptions = withOptions;
    this.kind = kind;
    this.name = name;
    this.query = query;
    this.emit = emit;
    this.allowedLateness = allowedLateness;
    this.lateDataTo = lateDataTo;
  }

  private static SqlOperator operatorOf(ObjectKind kind) {
    return switch (kind) {
      case STREAM -> STREAM_OPERATOR;
      case MATERIALIZED_VIEW -> VIEW_OPERATOR;
      default -> throw new IllegalArgumentException("not a query object kind: " + kind);
    };
  }

  /**
   * Whether this creates a stream or a materialized view.
   *
   * @return {@link ObjectKind#STREAM} or {@link ObjectKind#MATERIALIZED_VIEW}
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

  /**
   * Whether IF NOT EXISTS was given.
   *
   * @return true to skip creation silently if the name exists
   */
  public boolean ifNotExists() {
    return ifNotExists;
  }

  /**
   * The defining query (SELECT, UNION, ORDER BY ... as parsed by Calcite).
   *
   * @return the query
   */
  public SqlNode query() {
    return query;
  }

  /**
   * The EMIT clause.
   *
   * @return the clause, or null if none was given
   */
  public SqlEmit emit() {
    return emit;
  }

  /**
   * How late an event may arrive and still be counted (ALLOW LATENESS).
   *
   * @return the interval, or null if not given
   */
  public SqlIntervalLiteral allowedLateness() {
    return allowedLateness;
  }

  /**
   * Where events later than the allowed lateness go (LATE DATA TO).
   *
   * @return the target name, or null if not given
   */
  public SqlIdentifier lateDataTo() {
    return lateDataTo;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Collections.unmodifiableList(
        Arrays.asList(
            DdlNodes.symbol(kind),
            name,
            DdlNodes.flag(ifNotExists),
            query,
            emit,
            allowedLateness,
            lateDataTo,
            withOptions));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    writer.keyword(kind.sqlName());
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    writer.keyword("AS");
    writer.newlineAndIndent();
    query.unparse(writer, 0, 0);
    DdlNodes.unparseEventTime(writer, emit, allowedLateness, lateDataTo);
    if (!withOptions.isEmpty()) {
      writer.keyword("WITH");
      DdlNodes.unparseParenthesized(writer, withOptions.getList());
    }
  }

  /**
   * Query options of the WITH clause (e.g. {@code 'state.ttl'}), in order.
   *
   * @return the options, empty if none
   */
  public List<SqlOption> withOptions() {
    return withOptions.stream().map(SqlOption.class::cast).toList();
  }

  @Override
  public String toString() {
    return LaminarSqlParser.toSql(this);
  }
}
