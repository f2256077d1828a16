package org.laminardb.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.laminardb.ColumnInfo;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.operator.Watermarks;
import org.laminardb.core.operator.Fanout;
import org.laminardb.core.reactor.Reactor;
import org.laminardb.core.state.MaterializedRowStore;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.spi.SinkConnector;
import org.laminardb.spi.SourceConnector;
import org.laminardb.sql.plan.Pipeline;
import org.laminardb.sql.plan.Relation;
import org.laminardb.sql.plan.RelationKind;

/**
 * Running catalog object: a source, stream, materialized view or sink, with the reactor that owns
 * it, its output fan-out, its stored contents (views) and what feeds it.
 *
 * <p>{@link #output}, {@link #store} and the pipeline's operators are touched only on the owning
 * reactor's thread; the other fields are control-plane state guarded by the engine's catalog lock.
 */
final class RelationRuntime {
  final String name;
  final RelationKind kind;
  final Schema schema;
  final List<ColumnInfo> columns;
  final String createSql;
  final boolean appendOnly;
  final List<RelationRuntime> inputs;
  final Fanout output = new Fanout();
  /** Where rows written to a source enter: its output, or the upsert operator of a keyed source. */
  ChunkConsumer input = output;
  final List<ChannelBinding> channels = new CopyOnWriteArrayList<>();
  final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();
  /** Reactor duties of this object (forwarders flushing to idle readers); move with it. */
  final List<java.util.function.IntSupplier> duties = new CopyOnWriteArrayList<>();
  final List<Runnable> detachers = new CopyOnWriteArrayList<>();
  final List<Runnable> failureListeners = new CopyOnWriteArrayList<>();
  final SourceDescriptor source;
  MaterializedRowStore store;
  /**
   * Replays the current contents (a view's rows, an upsert source's latest row per key) as
   * inserts to a new consumer; null for objects without stored contents. Reactor thread only.
   */
  java.util.function.BiConsumer<org.laminardb.core.chunk.Chunk,
      org.laminardb.core.operator.ChunkConsumer> replay;
  WatermarkTracker watermark;
  /** Last watermark this object's output carried (any thread). */
  private volatile long outputWatermark = Watermarks.NONE;
  /** Column whose watermark flows with this object's rows, or -1. */
  int rowtime = -1;
  /**
   * Counts what reached this object's state (input chunks and watermarks, timer work), so that
   * an incremental checkpoint can reuse the previous file of an unchanged object. Reactor thread.
   */
  long stateVersion;
  /**
   * Rows a resumable connector delivered to this source since it was created, across restarts
   * of a durable database: logged, checkpointed and replayed with the state. Reactor thread (and
   * the recovery thread before the database is handed out).
   */
  volatile long connectorRows;
  /**
   * Position of the source's connector after the last of its chunks this source processed
   * ({@link org.laminardb.core.chunk.Chunk#position}), or null: logged, checkpointed and replayed
   * like {@link #connectorRows}. Reactor thread (and the recovery thread before the database is
   * handed out).
   */
  volatile byte[] connectorPosition;
  /** PRIMARY KEY columns of a keyed source or table; empty otherwise. */
  int[] key = new int[0];
  /** Id of a source's chunks in the WAL of a durable database; 0 otherwise. */
  int walStream;
  /** Writer shared by INSERT statements (sources without a connector, and with one). */
  SourceWriterImpl sqlWriter;
  Pipeline pipeline;
  SourceConnector connector;
  SinkConnector sink;
  /** The thread and two-phase commit of a sink; null for other objects. */
  SinkRuntime sinkRuntime;
  volatile Reactor reactor;
  /** The fetcher of a lookup table (ring-1 threads); null for other objects. */
  org.laminardb.core.lookup.LookupFetcher lookupFetcher;
  /** Key and cache settings of a lookup table; null for other objects. */
  org.laminardb.sql.plan.LookupTableInfo lookupInfo;
  /**
   * Lookup tables a query reads by key: dependencies (DROP, CASCADE) that, unlike {@link
   * #inputs}, feed no rows and do not tie the query to a reactor.
   */
  final List<RelationRuntime> lookupInputs = new CopyOnWriteArrayList<>();
  /** The source that created this side stream ({@code SourceContext.sideStream}), or null. */
  RelationRuntime sideStreamOf;
  private volatile Throwable failure;

