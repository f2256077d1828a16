package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Views keep the column names their query gives, renamed columns included. */
class AliasViewTest {
  @Test
  void shouldKeepRenamedColumnsOfAView() throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE s (x INT, z INT)");
      db.execute("CREATE MATERIALIZED VIEW v AS SELECT x AS y FROM s");
      db.execute("CREATE MATERIALIZED VIEW w AS SELECT x AS y, z FROM s");
      try (SourceWriter w = db.source("s")) {
        w.insert(1, 2);
      }
      assertThat(db.query("SELECT y FROM v").iterator().next().getInt(0)).isEqualTo(1);
      assertThat(db.query("SELECT y, z FROM w").iterator().next().getInt(0)).isEqualTo(1);
      db.execute("CREATE MATERIALIZED VIEW u AS SELECT y + 1 AS y2 FROM v");
    }
  }
}
