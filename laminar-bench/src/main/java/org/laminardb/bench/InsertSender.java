package org.laminardb.bench;

import org.laminardb.SourceWriter;

/** Sends each row with {@link SourceWriter#insert}: boxed values, converted and flushed. */
final class InsertSender implements RowSender {
  private final SourceWriter writer;

  /**
   * Creates the sender.
   *
   * @param writer writer of the source {@code (ts BIGINT, sched BIGINT, v DOUBLE)}
   */
  InsertSender(SourceWriter writer) {
    this.writer = writer;
  }

  @Override
  public void send(long ts, long sched, double v) {
    writer.insert(ts, sched, v);
  }
}
