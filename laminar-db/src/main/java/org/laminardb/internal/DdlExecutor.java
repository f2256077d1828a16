package org.laminardb.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.laminardb.StatementResult;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.operator.ChunkConsumer;
import org.laminardb.core.operator.UpsertOperator;
import org.laminardb.core.queue.ChunkChannel;
import org.laminardb.core.queue.ChunkWriter;
import org.laminardb.core.reactor.Reactor;
import org.laminardb.core.state.MaterializedRowStore;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.error.ErrorCode;
import org.laminardb.spi.SinkConnector;
import org.laminardb.spi.SinkContext;
import org.laminardb.spi.SourceConnector;
import org.laminardb.spi.SourceConnectorFactory;
import org.laminardb.spi.SourceContext;
import org.laminardb.sql.parser.ddl.ObjectKind;
import org.laminardb.sql.parser.ddl.SqlColumnDeclaration;
import org.laminardb.sql.parser.ddl.SqlCreateQueryObject;
import org.laminardb.sql.parser.ddl.SqlCreateSink;
import org.laminardb.sql.parser.ddl.SqlCreateSource;
import org.laminardb.sql.parser.ddl.SqlDropObject;
import org.laminardb.sql.parser.ddl.SqlOption;
import org.laminardb.sql.plan.Pipeline;
import org.laminardb.sql.plan.PipelineBuilder;
import org.laminardb.sql.plan.PipelineContext;
import org.laminardb.sql.plan.PlannedQuery;
import org.laminardb.sql.plan.QueryOptions;
import org.laminardb.sql.plan.RelationKind;
import org.laminardb.sql.plan.SqlErrors;
import org.laminardb.sql.plan.StreamPlanner;

/** Executes CREATE and DROP statements. Called with the engine's catalog write lock held. */
final class DdlExecutor {
  private final Engine engine;

  DdlExecutor(Engine engine) {
    this.engine = engine;
  }

  StatementResult createSource(SqlCreateSource node, String sql) {
    if (node.isLookup()) {
      return createLookupTable(node, sql);
    }
    String name = node.name().getSimple();
    String tag = node.isTable() ? "CREATE TABLE" : "CREATE SOURCE";
    if (node.ifNotExists() && engine.catalog().find(name) != null) {
      return StatementResult.done(tag);
    }
    engine.catalog().checkFree(name, node.name());
    int[] key = primaryKey(node);
    Schema schema = withNotNullKey(sourceSchema(node), key);
    Map<String, String> withOptions = options(node.withOptions());
    long idleNanos = SourceOptions.idleTimeoutNanos(withOptions, node);
    WatermarkTracker watermark = SourceWatermarks.tracker(node.watermark(), schema, idleNanos);
    if (watermark == null && idleNanos > 0) {
      throw SqlErrors.at(ErrorCode.INVALID_PARAMETER_VALUE, node.name(),
          "'watermark.idle_timeout' needs a WATERMARK clause on the source");
    }
    String connectorName = node.connector() == null ? null : node.connector().getSimple();
    if (connectorName != null && engine.durable() != null
        && !Connectors.source(connectorName, node.connector()).resumable()) {
      throw SqlErrors.unsupported(node.connector(), "sources FROM " + connectorName
          + " are not available in a durable database yet: the connector cannot resume where "
          + "it stopped, so a reopened database would lose or repeat rows; write to the source "
          + "through the API or INSERT, or use an in-memory database");
    }
    Map<String, String> options = options(node.options());
    if (node.isTable() && key.length == 0) {
      throw SqlErrors.unsupported(node.name(), "a table needs a PRIMARY KEY: CREATE TABLE "
          + name + " (..., PRIMARY KEY (column, ...)); rows with the same key replace each other."
          + " For append-only input use CREATE SOURCE");
    }
    if (node.isTable() && node.connector() != null) {
      throw SqlErrors.unsupported(node.connector(), "CREATE TABLE ... FROM a connector is not "
          + "supported; tables are written by INSERT, UPSERT, UPDATE, DELETE and the Java API");
    }
    RelationRuntime rt = new RelationRuntime(name,
        node.isTable() ? RelationKind.TABLE : RelationKind.SOURCE, schema, sql,
        key.length == 0, List.of(), new RelationRuntime.SourceDescriptor(connectorName, options,
            node.watermark() == null ? null : node.watermark().toString()));
    rt.reactor = engine.pool().forNewSource(engine.catalog().all());
    rt.key = key;
    rt.watermark = watermark;
    ChunkConsumer entry = rt.output;
    if (key.length > 0) {
      UpsertOperator upsert = new UpsertOperator(schema, key, rt.output,
          engine.config().chunkCapacity());
      entry = upsert;
      rt.replay = upsert::scan;
    }
    if (watermark != null) {
      watermark.next(entry);
      entry = watermark;
      rt.rowtime = watermark.column();
      if (idleNanos > 0) {
        java.util.function.IntSupplier duty = counted(rt, watermark::checkIdle);
        rt.reactor.submit(() -> {
          rt.addDuty(duty);
          rt.detachers.add(() -> rt.removeDuty(duty));
          return null;
        }).join();
      }
    }
    rt.input = entry;
    if (engine.durable() != null || engine.config().shadow()) {
      rt.walStream = engine.sourceIds().newSourceId();
    }
    rt.sqlWriter = new SourceWriterImpl(engine, rt);
    rt.closeables.add(rt.sqlWriter);
    if (connectorName != null) {
      startConnector(rt, node, connectorName, options);
    } else {
      engine.catalog().add(rt);
    }
    return StatementResult.done(tag);
  }

