package org.laminardb.bench;

import org.laminardb.BulkAppender;
import org.laminardb.SourceWriter;

/** Sends each row through the bulk appender and flushes it at once: garbage free. */
final class BulkSender implements RowSender {
  private final BulkAppender appender;

  /**
   * Creates the sender.
   *
   * @param writer writer of the source {@code (ts BIGINT, sched BIGINT, v DOUBLE)}
   */
  BulkSender(SourceWriter writer) {
    this.appender = writer.bulk();
  }

  @Override
  public void send(long ts, long sched, double v) {
    appender.beginRow();
    appender.setLong(0, ts);
    appender.setLong(1, sched);
    appender.setDouble(2, v);
    appender.endRow();
    appender.flush();
  }
}
