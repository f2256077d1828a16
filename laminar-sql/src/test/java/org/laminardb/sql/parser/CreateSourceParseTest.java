package org.laminardb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.sql.parser.Parsing.parse;

import java.util.List;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.laminardb.sql.parser.ddl.SqlColumnDeclaration;
import org.laminardb.sql.parser.ddl.SqlCreateSource;
import org.laminardb.sql.parser.ddl.SqlOption;

class CreateSourceParseTest {
  private static SqlTypeName typeOf(SqlColumnDeclaration column) {
    assertThat(column.type().getTypeNameSpec()).isInstanceOf(SqlBasicTypeNameSpec.class);
    return SqlTypeName.valueOf(column.type().getTypeName().getSimple());
  }

  @Test
  void shouldParseColumnsTypesAndNullability() {
    SqlCreateSource source =
        parse(
            "CREATE SOURCE orders (id BIGINT NOT NULL, price DECIMAL(10, 2), qty INT NULL,"
                + " ok BOOLEAN, ratio DOUBLE, r REAL, name VARCHAR(20), note VARCHAR,"
                + " ts TIMESTAMP(3), d DATE, i INTEGER)",
            SqlCreateSource.class);

    List<SqlColumnDeclaration> columns = source.columns();
    assertThat(columns).extracting(c -> c.name().getSimple())
        .containsExactly("id", "price", "qty", "ok", "ratio", "r", "name", "note", "ts", "d", "i");
    assertThat(columns).extracting(CreateSourceParseTest::typeOf)
        .containsExactly(
            SqlTypeName.BIGINT, SqlTypeName.DECIMAL, SqlTypeName.INTEGER, SqlTypeName.BOOLEAN,
            SqlTypeName.DOUBLE, SqlTypeName.REAL, SqlTypeName.VARCHAR, SqlTypeName.VARCHAR,
            SqlTypeName.TIMESTAMP, SqlTypeName.DATE, SqlTypeName.INTEGER);
    assertThat(columns).extracting(SqlColumnDeclaration::notNull)
        .containsExactly(true, false, false, false, false, false, false, false, false, false,
            false);
    assertThat(columns.get(0).type().getNullable()).isFalse();
    assertThat(columns.get(1).type().getNullable()).isTrue();
    SqlBasicTypeNameSpec price = (SqlBasicTypeNameSpec) columns.get(1).type().getTypeNameSpec();
    assertThat(price.getPrecision()).isEqualTo(10);
    assertThat(price.getScale()).isEqualTo(2);
    assertThat(((SqlBasicTypeNameSpec) columns.get(8).type().getTypeNameSpec()).getPrecision())
        .isEqualTo(3);
  }

  @Test
  void shouldKeepTextAndStringAsUserTypeNames() {
    SqlCreateSource source =
        parse("CREATE SOURCE s (a TEXT, b STRING NOT NULL)", SqlCreateSource.class);

    assertThat(source.columns()).extracting(c -> c.type().getTypeNameSpec())
        .allMatch(SqlUserDefinedTypeNameSpec.class::isInstance);
    assertThat(source.columns()).extracting(c -> c.type().getTypeName().getSimple())
        .containsExactly("TEXT", "STRING");
    assertThat(source.columns().get(1).notNull()).isTrue();
  }

  @Test
  void shouldParseWatermarkWithExpression() {
    SqlCreateSource source =
        parse(
            "CREATE SOURCE s (ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)",
            SqlCreateSource.class);

    assertThat(source.watermark().column().getSimple()).isEqualTo("ts");
    SqlCall expression = (SqlCall) source.watermark().expression();
    assertThat(expression.getOperator()).isInstanceOf(SqlBinaryOperator.class);
    assertThat(expression.getOperator().getName()).isEqualTo("-");
  }

  @Test
  void shouldParseBareWatermark() {
    SqlCreateSource source =
        parse("CREATE SOURCE s (ts TIMESTAMP, WATERMARK FOR ts)", SqlCreateSource.class);

    assertThat(source.watermark().column().getSimple()).isEqualTo("ts");
    assertThat(source.watermark().expression()).isNull();
  }

  @Test
  void shouldHaveNoWatermarkKeyOrConnectorWhenNotGiven() {
    SqlCreateSource source = parse("CREATE SOURCE s (a INT)", SqlCreateSource.class);

    assertThat(source.watermark()).isNull();
    assertThat(source.primaryKey()).isEmpty();
    assertThat(source.connector()).isNull();
    assertThat(source.options()).isEmpty();
    assertThat(source.ifNotExists()).isFalse();
  }

