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
}
