package org.laminardb.spi;

/**
 * Factory of a source connector, found through {@link java.util.ServiceLoader} by the name used
 * in {@code CREATE SOURCE ... FROM NAME (options)}.
 */
public interface SourceConnectorFactory {
  /**
   * Connector name as written in SQL, upper case (e.g. {@code DATAGEN}).
   *
   * @return the name
   */
  String name();

  /**
   * Creates a connector for a source, validating the options; must not start any work yet.
   *
   * @param context the source's schema, options and writer
   * @return the connector
   * @throws org.laminardb.error.LaminarDBException with {@code 22023} for a bad or unknown
   *     option, naming the accepted ones
   */
  SourceConnector create(SourceContext context);

  /**
   * Whether the connector can continue where an earlier run stopped, when told how many rows it
   * had delivered ({@link SourceContext#resumeAfterRows()}: deterministic generators) or the
   * position it had attached to its last kept chunk ({@link SourceContext#resumePosition()}:
   * Kafka offsets). Only such connectors can feed a durable database: their rows are logged
   * like pushed rows, each chunk with its position, and after a restart the connector produces
   * only the rows that came after.
   *
   * @return true if it resumes after a given number of rows
   */
  default boolean resumable() {
    return false;
  }

  /**
   * Whether the connector computes the source's watermark itself (for example per partition,
   * combined as the minimum) and writes it with {@link
   * org.laminardb.core.queue.ChunkWriter#watermark(long)}: the source's watermark then moves only
   * with those explicit watermarks, not with the largest event time seen. The connector learns
   * the WATERMARK clause from {@link SourceContext#watermarkColumn()} and {@link
   * SourceContext#watermarkBoundMicros()}.
   *
   * @return true if it writes its own watermarks
   */
  default boolean partitionedWatermarks() {
    return false;
  }
}