  /**
   * CREATE LOOKUP TABLE: a catalog object with no rows of its own, whose fetcher threads start
   * now but connect only when a lookup join first misses.
   */
  private StatementResult createLookupTable(SqlCreateSource node, String sql) {
    String name = node.name().getSimple();
    String tag = "CREATE LOOKUP TABLE";
    if (node.ifNotExists() && engine.catalog().find(name) != null) {
      return StatementResult.done(tag);
    }
    engine.catalog().checkFree(name, node.name());
    int[] key = primaryKey(node);
    if (key.length == 0) {
      throw SqlErrors.unsupported(node.name(), "a lookup table needs a PRIMARY KEY: lookup joins "
          + "read it by key (CREATE LOOKUP TABLE " + name + " (..., PRIMARY KEY (id)) FROM "
          + "POSTGRES (...))");
    }
    if (node.connector() == null) {
      throw SqlErrors.unsupported(node.name(), "a lookup table needs FROM connector (options), "
          + "e.g. FROM POSTGRES (url = 'jdbc:postgresql://host/db', table = 'customers')");
    }
    if (node.watermark() != null) {
      throw SqlErrors.unsupported(node.watermark(), "a lookup table has no WATERMARK: it is "
          + "read by key as of processing time");
    }
    if (!node.withOptions().isEmpty()) {
      throw SqlErrors.unsupported(node.name(), "WITH options on a lookup table; the cache "
          + "options go with the connector's: FROM POSTGRES (..., cache_ttl = '60s')");
    }
    Schema schema = withNotNullKey(sourceSchema(node), key);
    String connectorName = node.connector().getSimple();
    org.laminardb.spi.LookupConnectorFactory factory = Connectors.lookup(connectorName,
        node.connector());
    LookupTableOptions lo;
    org.laminardb.spi.LookupConnector connector;
    try {
      lo = LookupTableOptions.parse(options(node.options()));
      LookupTableOptions opts = lo;
      connector = factory.create(new org.laminardb.spi.LookupContext() {
        @Override
        public String tableName() {
          return name;
        }

        @Override
        public Schema schema() {
          return schema;
        }

        @Override
        public int[] keyColumns() {
          return key.clone();
        }

        @Override
        public Map<String, String> options() {
          return opts.connectorOptions();
        }
      });
    } catch (org.laminardb.error.LaminarDBException e) {
      throw SqlErrors.at(e.code(), node.connector(), e.getMessage());
    }
    RelationRuntime rt = new RelationRuntime(name, RelationKind.LOOKUP_TABLE, schema, sql,
        false, List.of(), new RelationRuntime.SourceDescriptor(connectorName.toLowerCase(
            Locale.ROOT), Map.of(), null));
    rt.key = key;
    rt.reactor = engine.pool().forNewSource(engine.catalog().all());
    rt.lookupInfo = new org.laminardb.sql.plan.LookupTableInfo(key,
        connectorName.toLowerCase(Locale.ROOT), lo.ttlMillis(), lo.maxRows(), lo.maxPending());
    rt.lookupFetcher = new org.laminardb.core.lookup.LookupFetcher(name, connector, lo.threads(),
        lo.retryMinMillis(), lo.retryMaxMillis());
    rt.closeables.add(rt.lookupFetcher);
    engine.catalog().add(rt);
    return StatementResult.done(tag);
  }

