package org.laminardb.core.lookup;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;
import org.laminardb.spi.LookupConnector;

/**
 * The ring-1 threads that answer the cache misses of the lookup joins reading one lookup table:
 * reactors {@link #offer} batches of keys through a bounded lock-free queue, a fetcher thread
 * calls the blocking {@link LookupConnector#fetch}, and puts the answered request on the queue of
 * the operator that sent it, which its reactor drains. The reactor never waits.
 *
 * <p>Failures: when a fetch throws (the database is down, a timeout), the error is counted and
 * kept for status reports, and the same batch is tried again after a back-off that doubles from
 * {@code retryMin} up to {@code retryMax}; requests queued meanwhile wait. A batch is never
 * dropped, so no looked-up row is lost: the rows behind it wait in their operator (bounded
 * there).
 */
public final class LookupFetcher implements AutoCloseable {
  private static final int QUEUE_CAPACITY = 4096;

  private final String name;
  private final LookupConnector connector;
  private final ManyToManyConcurrentArrayQueue<LookupRequest> requests =
      new ManyToManyConcurrentArrayQueue<>(QUEUE_CAPACITY);
  private final Thread[] threads;
  private final long retryMinNanos;
  private final long retryMaxNanos;
  private final AtomicLong fetches = new AtomicLong();
  private final AtomicLong fetchedKeys = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private volatile Throwable lastError;
  /** Whether the last fetch attempt failed (cleared by the next success). */
  private volatile boolean failing;
  private volatile boolean closed;

  /**
   * Creates and starts the fetcher threads.
   *
   * @param name the lookup table's name (thread names, messages)
   * @param connector the client of the external table
   * @param threadCount fetcher threads, at least 1
   * @param retryMinMillis first back-off after a failure
   * @param retryMaxMillis longest back-off
   */
  public LookupFetcher(String name, LookupConnector connector, int threadCount,
      long retryMinMillis, long retryMaxMillis) {
    if (threadCount < 1) {
      throw new IllegalArgumentException("threadCount must be positive: " + threadCount);
    }
    this.name = name;
    this.connector = connector;
    this.retryMinNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, retryMinMillis));
    this.retryMaxNanos = Math.max(retryMinNanos, TimeUnit.MILLISECONDS.toNanos(retryMaxMillis));
    this.threads = new Thread[threadCount];
    for (int i = 0; i < threadCount; i++) {
      Thread t = new Thread(this::run, "laminar-lookup-" + name + "-" + i);
      t.setDaemon(true);
      threads[i] = t;
      t.start();
    }
  }

  /**
   * Queues a request. Any thread; lock-free.
   *
   * @param request the keys to fetch
   * @return false when the queue is full or the fetcher is closed (offer again later)
   */
  public boolean offer(LookupRequest request) {
    return !closed && requests.offer(request);
  }

  private void run() {
    IdleStrategy idle = new BackoffIdleStrategy(64, 64, 1_000, TimeUnit.MILLISECONDS.toNanos(1));
    while (!closed) {
      LookupRequest r = requests.poll();
      if (r == null) {
        idle.idle();
        continue;
      }
      idle.reset();
      if (fetch(r)) {
        while (!r.replyTo.offer(r) && !closed) {
          LockSupport.parkNanos(100_000);
        }
      }
    }
  }

  /** Fetches one batch, retrying with back-off until it succeeds; false if closed first. */
  private boolean fetch(LookupRequest r) {
    long backoff = retryMinNanos;
    while (!closed) {
      r.rows.reset();
      try {
        connector.fetch(r.keys, r.rows);
        fetches.incrementAndGet();
        fetchedKeys.addAndGet(r.keys.size);
        failing = false;
        return true;
      } catch (Exception | LinkageError e) {
        errors.incrementAndGet();
        lastError = e;
        failing = true;
        LockSupport.parkNanos(backoff);
        backoff = Math.min(retryMaxNanos, backoff * 2);
      }
    }
    return false;
  }

  /**
   * Fetch attempts that failed so far.
   *
   * @return the count
   */
  public long errors() {
    return errors.get();
  }

  /**
   * Batches fetched successfully so far.
   *
   * @return the count
   */
  public long fetches() {
    return fetches.get();
  }

  /**
   * Keys fetched successfully so far (cache misses answered).
   *
   * @return the count
   */
  public long fetchedKeys() {
    return fetchedKeys.get();
  }

  /**
   * The last error, kept after later successes.
   *
   * @return the error, or null if none happened
   */
  public Throwable lastError() {
    return lastError;
  }

  /**
   * Whether the last fetch attempt failed: the fetcher is retrying.
   *
   * @return true while failing
   */
  public boolean failing() {
    return failing;
  }

  /**
   * One-line status: {@code RUNNING}, or {@code RETRYING} with the error.
   *
   * @return the status
   */
  public String status() {
    Throwable e = lastError;
    return failing && e != null ? "RETRYING (lookup table " + name + " unreachable, "
        + errors.get() + " errors): " + e.getMessage() : "RUNNING";
  }

  /** Stops the threads and closes the connector. */
  @Override
  public void close() {
    closed = true;
    for (Thread t : threads) {
      t.interrupt();
    }
    for (Thread t : threads) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    connector.close();
  }
}
