package org.laminardb.sql.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Test;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.parser.LaminarSqlParser;

class GroupWindowRewriterTest {
  private static final Relation TRADES = new Relation("trades", RelationKind.SOURCE,
      new Schema(List.of(
          new Field("sym", DataType.of(TypeKind.VARCHAR)),
          new Field("price", DataType.of(TypeKind.DOUBLE)),
          new Field("qty", DataType.of(TypeKind.BIGINT)),
          new Field("ts", DataType.of(TypeKind.TIMESTAMP)))),
      true, 3);
  private static final Relation CLASHING = new Relation("clashing", RelationKind.SOURCE,
      new Schema(List.of(
          new Field("Window_End", DataType.of(TypeKind.TIMESTAMP)),
          new Field("ts", DataType.of(TypeKind.TIMESTAMP)))),
      true, 1);
  private static final RelationResolver RESOLVER = () -> List.of(TRADES, CLASHING);

  private static final String MINUTE = "INTERVAL '1' MINUTE";

  private static String rewrite(String sql) {
    SqlNode query = LaminarSqlParser.parseStatement(sql);
    String before = LaminarSqlParser.toSql(query);
    SqlNode rewritten = GroupWindowRewriter.rewrite(query);
    assertThat(LaminarSqlParser.toSql(query)).as("input left unchanged").isEqualTo(before);
    return LaminarSqlParser.toSql(rewritten).replace('\n', ' ');
  }

  private static List<String> validatedColumns(String sql) {
    SqlNode rewritten = GroupWindowRewriter.rewrite(LaminarSqlParser.parseStatement(sql),
        RESOLVER);
    return new StreamPlanner(RESOLVER).continuousRowType(rewritten).fields().stream()
        .map(Field::name)
        .toList();
  }

  private static LaminarDBException errorOf(String sql) {
    LaminarDBException e = catchThrowableOfType(LaminarDBException.class,
        () -> GroupWindowRewriter.rewrite(LaminarSqlParser.parseStatement(sql), RESOLVER));
    assertThat(e).as("error for %s", sql).isNotNull();
    return e;
  }

  @Test
  void shouldRewriteLaminarTumbleWithStartEndHavingAndOrderBy() {
    String sql = "SELECT tumble(ts, " + MINUTE + "), TUMBLE_end(ts, " + MINUTE + ") AS e, sym, "
        + "COUNT(*) FROM trades t GROUP BY Tumble(t.ts, " + MINUTE + "), sym "
        + "HAVING tumble_end(ts, " + MINUTE + ") > TIMESTAMP '2024-01-01 00:00:00' "
        + "ORDER BY tumble(ts, " + MINUTE + ")";

    assertThat(rewrite(sql)).isEqualTo("SELECT window_start, window_end AS e, sym, COUNT(*) "
        + "FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), " + MINUTE + ")) AS t "
        + "GROUP BY window_start, window_end, sym "
        + "HAVING window_end > TIMESTAMP '2024-01-01 00:00:00' ORDER BY window_start");
    assertThat(validatedColumns(sql)).containsExactly("window_start", "e", "sym", "EXPR$3");
  }

  @Test
  void shouldRewriteCalciteGroupWindowFunctionsAndAliasTheRelation() {
    String sql = "SELECT TUMBLE_START(ts, " + MINUTE + ") AS s, TUMBLE_END(ts, " + MINUTE
        + "), SUM(trades.price) FROM trades GROUP BY TUMBLE(ts, " + MINUTE + ")";

    assertThat(rewrite(sql)).isEqualTo("SELECT window_start AS s, window_end, SUM(trades.price) "
        + "FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), " + MINUTE + ")) AS trades "
        + "GROUP BY window_start, window_end");
    assertThat(validatedColumns(sql)).containsExactly("s", "window_end", "EXPR$2");
  }

  @Test
  void shouldPassTheOffsetOfTumble() {
    String sql = "SELECT tumble(ts, INTERVAL '1' HOUR, INTERVAL '5' MINUTE), COUNT(*) "
        + "FROM trades GROUP BY tumble(ts, INTERVAL '1' HOUR, INTERVAL '5' MINUTE)";

    assertThat(rewrite(sql)).isEqualTo("SELECT window_start, COUNT(*) FROM TABLE(TUMBLE("
        + "TABLE trades, DESCRIPTOR(ts), INTERVAL '1' HOUR, INTERVAL '5' MINUTE)) AS trades "
        + "GROUP BY window_start, window_end");
  }

