package org.laminardb.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * JDBC driver of LaminarDB, registered with {@link DriverManager} when loaded (and found by
 * {@link java.util.ServiceLoader}).
 *
 * <p>URLs: {@code jdbc:laminar:mem:NAME} opens the in-memory database NAME, shared by every
 * connection of the JVM using that name and alive while one of them is open; {@code
 * jdbc:laminar:mem:} opens a private in-memory database per connection; {@code
 * jdbc:laminar:file:DIR} opens a durable database in a directory (shared by the connections of
 * the JVM to it). Options follow as {@code ;key=value} or as connection properties:
 * {@code reactorThreads}, {@code idleStrategy} ({@code BUSY_SPIN}, {@code YIELD}, {@code
 * BACKOFF}), {@code chunkCapacity}, {@code queueDepth}, {@code walSync} ({@code fsync},
 * {@code none} or an interval such as {@code 100ms}), {@code backgroundCheckpoints}; they apply
 * when a database starts.
 */
public final class LaminarDriver implements Driver {
  /** Driver name. */
  static final String NAME = "LaminarDB JDBC Driver";
  /** Version of the driver and database. */
  static final String VERSION = "0.1.0-SNAPSHOT";
  /** Major version. */
  static final int MAJOR_VERSION = 0;
  /** Minor version. */
  static final int MINOR_VERSION = 1;

  private static final Map<String, String> OPTION_HELP = Map.of(
      "reactorThreads", "number of reactor threads running pipelines, 1..256 (default 1)",
      "idleStrategy", "what idle reactors do: BUSY_SPIN, YIELD or BACKOFF (default BACKOFF)",
      "chunkCapacity", "rows per chunk, the unit of batching, 1..65536 (default 1024)",
      "queueDepth", "chunks in flight per writer or subscriber queue, 2..65536 (default 64)",
      "walSync", "when a durable database forces its log: fsync, none or an interval such as "
          + "100ms (default fsync)",
      "backgroundCheckpoints", "whether a durable database checkpoints a background copy of "
          + "its state instead of pausing its reactors: true or false (default false)");

  static {
    try {
      DriverManager.registerDriver(new LaminarDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Creates the driver; applications use {@link DriverManager} instead. */
  public LaminarDriver() {}

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    JdbcUrl parsed = JdbcUrl.parse(url, info);
    String user = info == null ? null : info.getProperty("user");
    return new LaminarConnection(DatabaseRegistry.open(parsed), url, user);
  }

  @Override
  public boolean acceptsURL(String url) {
    return JdbcUrl.accepts(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Map<String, String> given =
        acceptsURL(url) ? JdbcUrl.parse(url, info).settings() : Map.of();
    DriverPropertyInfo[] out = new DriverPropertyInfo[JdbcUrl.ENGINE_KEYS.size()];
    for (int i = 0; i < out.length; i++) {
      String key = JdbcUrl.ENGINE_KEYS.get(i);
      out[i] = new DriverPropertyInfo(key, given.get(key));
      out[i].description = OPTION_HELP.get(key);
      out[i].required = false;
      if ("idleStrategy".equals(key)) {
        out[i].choices = new String[] {"BUSY_SPIN", "YIELD", "BACKOFF"};
      }
    }
    return out;
  }

  @Override
  public int getMajorVersion() {
    return MAJOR_VERSION;
  }

  @Override
  public int getMinorVersion() {
    return MINOR_VERSION;
  }

  /**
   * Not JDBC compliant: LaminarDB has no transactions and supports a subset of SQL-92.
   *
   * @return false
   */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw JdbcErrors.unsupported("Driver.getParentLogger (the driver does not log)");
  }
}
