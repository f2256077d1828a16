package org.laminardb.bench;

import java.time.Instant;
import org.laminardb.SourceWriter;

/** Sends each row with {@link SourceWriter#insert}: boxed values, converted and flushed. */
final class InsertSender implements RowSender {
  private final SourceWriter writer;
  private final int keys;

  /**
   * Creates the sender.
   *
   * @param writer writer of the source, as for {@link BulkSender}
   * @param keys distinct keys of the windowed source, 0 for the filter source
   */
  InsertSender(SourceWriter writer, int keys) {
    this.writer = writer;
    this.keys = keys;
  }

  @Override
  public void send(long ts, long sched, long seq, long eventMicros) {
    if (keys == 0) {
      writer.insert(ts, sched, (double) (seq & 1023));
    } else {
      writer.insert(ts, sched, seq % keys, seq & 1023,
          Instant.EPOCH.plusNanos(eventMicros * 1000));
    }
  }
}
