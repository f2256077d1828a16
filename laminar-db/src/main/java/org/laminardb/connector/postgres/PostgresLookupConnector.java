package org.laminardb.connector.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Schema;
import org.laminardb.internal.ChunkValues;
import org.laminardb.internal.ValueConverter;
import org.laminardb.spi.LookupConnector;

/**
 * Reads rows of a PostgreSQL table by primary key over JDBC. With {@code table}, one statement
 * per batch of keys ({@code SELECT cols FROM table WHERE key IN (...)}, or {@code (k1, k2) IN
 * ((...), ...)} for a composite key); with {@code query}, the query once per key. Each fetcher
 * thread takes a connection from a small pool and returns it after a successful fetch; a
 * connection that failed is closed, and the next fetch opens a new one. Ring 1 only.
 */
final class PostgresLookupConnector implements LookupConnector {
  private final Schema schema;
  private final int[] key;
  private final PostgresLookupOptions options;
  private final Properties properties = new Properties();
  private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
  private final String select;
  private volatile boolean closed;

  PostgresLookupConnector(Schema schema, int[] key, PostgresLookupOptions options) {
    this.schema = schema;
    this.key = key.clone();
    this.options = options;
    if (options.user() != null) {
      properties.setProperty("user", options.user());
    }
    if (options.password() != null) {
      properties.setProperty("password", options.password());
    }
    properties.setProperty("connectTimeout", seconds(options.connectTimeoutMillis()));
    properties.setProperty("loginTimeout", seconds(options.connectTimeoutMillis()));
    properties.setProperty("socketTimeout", seconds(options.queryTimeoutMillis()));
    properties.setProperty("ApplicationName", "LaminarDB lookup");
    StringBuilder sb = new StringBuilder("SELECT ");
    for (int i = 0; i < schema.size(); i++) {
      sb.append(i > 0 ? ", " : "").append(schema.field(i).name());
    }
    this.select = sb.append(" FROM ").append(options.table()).append(" WHERE ").toString();
  }

  private static String seconds(long millis) {
    return Long.toString(Math.max(1, (millis + 999) / 1000));
  }

  @Override
  public void fetch(Chunk keys, Chunk out) throws SQLException {
    Connection c = idle.poll();
    if (c == null) {
      c = DriverManager.getConnection(options.url(), properties);
    }
    try {
      if (options.query() != null) {
        fetchByQuery(c, keys, out);
      } else {
        fetchByTable(c, keys, out);
      }
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
    if (closed) {
      closeQuietly(c);
    } else {
      idle.add(c);
    }
  }

  private void fetchByTable(Connection c, Chunk keys, Chunk out) throws SQLException {
    StringBuilder sql = new StringBuilder(select);
    if (key.length == 1) {
      sql.append(schema.field(key[0]).name()).append(" IN (");
      for (int r = 0; r < keys.size; r++) {
        sql.append(r > 0 ? ", ?" : "?");
      }
    } else {
      sql.append('(');
      for (int k = 0; k < key.length; k++) {
        sql.append(k > 0 ? ", " : "").append(schema.field(key[k]).name());
      }
      sql.append(") IN (");
      String tuple = "(?" + ", ?".repeat(key.length - 1) + ")";
      for (int r = 0; r < keys.size; r++) {
        sql.append(r > 0 ? ", " : "").append(tuple);
      }
    }
    sql.append(')');
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int p = 1;
      for (int r = 0; r < keys.size; r++) {
        p = bindKey(ps, p, keys, r);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next() && !out.isFull()) {
          readRow(rs, out);
        }
      }
    }
  }

  private void fetchByQuery(Connection c, Chunk keys, Chunk out) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(options.query())) {
      for (int r = 0; r < keys.size; r++) {
        bindKey(ps, 1, keys, r);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            readRow(rs, out);
          }
        }
      }
    }
  }

  /** Binds the key columns of a key row from parameter {@code p} on; returns the next one. */
  private static int bindKey(PreparedStatement ps, int p, Chunk keys, int r) throws SQLException {
    for (int k = 0; k < keys.columns.length; k++) {
      Column col = keys.columns[k];
      ps.setObject(p++, ValueConverter.toJava(ChunkValues.read(col, r), col.type));
    }
    return p;
  }

  private void readRow(ResultSet rs, Chunk out) throws SQLException {
    int o = out.size;
    for (int i = 0; i < schema.size(); i++) {
      DataType type = schema.field(i).type().withNullable(true);
      Object v;
      switch (type.kind()) {
        case TIMESTAMP:
          v = rs.getObject(i + 1, LocalDateTime.class);
          break;
        case DATE:
          v = rs.getObject(i + 1, LocalDate.class);
          break;
        case VARCHAR:
          v = rs.getString(i + 1);
          break;
        default:
          v = rs.getObject(i + 1);
          break;
      }
      ChunkValues.write(out.columns[i], o,
          ValueConverter.toPhysical(v, type, schema.field(i).name()));
    }
    out.kinds[o] = RowKind.INSERT;
    out.size = o + 1;
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // the connection is being discarded
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Connection c; (c = idle.poll()) != null; ) {
      closeQuietly(c);
    }
  }
}
