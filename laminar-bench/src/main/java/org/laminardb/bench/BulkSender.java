package org.laminardb.bench;

import org.laminardb.BulkAppender;
import org.laminardb.SourceWriter;

/** Sends each row through the bulk appender and flushes it at once: garbage free. */
final class BulkSender implements RowSender {
  private final BulkAppender appender;
  private final int keys;

  /**
   * Creates the sender.
   *
   * @param writer writer of the source {@code (ts BIGINT, sched BIGINT, v DOUBLE)}, or of {@code
   *     (ts BIGINT, sched BIGINT, k BIGINT, v BIGINT, et TIMESTAMP)} when {@code keys > 0}
   * @param keys distinct keys of the windowed source, 0 for the filter source
   */
  BulkSender(SourceWriter writer, int keys) {
    this.appender = writer.bulk();
    this.keys = keys;
  }

  @Override
  public void send(long ts, long sched, long seq, long eventMicros) {
    appender.beginRow();
    appender.setLong(0, ts);
    appender.setLong(1, sched);
    if (keys == 0) {
      appender.setDouble(2, seq & 1023);
    } else {
      appender.setLong(2, seq % keys);
      appender.setLong(3, seq & 1023);
      appender.setLong(4, eventMicros);
    }
    appender.endRow();
    appender.flush();
  }
}