  @Test
  void shouldRewriteHopWithSlideFirst() {
    String sql = "SELECT hop_start(ts, " + MINUTE + ", INTERVAL '5' MINUTE), "
        + "HOP_END(ts, " + MINUTE + ", INTERVAL '5' MINUTE), COUNT(*) FROM trades "
        + "GROUP BY hop(ts, " + MINUTE + ", INTERVAL '5' MINUTE)";

    assertThat(rewrite(sql)).isEqualTo("SELECT window_start, window_end, COUNT(*) "
        + "FROM TABLE(HOP(TABLE trades, DESCRIPTOR(ts), " + MINUTE + ", INTERVAL '5' MINUTE)) "
        + "AS trades GROUP BY window_start, window_end");
    assertThat(validatedColumns(sql)).containsExactly("window_start", "window_end", "EXPR$2");
  }

  @Test
  void shouldPartitionSessionByTheOtherKeys() {
    String sql = "SELECT sym, session(ts, " + MINUTE + "), session_end(ts, " + MINUTE + "), "
        + "COUNT(*) FROM trades AS t GROUP BY t.sym, session(t.ts, " + MINUTE + "), qty";

    assertThat(rewrite(sql)).isEqualTo("SELECT sym, window_start, window_end, COUNT(*) "
        + "FROM TABLE(SESSION(TABLE trades PARTITION BY sym, qty, DESCRIPTOR(ts), " + MINUTE
        + ")) AS t GROUP BY window_start, window_end, t.sym, qty");
    assertThat(validatedColumns(sql))
        .containsExactly("sym", "window_start", "window_end", "EXPR$3");
  }

  @Test
  void shouldRewriteSessionWithoutKeysWithoutPartition() {
    assertThat(rewrite("SELECT SESSION_START(ts, " + MINUTE + "), COUNT(*) FROM trades "
        + "GROUP BY SESSION(ts, " + MINUTE + ")"))
        .isEqualTo("SELECT window_start, COUNT(*) FROM TABLE(SESSION(TABLE trades, "
            + "DESCRIPTOR(ts), " + MINUTE + ")) AS trades GROUP BY window_start, window_end");
  }

  @Test
  void shouldRewriteCumulate() {
    String sql = "SELECT cumulate(ts, " + MINUTE + ", INTERVAL '1' HOUR), "
        + "Cumulate_End(ts, " + MINUTE + ", INTERVAL '1' HOUR) AS e, COUNT(*) FROM trades "
        + "GROUP BY CUMULATE(ts, " + MINUTE + ", INTERVAL '1' HOUR)";

    assertThat(rewrite(sql)).isEqualTo("SELECT window_start, window_end AS e, COUNT(*) "
        + "FROM TABLE(CUMULATE(TABLE trades, DESCRIPTOR(ts), " + MINUTE + ", INTERVAL '1' HOUR))"
        + " AS trades GROUP BY window_start, window_end");
  }

  @Test
  void shouldRewriteRowtimeToWindowTimeAndGroupByIt() {
    assertThat(rewrite("SELECT TUMBLE_ROWTIME(ts, " + MINUTE + ") AS rt, COUNT(*) FROM trades "
        + "GROUP BY TUMBLE(ts, " + MINUTE + ")"))
        .isEqualTo("SELECT window_time AS rt, COUNT(*) FROM TABLE(TUMBLE(TABLE trades, "
            + "DESCRIPTOR(ts), " + MINUTE + ")) AS trades "
            + "GROUP BY window_start, window_end, window_time");
  }

  @Test
  void shouldRewriteWindowCallsInsideExpressions() {
    assertThat(rewrite("SELECT tumble_end(ts, " + MINUTE + ") - INTERVAL '1' SECOND AS last_ts, "
        + "COUNT(*) FROM trades WHERE qty > 0 GROUP BY tumble(ts, " + MINUTE + ")"))
        .isEqualTo("SELECT window_end - INTERVAL '1' SECOND AS last_ts, COUNT(*) "
            + "FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), " + MINUTE + ")) AS trades "
            + "WHERE qty > 0 GROUP BY window_start, window_end");
  }

  @Test
  void shouldRewriteEverySelectOfTheTree() {
    String sql = "SELECT x.ws, x.cnt FROM (SELECT tumble(ts, " + MINUTE + ") AS ws, "
        + "COUNT(*) AS cnt FROM (SELECT * FROM trades WHERE qty > 1) AS s "
        + "GROUP BY tumble(s.ts, " + MINUTE + ")) AS x UNION ALL "
        + "SELECT tumble(ts, INTERVAL '1' HOUR), COUNT(*) FROM trades "
        + "GROUP BY tumble(ts, INTERVAL '1' HOUR)";

    assertThat(rewrite(sql)).isEqualTo("SELECT x.ws, x.cnt FROM (SELECT window_start AS ws, "
        + "COUNT(*) AS cnt FROM TABLE(TUMBLE((SELECT * FROM trades WHERE qty > 1), DESCRIPTOR(ts),"
        + " " + MINUTE + ")) AS s GROUP BY window_start, window_end) AS x UNION ALL "
        + "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), "
        + "INTERVAL '1' HOUR)) AS trades GROUP BY window_start, window_end");
    assertThat(validatedColumns(sql)).containsExactly("ws", "cnt");
  }

