package org.laminardb.jdbc;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.laminardb.IdleStrategyKind;
import org.laminardb.internal.EngineConfig;

/**
 * Parsed connection URL: {@code jdbc:laminar:mem:NAME}, {@code jdbc:laminar:mem:} or {@code
 * jdbc:laminar:file:DIR}, optionally followed by {@code ;key=value} settings. Settings come from
 * the connection properties and the URL (the URL wins); keys ignore case. Accepted keys are the
 * engine options {@code reactorThreads}, {@code idleStrategy}, {@code chunkCapacity}, {@code
 * queueDepth}, {@code walSync} (durable databases: {@code fsync}, {@code none} or an interval such
 * as {@code 100ms}), {@code backgroundCheckpoints} ({@code true} or {@code false}), and {@code
 * user} and {@code password}, which are accepted and ignored (an embedded database has no
 * accounts). Any other key is an error, so that a misspelt option is noticed.
 */
final class JdbcUrl {
  /** Prefix of every URL the driver accepts. */
  static final String PREFIX = "jdbc:laminar:";
  /** Engine option keys, in their documented spelling. */
  static final List<String> ENGINE_KEYS =
      List.of("reactorThreads", "idleStrategy", "chunkCapacity", "queueDepth", "walSync",
          "backgroundCheckpoints");
  /** Keys accepted and ignored. */
  static final List<String> IGNORED_KEYS = List.of("user", "password");

  /** Kind of database a URL names. */
  enum Mode {
    /** In memory, named or private. */
    MEMORY,
    /** Durable, in a directory. */
    FILE
  }

  private final String url;
  private final Mode mode;
  private final String name;
  private final Map<String, String> settings;

  private JdbcUrl(String url, Mode mode, String name, Map<String, String> settings) {
    this.url = url;
    this.mode = mode;
    this.name = name;
    this.settings = settings;
  }

  /**
   * Whether the driver handles a URL.
   *
   * @param url the URL
   * @return true if it starts with {@value #PREFIX}
   */
  static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /**
   * Parses a URL with connection properties.
   *
   * @param url the URL, accepted by {@link #accepts}
   * @param info connection properties, or null
   * @return the parsed URL
   * @throws SQLException 08001 for a malformed URL, 22023 for a bad setting
   */
  static JdbcUrl parse(String url, Properties info) throws SQLException {
    String rest = url.substring(PREFIX.length());
    String[] parts = rest.split(";", -1);
    String target = parts[0];
    int colon = target.indexOf(':');
    String modeText = colon < 0 ? target : target.substring(0, colon);
    Mode mode;
    if ("mem".equalsIgnoreCase(modeText)) {
      mode = Mode.MEMORY;
    } else if ("file".equalsIgnoreCase(modeText)) {
      mode = Mode.FILE;
    } else {
      throw JdbcErrors.of(JdbcErrors.CONNECTION_FAILED, "malformed URL " + url
          + ": expected jdbc:laminar:mem:NAME, jdbc:laminar:mem: or jdbc:laminar:file:DIR");
    }
    if (colon < 0) {
      throw JdbcErrors.of(JdbcErrors.CONNECTION_FAILED, "malformed URL " + url
          + ": a ':' must follow '" + modeText + "' (jdbc:laminar:" + modeText + ":...)");
    }
    String name = target.substring(colon + 1).trim();
    Map<String, String> settings = new LinkedHashMap<>();
    if (info != null) {
      for (String key : info.stringPropertyNames()) {
        put(settings, key, info.getProperty(key));
      }
    }
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].trim();
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw JdbcErrors.of(JdbcErrors.INVALID_VALUE,
            "URL setting '" + part + "' has no value: write ;key=value");
      }
      put(settings, part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
    return new JdbcUrl(url, mode, name, settings);
  }

  private static void put(Map<String, String> settings, String key, String value)
      throws SQLException {
    String canonical = canonicalKey(key);
    if (canonical == null) {
      throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "unknown connection property " + key
          + ": accepted are " + ENGINE_KEYS + " (and " + IGNORED_KEYS + ", which are ignored)");
    }
    if (!IGNORED_KEYS.contains(canonical)) {
      settings.put(canonical, value);
    }
  }

  private static String canonicalKey(String key) {
    for (String k : ENGINE_KEYS) {
      if (k.equalsIgnoreCase(key)) {
        return k;
      }
    }
    for (String k : IGNORED_KEYS) {
      if (k.equalsIgnoreCase(key)) {
        return k;
      }
    }
    return null;
  }

  /**
   * The URL as given.
   *
   * @return the URL
   */
  String url() {
    return url;
  }

  /**
   * The kind of database.
   *
   * @return the mode
   */
  Mode mode() {
    return mode;
  }

  /**
   * Name of the in-memory database ("" for a private one), or the directory of a durable one.
   *
   * @return the name
   */
  String name() {
    return name;
  }

  /**
   * Engine settings given, by canonical key.
   *
   * @return the settings
   */
  Map<String, String> settings() {
    return settings;
  }

  /**
   * Engine options from the settings.
   *
   * @return the options, with the path set for {@link Mode#FILE}
   * @throws SQLException 22023 for a bad value
   */
  EngineConfig config() throws SQLException {
    EngineConfig.Builder b = EngineConfig.builder();
    String key = null;
    String value = null;
    try {
      for (Map.Entry<String, String> e : settings.entrySet()) {
        key = e.getKey();
        value = e.getValue();
        switch (key) {
          case "reactorThreads":
            b.reactorThreads(Integer.parseInt(value));
            break;
          case "idleStrategy":
            b.idleStrategy(IdleStrategyKind.valueOf(value.toUpperCase(Locale.ROOT)));
            break;
          case "chunkCapacity":
            b.chunkCapacity(Integer.parseInt(value));
            break;
          case "walSync":
            b.walSync(org.laminardb.WalSync.parse(value));
            break;
          case "backgroundCheckpoints":
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
              throw new IllegalArgumentException("backgroundCheckpoints must be true or false: "
                  + "backgroundCheckpoints=" + value);
            }
            b.backgroundCheckpoints(Boolean.parseBoolean(value));
            break;
          default:
            b.queueDepth(Integer.parseInt(value));
            break;
        }
      }
      if (mode == Mode.FILE) {
        b.path(Path.of(name));
      }
    } catch (NumberFormatException e) {
      throw JdbcErrors.of(JdbcErrors.INVALID_VALUE,
          "connection property " + key + " must be an integer: " + key + "=" + value, e);
    } catch (InvalidPathException e) {
      throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, "invalid directory in URL " + url, e);
    } catch (IllegalArgumentException e) {
      String msg = "idleStrategy".equals(key)
          ? "idleStrategy must be one of BUSY_SPIN, YIELD, BACKOFF: idleStrategy=" + value
          : e.getMessage();
      throw JdbcErrors.of(JdbcErrors.INVALID_VALUE, msg, e);
    }
    return b.build();
  }
}
