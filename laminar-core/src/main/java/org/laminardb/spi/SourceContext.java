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

  /**
   * Position after the last chunk of this connector that a durable database kept from an earlier
   * run (the {@link org.laminardb.core.chunk.Chunk#position} the connector attached through
   * {@link ChunkWriter#trackPosition}): rows up to it are in the source's state, rows after it
   * are not, so the connector resumes right after it. Read it in {@link SourceConnector#start()}.
   *
   * @return the position, or null for a new source, a source without positions, or in memory
   */
  default byte[] resumePosition() {
    return null;
  }

  /**
   * Column of the source's event time ({@code WATERMARK FOR col}), for a connector with {@link
   * SourceConnectorFactory#partitionedWatermarks() partitioned watermarks}.
   *
   * @return the column index, or -1 without a WATERMARK clause
   */
  default int watermarkColumn() {
    return -1;
  }

  /**
   * Bound of the source's watermark ({@code col - INTERVAL ...}).
   *
   * @return microseconds, 0 without a WATERMARK clause
   */
  default long watermarkBoundMicros() {
    return 0;
  }

  /**
   * The source's idle timeout ({@code WITH ('watermark.idle_timeout' = ...)}): a partitioned
   * connector leaves a partition quiet for that long out of its watermark.
   *
   * @return nanoseconds, 0 for none
   */
  default long idleTimeoutNanos() {
    return 0;
  }

  /**
   * Columns of the source's PRIMARY KEY: a source with one is an upsert source, whose rows
   * replace (and, of kind {@code DELETE}, remove) the row with the same key, so its connector
   * may write deletes.
   *
   * @return the column indexes, empty for an append-only source
   */
  default int[] primaryKey() {
    return new int[0];
  }

  /**
   * Value of a {@code ${name}} placeholder given to the database's builder.
   *
   * @param name the variable name
   * @return the value, or null if none was given
   */
  default String variable(String name) {
    return null;
  }

  /**
   * A new stream of the database that this source feeds besides its own rows, such as the bad
   * records of a dead-letter policy. It is created with the source (call this only from {@link
   * SourceConnectorFactory#create}), reads like any stream (views, subscriptions), depends on the
   * source (dropped with it by {@code DROP SOURCE ... CASCADE}, not on its own) and is not
   * logged: in a durable database its rows are not replayed after a restart.
   *
   * @param name the stream's name, which must not be taken
   * @param schema its columns
   * @return the writer of the stream's rows, for the connector's own thread
   * @throws org.laminardb.error.LaminarDBException 42P07 if the name is taken, 0A000 where the
   *     database offers no side streams
   */
  default ChunkWriter sideStream(String name, Schema schema) {
    throw new org.laminardb.error.LaminarDBException(
        org.laminardb.error.ErrorCode.FEATURE_NOT_SUPPORTED,
        "source " + sourceName() + " cannot create side stream " + name + " here");
  }
}