  RelationRuntime(String name, RelationKind kind, Schema schema, String createSql,
      boolean appendOnly, List<RelationRuntime> inputs, SourceDescriptor source) {
    this.name = name;
    this.kind = kind;
    this.schema = schema;
    this.columns = columnsOf(schema);
    this.createSql = createSql;
    this.appendOnly = appendOnly;
    this.inputs = List.copyOf(inputs);
    this.source = source;
    output.add(new ChunkConsumer() {
      @Override
      public void onChunk(org.laminardb.core.chunk.Chunk chunk) {}

      @Override
      public void onWatermark(long wm) {
        if (wm != Watermarks.IDLE) {
          outputWatermark = wm;
        }
      }
    });
  }

  /** The watermark of this object's output, {@link Watermarks#NONE} before the first. */
  long outputWatermark() {
    return outputWatermark;
  }

  /** Restores the output watermark from a checkpoint. Reactor thread. */
  void restoreOutputWatermark(long wm) {
    outputWatermark = wm;
  }

  /**
   * Where this object's state is reached from, for checkpoints: a source's entry (watermark
   * tracker, upsert operator), a query's pipeline entries, a view's stored rows. The walk stops
   * at every object's output fan-out. Reactor thread.
   */
  List<Object> stateRoots() {
    List<Object> roots = new ArrayList<>();
    if (kind == RelationKind.SOURCE || kind == RelationKind.TABLE) {
      roots.add(input);
    }
    if (pipeline != null) {
      for (Pipeline.InputBinding b : pipeline.inputs()) {
        roots.add(b.entry());
      }
    }
    if (store != null) {
      roots.add(store);
    }
    return roots;
  }

  /** Late rows of this object's windows so far. */
  long lateRows() {
    Pipeline p = pipeline;
    return p == null ? 0 : p.lateRows();
  }

  static List<ColumnInfo> columnsOf(Schema schema) {
    List<ColumnInfo> cols = new ArrayList<>();
    for (Field f : schema.fields()) {
      cols.add(new ColumnInfo(f.name(), f.type()));
    }
    return List.copyOf(cols);
  }

  /** Registers a duty on the owning reactor. Reactor thread only. */
  void addDuty(java.util.function.IntSupplier duty) {
    duties.add(duty);
    reactor.addDuty(duty);
  }

  /** Removes a duty from the owning reactor. Reactor thread only. */
  void removeDuty(java.util.function.IntSupplier duty) {
    duties.remove(duty);
    reactor.removeDuty(duty);
  }

  Relation relation() {
    return new Relation(name, kind, schema, appendOnly, rowtime);
  }

  Throwable failure() {
    return failure;
  }

  void fail(Throwable t) {
    if (failure == null) {
      failure = t;
      for (Runnable r : failureListeners) {
        r.run();
      }
    }
  }

  String status() {
    if (failure != null) {
      return "FAILED: " + failure.getMessage();
    }
    if (lookupFetcher != null) {
      return lookupFetcher.status();
    }
    for (RelationRuntime l : lookupInputs) {
      if (l.lookupFetcher != null && l.lookupFetcher.failing()) {
        return "RUNNING, waiting for " + l.lookupFetcher.status();
      }
    }
    String detail = connector == null ? null : connector.status();
    return detail == null ? "RUNNING" : "RUNNING (" + detail + ")";
  }

  /**
   * What a source was declared with.
   *
   * @param connector connector name, or null for a source written through the API and INSERT
   * @param options connector options
   * @param watermark the WATERMARK clause as written, or null
   */
  record SourceDescriptor(String connector, Map<String, String> options, String watermark) {}
}
