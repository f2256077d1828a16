package org.laminardb.sql.parser.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectKindTest {
  @Test
  void shouldNameKindsAsInSql() {
    assertThat(ObjectKind.MATERIALIZED_VIEW.sqlName()).isEqualTo("MATERIALIZED VIEW");
    assertThat(ObjectKind.MATERIALIZED_VIEW.sqlPluralName()).isEqualTo("MATERIALIZED VIEWS");
    assertThat(ObjectKind.SOURCE.sqlName()).isEqualTo("SOURCE");
    assertThat(ObjectKind.SINK.sqlPluralName()).isEqualTo("SINKS");
  }
}
