package org.laminardb.bench;

import org.laminardb.BulkAppender;

/**
 * Fixed rows {@code (k BIGINT, v DOUBLE)} appended again and again through a {@link
 * BulkAppender}, the garbage-free ingestion path.
 */
final class BulkFeed {
  private final long[] k;
  private final double[] v;

  /**
   * Generates the rows.
   *
   * @param rows number of rows per {@link #appendAll}
   * @param keys distinct values of {@code k}
   * @param seed random seed
   */
  BulkFeed(int rows, int keys, long seed) {
    k = new long[rows];
    v = new double[rows];
    Inputs.values(rows, keys, seed, k, v);
  }

  /**
   * Rows whose {@code v} is above a bound, to know how many a filter lets through.
   *
   * @param bound the bound
   * @return the count
   */
  long countAbove(double bound) {
    long n = 0;
    for (double x : v) {
      if (x > bound) {
        n++;
      }
    }
    return n;
  }

  /**
   * Appends every row, then flushes so that the engine sees them all.
   *
   * @param appender the appender
   */
  void appendAll(BulkAppender appender) {
    for (int r = 0; r < k.length; r++) {
      appender.beginRow();
      appender.setLong(0, k[r]);
      appender.setDouble(1, v[r]);
      appender.endRow();
    }
    appender.flush();
  }
}
