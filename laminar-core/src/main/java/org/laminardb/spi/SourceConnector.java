package org.laminardb.spi;

/** Running source connector: produces rows on its own (ring 1) thread between start and close. */
public interface SourceConnector extends AutoCloseable {
  /** Starts producing rows. */
  void start();

  /** Stops producing rows and waits for the connector's thread to end. */
  @Override
  void close();
}
