package org.laminardb.spi;

/**
 * Factory of a lookup connector, found through {@link java.util.ServiceLoader} by the name used
 * in {@code CREATE LOOKUP TABLE ... FROM NAME (options)}.
 */
public interface LookupConnectorFactory {
  /**
   * Connector name as written in SQL, upper case (e.g. {@code POSTGRES}).
   *
   * @return the name
   */
  String name();

  /**
   * Creates a connector, validating the options; must not connect yet (a database that is down
   * when the lookup table is created is reported when rows are looked up).
   *
   * @param context the lookup table's columns, key and options
   * @return the connector
   * @throws org.laminardb.error.LaminarDBException with {@code 22023} for a bad or unknown
   *     option, naming the accepted ones
   */
  LookupConnector create(LookupContext context);
}
