package org.laminardb.internal;

import org.laminardb.core.queue.ChunkWriter;
import org.laminardb.spi.SourceConnector;
import org.laminardb.spi.SourceContext;

/**
 * Base of the built-in sources that write from a daemon thread of their own (the generators):
 * starts the thread, stops it on close (interrupting it, and closing the writer if it is stuck
 * on back-pressure), flushes what was written when the rows run out, and reports a failure to
 * the source's status unless it was closing.
 */
public abstract class ThreadedSource implements SourceConnector {
  private static final long GRACEFUL_STOP_MILLIS = 500;
  private static final long FORCED_STOP_MILLIS = 5_000;

  /** The source's context. */
  protected final SourceContext context;
  private final String threadPrefix;
  private volatile boolean stopping;
  private Thread thread;

  /**
   * Creates the source; nothing runs before {@link #start()}.
   *
   * @param context the source's context
   * @param threadPrefix the thread is named prefix-sourceName
   */
  protected ThreadedSource(SourceContext context, String threadPrefix) {
    this.context = context;
    this.threadPrefix = threadPrefix;
  }

  /**
   * Writes rows until they run out or {@link #stopping()}; called once, on the source's thread.
   *
   * @param writer the source's writer
   */
  protected abstract void produce(ChunkWriter writer);

  /**
   * Whether the source is being closed: {@link #produce} returns soon after.
   *
   * @return true once closing
   */
  protected final boolean stopping() {
    return stopping;
  }

  @Override
  public final synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("source " + context.sourceName() + " is already started");
    }
    thread = new Thread(this::run, threadPrefix + "-" + context.sourceName());
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    ChunkWriter writer = context.writer();
    try {
      produce(writer);
      if (!stopping) {
        writer.flush();
      }
    } catch (RuntimeException | Error e) {
      if (!stopping && !writer.isClosed()) {
        context.reportError(e);
      }
    }
  }

  @Override
  public final void close() {
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
}
