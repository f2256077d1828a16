package org.laminardb.spi;

import java.util.Map;
import org.laminardb.core.queue.ChunkWriter;
import org.laminardb.core.type.Schema;

/** What a source connector is given: the source's name, schema, options and a writer. */
public interface SourceContext {
  /**
   * Source name.
   *
   * @return the name
   */
  String sourceName();

  /**
   * Columns of the source.
   *
   * @return the schema
   */
  Schema schema();

  /**
   * Options from the SQL, keys in lower case.
   *
   * @return the options
   */
  Map<String, String> options();

  /**
   * Writer into the source, for the connector's own thread only.
   *
   * @return the writer
   */
  ChunkWriter writer();

  /**
   * Reports a failure of the connector (shown in the source's status).
   *
   * @param error the failure
   */
  void reportError(Throwable error);

  /**
   * Rows this connector already delivered in an earlier run of a durable database, which are in
   * the source's state already: a {@link SourceConnectorFactory#resumable() resumable} connector
   * continues after them. Read it in {@link SourceConnector#start()}.
   *
   * @return the number of rows, 0 for a new source or in memory
   */
  default long resumeAfterRows() {
    return 0;
  }
}