  private void startConnector(RelationRuntime rt, SqlCreateSource node, String connectorName,
      Map<String, String> options) {
    ChunkChannel channel = engine.newChannel(rt.schema);
    // In a durable database a connector publishes, like a writer, only while no statement or
    // checkpoint holds the catalog lock, so that the log's order is the processing order.
    ChunkWriter writer = new ChunkWriter(channel,
        engine.durable() == null ? null : engine.publishGate());
    List<RelationRuntime> sides = new ArrayList<>();
    SourceContext ctx = new SourceContext() {
      @Override
      public String sourceName() {
        return rt.name;
      }

      @Override
      public Schema schema() {
        return rt.schema;
      }

      @Override
      public Map<String, String> options() {
        return options;
      }

      @Override
      public ChunkWriter writer() {
        return writer;
      }

      @Override
      public void reportError(Throwable error) {
        rt.fail(error);
      }

      @Override
      public long resumeAfterRows() {
        return rt.connectorRows;
      }

      @Override
      public byte[] resumePosition() {
        return rt.connectorPosition;
      }

      @Override
      public int watermarkColumn() {
        return rt.watermark == null ? -1 : rt.watermark.column();
      }

      @Override
      public long watermarkBoundMicros() {
        return rt.watermark == null ? 0 : rt.watermark.boundMicros();
      }

      @Override
      public long idleTimeoutNanos() {
        return rt.watermark == null ? 0 : rt.watermark.idleTimeoutNanos();
      }

      @Override
      public String variable(String variable) {
        return engine.config().variables().get(variable);
      }

      @Override
      public int[] primaryKey() {
        return rt.key.clone();
      }

      @Override
      public ChunkWriter sideStream(String name, Schema schema) {
        return createSideStream(rt, node, sides, name, schema);
      }
    };
    SourceConnectorFactory factory = Connectors.source(connectorName, node.connector());
    if (factory.partitionedWatermarks() && rt.watermark != null) {
      rt.watermark.explicitOnly();
    }
    SourceConnector connector;
    try {
      connector = factory.create(ctx);
    } catch (RuntimeException | Error e) {
      for (RelationRuntime side : sides) {
        engine.dropRuntime(side); // detaches its channel from the reactor
      }
      throw e;
    }
    DurableLog log = engine.durable();
    engine.register(rt, channel, log == null ? rt.input : log.connectorAppender(rt, rt.input));
    rt.connector = connector;
    rt.closeables.add(writer::close);
    engine.catalog().add(rt);
    for (RelationRuntime side : sides) {
      engine.catalog().add(side);
    }
    if (engine.config().shadow()) {
      return; // a background copy gets the connector's rows from the log
    }
    if (engine.runningRecorded()) {
      engine.startAfterRecovery(connector); // resumes after the rows the recovery restores
    } else {
      connector.start();
    }
  }

