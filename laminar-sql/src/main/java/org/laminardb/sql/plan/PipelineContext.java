package org.laminardb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.laminardb.core.operator.ChunkConsumer;

/**
 * What operators of one pipeline may register while they are built: actions to run once before
 * the first input, processing-time timers, counters of late rows, and the side output for late
 * rows. Used on the planning thread only; the registered actions then run on the reactor thread.
 */
public final class PipelineContext {
  private final int chunkCapacity;
  private final ChunkConsumer lateOutput;
  final List<Runnable> openers = new ArrayList<>();
  final List<IntSupplier> timers = new ArrayList<>();
  final List<LongSupplier> lateCounters = new ArrayList<>();
  private java.util.function.Function<String, org.laminardb.core.lookup.LookupFetcher> lookups =
      name -> {
        throw new IllegalStateException("no lookup tables in this context: " + name);
      };

  /**
   * Creates a context.
   *
   * @param chunkCapacity rows per chunk
   * @param lateOutput where late rows go ({@code LATE DATA TO}), or null to drop them
   */
  public PipelineContext(int chunkCapacity, ChunkConsumer lateOutput) {
    this.chunkCapacity = chunkCapacity;
    this.lateOutput = lateOutput;
  }

  /**
   * Rows per chunk.
   *
   * @return the capacity of output chunks
   */
  public int chunkCapacity() {
    return chunkCapacity;
  }

  /**
   * Where late rows go: rows with the columns of the windowed operator's input.
   *
   * @return the consumer, or null when late rows are only counted
   */
  public ChunkConsumer lateOutput() {
    return lateOutput;
  }

  /**
   * Sets where lookup joins find the fetcher of a lookup table.
   *
   * @param lookups the fetcher of a lookup table by name
   * @return this context
   */
  public PipelineContext withLookups(
      java.util.function.Function<String, org.laminardb.core.lookup.LookupFetcher> lookups) {
    this.lookups = lookups;
    return this;
  }

  /**
   * The fetcher of a lookup table: ring-1 threads shared by the lookup joins reading it.
   *
   * @param table the lookup table's name
   * @return its fetcher
   */
  public org.laminardb.core.lookup.LookupFetcher lookupFetcher(String table) {
    return lookups.apply(table);
  }

  /**
   * Registers an action to run on the reactor thread before the first input arrives (e.g. a
   * global aggregate's initial row).
   *
   * @param opener the action
   */
  public void onOpen(Runnable opener) {
    openers.add(opener);
  }

  /**
   * Registers a processing-time timer: polled on the reactor thread at least every millisecond
   * or so while the pipeline runs; it reads the clock itself.
   *
   * @param timer returns the amount of work done (0 when nothing was due)
   */
  public void addTimer(IntSupplier timer) {
    timers.add(timer);
  }

  /**
   * Registers a counter of late rows, summed into the query's late-row count.
   *
   * @param counter reads the count (any thread; a slightly stale value is fine)
   */
  public void addLateCounter(LongSupplier counter) {
    lateCounters.add(counter);
  }
}
