package org.laminardb.sql.codegen;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.sql.function.LaminarOperatorTable;
import org.laminardb.sql.type.LaminarTypeSystem;
import org.laminardb.sql.type.TypeMapping;

/**
 * Test helper: plans {@code SELECT ... FROM t [WHERE ...]} the way the streaming planner does
 * (validator with LaminarDB's operator table and type system, SqlToRelConverter, Project and
 * Filter turned into one Calc), compiles the Calc's program and runs it over rows.
 *
 * <p>Java values: BOOLEAN {@link Boolean}, INT {@link Integer}, BIGINT {@link Long}, DOUBLE and
 * REAL {@link Double}, DECIMAL {@link BigDecimal}, VARCHAR {@link String}, TIMESTAMP {@link
 * LocalDateTime}, DATE {@link LocalDate}, INTERVAL {@link Duration}.
 */
final class CalcHarness {
  /**
   * Table used by most tests: {@code i INT, b BIGINT, d DECIMAL(10, 2), x DOUBLE, s VARCHAR,
   * ts TIMESTAMP, dt DATE, f BOOLEAN, s2 VARCHAR, nn INT NOT NULL}.
   */
  static final Schema T = new Schema(List.of(
      new Field("i", DataType.of(TypeKind.INT)),
      new Field("b", DataType.of(TypeKind.BIGINT)),
      new Field("d", DataType.decimal(10, 2)),
      new Field("x", DataType.of(TypeKind.DOUBLE)),
      new Field("s", DataType.of(TypeKind.VARCHAR)),
      new Field("ts", DataType.of(TypeKind.TIMESTAMP)),
      new Field("dt", DataType.of(TypeKind.DATE)),
      new Field("f", DataType.of(TypeKind.BOOLEAN)),
      new Field("s2", DataType.of(TypeKind.VARCHAR)),
      new Field("nn", DataType.of(TypeKind.INT).withNullable(false))));

  private CalcHarness() {}

  /** Row of {@link #T}, every column NULL except {@code nn = 0}. */
  static Object[] row() {
    Object[] r = new Object[T.size()];
    r[T.size() - 1] = 0;
    return r;
  }

  /** Row of {@link #T} with the named columns set, e.g. {@code row("i", 1, "s", "a")}. */
  static Object[] row(Object... namesAndValues) {
    Object[] r = row();
    for (int k = 0; k < namesAndValues.length; k += 2) {
      int index = T.indexOf((String) namesAndValues[k]);
      if (index < 0) {
        throw new IllegalArgumentException("no column " + namesAndValues[k]);
      }
      r[index] = namesAndValues[k + 1];
    }
    return r;
  }

  /** Values of one expression over {@link #T}, one per row. */
  static List<Object> eval(String expression, Object[]... rows) {
    List<Object> values = new ArrayList<>();
    for (List<Object> r : run(T, "SELECT " + expression + " FROM t", rows)) {
      values.add(r.get(0));
    }
    return values;
  }

  /** Value of one expression over one row of {@link #T}. */
  static Object eval1(String expression, Object[] row) {
    return eval(expression, row).get(0);
  }

  /** Planned Calc program of a query over table {@code t}. */
  static RexProgram program(Schema table, String sql) {
    Planner planner = Frameworks.getPlanner(config(table));
    try {
      SqlNode parsed = planner.parse(sql);
      SqlNode validated = planner.validate(parsed);
      RelNode rel = planner.rel(validated).project();
      HepProgramBuilder b = new HepProgramBuilder();
      b.addRuleInstance(CoreRules.FILTER_TO_CALC);
      b.addRuleInstance(CoreRules.PROJECT_TO_CALC);
      b.addRuleInstance(CoreRules.CALC_MERGE);
      HepPlanner hep = new HepPlanner(b.build());
      hep.setRoot(rel);
      RelNode best = hep.findBestExp();
      if (!(best instanceof LogicalCalc)) {
        throw new AssertionError("expected one Calc, got\n" + best.explain());
      }
      return ((LogicalCalc) best).getProgram();
    } catch (Exception e) {
      throw e instanceof RuntimeException ? (RuntimeException) e : new RuntimeException(e);
    } finally {
      planner.close();
    }
  }

  /** Compiles a query over {@code t}. */
  static CalcProgram compile(Schema table, String sql) {
    RexProgram program = program(table, sql);
    return CalcCompiler.compile(program, table, TypeMapping.toSchema(program.getOutputRowType()));
  }

  /** Output schema of a query over {@code t}. */
  static Schema outputSchema(Schema table, String sql) {
    return TypeMapping.toSchema(program(table, sql).getOutputRowType());
  }

