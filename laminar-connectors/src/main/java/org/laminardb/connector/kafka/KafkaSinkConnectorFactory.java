package org.laminardb.connector.kafka;

import org.laminardb.spi.SinkConnector;
import org.laminardb.spi.SinkConnectorFactory;
import org.laminardb.spi.SinkContext;

/**
 * Factory of the {@code KAFKA} sink ({@code CREATE SINK ... INTO KAFKA (...)}); see the package
 * documentation for its options.
 */
public final class KafkaSinkConnectorFactory implements SinkConnectorFactory {
  /** Creates the factory (found through {@link java.util.ServiceLoader}). */
  public KafkaSinkConnectorFactory() {
    // stateless
  }

  @Override
  public String name() {
    return KafkaSourceConnectorFactory.NAME;
  }

  @Override
  public SinkConnector create(SinkContext context) {
    KafkaSinkOptions options = KafkaSinkOptions.parse(context.sinkName(), context.schema(),
        context.appendOnly(), context.options(), KafkaOptions.variables(context::variable));
    return new KafkaSink(context.sinkName(), context.schema(), options);
  }
}
