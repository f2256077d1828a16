package org.laminardb.internal;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.laminardb.IdleStrategyKind;
import org.laminardb.core.reactor.Reactor;

/**
 * The reactor threads of an engine and the placement of relations on them.
 *
 * <p>Every connected group of relations (a source and everything computed from it) lives on one
 * reactor, so a pipeline never crosses threads and needs no copies or locks. A new source goes to
 * the least loaded reactor; a query goes to the reactor of its inputs. When a query reads
 * relations of two groups on different reactors, the smaller group moves: its input channels are
 * drained and unregistered on the old reactor and registered on the new one (commands on both
 * reactors give the hand-over its happens-before edge).
 */
final class ReactorPool {
  private final Reactor[] reactors;

  ReactorPool(int threads, IdleStrategyKind idle, java.util.function.BiConsumer<Object, Throwable>
      errorHandler) {
    reactors = new Reactor[threads];
    for (int i = 0; i < threads; i++) {
      reactors[i] = new Reactor("laminar-reactor-" + i, 4096, errorHandler);
      reactors[i].start(idleStrategy(idle));
    }
  }

  private static IdleStrategy idleStrategy(IdleStrategyKind kind) {
    switch (kind) {
      case BUSY_SPIN:
        return new BusySpinIdleStrategy();
      case YIELD:
        return new YieldingIdleStrategy();
      default:
        return new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
    }
  }

  Reactor forNewSource(Collection<RelationRuntime> all) {
    int[] load = new int[reactors.length];
    for (RelationRuntime r : all) {
      for (int i = 0; i < reactors.length; i++) {
        if (reactors[i] == r.reactor) {
          load[i]++;
        }
      }
    }
    int best = 0;
    for (int i = 1; i < load.length; i++) {
      if (load[i] < load[best]) {
        best = i;
      }
    }
    return reactors[best];
  }

  /** Reactor for a query over inputs, moving input groups so that all share one reactor. */
  Reactor forQuery(List<RelationRuntime> inputs, Collection<RelationRuntime> all) {
    Reactor target = inputs.get(0).reactor;
    for (RelationRuntime in : inputs) {
      if (in.reactor != target) {
        move(group(in, all), in.reactor, target);
      }
    }
    return target;
  }

  private static Set<RelationRuntime> group(RelationRuntime start, Collection<RelationRuntime> all) {
    Set<RelationRuntime> seen = new LinkedHashSet<>();
    Deque<RelationRuntime> todo = new ArrayDeque<>();
    todo.add(start);
    while (!todo.isEmpty()) {
      RelationRuntime r = todo.poll();
      if (seen.add(r)) {
        todo.addAll(r.inputs);
        for (RelationRuntime other : all) {
          if (other.inputs.contains(r)) {
            todo.add(other);
          }
        }
      }
    }
    return seen;
  }

  /**
   * Moves a whole group in two steps, so that no two threads ever run its operators: first the
   * old reactor drains and drops all of the group's channels, then the target takes them all.
   */
  private static void move(Set<RelationRuntime> group, Reactor from, Reactor target) {
    from.submit(() -> {
      for (RelationRuntime r : group) {
        for (ChannelBinding b : r.channels) {
          from.removeInput(b.channel());
        }
        for (java.util.function.IntSupplier d : r.duties) {
          from.removeDuty(d);
        }
      }
      return null;
    }).join();
    for (RelationRuntime r : group) {
      r.reactor = target;
    }
    target.submit(() -> {
      for (RelationRuntime r : group) {
        for (ChannelBinding b : r.channels) {
          target.addInput(b.channel(), b.consumer());
        }
        for (java.util.function.IntSupplier d : r.duties) {
          target.addDuty(d);
        }
      }
      return null;
    }).join();
  }

  /** Every reactor of the pool. */
  Reactor[] reactors() {
    return reactors.clone();
  }

  void close() {
    for (Reactor r : reactors) {
      r.close();
    }
  }
}
