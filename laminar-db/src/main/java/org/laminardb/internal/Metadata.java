package org.laminardb.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.laminardb.ChangeKind;
import org.laminardb.ColumnInfo;
import org.laminardb.QueryResult;
import org.laminardb.Row;
import org.laminardb.StatementResult;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.TypeKind;
import org.laminardb.sql.parser.ddl.SqlCreateQueryObject;
import org.laminardb.sql.parser.ddl.SqlCreateSink;
import org.laminardb.sql.parser.ddl.SqlDescribeObject;
import org.laminardb.sql.parser.ddl.SqlShowCreate;
import org.laminardb.sql.parser.ddl.SqlShowObjects;
import org.laminardb.sql.plan.PlannedQuery;
import org.laminardb.sql.plan.RelationKind;
import org.laminardb.sql.plan.SqlErrors;
import org.laminardb.sql.plan.StreamPlanner;

/** SHOW, SHOW CREATE, DESCRIBE and EXPLAIN. Called with the catalog read lock held. */
final class Metadata {
  private static final DataType TEXT = DataType.of(TypeKind.VARCHAR);
  private static final DataType NOT_NULL_TEXT = TEXT.withNullable(false);

  /** A {@code password = '...'} connector option, masked by SHOW CREATE. */
  private static final java.util.regex.Pattern PASSWORD = java.util.regex.Pattern.compile(
      "(?i)(\\bpassword\\s*=\\s*)'(?:[^']|'')*'");
  private final Engine engine;

  Metadata(Engine engine) {
    this.engine = engine;
  }

  StatementResult show(SqlShowObjects node) {
    RelationKind kind = RelationKind.valueOf(node.kind().name());
    if (kind == RelationKind.LOOKUP_TABLE) {
      return showLookupTables();
    }
    boolean sourceLike = kind == RelationKind.SOURCE || kind == RelationKind.TABLE;
    List<ColumnInfo> cols = sourceLike
        ? List.<ColumnInfo>of(col("name", NOT_NULL_TEXT), col("connector", TEXT), col("watermark_clause", TEXT),
            col("watermark", DataType.of(TypeKind.TIMESTAMP)), col("status", NOT_NULL_TEXT))
        : List.<ColumnInfo>of(col("name", NOT_NULL_TEXT), col("inputs", NOT_NULL_TEXT),
            col("output", NOT_NULL_TEXT), col("watermark", DataType.of(TypeKind.TIMESTAMP)),
            col("late_rows", DataType.of(TypeKind.BIGINT).withNullable(false)),
            col("status", NOT_NULL_TEXT));
    List<RelationRuntime> objects = new ArrayList<>();
    for (RelationRuntime r : engine.catalog().all()) {
      if (r.kind == kind) {
        objects.add(r);
      }
    }
    objects.sort(Comparator.comparing(r -> r.name, String.CASE_INSENSITIVE_ORDER));
    sync(objects);
    List<Row> rows = new ArrayList<>();
    for (RelationRuntime r : objects) {
      rows.add(row(cols, sourceLike ? sourceRow(r) : queryRow(r)));
    }
    return StatementResult.ofRows("SHOW", new QueryResult(cols, rows));
  }

  /**
   * SHOW LOOKUP TABLES: connector, key, cache settings, keys fetched, fetch errors and status
   * (RUNNING, or RETRYING with the last error while the external system is unreachable).
   */
  private StatementResult showLookupTables() {
    DataType bigint = DataType.of(TypeKind.BIGINT).withNullable(false);
    List<ColumnInfo> cols = List.of(col("name", NOT_NULL_TEXT), col("connector", NOT_NULL_TEXT),
        col("key", NOT_NULL_TEXT), col("cache", NOT_NULL_TEXT), col("fetched_keys", bigint),
        col("errors", bigint), col("last_error", TEXT), col("status", NOT_NULL_TEXT));
    List<Object[]> values = new ArrayList<>();
    List<RelationRuntime> objects = new ArrayList<>();
    for (RelationRuntime r : engine.catalog().all()) {
      if (r.kind == RelationKind.LOOKUP_TABLE) {
        objects.add(r);
      }
    }
    objects.sort(Comparator.comparing(r -> r.name, String.CASE_INSENSITIVE_ORDER));
    for (RelationRuntime r : objects) {
      List<String> key = new ArrayList<>();
      for (int k : r.key) {
        key.add(r.schema.field(k).name());
      }
      org.laminardb.core.lookup.LookupFetcher f = r.lookupFetcher;
      Throwable last = f.lastError();
      values.add(new Object[] {r.name, r.lookupInfo.connector(), String.join(", ", key),
          "ttl=" + r.lookupInfo.ttlMillis() + "ms max_rows=" + r.lookupInfo.maxRows(),
          f.fetchedKeys(), f.errors(), last == null ? null : last.getMessage(), r.status()});
    }
    return rows(cols, values);
  }

