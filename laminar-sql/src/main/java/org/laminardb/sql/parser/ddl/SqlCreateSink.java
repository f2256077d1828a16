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
 * {@code CREATE SINK [IF NOT EXISTS] name FROM object INTO connector (options)} or {@code
 * CREATE SINK [IF NOT EXISTS] name INTO connector (options) AS query [EMIT ...]}. Exactly one
 * of {@link #from()} and {@link #query()} is set.
 */
public final class SqlCreateSink extends SqlCreate {
  private static final SqlOperator OPERATOR = DdlNodes.operator("CREATE SINK", SqlKind.OTHER_DDL);

  private final SqlIdentifier name;
  private final SqlIdentifier from;
  private final SqlNode query;
  private final SqlEmit emit;
  private final SqlIdentifier connector;
  private final SqlNodeList options;
  private final SqlIntervalLiteral allowedLateness;
  private final SqlIdentifier lateDataTo;

  /**
   * Creates a CREATE SINK statement.
   *
   * @param pos position of the statement
   * @param name sink name
   * @param ifNotExists whether IF NOT EXISTS was given
   * @param from the object the sink reads (FROM form), or null
   * @param query the query the sink reads (AS form), or null
   * @param emit the EMIT clause of the query, or null
   * @param connector the connector name after INTO
   * @param options the {@link SqlOption}s of the connector (empty if none)
   * @param allowedLateness the ALLOW LATENESS interval, or null
   * @param lateDataTo where late rows go (LATE DATA TO), or null
   */
  public SqlCreateSink(
      SqlParserPos pos,
      SqlIdentifier name,
      boolean ifNotExists,
      SqlIdentifier from,
      SqlNode query,
      SqlEmit emit,
      SqlIdentifier connector,
      SqlNodeList options,
      SqlIntervalLiteral allowedLateness,
      SqlIdentifier lateDataTo) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = name;
    this.from = from;
    this.query = query;
    this.emit = emit;
    this.connector = connector;
    this.options = options;
    this.allowedLateness = allowedLateness;
    this.lateDataTo = lateDataTo;
  }

  /**
   * Sink name, case as written.
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
   * The source, stream or view the sink reads, in the FROM form.
   *
   * @return the object name, or null in the AS form
   */
  public SqlIdentifier from() {
    return from;
  }

  /**
   * The query the sink reads, in the AS form.
   *
   * @return the query, or null in the FROM form
   */
  public SqlNode query() {
    return query;
  }

  /**
   * The EMIT clause of the query.
   *
   * @return the clause, or null if none was given
   */
  public SqlEmit emit() {
    return emit;
  }

  /**
   * Connector named after INTO, e.g. {@code kafka}.
   *
   * @return the connector name
   */
  public SqlIdentifier connector() {
    return connector;
  }

  /**
   * Connector options, in order.
   *
   * @return the options, empty if none
   */
  public List<SqlOption> options() {
    return options.stream().map(SqlOption.class::cast).toList();
  }

  /**
   * The allowed lateness of windows (ALLOW LATENESS), or null.
   *
   * @return the interval
   */
  public SqlIntervalLiteral allowedLateness() {
    return allowedLateness;
  }

  /**
   * Where rows later than the allowed lateness go (LATE DATA TO), or null.
   *
   * @return the stream name
   */
  public SqlIdentifier lateDataTo() {
    return lateDataTo;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return Collections.unmodifiableList(
        Arrays.asList(
            name, DdlNodes.flag(ifNotExists), from, query, emit, connector, options,
            allowedLateness, lateDataTo));
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE SINK");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (from != null) {
      writer.keyword("FROM");
      from.unparse(writer, 0, 0);
    }
    writer.keyword("INTO");
    DdlNodes.unparseConnector(writer, connector, options());
    if (query != null) {
      writer.keyword("AS");
      writer.newlineAndIndent();
      query.unparse(writer, 0, 0);
      DdlNodes.unparseEventTime(writer, emit, allowedLateness, lateDataTo);
    }
  }

  @Override
  public String toString() {
    return LaminarSqlParser.toSql(this);
  }
}