  @Test
  void shouldParsePrimaryKey() {
    SqlCreateSource source =
        parse(
            "CREATE SOURCE s (a INT NOT NULL, b INT, c INT, PRIMARY KEY (a, b))",
            SqlCreateSource.class);

    assertThat(source.primaryKey()).extracting(SqlIdentifier::getSimple).containsExactly("a", "b");
  }

  @Test
  void shouldAcceptWatermarkAndPrimaryKeyInAnyOrder() {
    SqlCreateSource source =
        parse(
            "CREATE SOURCE s (id INT, PRIMARY KEY (id), ts TIMESTAMP, WATERMARK FOR ts)",
            SqlCreateSource.class);

    assertThat(source.columns()).hasSize(2);
    assertThat(source.primaryKey()).hasSize(1);
    assertThat(source.watermark()).isNotNull();
  }

  @Test
  void shouldParseIfNotExists() {
    SqlCreateSource source =
        parse("CREATE SOURCE IF NOT EXISTS s (a INT)", SqlCreateSource.class);

    assertThat(source.ifNotExists()).isTrue();
    assertThat(source.name().getSimple()).isEqualTo("s");
  }

  @Test
  void shouldParseConnectorOptionsOfEveryValueKind() {
    SqlCreateSource source =
        parse(
            "CREATE SOURCE s (a INT) FROM KAFKA ('properties.bootstrap.servers' = 'h:9092',"
                + " topic = orders, partitions = 4, rate = -1.5, enabled = true,"
                + " strict = FALSE, format.type = 'json', \"Quoted\" = 'q')",
            SqlCreateSource.class);

    assertThat(source.connector().getSimple()).isEqualTo("KAFKA");
    assertThat(source.options()).extracting(SqlOption::key)
        .containsExactly(
            "properties.bootstrap.servers", "topic", "partitions", "rate", "enabled", "strict",
            "format.type", "Quoted");
    assertThat(source.options()).extracting(SqlOption::valueAsString)
        .containsExactly("h:9092", "orders", "4", "-1.5", "true", "false", "json", "q");
  }

  @Test
  void shouldAcceptEmptyOptionList() {
    SqlCreateSource source =
        parse("CREATE SOURCE s (a INT) FROM datagen ()", SqlCreateSource.class);

    assertThat(source.connector().getSimple()).isEqualTo("datagen");
    assertThat(source.options()).isEmpty();
  }

  @Test
  void shouldAllowKeywordLikeColumnNames() {
    SqlCreateSource source =
        parse(
            "CREATE SOURCE s (source VARCHAR, stream INT, sink INT, watermark TIMESTAMP,"
                + " emit_time INT, WATERMARK FOR watermark)",
            SqlCreateSource.class);

    assertThat(source.columns()).extracting(c -> c.name().getSimple())
        .containsExactly("source", "stream", "sink", "watermark", "emit_time");
    assertThat(source.watermark().column().getSimple()).isEqualTo("watermark");
  }

  @Test
  void shouldPreserveIdentifierCaseAndIgnoreKeywordCase() {
    SqlCreateSource source =
        parse(
            "create Source MyOrders (OrderId int not null, watermark for OrderId) "
                + "from DataGen (Row_Rate.Per_Second = 10)",
            SqlCreateSource.class);

    assertThat(source.name().getSimple()).isEqualTo("MyOrders");
    assertThat(source.columns().get(0).name().getSimple()).isEqualTo("OrderId");
    assertThat(source.connector().getSimple()).isEqualTo("DataGen");
    assertThat(source.options().get(0).key()).isEqualTo("Row_Rate.Per_Second");
  }

  @Test
  void shouldRecordPositions() {
    SqlCreateSource source =
        parse("CREATE SOURCE s (\n  a INT,\n  b BIGINT NOT NULL\n)", SqlCreateSource.class);

    assertThat(source.getParserPosition().getLineNum()).isEqualTo(1);
    assertThat(source.getParserPosition().getColumnNum()).isEqualTo(1);
    assertThat(source.getParserPosition().getEndLineNum()).isEqualTo(4);
    SqlColumnDeclaration b = source.columns().get(1);
    assertThat(b.getParserPosition().getLineNum()).isEqualTo(3);
    assertThat(b.getParserPosition().getColumnNum()).isEqualTo(3);
    assertThat(b.name().getParserPosition().getColumnNum()).isEqualTo(3);
  }
}
