package org.laminardb.sql.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.parser.LaminarSqlParser;

class OverPlanTest {
  private static final Relation T = new Relation("t", RelationKind.SOURCE, new Schema(List.of(
      new Field("k", DataType.of(TypeKind.VARCHAR)),
      new Field("v", DataType.of(TypeKind.BIGINT)),
      new Field("d", DataType.of(TypeKind.DOUBLE)),
      new Field("ts", DataType.of(TypeKind.TIMESTAMP)))), true, 3);

  private static PhysicalNode plan(String sql) {
    return new StreamPlanner(() -> List.of(T)).plan(LaminarSqlParser.parseStatement(sql)).root();
  }

  private static String explain(String sql) {
    StringBuilder sb = new StringBuilder();
    for (PhysicalNode n = plan(sql); n != null;
        n = n.inputs().isEmpty() ? null : n.inputs().get(0)) {
      sb.append(n.describe()).append('\n');
    }
    return sb.toString();
  }

  @Test
  void shouldPlanTopNUnderTheOuterCalc() {
    String plan = explain("SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v "
        + "DESC) AS rn FROM t) WHERE rn <= 3");
    assertThat(plan).contains("TopN(partition=[k], order=[v DESC NULLS FIRST], n=3, "
        + "rank=ROW_NUMBER, input=append-only)").contains("Calc(filter=<=($4, 3)");
    assertThat(explain("SELECT k, v FROM (SELECT *, RANK() OVER (ORDER BY v, d DESC) AS rn "
        + "FROM t) WHERE rn BETWEEN 1 AND 2")).contains("TopN(partition=[], order=[v ASC NULLS "
        + "LAST, d DESC NULLS FIRST], n=2, rank=RANK, rank not selected");
    assertThat(explain("SELECT k FROM (SELECT *, DENSE_RANK() OVER (ORDER BY v) AS rn FROM t) "
        + "WHERE 4 > rn")).contains("n=3, rank=DENSE_RANK, rank not selected");
    assertThat(explain("SELECT k FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY v) AS rn FROM t) "
        + "WHERE rn = 2")).contains("n=2, rank=ROW_NUMBER, input");
    assertThat(explain("SELECT k FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY v) AS rn FROM t) "
        + "WHERE rn BETWEEN 2 AND 3")).contains("n=3, rank=ROW_NUMBER, input");
    assertThat(explain("SELECT k FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts "
        + "DESC) AS rn FROM t) WHERE rn = 1")).contains("n=1, rank=ROW_NUMBER");
    assertThat(plan("SELECT * FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY v) AS rn FROM t) "
        + "WHERE rn <= 3").appendOnly()).isFalse();
  }

  @Test
  void shouldPlanOneOverNodePerWindowGroup() {
    PhysicalNode root = plan("SELECT k, LAG(v, 2, 0) OVER w AS l, SUM(v) OVER (PARTITION BY k "
        + "ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS s FROM t "
        + "WINDOW w AS (PARTITION BY k ORDER BY ts)");
    String plan = explain("SELECT k, LAG(v, 2, 0) OVER w AS l, SUM(v) OVER (PARTITION BY k "
        + "ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS s FROM t "
        + "WINDOW w AS (PARTITION BY k ORDER BY ts)");
    assertThat(plan).contains("frame=ROWS 2 PRECEDING").contains("LAG(v, 2, 0) AS l");
    assertThat(root.appendOnly()).isTrue();
    assertThat(root.schema().field(1).type().nullable()).isTrue();
    assertThat(explain("SELECT MAX(d) OVER (ORDER BY ts RANGE BETWEEN INTERVAL '10' SECOND "
        + "PRECEDING AND CURRENT ROW) AS m FROM t")).contains("frame=RANGE 10000000us PRECEDING");
  }

  @Test
  void shouldRejectOtherOverWindowsWith0A000() {
    for (String sql : new String[] {
        "SELECT k, ROW_NUMBER() OVER (ORDER BY v) AS rn FROM t",
        "SELECT * FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY v) AS rn FROM t) WHERE rn > 3",
        "SELECT LAG(v) OVER (ORDER BY v) AS p FROM t",
        "SELECT LAG(v) OVER (ORDER BY ts DESC) AS p FROM t",
        "SELECT LEAD(v, 1, 0) OVER (ORDER BY ts) AS p FROM t",
        "SELECT SUM(v) OVER (ORDER BY ts ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS p FROM t",
        "SELECT COUNT(DISTINCT v) OVER (ORDER BY ts) AS p FROM t",
        "SELECT LAG(n) OVER (ORDER BY n) AS p FROM (SELECT k, COUNT(*) AS n FROM t GROUP BY k)"}) {
      assertThatThrownBy(() -> plan(sql)).as(sql).isInstanceOf(LaminarDBException.class)
          .hasMessageContaining("OVER")
          .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("0A000"));
    }
  }
}
