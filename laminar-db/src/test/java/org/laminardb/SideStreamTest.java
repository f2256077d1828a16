package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.laminardb.error.LaminarDBException;

/** Streams a source connector creates besides itself ({@code SourceContext.sideStream}). */
@Timeout(60)
class SideStreamTest {
  @Test
  void shouldFeedASideStreamThatIsDroppedOnlyWithItsSource() throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE s (id BIGINT) FROM TEST_SIDE (side = 'notes', msg = 'hello')");
      db.execute("CREATE MATERIALIZED VIEW v AS SELECT msg FROM notes");
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (db.query("SELECT msg FROM v").size() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      QueryResult r = db.query("SELECT msg FROM v");
      assertThat(r.size()).isPositive();
      assertThat(r.rows().get(0).getString(0)).isEqualTo("hello");
      assertThatThrownBy(() -> db.execute("DROP STREAM notes"))
          .isInstanceOf(LaminarDBException.class)
          .hasMessageContaining("DROP SOURCE s CASCADE")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("2BP01");
      assertThatThrownBy(() -> db.execute("DROP SOURCE s")).hasMessageContaining("notes");
      assertThatThrownBy(() -> db.execute("CREATE SOURCE s2 (id BIGINT) FROM TEST_SIDE ("
          + "side = 'v', msg = 'x')")).hasMessageContaining("already exists");
      assertThatThrownBy(() -> db.execute("CREATE SOURCE s2 (id BIGINT) FROM TEST_SIDE ("
          + "side = 's2', msg = 'x')")).hasMessageContaining("name of its own");
      db.execute("DROP SOURCE s CASCADE");
      assertThatThrownBy(() -> db.query("SELECT * FROM v")).isInstanceOf(
          LaminarDBException.class);
      assertThatThrownBy(() -> db.execute("CREATE SOURCE s3 (id BIGINT) FROM TEST_SIDE ("
          + "side = 'notes3', msg = 'x', fail = 'true')")).hasMessageContaining("failing");
      db.execute("CREATE SOURCE notes (id BIGINT)"); // the names are free again
      db.execute("CREATE SOURCE notes3 (id BIGINT)");
      db.execute("CREATE SOURCE s3 (id BIGINT)");
    }
  }
}