  /** SHOW CHECKPOINTS: the checkpoints kept, oldest first. */
  StatementResult showCheckpoints() {
    DataType bigint = DataType.of(TypeKind.BIGINT).withNullable(false);
    List<ColumnInfo> cols = List.of(col("epoch", bigint),
        col("completed_at", DataType.of(TypeKind.TIMESTAMP).withNullable(false)),
        col("size_bytes", bigint), col("duration_ms", DataType.of(TypeKind.DOUBLE)),
        col("pause_ms", DataType.of(TypeKind.DOUBLE)));
    List<Row> rows = new ArrayList<>();
    for (org.laminardb.CheckpointStats c : engine.checkpoints()) {
      rows.add(row(cols, new Object[] {c.epoch(),
          java.time.LocalDateTime.ofInstant(c.completedAt(), java.time.ZoneOffset.UTC),
          c.sizeBytes(), c.durationMicros() / 1000.0,
          c.pauseMicros() < 0 ? null : c.pauseMicros() / 1000.0}));
    }
    return StatementResult.ofRows("SHOW", new QueryResult(cols, rows));
  }

  /** Waits until each object's reactor has processed every write that returned before now. */
  private static void sync(List<RelationRuntime> objects) {
    java.util.Set<org.laminardb.core.reactor.Reactor> reactors = new java.util.HashSet<>();
    for (RelationRuntime r : objects) {
      if (reactors.add(r.reactor)) {
        r.reactor.submit(() -> null).join();
      }
    }
  }

  private static Object[] sourceRow(RelationRuntime r) {
    Object wm = r.watermark == null || r.watermark.watermark() == Long.MIN_VALUE ? null
        : ValueConverter.timestampOf(r.watermark.watermark());
    return new Object[] {r.name, r.source.connector(), r.source.watermark(), wm, r.status()};
  }

  private static Object[] queryRow(RelationRuntime r) {
    List<String> in = new ArrayList<>();
    for (RelationRuntime i : r.inputs) {
      in.add(i.name);
    }
    for (RelationRuntime i : r.lookupInputs) {
      in.add(i.name);
    }
    long wm = r.outputWatermark();
    return new Object[] {r.name, String.join(", ", in),
        r.appendOnly ? "append-only" : "changelog",
        wm == org.laminardb.core.operator.Watermarks.NONE ? null : ValueConverter.timestampOf(wm),
        r.lateRows(), r.status()};
  }

  StatementResult showCreate(SqlShowCreate node) {
    RelationRuntime r = engine.catalog().require(node.name().getSimple(),
        RelationKind.valueOf(node.kind().name()), node.name());
    List<ColumnInfo> cols = List.of(col("name", NOT_NULL_TEXT), col("statement", NOT_NULL_TEXT));
    List<Object[]> values = new ArrayList<>();
    values.add(new Object[] {r.name, r.kind == RelationKind.LOOKUP_TABLE
        ? PASSWORD.matcher(r.createSql).replaceAll("$1'***'") : r.createSql});
    return rows(cols, values);
  }

  StatementResult describe(SqlDescribeObject node) {
    RelationRuntime r = engine.catalog().require(node.name().getSimple(), node.name());
    List<ColumnInfo> cols = List.of(col("column_name", NOT_NULL_TEXT),
        col("type", NOT_NULL_TEXT), col("nullable", DataType.of(TypeKind.BOOLEAN)
            .withNullable(false)));
    List<Object[]> values = new ArrayList<>();
    for (ColumnInfo c : r.columns) {
      values.add(new Object[] {c.name(), c.typeName(), c.type().nullable()});
    }
    return rows(cols, values);
  }

  StatementResult explain(SqlNode query) {
    return explain(query, org.laminardb.sql.plan.QueryOptions.DEFAULT);
  }

  private StatementResult explain(SqlNode query, org.laminardb.sql.plan.QueryOptions options) {
    PlannedQuery plan = new StreamPlanner(engine.catalog()).plan(query, options);
    List<Object[]> values = new ArrayList<>();
    for (String line : plan.explain()) {
      values.add(new Object[] {line});
    }
    return rows(List.of(col("plan", NOT_NULL_TEXT)), values);
  }

  StatementResult explainCreate(SqlNode statement) {
    if (statement instanceof SqlCreateQueryObject) {
      SqlCreateQueryObject q = (SqlCreateQueryObject) statement;
      return explain(q.query(), QueryClauses.options(
          q.kind() == org.laminardb.sql.parser.ddl.ObjectKind.MATERIALIZED_VIEW, q.emit(),
          q.allowedLateness(), q.lateDataTo(), q.withOptions()));
    }
    if (statement instanceof SqlCreateSink && ((SqlCreateSink) statement).query() != null) {
      SqlCreateSink s = (SqlCreateSink) statement;
      return explain(s.query(), QueryClauses.options(false, s.emit(), s.allowedLateness(),
          s.lateDataTo()));
    }
    throw SqlErrors.unsupported(statement, "EXPLAIN takes a query or a CREATE STREAM, CREATE "
        + "MATERIALIZED VIEW or CREATE SINK ... AS query");
  }

  private static ColumnInfo col(String name, DataType type) {
    return new ColumnInfo(name, type);
  }

  private static Row row(List<ColumnInfo> cols, Object[] values) {
    return new RowImpl(ChangeKind.INSERT, cols, values);
  }

  private static StatementResult rows(List<ColumnInfo> cols, List<Object[]> values) {
    List<Row> rows = new ArrayList<>();
    for (Object[] v : values) {
      rows.add(row(cols, v));
    }
    return StatementResult.ofRows("SHOW", new QueryResult(cols, rows));
  }
}
