package org.laminardb.jdbc;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.HashMap;
import java.util.Map;
import org.laminardb.internal.Engine;
import org.laminardb.internal.EngineConfig;

/**
 * Engines of the JVM's JDBC connections. A named in-memory database ({@code jdbc:laminar:mem:NAME})
 * is shared by every connection using the name and lives while one of them is open: the first
 * connection starts its engine with its options, later ones share it (their options are ignored,
 * with a warning on the connection if they differ), and the last one to close closes it. An
 * unnamed one ({@code jdbc:laminar:mem:}) belongs to its connection alone. A durable database
 * ({@code jdbc:laminar:file:DIR}) is shared by directory in the same way; the engine decides
 * whether durable mode is available (it fails with 0A000 until the durability work lands).
 */
final class DatabaseRegistry {
  private static final Map<String, Shared> SHARED = new HashMap<>();

  private DatabaseRegistry() {}

  /** A shared engine and the number of open connections using it. */
  private static final class Shared {
    final Engine engine;
    int references;

    Shared(Engine engine) {
      this.engine = engine;
    }
  }

  /** A connection's use of an engine; {@link #release()} gives it back. */
  static final class Lease {
    private final Engine engine;
    private final String name;
    private final Shared shared;
    private final SQLWarning warning;
    private boolean released;

    Lease(Engine engine, String name, Shared shared, SQLWarning warning) {
      this.engine = engine;
      this.name = name;
      this.shared = shared;
      this.warning = warning;
    }

    /**
     * The engine.
     *
     * @return the engine
     */
    Engine engine() {
      return engine;
    }

    /**
     * Warning for the connection, e.g. options ignored for a shared database.
     *
     * @return the warning, or null
     */
    SQLWarning warning() {
      return warning;
    }

    /**
     * Gives the engine back, closing it if no connection uses it any more. Idempotent.
     *
     * @throws SQLException if closing the engine fails
     */
    void release() throws SQLException {
      synchronized (SHARED) {
        if (released) {
          return;
        }
        released = true;
        if (shared != null) {
          if (--shared.references > 0) {
            return;
          }
          if (SHARED.get(name) == shared) {
            SHARED.remove(name);
          }
        }
      }
      try {
        engine.close();
      } catch (RuntimeException e) {
        throw JdbcErrors.translate(e);
      }
    }
  }

  /**
   * Opens the database a URL names.
   *
   * @param url the parsed URL
   * @return a lease on its engine
   * @throws SQLException 22023 for bad options, or the engine's start failure (0A000 for
   *     durable mode while it is not available)
   */
  static Lease open(JdbcUrl url) throws SQLException {
    EngineConfig config = url.config();
    if (url.mode() == JdbcUrl.Mode.MEMORY && url.name().isEmpty()) {
      return new Lease(start(config), "", null, null);
    }
    String key = url.mode() == JdbcUrl.Mode.MEMORY
        ? "mem:" + url.name() : "file:" + config.path().toAbsolutePath().normalize();
    synchronized (SHARED) {
      Shared shared = SHARED.get(key);
      SQLWarning warning = null;
      if (shared == null || shared.engine.isClosed()) {
        shared = new Shared(start(config));
        SHARED.put(key, shared);
      } else if (!shared.engine.config().equals(config) && !url.settings().isEmpty()) {
        warning = new SQLWarning("database " + url.name() + " is already open with "
            + shared.engine.config() + "; the options of this connection are ignored", "01000");
      }
      shared.references++;
      return new Lease(shared.engine, key, shared, warning);
    }
  }

  private static Engine start(EngineConfig config) throws SQLException {
    try {
      return new Engine(config);
    } catch (RuntimeException e) {
      throw JdbcErrors.translate(e);
    }
  }

  /**
   * Whether a named in-memory database is open, for tests and tools.
   *
   * @param name the name
   * @return true while a connection to it is open
   */
  static boolean isOpen(String name) {
    synchronized (SHARED) {
      Shared shared = SHARED.get("mem:" + name);
      return shared != null && !shared.engine.isClosed();
    }
  }
}
