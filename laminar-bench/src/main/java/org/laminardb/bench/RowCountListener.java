package org.laminardb.bench;

import org.laminardb.Row;
import org.laminardb.RowListener;

/**
 * Listener counting the rows of a stream and summing one DOUBLE column through the flyweight
 * row's primitive getter, as a real consumer would read values without allocating.
 */
final class RowCountListener implements RowListener {
  private final int doubleColumn;
  private final Progress progress = new Progress();
  private long rows;
  private double checksum;

  /**
   * Creates the listener.
   *
   * @param doubleColumn index of a DOUBLE column to read from every row
   */
  RowCountListener(int doubleColumn) {
    this.doubleColumn = doubleColumn;
  }

  @Override
  public void onRow(Row row) {
    checksum += row.getDouble(doubleColumn);
    progress.publish(++rows);
  }

  /**
   * Rows seen so far, as published to other threads.
   *
   * @return the progress counter
   */
  Progress progress() {
    return progress;
  }

  /**
   * Sum of the DOUBLE column over the rows seen; read it only after awaiting the progress.
   *
   * @return the sum
   */
  double checksum() {
    return checksum;
  }
}