  /** Runs a query over rows of {@code t}, all of kind INSERT. */
  static List<List<Object>> run(Schema table, String sql, Object[]... rows) {
    byte[] kinds = new byte[rows.length];
    Arrays.fill(kinds, RowKind.INSERT);
    return run(table, sql, kinds, rows).rows;
  }

  /** Result of a run: rows and their kinds. */
  static final class Result {
    final List<List<Object>> rows;
    final List<Byte> kinds;

    Result(List<List<Object>> rows, List<Byte> kinds) {
      this.rows = rows;
      this.kinds = kinds;
    }
  }

  /** Runs a query over rows of {@code t} with the given kinds. */
  static Result run(Schema table, String sql, byte[] kinds, Object[]... rows) {
    RexProgram program = program(table, sql);
    Schema output = TypeMapping.toSchema(program.getOutputRowType());
    CalcProgram calc = CalcCompiler.compile(program, table, output);
    Chunk in = chunk(table, kinds, rows);
    Chunk out = new Chunk(output, Math.max(rows.length, 1) + 3);
    out.size = 3;
    int added = calc.apply(in, out);
    if (added != out.size - 3) {
      throw new AssertionError("apply returned " + added + " but appended " + (out.size - 3));
    }
    List<List<Object>> result = new ArrayList<>();
    List<Byte> resultKinds = new ArrayList<>();
    for (int r = 3; r < out.size; r++) {
      List<Object> row = new ArrayList<>();
      for (Column c : out.columns) {
        row.add(value(c, r));
      }
      result.add(row);
      resultKinds.add(out.kinds[r]);
    }
    return new Result(result, resultKinds);
  }

  /** Chunk holding the given rows. */
  static Chunk chunk(Schema schema, byte[] kinds, Object[]... rows) {
    Chunk chunk = new Chunk(schema, Math.max(rows.length, 1));
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < schema.size(); c++) {
        set(chunk.columns[c], r, rows[r][c]);
      }
      chunk.kinds[r] = kinds[r];
    }
    chunk.size = rows.length;
    return chunk;
  }

  private static void set(Column c, int row, Object v) {
    if (v == null) {
      c.setNull(row);
      return;
    }
    DataType t = c.type;
    switch (t.kind()) {
      case BOOLEAN:
        c.longs[row] = (Boolean) v ? 1 : 0;
        break;
      case INT:
      case BIGINT:
        c.longs[row] = ((Number) v).longValue();
        break;
      case DECIMAL:
        c.longs[row] = ((BigDecimal) v).setScale(t.scale()).unscaledValue().longValueExact();
        break;
      case DOUBLE:
      case REAL:
        c.doubles[row] = ((Number) v).doubleValue();
        break;
      case VARCHAR:
        c.strings[row] = (String) v;
        break;
      case TIMESTAMP:
        c.longs[row] = ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0),
            (LocalDateTime) v);
        break;
      case DATE:
        c.longs[row] = ((LocalDate) v).toEpochDay();
        break;
      default:
        c.longs[row] = ((Duration) v).toNanos() / 1000;
        break;
    }
  }

  private static Object value(Column c, int row) {
    if (c.isNull(row)) {
      return null;
    }
    DataType t = c.type;
    switch (t.kind()) {
      case BOOLEAN:
        return c.longs[row] != 0;
      case INT:
        return Math.toIntExact(c.longs[row]);
      case BIGINT:
        return c.longs[row];
      case DECIMAL:
        return BigDecimal.valueOf(c.longs[row], t.scale());
      case DOUBLE:
      case REAL:
        return c.doubles[row];
      case VARCHAR:
        return c.strings[row];
      case TIMESTAMP:
        return LocalDateTime.ofEpochSecond(Math.floorDiv(c.longs[row], 1_000_000L),
            (int) Math.floorMod(c.longs[row], 1_000_000L) * 1000, ZoneOffset.UTC);
      case DATE:
        return LocalDate.ofEpochDay(c.longs[row]);
      default:
        return Duration.ofNanos(c.longs[row] * 1000);
    }
  }

  private static FrameworkConfig config(Schema table) {
    SchemaPlus root = Frameworks.createRootSchema(true);
    root.add("t", new AbstractTable() {
      @Override
      public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return TypeMapping.toRowType(typeFactory, table);
      }
    });
    return Frameworks.newConfigBuilder()
        .parserConfig(SqlParser.config()
            .withCaseSensitive(false)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withConformance(SqlConformanceEnum.LENIENT))
        .operatorTable(LaminarOperatorTable.instance())
        .typeSystem(LaminarTypeSystem.INSTANCE)
        .defaultSchema(root)
        .build();
  }
}
