package org.laminardb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.laminardb.IdleStrategyKind;
import org.laminardb.internal.EngineConfig;

class JdbcUrlTest {
  private static String state(Throwable e) {
    return ((SQLException) e).getSQLState();
  }

  @Test
  void parsesNamedMemoryUrlsWithSettings() throws SQLException {
    JdbcUrl url = JdbcUrl.parse(
        "jdbc:laminar:mem:orders;reactorThreads=2;IDLESTRATEGY=yield;queueDepth=8", null);
    assertThat(url.mode()).isEqualTo(JdbcUrl.Mode.MEMORY);
    assertThat(url.name()).isEqualTo("orders");
    EngineConfig config = url.config();
    assertThat(config.reactorThreads()).isEqualTo(2);
    assertThat(config.idleStrategy()).isEqualTo(IdleStrategyKind.YIELD);
    assertThat(config.queueDepth()).isEqualTo(8);
    assertThat(config.chunkCapacity()).isEqualTo(1024);
    assertThat(config.path()).isNull();
  }

  @Test
  void parsesPrivateMemoryAndFileUrls() throws SQLException {
    assertThat(JdbcUrl.parse("jdbc:laminar:mem:", null).name()).isEmpty();
    JdbcUrl file = JdbcUrl.parse("jdbc:laminar:file:/tmp/db1", null);
    assertThat(file.mode()).isEqualTo(JdbcUrl.Mode.FILE);
    assertThat(file.config().path()).isEqualTo(Path.of("/tmp/db1"));
  }

  @Test
  void takesPropertiesAndLetsTheUrlWin() throws SQLException {
    Properties p = new Properties();
    p.setProperty("chunkCapacity", "16");
    p.setProperty("reactorThreads", "3");
    p.setProperty("user", "sa");
    p.setProperty("password", "");
    EngineConfig config = JdbcUrl.parse("jdbc:laminar:mem:x;reactorThreads=4", p).config();
    assertThat(config.chunkCapacity()).isEqualTo(16);
    assertThat(config.reactorThreads()).isEqualTo(4);
  }

  @Test
  void rejectsUnknownKeysAndBadValuesWith22023() {
    assertThatThrownBy(() -> JdbcUrl.parse("jdbc:laminar:mem:x;threads=2", null))
        .hasMessageContaining("threads").hasMessageContaining("reactorThreads")
        .extracting(JdbcUrlTest::state).isEqualTo("22023");
    assertThatThrownBy(() -> JdbcUrl.parse("jdbc:laminar:mem:x;queueDepth=lots", null).config())
        .hasMessageContaining("queueDepth").extracting(JdbcUrlTest::state).isEqualTo("22023");
    assertThatThrownBy(() -> JdbcUrl.parse("jdbc:laminar:mem:x;queueDepth=1", null).config())
        .hasMessageContaining("queueDepth").extracting(JdbcUrlTest::state).isEqualTo("22023");
    assertThatThrownBy(() -> JdbcUrl.parse("jdbc:laminar:mem:x;idleStrategy=nap", null).config())
        .hasMessageContaining("BUSY_SPIN").extracting(JdbcUrlTest::state).isEqualTo("22023");
    assertThatThrownBy(() -> JdbcUrl.parse("jdbc:laminar:mem:x;reactorThreads", null))
        .extracting(JdbcUrlTest::state).isEqualTo("22023");
  }

  @Test
  void rejectsUnknownModesWith08001() {
    assertThat(JdbcUrl.accepts("jdbc:laminar:mem:a")).isTrue();
    assertThat(JdbcUrl.accepts("jdbc:h2:mem:a")).isFalse();
    assertThat(JdbcUrl.accepts(null)).isFalse();
    assertThatThrownBy(() -> JdbcUrl.parse("jdbc:laminar:disk:a", null))
        .extracting(JdbcUrlTest::state).isEqualTo("08001");
    assertThatThrownBy(() -> JdbcUrl.parse("jdbc:laminar:mem", null))
        .extracting(JdbcUrlTest::state).isEqualTo("08001");
  }
}
