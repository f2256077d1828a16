package org.laminardb;

/** What a reactor thread does when it has no work, trading CPU for latency (as Aeron does). */
public enum IdleStrategyKind {
  /** Spin on the CPU: lowest latency, burns a core. */
  BUSY_SPIN,
  /** Spin, then yield the CPU. */
  YIELD,
  /** Spin, yield, then park with exponential back-off up to 1 ms: low CPU when idle (default). */
  BACKOFF
}
