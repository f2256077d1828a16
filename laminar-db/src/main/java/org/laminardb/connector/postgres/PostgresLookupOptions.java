package org.laminardb.connector.postgres;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Options of {@code FROM POSTGRES (...)}.
 *
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code url}</td><td></td><td>JDBC URL {@code jdbc:postgresql://host:port/db}; or
 *     give {@code host}, {@code port} and {@code database}</td></tr>
 * <tr><td>{@code host}</td><td>{@code localhost}</td><td>server host (without {@code url})</td></tr>
 * <tr><td>{@code port}</td><td>{@code 5432}</td><td>server port</td></tr>
 * <tr><td>{@code database}</td><td>{@code postgres}</td><td>database name</td></tr>
 * <tr><td>{@code user}, {@code password}</td><td></td><td>credentials</td></tr>
 * <tr><td>{@code table}</td><td>the lookup table's name</td><td>table (or
 *     {@code schema.table}) read by key: {@code SELECT columns FROM table WHERE key IN (...)};
 *     the lookup table's column names are its column names</td></tr>
 * <tr><td>{@code query}</td><td></td><td>instead of {@code table}: a query with one {@code ?}
 *     per key column, in key order, run once per key, e.g. {@code SELECT id, name FROM c WHERE
 *     id = ?}; its columns, in order, are the lookup table's</td></tr>
 * <tr><td>{@code connect_timeout_ms}</td><td>{@code 5000}</td><td>connection timeout</td></tr>
 * <tr><td>{@code query_timeout_ms}</td><td>{@code 10000}</td><td>socket timeout of a
 *     fetch</td></tr>
 * </table>
 *
 * @param url the JDBC URL
 * @param user the user, or null
 * @param password the password, or null
 * @param table the table, or null with a query
 * @param query the query, or null with a table
 * @param connectTimeoutMillis connection timeout
 * @param queryTimeoutMillis socket timeout
 */
record PostgresLookupOptions(String url, String user, String password, String table,
    String query, long connectTimeoutMillis, long queryTimeoutMillis) {
  private static final Set<String> KNOWN = Set.of("url", "host", "port", "database", "user",
      "password", "table", "query", "connect_timeout_ms", "query_timeout_ms");

  static PostgresLookupOptions parse(String lookupTable, Map<String, String> options) {
    for (String k : options.keySet()) {
      if (!KNOWN.contains(k)) {
        throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE, "unknown POSTGRES "
            + "lookup option '" + k + "'; supported: " + new TreeSet<>(KNOWN) + " and the cache "
            + "options cache_ttl, cache_max_rows, max_pending_rows, fetch_threads, "
            + "retry_backoff_min, retry_backoff_max");
      }
    }
    String url = options.get("url");
    if (url == null) {
      url = "jdbc:postgresql://" + options.getOrDefault("host", "localhost") + ":"
          + number(options, "port", 5432) + "/" + options.getOrDefault("database", "postgres");
    } else if (options.containsKey("host") || options.containsKey("port")
        || options.containsKey("database")) {
      throw invalid("give either 'url' or 'host', 'port' and 'database', not both");
    }
    if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")) {
      throw invalid("'url' must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), not '"
          + url + "'");
    }
    String table = options.get("table");
    String query = options.get("query");
    if (table != null && query != null) {
      throw invalid("give either 'table' or 'query', not both");
    }
    if (table == null && query == null) {
      table = lookupTable;
    }
    return new PostgresLookupOptions(url, options.get("user"), options.get("password"), table,
        query, number(options, "connect_timeout_ms", 5_000),
        number(options, "query_timeout_ms", 10_000));
  }

  private static long number(Map<String, String> options, String key, long dflt) {
    String v = options.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid("'" + key + "' must be a whole number >= 0, not '" + v + "'");
  }

  private static LaminarDBException invalid(String message) {
    return new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE, "POSTGRES lookup table: "
        + message);
  }
}
