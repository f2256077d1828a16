package org.laminardb.connector.files;

import org.laminardb.spi.SinkConnector;
import org.laminardb.spi.SinkConnectorFactory;
import org.laminardb.spi.SinkContext;

/**
 * Factory of the built-in {@code FILES} sink, which writes exactly-once CSV or JSON Lines files
 * into a directory; see the package documentation for its options and file layout.
 */
public final class FileSinkConnectorFactory implements SinkConnectorFactory {
  /** Name of the connector in SQL. */
  public static final String NAME = "FILES";

  /** Factory instance, as {@link java.util.ServiceLoader} creates it. */
  public FileSinkConnectorFactory() {
    // stateless
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Sink for a {@code CREATE SINK ... INTO FILES} statement: validates the options, creates the
   * output directory if it is missing and returns a {@link FileSinkConnector}.
   *
   * @throws org.laminardb.error.LaminarDBException 22023 for a missing, bad or unknown option,
   *     a directory that cannot be created or a sink name unusable in file names; 42701 when the
   *     input has a column named {@code __op}
   */
  @Override
  public SinkConnector create(SinkContext context) {
    String sink = context.sinkName();
    FileSinkOptions.checkSinkName(sink);
    if (context.schema().indexOf(RowEncoder.OP_COLUMN) >= 0) {
      throw new org.laminardb.error.LaminarDBException(
          org.laminardb.error.ErrorCode.DUPLICATE_COLUMN,
          "the input of FILES sink " + sink + " has a column named " + RowEncoder.OP_COLUMN
              + ", which the sink adds itself for the row kind; rename it");
    }
    FileSinkOptions options = FileSinkOptions.parse(sink, context.options());
    return new FileSinkConnector(sink, context.schema(), options.directory, options.format);
  }
}
