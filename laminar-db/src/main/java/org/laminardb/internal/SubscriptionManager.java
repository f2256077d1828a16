package org.laminardb.internal;

import org.laminardb.RowListener;
import org.laminardb.Subscription;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.plan.RelationKind;

/**
 * Creates subscriptions: registers a consumer on the object's reactor that first replays a
 * view's contents, then receives every change. Called with the catalog read lock held.
 */
final class SubscriptionManager {
  private final Engine engine;

  SubscriptionManager(Engine engine) {
    this.engine = engine;
  }

  Subscription subscribe(String name, RowListener listener) {
    RelationRuntime rt = engine.catalog().require(name, null);
    if (rt.kind == RelationKind.SINK) {
      throw new LaminarDBException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + rt.name + "\" is a sink; "
          + "subscribe to a source, stream or materialized view");
    }
    if (rt.kind == RelationKind.LOOKUP_TABLE) {
      throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "\"" + rt.name + "\" is a "
          + "lookup table, whose rows are read by key by lookup joins only; subscribe to a "
          + "source, stream or materialized view");
    }
    if (rt.failure() != null) {
      throw failed(rt);
    }
    return listener == null ? polled(rt) : withListener(rt, listener);
  }

  static LaminarDBException failed(RelationRuntime rt) {
    return new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
        rt.kind.sqlName().toLowerCase(java.util.Locale.ROOT) + " \"" + rt.name
            + "\" has failed: " + rt.failure().getMessage() + "; drop and recreate it",
        rt.failure());
  }

  private Subscription polled(RelationRuntime rt) {
    PolledSubscription[] self = new PolledSubscription[1];
    ChunkConsumer[] consumer = new ChunkConsumer[1];
    PolledSubscription s = new PolledSubscription(rt.columns, engine.newChannel(rt.schema),
        () -> detach(rt, consumer[0], self[0], self[0].forwarder()));
    self[0] = s;
    consumer[0] = s.forwarder();
    rt.failureListeners.add(() -> s.fail(rt.failure()));
    rt.closeables.add(s);
    // Not joined: replaying a large view may wait for this very caller to poll. Ordering still
    // holds, since the reactor runs the command before any chunk published after this point.
    rt.reactor.submit(() -> {
      rt.addDuty(s.forwarder());
      replayAndAdd(rt, s.forwarder());
      return null;
    });
    return s;
  }

  private Subscription withListener(RelationRuntime rt, RowListener listener) {
    ListenerSubscription[] self = new ListenerSubscription[1];
    ChunkConsumer[] consumer = new ChunkConsumer[1];
    ListenerSubscription s = new ListenerSubscription(rt.columns, listener,
        () -> detach(rt, consumer[0], self[0], null));
    self[0] = s;
    consumer[0] = chunk -> {
      try {
        s.onChunk(chunk);
      } catch (RuntimeException e) {
        s.fail(e);
      }
    };
    rt.failureListeners.add(() -> s.fail(rt.failure()));
    rt.closeables.add(s);
    rt.reactor.submit(() -> {
      replayAndAdd(rt, consumer[0]);
      return null;
    }).join();
    return s;
  }

  private void replayAndAdd(RelationRuntime rt, ChunkConsumer consumer) {
    if (rt.replay != null) {
      rt.replay.accept(new Chunk(rt.schema, engine.config().chunkCapacity()), consumer);
    }
    rt.output.add(consumer);
  }

  private void detach(RelationRuntime rt, ChunkConsumer consumer, AutoCloseable s,
      java.util.function.IntSupplier duty) {
    rt.closeables.remove(s);
    if (!engine.isClosed()) {
      rt.reactor.submit(() -> {
        rt.output.remove(consumer);
        if (duty != null) {
          rt.removeDuty(duty);
        }
        return null;
      });
    }
  }
}
