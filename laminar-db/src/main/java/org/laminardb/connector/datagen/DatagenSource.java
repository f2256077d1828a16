package org.laminardb.connector.datagen;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.laminardb.core.queue.ChunkWriter;
import org.laminardb.internal.ThreadedSource;
import org.laminardb.spi.SourceContext;

/**
 * Running DATAGEN source: a daemon thread named {@code datagen-<source>} writes generated rows
 * through the source's writer, throttled to {@code rows_per_second} by sleeping between small
 * bursts, each flushed at once so that live results show without delay.
 */
final class DatagenSource extends ThreadedSource {
  /** Most rows written between two looks at the clock and the stop flag. */
  static final int MAX_BURST = 1024;

  private final RowGenerator generator;

  /**
   * Creates the source; nothing runs before {@link #start()}.
   *
   * @param context the source's context
   * @param generator the validated row generator
   */
  DatagenSource(SourceContext context, RowGenerator generator) {
    super(context, "datagen");
    this.generator = generator;
  }

  @Override
  protected void produce(ChunkWriter writer) {
    generator.skip(context.resumeAfterRows(), context.schema());
    if (generator.rowsPerSecond() > 0) {
      runThrottled(writer);
      return;
    }
    // Unthrottled: flush every burst, so that each is a batch after which the source's
    // watermark may move.
    long n = 0;
    while (!stopping() && generator.hasNext()) {
      generator.generate(writer);
      if (++n % MAX_BURST == 0) {
        writer.flush();
      }
    }
  }

  private void runThrottled(ChunkWriter writer) {
    double nanosPerRow = TimeUnit.SECONDS.toNanos(1) / generator.rowsPerSecond();
    long start = System.nanoTime();
    long emitted = 0;
    while (!stopping() && generator.hasNext()) {
      long due = (long) ((System.nanoTime() - start) / nanosPerRow) + 1;
      long burst = Math.min(due - emitted, MAX_BURST);
      for (long i = 0; i < burst && !stopping() && generator.hasNext(); i++) {
        generator.generate(writer);
        emitted++;
      }
      if (burst > 0) {
        writer.flush();
      }
      long sleep = start + (long) (emitted * nanosPerRow) - System.nanoTime();
      if (sleep > 0 && !stopping()) {
        LockSupport.parkNanos(this, sleep);
      }
    }
  }
}
