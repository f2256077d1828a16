package org.laminardb.connector.nexmark;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.laminardb.core.queue.ChunkWriter;
import org.laminardb.spi.SourceConnector;
import org.laminardb.spi.SourceContext;

/**
 * Running NEXMARK source: a daemon thread named {@code nexmark-<source>} writes the events of its
 * table through the source's writer, either as fast as possible or, with {@code rate.limit}, each
 * event at its real-time offset from the start. Rows are flushed at least every {@link
 * #FLUSH_ROWS} rows (and whenever a rate-limited source waits), so each flush ends a batch after
 * which the source's watermark may move.
 */
final class NexmarkSource implements SourceConnector {
  /** Most rows written between two batch ends. */
  static final int FLUSH_ROWS = 1024;
  private static final long GRACEFUL_STOP_MILLIS = 500;
  private static final long FORCED_STOP_MILLIS = 5_000;

  private final SourceContext context;
  private final NexmarkGenerator generator;
  private final boolean rateLimit;
  private final long startDelayNanos;
  private volatile boolean stopping;
  private Thread thread;

  /**
   * Creates the source; nothing runs before {@link #start()}.
   *
   * @param context the source's context
   * @param generator the generator of the source's table
   * @param options the validated options
   */
  NexmarkSource(SourceContext context, NexmarkGenerator generator, NexmarkOptions options) {
    this.context = context;
    this.generator = generator;
    this.rateLimit = options.rateLimit;
    this.startDelayNanos = TimeUnit.MICROSECONDS.toNanos(options.startDelayMicros);
  }

  @Override
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("NEXMARK source " + context.sourceName()
          + " is already started");
    }
    thread = new Thread(this::run, "nexmark-" + context.sourceName());
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    stopping = true;
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t == null || t == Thread.currentThread()) {
      return;
    }
    t.interrupt();
    try {
      t.join(GRACEFUL_STOP_MILLIS);
      if (t.isAlive()) {
        // Blocked on back-pressure: a closed writer makes the wait for a chunk fail.
        context.writer().close();
        t.join(FORCED_STOP_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    ChunkWriter writer = context.writer();
    try {
      long start = System.nanoTime() + startDelayNanos;
      parkUntil(start);
      if (rateLimit) {
        runRateLimited(writer, start);
      } else {
        int pending = 0;
        while (!stopping && generator.hasNext()) {
          write(writer);
          if (++pending == FLUSH_ROWS) {
            writer.flush();
            pending = 0;
          }
        }
      }
      if (!stopping) {
        writer.flush();
      }
    } catch (RuntimeException | Error e) {
      if (!stopping && !writer.isClosed()) {
        context.reportError(e);
      }
    }
  }

  private void runRateLimited(ChunkWriter writer, long start) {
    while (!stopping && generator.hasNext()) {
      long now = System.nanoTime();
      int written = 0;
      while (written < FLUSH_ROWS && !stopping && generator.hasNext()
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
    while (!stopping && (wait = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(this, wait);
    }
  }
}
