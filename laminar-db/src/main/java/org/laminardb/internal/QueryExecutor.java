package org.laminardb.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.laminardb.ChangeKind;
import org.laminardb.ColumnInfo;
import org.laminardb.QueryResult;
import org.laminardb.Row;
import org.laminardb.StatementResult;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.function.LaminarOperatorTable;
import org.laminardb.sql.plan.AdHocQuery;
import org.laminardb.sql.plan.Relation;
import org.laminardb.sql.plan.RelationKind;
import org.laminardb.sql.plan.SqlErrors;
import org.laminardb.sql.plan.StreamPlanner;

/**
 * Runs ad-hoc SELECTs: validates with the same planner as continuous queries (same errors),
 * copies each materialized view read on its reactor (after every write that returned before the
 * query started), and evaluates the query with Calcite's Enumerable engine over the copies, so
 * that any SQL Calcite supports works (joins between views, ORDER BY, LIMIT, GROUP BY, ...).
 *
 * <p>Calcite represents TIMESTAMP in milliseconds, so ad-hoc results carry millisecond precision.
 */
final class QueryExecutor {
  private final Engine engine;

  QueryExecutor(Engine engine) {
    this.engine = engine;
  }

  StatementResult query(SqlNode node, String sql, List<Object> params) {
    AdHocQuery q = new StreamPlanner(engine.catalog()).validateAdHoc(node);
    SnapshotSchema snapshot = new SnapshotSchema();
    for (Relation r : q.inputs()) {
      RelationRuntime rt = engine.catalog().find(r.name());
      if (rt.kind == RelationKind.LOOKUP_TABLE) {
        throw SqlErrors.unsupported(node, "ad-hoc queries over lookup table \"" + rt.name
            + "\" are not supported: its rows live in " + rt.lookupInfo.connector() + " and are "
            + "read by key by lookup joins only; query " + rt.lookupInfo.connector()
            + " directly, or join a stream with it in a continuous query");
      }
      if (rt.kind != RelationKind.MATERIALIZED_VIEW && rt.kind != RelationKind.TABLE) {
        throw SqlErrors.at(ErrorCode.WRONG_OBJECT_TYPE, node, rt.kind.sqlName()
            .toLowerCase(Locale.ROOT) + " \"" + rt.name + "\" is unbounded and not stored, so it "
            + "cannot be queried ad hoc: use SUBSCRIBE " + rt.name + " to tail it, or CREATE "
            + "MATERIALIZED VIEW ... AS SELECT ... FROM " + rt.name + " and query the view");
      }
      List<Object[]> rows = copy(rt);
      if (rt.failure() != null) {
        throw SubscriptionManager.failed(rt);
      }
      snapshot.add(rt.name, rt.schema, rows);
    }
    List<ColumnInfo> columns = new ArrayList<>();
    List<DataType> types = new ArrayList<>();
    for (Field f : q.schema().fields()) {
      columns.add(new ColumnInfo(f.name(), f.type()));
      types.add(f.type());
    }
    List<ColumnInfo> cols = List.copyOf(columns);
    List<Row> rows = run(sql, params, snapshot, cols, types);
    return StatementResult.ofRows("SELECT", new QueryResult(cols, rows));
  }

  /** The rows of a view or table, copied on its reactor. */
  private List<Object[]> copy(RelationRuntime rt) {
    return rt.reactor.submit(() -> {
      List<Object[]> rows = new ArrayList<>();
      Chunk buffer = new Chunk(rt.schema, engine.config().chunkCapacity());
      if (rt.store != null) {
        rt.store.scan(buffer, chunk -> CalciteValues.addRows(chunk, rows));
      } else {
        // A table: its upsert operator's latest row per key.
        rt.replay.accept(buffer, new org.laminardb.core.operator.ChunkConsumer() {
          @Override
          public void onChunk(Chunk chunk) {
            CalciteValues.addRows(chunk, rows);
          }

          @Override
          public void onWatermark(long watermark) {}
        });
      }
      return rows;
    }).join();
  }

  private static List<Row> run(String sql, List<Object> params, SnapshotSchema snapshot,
      List<ColumnInfo> cols, List<DataType> types) {
    Properties props = LaminarOperatorTable.calciteConnectionProperties();
    props.setProperty("parserFactory",
        "org.laminardb.sql.parser.impl.LaminarSqlParserImpl#FACTORY");
    try (Connection c = new org.apache.calcite.jdbc.Driver().connect("jdbc:calcite:", props)) {
      CalciteConnection cc = c.unwrap(CalciteConnection.class);
      SchemaPlus root = cc.getRootSchema();
      SchemaPlus laminar = root.add("laminar", snapshot);
      LaminarOperatorTable.registerFunctions(laminar);
      cc.setSchema("laminar");
      try (PreparedStatement ps = c.prepareStatement(stripSemicolon(sql))) {
        for (int i = 0; i < params.size(); i++) {
          ps.setObject(i + 1, params.get(i));
        }
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(new RowImpl(ChangeKind.INSERT, cols,
                CalciteValues.readRow(rs, types).toArray()));
          }
        }
        return rows;
      }
    } catch (SQLException | RuntimeException e) {
      throw translate(e);
    }
  }

  private static String stripSemicolon(String sql) {
    String s = sql.trim();
    return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
  }

  /** Error for a failure inside Calcite's execution, by its innermost known cause. */
  private static LaminarDBException translate(Exception e) {
    Throwable t = e;
    while (true) {
      if (t instanceof LaminarDBException) {
        return (LaminarDBException) t;
      }
      if (t instanceof ArithmeticException) {
        String m = String.valueOf(t.getMessage());
        return m.contains("zero")
            ? new LaminarDBException(ErrorCode.DIVISION_BY_ZERO, "division by zero", e)
            : new LaminarDBException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, m, e);
      }
      if (t instanceof NumberFormatException) {
        return new LaminarDBException(ErrorCode.INVALID_TEXT_REPRESENTATION, t.getMessage(), e);
      }
      if (t.getCause() == null || t.getCause() == t) {
        return new LaminarDBException(ErrorCode.DATA_EXCEPTION,
            "query failed: " + t.getMessage(), e);
      }
      t = t.getCause();
    }
  }
}
