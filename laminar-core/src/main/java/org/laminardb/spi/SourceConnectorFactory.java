package org.laminardb.spi;

/**
 * Factory of a source connector, found through {@link java.util.ServiceLoader} by the name used
 * in {@code CREATE SOURCE ... FROM NAME (options)}.
 */
public interface SourceConnectorFactory {
  /**
   * Connector name as written in SQL, upper case (e.g. {@code DATAGEN}).
   *
   * @return the name
   */
  String name();

  /**
   * Creates a connector for a source, validating the options; must not start any work yet.
   *
   * @param context the source's schema, options and writer
   * @return the connector
   * @throws org.laminardb.error.LaminarDBException with {@code 22023} for a bad or unknown
   *     option, naming the accepted ones
   */
  SourceConnector create(SourceContext context);

  /**
   * Whether the connector can continue where an earlier run stopped when told how many rows it
   * had delivered ({@link SourceContext#resumeAfterRows()}): true for deterministic generators.
   * Only such connectors can feed a durable database: their rows are logged like pushed rows,
   * and after a restart the connector produces only the rows that came after.
   *
   * @return true if it resumes after a given number of rows
   */
  default boolean resumable() {
    return false;
  }
}
