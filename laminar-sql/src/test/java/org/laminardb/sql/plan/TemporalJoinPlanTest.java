package org.laminardb.sql.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.laminardb.error.LaminarDBException;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.sql.parser.LaminarSqlParser;

class TemporalJoinPlanTest {
  private static final Relation S = new Relation("s", RelationKind.SOURCE, new Schema(List.of(
      new Field("k", DataType.of(TypeKind.BIGINT)),
      new Field("v", DataType.of(TypeKind.VARCHAR)),
      new Field("ts", DataType.of(TypeKind.TIMESTAMP)))), true, 2);
  private static final Relation T = new Relation("t", RelationKind.TABLE, new Schema(List.of(
      new Field("id", DataType.of(TypeKind.BIGINT).withNullable(false)),
      new Field("name", DataType.of(TypeKind.VARCHAR)))), false);
  private static final Relation L = new Relation("dim", RelationKind.LOOKUP_TABLE, new Schema(
      List.of(new Field("id", DataType.of(TypeKind.INT).withNullable(false)),
      new Field("name", DataType.of(TypeKind.VARCHAR)))), false);

  private static final RelationResolver RESOLVER = new RelationResolver() {
    @Override
    public java.util.Collection<Relation> relations() {
      return List.of(S, T, L);
    }

    @Override
    public LookupTableInfo lookupTable(String name) {
      return name.equalsIgnoreCase("dim") ? new LookupTableInfo(new int[] {0}, "postgres", 60_000, 1000, 10_000) : null;
    }
  };

  private static PhysicalNode plan(String sql) {
    return new StreamPlanner(RESOLVER).plan(LaminarSqlParser.parseStatement(sql)).root();
  }

  private static String explain(String sql) {
    return String.join("\n", new StreamPlanner(RESOLVER).plan(LaminarSqlParser.parseStatement(sql))
        .explain());
  }

  private static void rejected(String sql, String message) {
    assertThatThrownBy(() -> plan(sql)).isInstanceOf(LaminarDBException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("0A000"));
  }

  @Test
  void shouldPlanProcTimeTemporalJoinAgainstTable() {
    String plan = explain("SELECT s.k, d.name FROM s JOIN t FOR SYSTEM_TIME AS OF PROCTIME() AS "
        + "d ON s.k = d.id");
    assertThat(plan).contains("ProcTimeTemporalJoin(kind=INNER, keys=[left.k = right.id]")
        .contains("emits on stream rows only").contains("output: append-only");
    assertThat(explain("SELECT s.k, d.name FROM s LEFT JOIN t FOR SYSTEM_TIME AS OF PROCTIME() "
        + "AS d ON s.k = d.id")).contains("ProcTimeTemporalJoin(kind=LEFT");
    PhysicalNode root = plan("SELECT s.ts, d.name FROM s JOIN t FOR SYSTEM_TIME AS OF PROCTIME() "
        + "AS d ON s.k = d.id");
    assertThat(root.rowtimeColumn()).isEqualTo(0);
  }

  @Test
  void shouldPlanLookupJoinWithAndWithoutForSystemTime() {
    assertThat(explain("SELECT s.k, d.name FROM s LEFT JOIN dim FOR SYSTEM_TIME AS OF PROCTIME() "
        + "AS d ON s.k = d.id")).contains("LookupJoin(kind=LEFT, table=dim, keys=[left.k = dim.id]"
        + ", postgres, cache ttl=60000ms max_rows=1000");
    assertThat(explain("SELECT s.k, dim.name FROM s JOIN dim ON s.k = dim.id"))
        .contains("LookupJoin(kind=INNER");
    String filtered = explain("SELECT s.k, dim.name FROM s JOIN dim ON s.k = dim.id "
        + "WHERE dim.name <> 'x'");
    assertThat(filtered).contains("LookupJoin(kind=INNER").contains("Calc(");
  }

  @Test
  void shouldRejectWhatTemporalJoinsDoNotSupport() {
    rejected("SELECT * FROM s JOIN t FOR SYSTEM_TIME AS OF s.ts AS d ON s.k = d.id",
        "without a watermarked event-time column");
    rejected("SELECT * FROM dim", "can only be read by a join on its primary key");
    rejected("SELECT * FROM s JOIN dim ON s.v = dim.name", "primary key");
    rejected("SELECT * FROM s RIGHT JOIN dim ON s.k = dim.id", "only INNER and LEFT");
    rejected("SELECT PROCTIME() AS p FROM s", "PROCTIME() is only supported");
    rejected("SELECT * FROM s LEFT JOIN t FOR SYSTEM_TIME AS OF PROCTIME() AS d ON s.k = d.id "
        + "AND s.v <> d.name", "LEFT temporal join");
  }
}
