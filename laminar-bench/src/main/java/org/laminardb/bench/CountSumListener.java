package org.laminardb.bench;

import org.laminardb.Row;
import org.laminardb.RowListener;

/**
 * Listener over the changelog of a grouped view with a {@code COUNT(*)} column: adds the count of
 * every {@code +I}/{@code +U} row and subtracts it for every {@code -U}/{@code -D} row, so its
 * total is the number of input rows aggregated so far, whatever the batching of the changelog.
 */
final class CountSumListener implements RowListener {
  private final int countColumn;
  private final Progress progress = new Progress();
  private long total;

  /**
   * Creates the listener.
   *
   * @param countColumn index of the {@code COUNT(*)} column
   */
  CountSumListener(int countColumn) {
    this.countColumn = countColumn;
  }

  @Override
  public void onRow(Row row) {
    long count = row.getLong(countColumn);
    total += row.kind().isRetraction() ? -count : count;
    progress.publish(total);
  }

  /**
   * Input rows aggregated so far, as published to other threads.
   *
   * @return the progress counter
   */
  Progress progress() {
    return progress;
  }
}