  /**
   * A stream fed by a source's connector besides the source ({@link SourceContext#sideStream}):
   * on the source's reactor, depending on the source, unlogged.
   */
  private ChunkWriter createSideStream(RelationRuntime source, SqlCreateSource node,
      List<RelationRuntime> sides, String name, Schema schema) {
    engine.catalog().checkFree(name, node.connector());
    for (RelationRuntime s : sides) {
      if (s.name.equalsIgnoreCase(name)) {
        throw SqlErrors.at(ErrorCode.DUPLICATE_OBJECT, node.connector(), "stream \"" + name
            + "\" already exists");
      }
    }
    if (name.equalsIgnoreCase(source.name)) {
      throw SqlErrors.at(ErrorCode.DUPLICATE_OBJECT, node.connector(), "a side stream of "
          + "source " + source.name + " needs a name of its own");
    }
    RelationRuntime side = new RelationRuntime(name, RelationKind.STREAM, schema,
        "-- fed by source " + source.name, true, List.of(source), null);
    side.reactor = source.reactor;
    side.sideStreamOf = source;
    ChunkChannel channel = engine.newChannel(schema);
    ChunkWriter writer = new ChunkWriter(channel);
    engine.register(side, channel, side.input);
    source.closeables.add(writer::close);
    sides.add(side);
    return writer;
  }

  /** Column indexes of the PRIMARY KEY, empty without one. */
  private static int[] primaryKey(SqlCreateSource node) {
    List<SqlIdentifier> cols = node.primaryKey();
    int[] key = new int[cols.size()];
    for (int i = 0; i < key.length; i++) {
      String col = cols.get(i).getSimple();
      int index = -1;
      for (int c = 0; c < node.columns().size(); c++) {
        if (node.columns().get(c).name().getSimple().equalsIgnoreCase(col)) {
          index = c;
        }
      }
      if (index < 0) {
        throw SqlErrors.at(ErrorCode.UNDEFINED_COLUMN, cols.get(i),
            "primary key column \"" + col + "\" is not a column of "
                + (node.isLookup() ? "the lookup table" : "the source"));
      }
      for (int j = 0; j < i; j++) {
        if (key[j] == index) {
          throw SqlErrors.at(ErrorCode.DUPLICATE_COLUMN, cols.get(i),
              "column \"" + col + "\" appears twice in the primary key");
        }
      }
      key[i] = index;
    }
    return key;
  }

  /** Primary-key columns are NOT NULL, as in SQL. */
  private static Schema withNotNullKey(Schema schema, int[] key) {
    if (key.length == 0) {
      return schema;
    }
    List<Field> fields = new ArrayList<>(schema.fields());
    for (int k : key) {
      Field f = fields.get(k);
      fields.set(k, new Field(f.name(), f.type().withNullable(false)));
    }
    return new Schema(fields);
  }

