package org.laminardb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.sql.parser.Parsing.parse;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDescribeTable;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.junit.jupiter.api.Test;
import org.laminardb.sql.parser.ddl.ObjectKind;
import org.laminardb.sql.parser.ddl.SqlCheckpoint;
import org.laminardb.sql.parser.ddl.SqlCreateQueryObject;
import org.laminardb.sql.parser.ddl.SqlCreateSink;
import org.laminardb.sql.parser.ddl.SqlDescribeObject;
import org.laminardb.sql.parser.ddl.SqlDropObject;
import org.laminardb.sql.parser.ddl.SqlExplainCreate;
import org.laminardb.sql.parser.ddl.SqlShowCreate;
import org.laminardb.sql.parser.ddl.SqlShowObjects;
import org.laminardb.sql.parser.ddl.SqlSubscribe;

class OtherStatementParseTest {
  private static int countDynamicParams(SqlNode node) {
    int[] count = {0};
    node.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlDynamicParam param) {
            count[0]++;
            return null;
          }
        });
    return count[0];
  }

  @Test
  void shouldParseDropOfEachKind() {
    assertThat(parse("DROP SOURCE s", SqlDropObject.class).kind()).isEqualTo(ObjectKind.SOURCE);
    assertThat(parse("DROP STREAM s", SqlDropObject.class).kind()).isEqualTo(ObjectKind.STREAM);
    assertThat(parse("DROP MATERIALIZED VIEW v", SqlDropObject.class).kind())
        .isEqualTo(ObjectKind.MATERIALIZED_VIEW);
    assertThat(parse("DROP SINK k", SqlDropObject.class).kind()).isEqualTo(ObjectKind.SINK);
  }

  @Test
  void shouldParseDropIfExistsCascadeAndRestrict() {
    SqlDropObject cascade = parse("DROP SOURCE IF EXISTS Orders CASCADE", SqlDropObject.class);
    SqlDropObject restrict = parse("DROP STREAM s RESTRICT", SqlDropObject.class);

    assertThat(cascade.ifExists()).isTrue();
    assertThat(cascade.cascade()).isTrue();
    assertThat(cascade.name().getSimple()).isEqualTo("Orders");
    assertThat(restrict.ifExists()).isFalse();
    assertThat(restrict.cascade()).isFalse();
  }

  @Test
  void shouldParseShowOfEachKind() {
    assertThat(parse("SHOW SOURCES", SqlShowObjects.class).kind()).isEqualTo(ObjectKind.SOURCE);
    assertThat(parse("show streams", SqlShowObjects.class).kind()).isEqualTo(ObjectKind.STREAM);
    assertThat(parse("SHOW MATERIALIZED VIEWS", SqlShowObjects.class).kind())
        .isEqualTo(ObjectKind.MATERIALIZED_VIEW);
    assertThat(parse("SHOW SINKS", SqlShowObjects.class).kind()).isEqualTo(ObjectKind.SINK);
  }

  @Test
  void shouldParseShowCreate() {
    SqlShowCreate view = parse("SHOW CREATE MATERIALIZED VIEW Totals", SqlShowCreate.class);

    assertThat(view.kind()).isEqualTo(ObjectKind.MATERIALIZED_VIEW);
    assertThat(view.name().getSimple()).isEqualTo("Totals");
    assertThat(parse("SHOW CREATE SOURCE s", SqlShowCreate.class).kind())
        .isEqualTo(ObjectKind.SOURCE);
    assertThat(parse("SHOW CREATE SINK k", SqlShowCreate.class).kind()).isEqualTo(ObjectKind.SINK);
  }

  @Test
  void shouldParseDescribeAndDesc() {
    assertThat(parse("DESCRIBE Orders", SqlDescribeObject.class).name().getSimple())
        .isEqualTo("Orders");
    assertThat(parse("desc orders", SqlDescribeObject.class).name().getSimple())
        .isEqualTo("orders");
  }

  @Test
  void shouldLeaveDescribeTableToCalcite() {
    assertThat(LaminarSqlParser.parseStatement("DESCRIBE TABLE t"))
        .isInstanceOf(SqlDescribeTable.class);
  }

  @Test
  void shouldParseSubscribeWithAndWithoutTo() {
    assertThat(parse("SUBSCRIBE TO totals", SqlSubscribe.class).name().getSimple())
        .isEqualTo("totals");
    assertThat(parse("SUBSCRIBE totals", SqlSubscribe.class).name().getSimple())
        .isEqualTo("totals");
  }

  @Test
  void shouldParseCheckpoint() {
    assertThat(LaminarSqlParser.parseStatement("CHECKPOINT")).isInstanceOf(SqlCheckpoint.class);
    assertThat(LaminarSqlParser.parseStatement("checkpoint;")).isInstanceOf(SqlCheckpoint.class);
  }

  @Test
  void shouldParseExplainOfQueryAsCalciteExplain() {
    SqlExplain explain = parse("EXPLAIN SELECT a FROM t", SqlExplain.class);
    SqlExplain plan = parse("EXPLAIN PLAN FOR SELECT a FROM t", SqlExplain.class);

    assertThat(explain.getExplicandum()).isInstanceOf(SqlSelect.class);
    assertThat(plan.getExplicandum()).isInstanceOf(SqlSelect.class);
    assertThat(parse("EXPLAIN INSERT INTO t VALUES (1)", SqlExplain.class).getExplicandum())
        .isInstanceOf(SqlInsert.class);
  }

  @Test
  void shouldParseExplainCreate() {
    SqlExplainCreate stream =
        parse("EXPLAIN CREATE STREAM s AS SELECT a FROM t EMIT FINAL", SqlExplainCreate.class);
    SqlExplainCreate view =
        parse("EXPLAIN CREATE MATERIALIZED VIEW v AS SELECT a FROM t", SqlExplainCreate.class);
    SqlExplainCreate sink =
        parse("EXPLAIN CREATE SINK k INTO stdout () AS SELECT a FROM t", SqlExplainCreate.class);

    assertThat(stream.statement()).isInstanceOf(SqlCreateQueryObject.class);
    assertThat(((SqlCreateQueryObject) view.statement()).kind())
        .isEqualTo(ObjectKind.MATERIALIZED_VIEW);
    assertThat(sink.statement()).isInstanceOf(SqlCreateSink.class);
  }

  @Test
  void shouldParseInsertValuesWithDynamicParameters() {
    SqlInsert insert =
        parse("INSERT INTO Orders (id, name) VALUES (?, ?), (2, 'b'), (?, 'c')", SqlInsert.class);

    assertThat(insert.getTargetTable().toString()).contains("Orders");
    assertThat(insert.getTargetColumnList()).hasSize(2);
    assertThat(insert.getSource().getKind()).isEqualTo(SqlKind.VALUES);
    assertThat(((SqlBasicCall) insert.getSource()).getOperandList()).hasSize(3);
    assertThat(countDynamicParams(insert)).isEqualTo(3);
  }

  @Test
  void shouldParseInsertWithoutColumnList() {
    SqlInsert insert = parse("INSERT INTO t VALUES (1, 'x')", SqlInsert.class);

    assertThat(insert.getTargetColumnList()).isNull();
  }

  @Test
  void shouldParsePlainQueriesWithKeywordLikeColumns() {
    SqlSelect select =
        parse("SELECT a, source, stream, watermark FROM t WHERE x != 1", SqlSelect.class);

    assertThat(select.getSelectList()).hasSize(4);
    assertThat(select.getSelectList().get(1).toString()).contains("source");
  }

  @Test
  void shouldParseLimitAndOffset() {
    assertThat(LaminarSqlParser.parseStatement("SELECT a FROM t LIMIT 10 OFFSET 5").getKind())
        .isEqualTo(SqlKind.ORDER_BY);
  }

  @Test
  void shouldParsePostgresStyleCast() {
    SqlSelect select = parse("SELECT a::BIGINT, CAST(b AS VARCHAR) FROM t", SqlSelect.class);

    assertThat(select.getSelectList().get(0).getKind()).isEqualTo(SqlKind.CAST);
    assertThat(select.getSelectList().get(1).getKind()).isEqualTo(SqlKind.CAST);
  }

  @Test
  void shouldParseWindowTableFunctions() {
    SqlSelect select =
        parse(
            "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts),"
                + " INTERVAL '1' MINUTE)) GROUP BY window_start, window_end",
            SqlSelect.class);

    assertThat(select.getFrom().getKind()).isEqualTo(SqlKind.COLLECTION_TABLE);
  }

  @Test
  void shouldKeepIfUsableAsFunctionName() {
    SqlSelect select = parse("SELECT IF(a > 1, 'x', 'y') FROM t", SqlSelect.class);

    assertThat(select.getSelectList().get(0)).isInstanceOf(SqlBasicCall.class);
    assertThat(((SqlBasicCall) select.getSelectList().get(0)).getOperator().getName())
        .isEqualTo("IF");
  }
}
