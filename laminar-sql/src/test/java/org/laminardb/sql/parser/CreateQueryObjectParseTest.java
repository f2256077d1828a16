package org.laminardb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.sql.parser.Parsing.parse;

import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.laminardb.sql.parser.ddl.EmitMode;
import org.laminardb.sql.parser.ddl.ObjectKind;
import org.laminardb.sql.parser.ddl.SqlCreateQueryObject;
import org.laminardb.sql.parser.ddl.SqlEmit;

class CreateQueryObjectParseTest {
  private static SqlEmit emitOf(String clause) {
    return parse("CREATE STREAM s AS SELECT a FROM t " + clause, SqlCreateQueryObject.class)
        .emit();
  }

  private static TimeUnit unitOf(SqlIntervalLiteral interval) {
    return interval.getValueAs(SqlIntervalLiteral.IntervalValue.class)
        .getIntervalQualifier()
        .getStartUnit();
  }

  @Test
  void shouldParseStreamWithQuery() {
    SqlCreateQueryObject stream =
        parse(
            "CREATE STREAM totals AS SELECT a, COUNT(*) AS c FROM t GROUP BY a",
            SqlCreateQueryObject.class);

    assertThat(stream.kind()).isEqualTo(ObjectKind.STREAM);
    assertThat(stream.name().getSimple()).isEqualTo("totals");
    assertThat(stream.ifNotExists()).isFalse();
    assertThat(stream.query()).isInstanceOf(SqlSelect.class);
    assertThat(stream.emit()).isNull();
    assertThat(stream.allowedLateness()).isNull();
    assertThat(stream.lateDataTo()).isNull();
  }

  @Test
  void shouldParseMaterializedViewWithIfNotExists() {
    SqlCreateQueryObject view =
        parse(
            "CREATE MATERIALIZED VIEW IF NOT EXISTS v AS SELECT * FROM t",
            SqlCreateQueryObject.class);

    assertThat(view.kind()).isEqualTo(ObjectKind.MATERIALIZED_VIEW);
    assertThat(view.ifNotExists()).isTrue();
    assertThat(view.name().getSimple()).isEqualTo("v");
  }

  @Test
  void shouldParseQueriesWithUnionOrderByAndLimit() {
    assertThat(
            parse("CREATE STREAM s AS SELECT a FROM t UNION ALL SELECT a FROM u",
                    SqlCreateQueryObject.class)
                .query()
                .getKind())
        .isEqualTo(SqlKind.UNION);
    assertThat(
            parse("CREATE MATERIALIZED VIEW v AS SELECT a FROM t ORDER BY a LIMIT 5 EMIT CHANGES",
                    SqlCreateQueryObject.class)
                .query())
        .isInstanceOf(SqlOrderBy.class);
  }

  @Test
  void shouldParseEmitChanges() {
    assertThat(emitOf("EMIT CHANGES").mode()).isEqualTo(EmitMode.CHANGES);
    assertThat(emitOf("EMIT CHANGES").interval()).isNull();
  }

  @Test
  void shouldParseEmitOnWindowCloseAndItsSynonym() {
    assertThat(emitOf("EMIT ON WINDOW CLOSE").mode()).isEqualTo(EmitMode.ON_WINDOW_CLOSE);
    assertThat(emitOf("emit after watermark").mode()).isEqualTo(EmitMode.ON_WINDOW_CLOSE);
  }

  @Test
  void shouldParseEmitFinal() {
    assertThat(emitOf("EMIT FINAL").mode()).isEqualTo(EmitMode.FINAL);
  }

  @Test
  void shouldParseEmitPeriodicallyAndEvery() {
    SqlEmit periodically = emitOf("EMIT PERIODICALLY INTERVAL '5' SECOND");
    SqlEmit every = emitOf("EMIT EVERY INTERVAL '2' MINUTE");

    assertThat(periodically.mode()).isEqualTo(EmitMode.PERIODIC);
    assertThat(unitOf(periodically.interval())).isEqualTo(TimeUnit.SECOND);
    assertThat(every.mode()).isEqualTo(EmitMode.PERIODIC);
    assertThat(unitOf(every.interval())).isEqualTo(TimeUnit.MINUTE);
  }

  @Test
  void shouldParseEmitAfterTableAlias() {
    SqlCreateQueryObject stream =
        parse("CREATE STREAM s AS SELECT o.a FROM t o EMIT FINAL", SqlCreateQueryObject.class);

    assertThat(stream.emit().mode()).isEqualTo(EmitMode.FINAL);
  }

  @Test
  void shouldParseAllowedLatenessAndLateDataTarget() {
    SqlCreateQueryObject stream =
        parse(
            "CREATE STREAM s AS SELECT a FROM t EMIT ON WINDOW CLOSE"
                + " ALLOW LATENESS INTERVAL '10' SECOND LATE DATA TO late_rows",
            SqlCreateQueryObject.class);

    assertThat(unitOf(stream.allowedLateness())).isEqualTo(TimeUnit.SECOND);
    assertThat(stream.lateDataTo().getSimple()).isEqualTo("late_rows");
  }

  @Test
  void shouldParseLatenessWithoutEmit() {
    SqlCreateQueryObject view =
        parse(
            "CREATE MATERIALIZED VIEW v AS SELECT a FROM t ALLOW LATENESS INTERVAL '1' MINUTE",
            SqlCreateQueryObject.class);
    SqlCreateQueryObject stream =
        parse("CREATE STREAM s AS SELECT a FROM t LATE DATA TO dlq", SqlCreateQueryObject.class);

    assertThat(view.emit()).isNull();
    assertThat(view.allowedLateness()).isNotNull();
    assertThat(stream.allowedLateness()).isNull();
    assertThat(stream.lateDataTo().getSimple()).isEqualTo("dlq");
  }
}