  @Test
  void shouldRewriteAWindowInsideASubqueryOfAnExpression() {
    assertThat(rewrite("SELECT sym FROM trades WHERE qty > (SELECT MAX(n) FROM (SELECT COUNT(*) "
        + "AS n FROM trades GROUP BY tumble(ts, " + MINUTE + ")) AS w)"))
        .isEqualTo("SELECT sym FROM trades WHERE qty > (SELECT MAX(n) FROM (SELECT COUNT(*) "
            + "AS n FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), " + MINUTE + ")) AS trades "
            + "GROUP BY window_start, window_end) AS w)");
  }

  @Test
  void shouldRewriteOverCommonTableExpressionsAndUnderOrderByLimit() {
    String cte = "WITH w AS (SELECT * FROM trades WHERE qty > 0) SELECT tumble(ts, " + MINUTE
        + "), COUNT(*) FROM w GROUP BY tumble(ts, " + MINUTE + ")";
    String limited = "SELECT tumble(ts, " + MINUTE + ") AS ws, COUNT(*) FROM trades "
        + "GROUP BY tumble(ts, " + MINUTE + ") ORDER BY tumble_end(ts, " + MINUTE + ") LIMIT 10";

    assertThat(rewrite(cte)).isEqualTo("WITH w AS (SELECT * FROM trades WHERE qty > 0) "
        + "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE w, DESCRIPTOR(ts), " + MINUTE
        + ")) AS w GROUP BY window_start, window_end");
    assertThat(validatedColumns(cte)).containsExactly("window_start", "EXPR$1");
    assertThat(rewrite(limited)).isEqualTo("SELECT window_start AS ws, COUNT(*) "
        + "FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), " + MINUTE + ")) AS trades "
        + "GROUP BY window_start, window_end ORDER BY window_end FETCH NEXT 10 ROWS ONLY");
    assertThat(validatedColumns(limited)).containsExactly("ws", "EXPR$1");
  }

  @Test
  void shouldPartitionASubqueryForSession() {
    String sql = "SELECT sym, session(ts, " + MINUTE + "), COUNT(*) FROM (SELECT * FROM trades) "
        + "s GROUP BY session(ts, " + MINUTE + "), sym";

    assertThat(rewrite(sql)).isEqualTo("SELECT sym, window_start, COUNT(*) FROM TABLE(SESSION("
        + "(SELECT * FROM trades) PARTITION BY sym, DESCRIPTOR(ts), " + MINUTE + ")) AS s "
        + "GROUP BY window_start, window_end, sym");
    assertThat(validatedColumns(sql)).containsExactly("sym", "window_start", "EXPR$2");
  }

  @Test
  void shouldReturnQueriesWithoutWindowCallsUnchanged() {
    for (String sql : List.of(
        "SELECT sym, COUNT(*) FROM trades GROUP BY sym HAVING COUNT(*) > 1 ORDER BY sym",
        "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), "
            + MINUTE + ")) GROUP BY window_start, window_end",
        "SELECT * FROM (SELECT sym FROM trades) AS s UNION SELECT sym FROM trades",
        "SELECT sym FROM trades WHERE qty IN (SELECT qty FROM trades)")) {
      SqlNode query = LaminarSqlParser.parseStatement(sql);
      assertThat(GroupWindowRewriter.rewrite(query)).as(sql).isSameAs(query);
    }
  }

