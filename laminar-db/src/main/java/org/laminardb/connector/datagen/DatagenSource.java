package org.laminardb.connector.datagen;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.laminardb.core.queue.ChunkWriter;
import org.laminardb.spi.SourceConnector;
import org.laminardb.spi.SourceContext;

/**
 * Running DATAGEN source: a daemon thread named {@code datagen-<source>} writes generated rows
 * through the source's writer, throttled to {@code rows_per_second} by sleeping between small
 * bursts, each flushed at once so that live results show without delay.
 */
final class DatagenSource implements SourceConnector {
  /** Most rows written between two looks at the clock and the stop flag. */
  static final int MAX_BURST = 1024;
  private static final long GRACEFUL_STOP_MILLIS = 500;
  private static final long FORCED_STOP_MILLIS = 5_000;

  private final SourceContext context;
  private final RowGenerator generator;
  private volatile boolean stopping;
  private Thread thread;

  /**
   * Creates the source; nothing runs before {@link #start()}.
   *
   * @param context the source's context
   * @param generator the validated row generator
   */
  DatagenSource(SourceContext context, RowGenerator generator) {
    this.context = context;
    this.generator = generator;
  }

  @Override
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("DATAGEN source " + context.sourceName()
          + " is already started");
    }
    thread = new Thread(this::run, "datagen-" + context.sourceName());
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
      if (generator.rowsPerSecond() > 0) {
        runThrottled(writer);
      } else {
        // Unthrottled: flush every burst, so that each is a batch after which the source's
        // watermark may move.
        long n = 0;
        while (!stopping && generator.hasNext()) {
          generator.generate(writer);
          if (++n % MAX_BURST == 0) {
            writer.flush();
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

  private void runThrottled(ChunkWriter writer) {
    double nanosPerRow = TimeUnit.SECONDS.toNanos(1) / generator.rowsPerSecond();
    long start = System.nanoTime();
    long emitted = 0;
    while (!stopping && generator.hasNext()) {
      long due = (long) ((System.nanoTime() - start) / nanosPerRow) + 1;
      long burst = Math.min(due - emitted, MAX_BURST);
      for (long i = 0; i < burst && !stopping && generator.hasNext(); i++) {
        generator.generate(writer);
        emitted++;
      }
      if (burst > 0) {
        writer.flush();
      }
      long sleep = start + (long) (emitted * nanosPerRow) - System.nanoTime();
      if (sleep > 0 && !stopping) {
        LockSupport.parkNanos(this, sleep);
      }
    }
  }
}
