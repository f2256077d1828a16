package org.laminardb.sql.plan;

/**
 * What the planner needs to know of a lookup table beyond its columns.
 *
 * @param key its primary-key columns, in key order
 * @param connector the connector's name, e.g. {@code postgres}
 * @param ttlMillis how long a cached entry is used
 * @param maxRows most entries cached per lookup join
 * @param maxPendingRows most stream rows waiting behind misses per lookup join
 */
public record LookupTableInfo(int[] key, String connector, long ttlMillis, long maxRows,
    long maxPendingRows) {
  /**
   * Connector and cache settings for EXPLAIN.
   *
   * @return e.g. {@code postgres, cache ttl=60000ms max_rows=10000}
   */
  public String describe() {
    return connector + ", cache ttl=" + ttlMillis + "ms max_rows=" + maxRows
        + ", max_pending_rows=" + maxPendingRows;
  }
}
