package org.laminardb.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes allocated on the heap by the calling thread and by the engine's reactor threads, read
 * from the JVM's per-thread allocation counters (exact, unlike sampling), to show that the
 * measured path allocates nothing per row.
 */
final class ThreadAllocation {
  private static final String REACTOR_PREFIX = "laminar-reactor";

  private final com.sun.management.ThreadMXBean mx =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final long[] reactorIds;

  /** Finds the reactor threads; call once the database is open. */
  ThreadAllocation() {
    List<Long> ids = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(REACTOR_PREFIX)) {
        ids.add(t.getId());
      }
    }
    reactorIds = ids.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Number of reactor threads found.
   *
   * @return the count
   */
  int reactorThreads() {
    return reactorIds.length;
  }

  /**
   * Bytes allocated so far by the calling thread.
   *
   * @return the counter
   */
  long currentThread() {
    return mx.getCurrentThreadAllocatedBytes();
  }

  /**
   * Bytes allocated so far by the reactor threads together.
   *
   * @return the sum of their counters
   */
  long reactors() {
    long sum = 0;
    for (long id : reactorIds) {
      sum += Math.max(0, mx.getThreadAllocatedBytes(id));
    }
    return sum;
  }
}