  private static Schema sourceSchema(SqlCreateSource node) {
    List<Field> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SqlColumnDeclaration c : node.columns()) {
      String col = c.name().getSimple();
      if (!seen.add(col.toLowerCase(Locale.ROOT))) {
        throw SqlErrors.at(ErrorCode.DUPLICATE_COLUMN, c.name(),
            "column \"" + col + "\" specified more than once");
      }
      fields.add(new Field(col, ColumnTypes.of(c.type(), c.notNull())));
    }
    return new Schema(fields);
  }

  static Map<String, String> options(List<SqlOption> options) {
    Map<String, String> out = new LinkedHashMap<>();
    for (SqlOption o : options) {
      String key = o.key().toLowerCase(Locale.ROOT);
      if (out.put(key, o.valueAsString()) != null) {
        throw SqlErrors.at(ErrorCode.INVALID_PARAMETER_VALUE, o, "option '" + key
            + "' given more than once");
      }
    }
    return Collections.unmodifiableMap(out);
  }

  StatementResult createQueryObject(SqlCreateQueryObject node, String sql) {
    String name = node.name().getSimple();
    boolean view = node.kind() == ObjectKind.MATERIALIZED_VIEW;
    String tag = view ? "CREATE MATERIALIZED VIEW" : "CREATE STREAM";
    if (node.ifNotExists() && engine.catalog().find(name) != null) {
      return StatementResult.done(tag);
    }
    engine.catalog().checkFree(name, node.name());
    QueryOptions qo = QueryClauses.options(view, node.emit(), node.allowedLateness(),
        node.lateDataTo(), node.withOptions());
    PlannedQuery plan = new StreamPlanner(engine.catalog()).plan(node.query(), qo);
    QueryClauses.check(plan, node.emit(), node.allowedLateness(), node.lateDataTo());
    List<RelationRuntime> inputs = inputsOf(plan);
    RelationRuntime rt = new RelationRuntime(name,
        view ? RelationKind.MATERIALIZED_VIEW : RelationKind.STREAM, plan.schema(), sql,
        plan.appendOnly(), inputs, null);
    rt.lookupInputs.addAll(lookupInputsOf(plan));
    rt.rowtime = plan.rowtimeColumn();
    rt.reactor = engine.pool().forQuery(inputs, engine.catalog().all());
    if (view) {
      rt.store = new MaterializedRowStore(plan.schema());
      rt.output.add(rt.store);
      rt.replay = rt.store::scan;
    }
    RelationRuntime late = lateStream(rt, plan, node.lateDataTo());
    wire(rt, PipelineBuilder.build(plan, rt.output, context(late)));
    engine.catalog().add(rt);
    if (late != null) {
      engine.catalog().add(late);
    }
    return StatementResult.done(tag);
  }

  /**
   * The stream named by {@code LATE DATA TO}: fed by the query's window operators on the query's
   * reactor, with the columns of the window's input; it depends on the query (dropped with it by
   * CASCADE).
   */
  private RelationRuntime lateStream(RelationRuntime query, PlannedQuery plan,
      SqlIdentifier lateDataTo) {
    if (lateDataTo == null) {
      return null;
    }
    String lateName = lateDataTo.getSimple();
    engine.catalog().checkFree(lateName, lateDataTo);
    if (lateName.equalsIgnoreCase(query.name)) {
      throw SqlErrors.at(ErrorCode.DUPLICATE_OBJECT, lateDataTo,
          "LATE DATA TO must name a new stream, not the query itself");
    }
    Schema schema = plan.lateSchema();
    RelationRuntime late = new RelationRuntime(lateName, RelationKind.STREAM, schema,
        "-- rows too late for the windows of " + query.name + " (LATE DATA TO " + lateName + ")",
        true, List.of(query), null);
    late.reactor = query.reactor;
    return late;
  }

  /** The relations whose rows a plan reads (lookup tables are not among them). */
  private List<RelationRuntime> inputsOf(PlannedQuery plan) {
    List<RelationRuntime> inputs = new ArrayList<>();
    for (org.laminardb.sql.plan.Relation r : plan.inputs()) {
      RelationRuntime in = engine.catalog().find(r.name());
      if (in.kind != RelationKind.LOOKUP_TABLE) {
        inputs.add(in);
      }
    }
    return inputs;
  }

  /** The lookup tables a plan reads by key. */
  private List<RelationRuntime> lookupInputsOf(PlannedQuery plan) {
    List<RelationRuntime> out = new ArrayList<>();
    for (org.laminardb.sql.plan.Relation r : plan.inputs()) {
      RelationRuntime in = engine.catalog().find(r.name());
      if (in.kind == RelationKind.LOOKUP_TABLE) {
        out.add(in);
      }
    }
    return out;
  }

  /** The pipeline context of a new query: chunk size, late rows, lookup tables' fetchers. */
  private PipelineContext context(RelationRuntime late) {
    return new PipelineContext(engine.config().chunkCapacity(),
        late == null ? null : late.output).withLookups(name -> {
          RelationRuntime l = engine.catalog().find(name);
          return l.lookupFetcher;
        });
  }

  /** Connects a pipeline to its inputs on the reactor, replaying stored views first. */
  private void wire(RelationRuntime rt, Pipeline pipeline) {
    rt.pipeline = pipeline;
    Reactor reactor = rt.reactor;
    reactor.submit(() -> {
      for (java.util.function.IntSupplier t : pipeline.timers()) {
        java.util.function.IntSupplier timer = counted(rt, guarded(rt, t));
        rt.addDuty(timer);
        rt.detachers.add(() -> rt.removeDuty(timer));
      }
      pipeline.open();
      for (Pipeline.InputBinding b : pipeline.inputs()) {
        RelationRuntime in = engine.catalog().find(b.relation().name());
        attach(rt, in, new FailureGuard(rt, b.entry()));
      }
      return null;
    }).join();
  }

  /**
   * A query's timer that stops with the query: it does nothing once the query has failed, and an
   * exception it throws fails the query (as {@link FailureGuard} does for its input) instead of
   * escaping to the reactor on every cycle.
   */
  private static java.util.function.IntSupplier guarded(RelationRuntime rt,
      java.util.function.IntSupplier timer) {
    return () -> {
      if (rt.failure() != null) {
        return 0;
      }
      try {
        return timer.getAsInt();
      } catch (RuntimeException e) {
        rt.fail(e);
        return 0;
      }
    };
  }

  /** A duty that counts its work as a change of the object's state (incremental checkpoints). */
  private static java.util.function.IntSupplier counted(RelationRuntime rt,
      java.util.function.IntSupplier duty) {
    return () -> {
      int work = duty.getAsInt();
      if (work > 0) {
        rt.stateVersion++;
      }
      return work;
    };
  }

  /** Reactor thread: replays a view's contents into a new consumer, then subscribes it. */
  void attach(RelationRuntime owner, RelationRuntime input, ChunkConsumer consumer) {
    if (input.replay != null) {
      input.replay.accept(new Chunk(input.schema, engine.config().chunkCapacity()), consumer);
    }
    input.output.add(consumer);
    owner.detachers.add(() -> input.output.remove(consumer));
  }

  StatementResult createSink(SqlCreateSink node, String sql) {
    String name = node.name().getSimple();
    if (node.ifNotExists() && engine.catalog().find(name) != null) {
      return StatementResult.done("CREATE SINK");
    }
    engine.catalog().checkFree(name, node.name());
    RelationRuntime rt;
    RelationRuntime late = null;
    Pipeline pipeline = null;
    if (node.from() != null) {
      RelationRuntime in = engine.catalog().require(node.from().getSimple(), node.from());
      if (in.kind == RelationKind.SINK) {
        throw SqlErrors.at(ErrorCode.WRONG_OBJECT_TYPE, node.from(),
            "a sink cannot read from another sink");
      }
      if (in.kind == RelationKind.LOOKUP_TABLE) {
        throw SqlErrors.unsupported(node.from(), "a sink cannot read a lookup table: its rows "
            + "are read by key by lookup joins only");
      }
      rt = new RelationRuntime(name, RelationKind.SINK, in.schema, sql, in.appendOnly,
          List.of(in), null);
      rt.reactor = engine.pool().forQuery(List.of(in), engine.catalog().all());
    } else {
      QueryOptions qo = QueryClauses.options(false, node.emit(), node.allowedLateness(),
          node.lateDataTo());
      PlannedQuery plan = new StreamPlanner(engine.catalog()).plan(node.query(), qo);
      QueryClauses.check(plan, node.emit(), node.allowedLateness(), node.lateDataTo());
      List<RelationRuntime> inputs = inputsOf(plan);
      rt = new RelationRuntime(name, RelationKind.SINK, plan.schema(), sql, plan.appendOnly(),
          inputs, null);
      rt.lookupInputs.addAll(lookupInputsOf(plan));
      rt.reactor = engine.pool().forQuery(inputs, engine.catalog().all());
      late = lateStream(rt, plan, node.lateDataTo());
      pipeline = PipelineBuilder.build(plan, rt.output, context(late));
    }
    if (!engine.config().shadow()) { // a background copy of the state writes to no sink
      SinkRuntime sink = startSink(rt, node);
      rt.output.add(sink.forwarder());
      RelationRuntime sinkOwner = rt;
      rt.reactor.submit(() -> {
        sinkOwner.addDuty(sink.forwarder());
        sinkOwner.detachers.add(() -> sinkOwner.removeDuty(sink.forwarder()));
        return null;
      }).join();
    }
    if (pipeline != null) {
      wire(rt, pipeline);
    } else {
      RelationRuntime in = rt.inputs.get(0);
      RelationRuntime owner = rt;
      rt.reactor.submit(() -> {
        attach(owner, in, new FailureGuard(owner, owner.output));
        return null;
      }).join();
    }
    engine.catalog().add(rt);
    if (late != null) {
      engine.catalog().add(late);
    }
    return StatementResult.done("CREATE SINK");
  }

  private SinkRuntime startSink(RelationRuntime rt, SqlCreateSink node) {
    Map<String, String> options = options(node.options());
    SinkConnector connector = Connectors.sink(node.connector().getSimple(), node.connector())
        .create(new SinkContext() {
          @Override
          public String sinkName() {
            return rt.name;
          }

          @Override
          public Schema schema() {
            return rt.schema;
          }

          @Override
          public Map<String, String> options() {
            return options;
          }

          @Override
          public boolean appendOnly() {
            return rt.appendOnly;
          }

          @Override
          public String variable(String variable) {
            return engine.config().variables().get(variable);
          }
        });
    Checkpointer checkpoints = engine.checkpointer();
    SinkRuntime sink = new SinkRuntime(rt.name, engine.newChannel(rt.schema), connector, rt,
        checkpoints.sinkRecovery(rt.name));
    if (checkpoints.restoring()) {
      sink.forwarder().mute(true);
    }
    rt.sinkRuntime = sink;
    rt.closeables.add(sink);
    sink.start();
    return sink;
  }

  StatementResult drop(SqlDropObject node) {
    String name = node.name().getSimple();
    RelationRuntime rt = engine.catalog().find(name);
    String tag = "DROP " + node.kind().sqlName();
    if (rt == null && node.ifExists()) {
      return StatementResult.done(tag);
    }
    rt = engine.catalog().require(name, RelationKind.valueOf(node.kind().name()), node.name());
    if (rt.sideStreamOf != null) {
      throw SqlErrors.at(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, node.name(), "stream "
          + rt.name + " is fed by source " + rt.sideStreamOf.name + " and dropped with it: DROP "
          + "SOURCE " + rt.sideStreamOf.name + " CASCADE");
    }
    List<RelationRuntime> dependants = engine.catalog().dependants(rt);
    if (!dependants.isEmpty() && !node.cascade()) {
      List<String> names = new ArrayList<>();
      for (RelationRuntime d : dependants) {
        names.add(d.kind.sqlName().toLowerCase(Locale.ROOT) + " " + d.name);
      }
      throw SqlErrors.at(ErrorCode.DEPENDENT_OBJECTS_STILL_EXIST, node.name(), "cannot drop "
          + rt.kind.sqlName().toLowerCase(Locale.ROOT) + " " + rt.name
          + " because other objects depend on it: " + String.join(", ", names)
          + "; use DROP " + node.kind().sqlName() + " " + rt.name + " CASCADE to drop them too");
    }
    Collections.reverse(dependants);
    for (RelationRuntime d : dependants) {
      engine.dropRuntime(d);
    }
    engine.dropRuntime(rt);
    return StatementResult.done(tag);
  }
}
