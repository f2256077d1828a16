package org.laminardb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoundTripTest {
  private static SqlNode reparse(SqlNode node) {
    return LaminarSqlParser.parseStatement(LaminarSqlParser.toSql(node));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE SOURCE IF NOT EXISTS Orders (id BIGINT NOT NULL, source VARCHAR(10),"
            + " stream TEXT, amount DECIMAL(10, 2), ts TIMESTAMP(3),"
            + " WATERMARK FOR ts AS ts - INTERVAL '5' SECOND, PRIMARY KEY (id))"
            + " FROM kafka ('properties.bootstrap.servers' = 'h:9092', topic = orders,"
            + " partitions = 4, rate = -1.5, enabled = true, note = 'it''s')",
        "CREATE SOURCE s (ts TIMESTAMP, WATERMARK FOR ts)",
        "CREATE SOURCE \"select\" (\"from\" INT, \"Mixed Case\" STRING)",
        "CREATE STREAM s AS SELECT a, COUNT(*) AS c FROM t GROUP BY a EMIT CHANGES",
        "CREATE STREAM s AS SELECT a FROM t EMIT ON WINDOW CLOSE"
            + " ALLOW LATENESS INTERVAL '10' SECOND LATE DATA TO late_rows",
        "CREATE STREAM s AS SELECT a FROM t EMIT AFTER WATERMARK",
        "CREATE STREAM s AS SELECT a FROM t EMIT EVERY INTERVAL '1' MINUTE",
        "CREATE MATERIALIZED VIEW IF NOT EXISTS v AS SELECT * FROM t WHERE x <> 1"
            + " ORDER BY y LIMIT 10 EMIT PERIODICALLY INTERVAL '5' SECOND",
        "CREATE MATERIALIZED VIEW v AS SELECT a FROM t UNION ALL SELECT a FROM u EMIT FINAL",
        "CREATE SINK k FROM s INTO kafka (topic = 'out')",
        "CREATE SINK IF NOT EXISTS k INTO stdout () AS SELECT * FROM s EMIT CHANGES",
        "CREATE LOOKUP TABLE IF NOT EXISTS dim (id INT, name VARCHAR, PRIMARY KEY (id))"
            + " FROM postgres (url = 'jdbc:postgresql://h/db', user = 'u', table = 'public.c',"
            + " cache_ttl = '30s', cache_max_rows = 1000)",
        "DROP LOOKUP TABLE IF EXISTS dim CASCADE",
        "SHOW LOOKUP TABLES",
        "SHOW CREATE LOOKUP TABLE dim",
        "CREATE STREAM e AS SELECT s.k, d.name FROM s LEFT JOIN dim FOR SYSTEM_TIME AS OF"
            + " PROCTIME() AS d ON s.k = d.id",
        "DROP SOURCE s",
        "DROP MATERIALIZED VIEW IF EXISTS v CASCADE",
        "DROP SINK k RESTRICT",
        "SHOW SOURCES",
        "SHOW STREAMS",
        "SHOW MATERIALIZED VIEWS",
        "SHOW SINKS",
        "SHOW CREATE MATERIALIZED VIEW v",
        "DESCRIBE Orders",
        "SUBSCRIBE TO s",
        "CHECKPOINT",
        "EXPLAIN SELECT a FROM t",
        "EXPLAIN CREATE STREAM s AS SELECT a FROM t EMIT FINAL",
        "EXPLAIN CREATE SINK k INTO stdout () AS SELECT a FROM t",
        "INSERT INTO t (a, b) VALUES (?, ?), (1, 'x')",
        "SELECT source, watermark, Amount FROM Orders WHERE x != 1 LIMIT 3",
        "SELECT a::INTEGER, b % 2 FROM t",
        "CREATE STREAM s AS SELECT window_start, COUNT(*) AS n FROM TABLE(HOP(TABLE orders,"
            + " DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '5' MINUTE))"
            + " GROUP BY window_start, window_end EMIT ON WINDOW CLOSE",
      })
  void shouldReparseUnparsedStatementToEqualTree(String sql) {
    SqlNode node = LaminarSqlParser.parseStatement(sql);

    SqlNode again = reparse(node);

    assertThat(node.equalsDeep(again, Litmus.IGNORE))
        .as("%s%nre-parsed from%n%s", sql, LaminarSqlParser.toSql(node))
        .isTrue();
  }

  @Test
  void shouldWriteDdlToStringInReparseableDialect() {
    SqlNode node =
        LaminarSqlParser.parseStatement(
            "create source MyOrders (OrderId int not null, source varchar) from DataGen ()");

    assertThat(node.toString())
        .isEqualTo(
            "CREATE SOURCE MyOrders (OrderId INTEGER NOT NULL, \"source\" VARCHAR)"
                + " FROM DataGen ()");
  }

  @Test
  void shouldQuoteOnlyNamesThatNeedIt() {
    SqlNode node =
        LaminarSqlParser.parseStatement(
            "CREATE SINK \"my sink\" FROM \"select\" INTO kafka (topic = 'x')");

    assertThat(node.toString())
        .isEqualTo("CREATE SINK \"my sink\" FROM \"select\" INTO kafka ('topic' = 'x')");
  }

  @Test
  void shouldDetectDifferentStatementsAsUnequal() {
    SqlNode cascade = LaminarSqlParser.parseStatement("DROP STREAM s CASCADE");
    SqlNode restrict = LaminarSqlParser.parseStatement("DROP STREAM s");
    SqlNode otherCase = LaminarSqlParser.parseStatement("DROP STREAM S CASCADE");

    assertThat(cascade.equalsDeep(restrict, Litmus.IGNORE)).isFalse();
    assertThat(cascade.equalsDeep(otherCase, Litmus.IGNORE)).isFalse();
  }
}
