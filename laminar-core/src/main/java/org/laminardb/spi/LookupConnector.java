package org.laminardb.spi;

import org.laminardb.core.chunk.Chunk;

/**
 * Client of an external table that a lookup join reads by primary key ({@code CREATE LOOKUP
 * TABLE ... FROM connector (options)}). Ring 1: {@link #fetch} blocks on I/O and is called only
 * on the fetcher threads of {@link org.laminardb.core.lookup.LookupFetcher}, possibly by several
 * of them at once, never on a reactor thread.
 */
public interface LookupConnector extends AutoCloseable {
  /**
   * Reads the rows whose primary key equals one of the given keys. Blocking.
   *
   * @param keys one row per key, with the lookup table's primary-key columns in key order; no
   *     NULLs, no duplicates
   * @param out receives the rows found, with all the lookup table's columns, at most one per key
   *     and in any order; it is empty on entry and its capacity is at least {@code keys.size}
   * @throws Exception when the external system cannot answer (connection lost, timeout); the
   *     fetcher counts the error and tries again with back-off
   */
  void fetch(Chunk keys, Chunk out) throws Exception;

  /** Releases connections; a fetch in progress may fail. */
  @Override
  void close();
}
