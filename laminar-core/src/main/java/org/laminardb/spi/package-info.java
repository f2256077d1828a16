/**
 * Connector service-provider interface: source and sink connectors are found through {@link
 * java.util.ServiceLoader} by their SQL name. Built-in generators live in {@code laminar-db};
 * connectors with heavy client libraries live in {@code org.laminardb:laminar-connectors}.
 */
package org.laminardb.spi;
