package org.laminardb.spi;

/**
 * Factory of a sink connector, found through {@link java.util.ServiceLoader} by the name used in
 * {@code CREATE SINK ... INTO NAME (options)}.
 */
public interface SinkConnectorFactory {
  /**
   * Connector name as written in SQL, upper case.
   *
   * @return the name
   */
  String name();

  /**
   * Creates a sink, validating the options.
   *
   * @param context the sink's name, schema and options
   * @return the sink
   * @throws org.laminardb.error.LaminarDBException with {@code 22023} for a bad option
   */
  SinkConnector create(SinkContext context);
}
