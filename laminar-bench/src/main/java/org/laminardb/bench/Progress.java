package org.laminardb.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress counter written by one thread (a listener on the reactor thread) and awaited by
 * another (the benchmark thread). The writer publishes with a release store, which costs no
 * fence on x86, so counting does not slow the pipeline it observes.
 */
final class Progress {
  private static final long TIMEOUT_NANOS = 60_000_000_000L;

  private final AtomicLong published = new AtomicLong();

  /**
   * Publishes a new value; only the single writer thread calls this.
   *
   * @param value the value
   */
  void publish(long value) {
    published.lazySet(value);
  }

  /**
   * Current value.
   *
   * @return the last published value
   */
  long get() {
    return published.get();
  }

  /**
   * Spins until the published value reaches a target.
   *
   * @param target value to wait for
   * @throws IllegalStateException if it is not reached within a minute (a broken pipeline)
   */
  void awaitAtLeast(long target) {
    if (published.get() >= target) {
      return;
    }
    long deadline = System.nanoTime() + TIMEOUT_NANOS;
    int spins = 0;
    while (published.get() < target) {
      Thread.onSpinWait();
      if ((++spins & 0xFFFF) == 0 && System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "pipeline stalled: waited for " + target + ", reached " + published.get());
      }
    }
  }
}
