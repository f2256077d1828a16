package org.laminardb.internal;

import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.apache.calcite.sql.SqlNode;
import org.laminardb.error.ErrorCode;
import org.laminardb.spi.SinkConnectorFactory;
import org.laminardb.spi.SourceConnectorFactory;
import org.laminardb.sql.plan.SqlErrors;

/** Finds connector factories through {@link ServiceLoader} by their SQL name. */
final class Connectors {
  /** Connectors that ship in {@code org.laminardb:laminar-connectors}. */
  private static final Map<String, String> EXTERNAL = Map.of(
      "KAFKA", "org.laminardb:laminar-connectors",
      "POSTGRES", "org.laminardb:laminar-connectors",
      "POSTGRES_CDC", "org.laminardb:laminar-connectors",
      "MYSQL_CDC", "org.laminardb:laminar-connectors",
      "ICEBERG", "org.laminardb:laminar-connectors",
      "DELTA", "org.laminardb:laminar-connectors");

  private Connectors() {}

  static SourceConnectorFactory source(String name, SqlNode at) {
    TreeSet<String> known = new TreeSet<>();
    for (SourceConnectorFactory f : ServiceLoader.load(SourceConnectorFactory.class)) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
      known.add(f.name());
    }
    throw missing("source", name, known, at);
  }

  static SinkConnectorFactory sink(String name, SqlNode at) {
    TreeSet<String> known = new TreeSet<>();
    for (SinkConnectorFactory f : ServiceLoader.load(SinkConnectorFactory.class)) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
      known.add(f.name());
    }
    throw missing("sink", name, known, at);
  }

  static org.laminardb.spi.LookupConnectorFactory lookup(String name, SqlNode at) {
    TreeSet<String> known = new TreeSet<>();
    for (org.laminardb.spi.LookupConnectorFactory f
        : ServiceLoader.load(org.laminardb.spi.LookupConnectorFactory.class)) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
      known.add(f.name());
    }
    throw missing("lookup", name, known, at);
  }

  private static RuntimeException missing(String role, String name, TreeSet<String> known,
      SqlNode at) {
    String artifact = EXTERNAL.get(name.toUpperCase(Locale.ROOT));
    if (artifact != null) {
      return SqlErrors.at(ErrorCode.UNDEFINED_OBJECT, at, "the " + name.toUpperCase(Locale.ROOT)
          + " " + role + " connector is not on the class path: add the Maven dependency "
          + artifact + " (same version as laminar-db)");
    }
    return SqlErrors.at(ErrorCode.UNDEFINED_OBJECT, at, "unknown " + role + " connector "
        + name + "; available: " + (known.isEmpty() ? "none" : String.join(", ", known)));
  }
}
