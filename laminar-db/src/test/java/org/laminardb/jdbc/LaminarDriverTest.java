package org.laminardb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.laminardb.internal.Engine;

class LaminarDriverTest {
  private static String state(Throwable e) {
    return ((SQLException) e).getSQLState();
  }

  @Test
  void connectsThroughDriverManagerByUrl() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:laminar:mem:driver-test")) {
      assertThat(c).isInstanceOf(LaminarConnection.class);
      assertThat(c.isValid(1)).isTrue();
      assertThat(DriverManager.getDriver("jdbc:laminar:mem:x")).isInstanceOf(LaminarDriver.class);
    }
  }

  @Test
  void isFoundByTheServiceLoader() {
    assertThat(ServiceLoader.load(Driver.class))
        .anyMatch(d -> d instanceof LaminarDriver);
  }

  @Test
  void describesItself() throws SQLException {
    LaminarDriver driver = new LaminarDriver();
    assertThat(driver.acceptsURL("jdbc:laminar:mem:a")).isTrue();
    assertThat(driver.acceptsURL("jdbc:postgresql://x/y")).isFalse();
    assertThat(driver.connect("jdbc:postgresql://x/y", new Properties())).isNull();
    assertThat(driver.getMajorVersion()).isZero();
    assertThat(driver.getMinorVersion()).isEqualTo(1);
    assertThat(driver.jdbcCompliant()).isFalse();
    assertThatThrownBy(driver::getParentLogger)
        .isInstanceOf(SQLFeatureNotSupportedException.class)
        .extracting(LaminarDriverTest::state).isEqualTo("0A000");
    DriverPropertyInfo[] info =
        driver.getPropertyInfo("jdbc:laminar:mem:a;queueDepth=8", new Properties());
    assertThat(info).extracting(i -> i.name)
        .containsExactly("reactorThreads", "idleStrategy", "chunkCapacity", "queueDepth",
            "walSync", "backgroundCheckpoints");
    assertThat(info[3].value).isEqualTo("8");
    assertThat(info[1].choices).containsExactly("BUSY_SPIN", "YIELD", "BACKOFF");
  }

  @Test
  void sharesANamedDatabaseUntilTheLastConnectionCloses() throws SQLException {
    Connection a = DriverManager.getConnection("jdbc:laminar:mem:shared-engine");
    Connection b = DriverManager.getConnection("jdbc:laminar:mem:shared-engine");
    Engine engine = a.unwrap(Engine.class);
    assertThat(b.unwrap(Engine.class)).isSameAs(engine);
    a.close();
    assertThat(DatabaseRegistry.isOpen("shared-engine")).isTrue();
    assertThat(engine.isClosed()).isFalse();
    b.close();
    assertThat(DatabaseRegistry.isOpen("shared-engine")).isFalse();
    assertThat(engine.isClosed()).isTrue();
    try (Connection c = DriverManager.getConnection("jdbc:laminar:mem:shared-engine")) {
      assertThat(c.unwrap(Engine.class)).isNotSameAs(engine);
    }
  }

  @Test
  void givesEachUnnamedConnectionItsOwnDatabase() throws SQLException {
    Connection a = DriverManager.getConnection("jdbc:laminar:mem:");
    Connection b = DriverManager.getConnection("jdbc:laminar:mem:");
    Engine engine = a.unwrap(Engine.class);
    assertThat(b.unwrap(Engine.class)).isNotSameAs(engine);
    a.close();
    assertThat(engine.isClosed()).isTrue();
    assertThat(b.isValid(0)).isTrue();
    b.close();
  }

  @Test
  void warnsWhenASharedDatabaseIgnoresOptions() throws SQLException {
    try (Connection a = DriverManager.getConnection("jdbc:laminar:mem:opts;queueDepth=8");
        Connection b = DriverManager.getConnection("jdbc:laminar:mem:opts;queueDepth=16")) {
      assertThat(a.getWarnings() == null).isTrue();
      assertThat(b.getWarnings() != null).isTrue();
      assertThat(b.getWarnings().getMessage()).contains("ignored");
      assertThat(b.unwrap(Engine.class).config().queueDepth()).isEqualTo(8);
    }
  }

  @Test
  void opensDurableUrlsAndKeepsTheirContentsAcrossConnections(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws SQLException {
    String url = "jdbc:laminar:file:" + dir + ";walSync=fsync";
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute("CREATE SOURCE clicks (user_id BIGINT)");
      st.execute("CREATE MATERIALIZED VIEW n AS SELECT COUNT(*) AS n FROM clicks");
      assertThat(st.executeUpdate("INSERT INTO clicks VALUES (1), (2), (3)")).isEqualTo(3);
    }
    try (Connection c = DriverManager.getConnection("jdbc:laminar:file:" + dir);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT n FROM n")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(3);
    }
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:laminar:file:" + dir
        + ";walSync=sometimes")).hasMessageContaining("walSync")
        .extracting(LaminarDriverTest::state).isEqualTo("22023");
  }

  @Test
  void seesObjectsOfANamedDatabaseFromEveryConnectionWhileItIsOpen() throws SQLException {
    String url = "jdbc:laminar:mem:visible";
    try (Connection a = DriverManager.getConnection(url);
        Connection b = DriverManager.getConnection(url)) {
      try (Statement s = a.createStatement()) {
        s.executeUpdate("CREATE SOURCE seen (x INT)");
      }
      try (ResultSet rs = b.getMetaData().getTables(null, null, "SEEN", null)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("TABLE_NAME")).isEqualToIgnoringCase("seen");
      }
    }
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
      assertThat(rs.next()).isFalse();
    }
  }
}