  @Test
  void shouldRejectTwoWindows() {
    LaminarDBException e = errorOf("SELECT COUNT(*) FROM trades GROUP BY tumble(ts, " + MINUTE
        + "), hop(ts, " + MINUTE + ", INTERVAL '2' MINUTE)");

    assertThat(e.code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
    assertThat(e.getMessage()).contains("only one window");
  }

  @Test
  void shouldRejectWindowCallsWithoutTheWindowInGroupBy() {
    LaminarDBException none = errorOf("SELECT tumble_end(ts, " + MINUTE + "), COUNT(*) "
        + "FROM trades GROUP BY sym");
    LaminarDBException other = errorOf("SELECT tumble_end(ts, INTERVAL '2' MINUTE) "
        + "FROM trades GROUP BY tumble(ts, " + MINUTE + ")");
    LaminarDBException family = errorOf("SELECT HOP_START(ts, " + MINUTE + ", " + MINUTE
        + ") FROM trades GROUP BY tumble(ts, " + MINUTE + ")");
    LaminarDBException plain = errorOf("SELECT tumble(ts, " + MINUTE + ") FROM trades");

    for (LaminarDBException e : List.of(none, other, family, plain)) {
      assertThat(e.code()).isEqualTo(ErrorCode.GROUPING_ERROR);
      assertThat(e.getMessage()).contains("needs the same window in GROUP BY")
          .contains("FROM TABLE(").contains("DESCRIPTOR(time_column)");
    }
    assertThat(none.getMessage()).startsWith("tumble_end in SELECT");
    assertThat(none.line()).isEqualTo(1);
    assertThat(none.column()).isEqualTo(8);
  }

  @Test
  void shouldRejectWindowCallsInWhereAndGroupByOfEndFunctions() {
    assertThat(errorOf("SELECT COUNT(*) FROM trades WHERE tumble_end(ts, " + MINUTE + ") > "
        + "TIMESTAMP '2024-01-01 00:00:00' GROUP BY tumble(ts, " + MINUTE + ")").getMessage())
        .contains("cannot be used in WHERE");
    assertThat(errorOf("SELECT COUNT(*) FROM trades GROUP BY tumble_end(ts, " + MINUTE + ")")
        .getMessage()).contains("group by the window itself");
    assertThat(errorOf("SELECT COUNT(*) FROM trades GROUP BY ROLLUP(sym, tumble(ts, " + MINUTE
        + "))").getMessage()).contains("must be a GROUP BY item of its own");
  }

  @Test
  void shouldRejectJoinsAndOtherFroms() {
    LaminarDBException join = errorOf("SELECT COUNT(*) FROM trades a JOIN trades b "
        + "ON a.sym = b.sym GROUP BY tumble(a.ts, " + MINUTE + ")");
    LaminarDBException values = errorOf("SELECT COUNT(*) FROM (VALUES (1)) AS v(x) "
        + "GROUP BY tumble(ts, " + MINUTE + ")");

    assertThat(join.code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
    assertThat(join.getMessage()).contains("join").contains("FROM TABLE(TUMBLE(TABLE source");
    assertThat(values.code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
  }

  @Test
  void shouldRejectWrongArgumentCounts() {
    for (String call : List.of("tumble(ts)", "tumble(ts, " + MINUTE + ", " + MINUTE + ", "
            + MINUTE + ")", "hop(ts, " + MINUTE + ")", "session(ts, " + MINUTE + ", " + MINUTE
            + ")", "cumulate(ts, " + MINUTE + ")")) {
      LaminarDBException e = errorOf("SELECT COUNT(*) FROM trades GROUP BY " + call);
      assertThat(e.code()).as(call).isEqualTo(ErrorCode.UNDEFINED_FUNCTION);
      assertThat(e.getMessage()).as(call).contains("supported: ");
    }
    assertThat(errorOf("SELECT tumble_end(ts) FROM trades GROUP BY tumble(ts, " + MINUTE + ")")
        .getMessage()).startsWith("tumble_end takes 2 or 3 arguments, found 1; supported: "
            + "tumble_end(time_column, size [, offset])");
  }

  @Test
  void shouldRejectATimeArgumentThatIsNotAColumnOfTheFrom() {
    assertThat(errorOf("SELECT COUNT(*) FROM trades GROUP BY tumble(CAST(ts AS TIMESTAMP), "
        + MINUTE + ")").code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED);
    assertThat(errorOf("SELECT COUNT(*) FROM trades AS t GROUP BY tumble(x.ts, " + MINUTE + ")")
        .code()).isEqualTo(ErrorCode.UNDEFINED_COLUMN);
  }

  @Test
  void shouldRejectSessionKeysThatAreNotColumns() {
    assertThat(errorOf("SELECT COUNT(*) FROM trades GROUP BY session(ts, " + MINUTE + "), "
        + "UPPER(sym)").getMessage()).contains("must be columns");
  }

  @Test
  void shouldRejectSourcesThatAlreadyHaveWindowColumns() {
    LaminarDBException source = errorOf("SELECT COUNT(*) FROM clashing GROUP BY tumble(ts, "
        + MINUTE + ")");
    LaminarDBException subquery = errorOf("SELECT COUNT(*) FROM (SELECT ts AS window_time, ts "
        + "FROM trades) AS s GROUP BY tumble(ts, " + MINUTE + ")");
    LaminarDBException star = errorOf("SELECT COUNT(*) FROM (SELECT * FROM clashing) AS s "
        + "GROUP BY tumble(ts, " + MINUTE + ")");

    for (LaminarDBException e : List.of(source, subquery, star)) {
      assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_COLUMN);
      assertThat(e.getMessage()).contains("rename it in a subquery");
    }
    assertThat(source.getMessage()).contains("column Window_End");
  }
}
