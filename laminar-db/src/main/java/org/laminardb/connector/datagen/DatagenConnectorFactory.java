package org.laminardb.connector.datagen;

import org.laminardb.spi.SourceConnector;
import org.laminardb.spi.SourceConnectorFactory;
import org.laminardb.spi.SourceContext;

/**
 * Factory of the built-in {@code DATAGEN} source, which generates deterministic test data; see
 * the package documentation for its options.
 */
public final class DatagenConnectorFactory implements SourceConnectorFactory {
  /** Name of the connector in SQL. */
  public static final String NAME = "DATAGEN";

  /** Creates the factory (found through {@link java.util.ServiceLoader}). */
  public DatagenConnectorFactory() {
    // stateless
  }

  @Override
  public String name() {
    return NAME;
  }

  /** DATAGEN is deterministic for its seed: a restarted source skips the rows it delivered. */
  @Override
  public boolean resumable() {
    return true;
  }

  @Override
  public SourceConnector create(SourceContext context) {
    RowGenerator generator =
        RowGenerator.create(context.sourceName(), context.schema(), context.options());
    return new DatagenSource(context, generator);
  }
}
