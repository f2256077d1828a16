package org.laminardb.connector.nexmark;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.laminardb.core.queue.ChunkWriter;
import org.laminardb.internal.ThreadedSource;
import org.laminardb.spi.SourceContext;

/**
 * Running NEXMARK source: a daemon thread named {@code nexmark-<source>} writes the events of its
 * table through the source's writer, either as fast as possible or, with {@code rate.limit}, each
 * event at its real-time offset from the start. Rows are flushed at least every {@link
 * #FLUSH_ROWS} rows (and whenever a rate-limited source waits), so each flush ends a batch after
 * which the source's watermark may move.
 */
final class NexmarkSource extends ThreadedSource {
  /** Most rows written between two batch ends. */
  static final int FLUSH_ROWS = 1024;

  private final NexmarkGenerator generator;
  private final boolean rateLimit;
  private final long startDelayNanos;

  /**
   * Creates the source; nothing runs before {@link #start()}.
   *
   * @param context the source's context
   * @param generator the generator of the source's table
   * @param options the validated options
   */
  NexmarkSource(SourceContext context, NexmarkGenerator generator, NexmarkOptions options) {
    super(context, "nexmark");
    this.generator = generator;
    this.rateLimit = options.rateLimit;
    this.startDelayNanos = TimeUnit.MICROSECONDS.toNanos(options.startDelayMicros);
  }

  @Override
  protected void produce(ChunkWriter writer) {
    long resumed = context.resumeAfterRows();
    generator.skip(resumed);
    long start = System.nanoTime() + startDelayNanos;
    parkUntil(start);
    if (resumed > 0 && generator.hasNext()) {
      // Continue at the rate from here rather than wait for the skipped events' time.
      start -= generator.offsetNanos(generator.nextEventNumber());
    }
    if (rateLimit) {
      runRateLimited(writer, start);
      return;
    }
    int pending = 0;
    while (!stopping() && generator.hasNext()) {
      write(writer);
      if (++pending == FLUSH_ROWS) {
        writer.flush();
        pending = 0;
      }
    }
  }

  private void runRateLimited(ChunkWriter writer, long start) {
    while (!stopping() && generator.hasNext()) {
      long now = System.nanoTime();
      int written = 0;
      while (written < FLUSH_ROWS && !stopping() && generator.hasNext()
          && start + generator.offsetNanos(generator.nextEventNumber()) - now <= 0) {
        write(writer);
        written++;
      }
      if (written > 0) {
        writer.flush();
      }
      if (generator.hasNext()) {
        parkUntil(start + generator.offsetNanos(generator.nextEventNumber()));
      }
    }
  }

  private void write(ChunkWriter writer) {
    int row = writer.beginRow();
    generator.writeNext(writer.chunk().columns, row);
    writer.endRow();
  }

  private void parkUntil(long deadline) {
    long wait;
    while (!stopping() && (wait = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(this, wait);
    }
  }
}
