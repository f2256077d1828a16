package org.laminardb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.sql.parser.Parsing.parse;

import org.apache.calcite.sql.SqlSelect;
import org.junit.jupiter.api.Test;
import org.laminardb.sql.parser.ddl.EmitMode;
import org.laminardb.sql.parser.ddl.SqlCreateSink;
import org.laminardb.sql.parser.ddl.SqlOption;

class CreateSinkParseTest {
  @Test
  void shouldParseSinkFromObject() {
    SqlCreateSink sink =
        parse(
            "CREATE SINK totals_out FROM totals INTO kafka (topic = 'totals', 'acks' = 1)",
            SqlCreateSink.class);

    assertThat(sink.name().getSimple()).isEqualTo("totals_out");
    assertThat(sink.ifNotExists()).isFalse();
    assertThat(sink.from().getSimple()).isEqualTo("totals");
    assertThat(sink.query()).isNull();
    assertThat(sink.emit()).isNull();
    assertThat(sink.connector().getSimple()).isEqualTo("kafka");
    assertThat(sink.options()).extracting(SqlOption::key).containsExactly("topic", "acks");
    assertThat(sink.options()).extracting(SqlOption::valueAsString).containsExactly("totals", "1");
  }

  @Test
  void shouldParseSinkWithQueryAndEmit() {
    SqlCreateSink sink =
        parse(
            "CREATE SINK IF NOT EXISTS printer INTO stdout () AS SELECT * FROM t EMIT CHANGES",
            SqlCreateSink.class);

    assertThat(sink.ifNotExists()).isTrue();
    assertThat(sink.from()).isNull();
    assertThat(sink.query()).isInstanceOf(SqlSelect.class);
    assertThat(sink.emit().mode()).isEqualTo(EmitMode.CHANGES);
    assertThat(sink.connector().getSimple()).isEqualTo("stdout");
    assertThat(sink.options()).isEmpty();
  }

  @Test
  void shouldParseSinkWithQueryWithoutEmit() {
    SqlCreateSink sink =
        parse("CREATE SINK k INTO file (path = '/tmp/x') AS SELECT a FROM t", SqlCreateSink.class);

    assertThat(sink.emit()).isNull();
    assertThat(sink.options().get(0).valueAsString()).isEqualTo("/tmp/x");
  }
}
