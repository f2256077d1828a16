package org.laminardb.connector.nexmark;

import org.laminardb.spi.SourceConnector;
import org.laminardb.spi.SourceConnectorFactory;
import org.laminardb.spi.SourceContext;

/**
 * Factory of the built-in {@code NEXMARK} source, which generates the Nexmark benchmark's
 * person, auction and bid events; see the package documentation for its options and columns.
 */
public final class NexmarkConnectorFactory implements SourceConnectorFactory {
  /** Name of the connector in SQL. */
  public static final String NAME = "NEXMARK";

  /** Creates the factory (found through {@link java.util.ServiceLoader}). */
  public NexmarkConnectorFactory() {
    // stateless
  }

  @Override
  public String name() {
    return NAME;
  }

  /** NEXMARK is deterministic for its seed: a restarted source skips the events it delivered. */
  @Override
  public boolean resumable() {
    return true;
  }

  @Override
  public SourceConnector create(SourceContext context) {
    NexmarkOptions options = NexmarkOptions.parse(context.sourceName(), context.options());
    int[] target = options.table.map(context.sourceName(), context.schema());
    return new NexmarkSource(context, new NexmarkGenerator(options, target), options);
  }
}
