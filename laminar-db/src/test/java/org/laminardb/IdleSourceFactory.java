package org.laminardb;

import org.laminardb.spi.SourceConnector;
import org.laminardb.spi.SourceConnectorFactory;
import org.laminardb.spi.SourceContext;

/** Test source {@code TEST_IDLE}: produces nothing and cannot resume (not for durable use). */
public final class IdleSourceFactory implements SourceConnectorFactory {
  @Override
  public String name() {
    return "TEST_IDLE";
  }

  @Override
  public SourceConnector create(SourceContext context) {
    return new SourceConnector() {
      @Override
      public void start() {}

      @Override
      public void close() {}
    };
  }
}
