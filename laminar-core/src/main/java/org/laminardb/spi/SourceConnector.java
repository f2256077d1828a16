package org.laminardb.spi;

/** Running source connector: produces rows on its own (ring 1) thread between start and close. */
public interface SourceConnector extends AutoCloseable {
  /** Starts producing rows. */
  void start();

  /**
   * What the connector reports beside its state, shown in the source's status (e.g. retries
   * after a lost connection, bad records skipped). Any thread.
   *
   * @return a short text, or null when there is nothing to report
   */
  default String status() {
    return null;
  }

  /** Stops producing rows and waits for the connector's thread to end. */
  @Override
  void close();
}
