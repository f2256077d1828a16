package org.laminardb.sql.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * The SQL functions and operators LaminarDB knows, and how their names resolve.
 *
 * <h2>Name resolution (one design for both query paths)</h2>
 * A function name resolves, case-insensitively, in three layers:
 * <ol>
 *   <li>Calcite's standard operators ({@code SqlStdOperatorTable}: {@code +}, {@code LIKE},
 *       {@code UPPER}, {@code SUBSTRING}, {@code EXTRACT}, {@code CURRENT_TIMESTAMP}, ...);
 *   <li>Calcite's PostgreSQL library ({@code SqlLibrary.POSTGRESQL}), which supplies for example
 *       {@code CONCAT(a, b, ...)} with PostgreSQL's NULL-as-empty semantics;
 *   <li>LaminarDB's own functions, {@link LaminarFunction#DATE_TRUNC} ({@code DATE_TRUNC('unit',
 *       ts)} in PostgreSQL argument order) and {@link LaminarFunction#NOW}, which are Calcite
 *       <em>schema functions</em> ({@code ScalarFunction} with an Enumerable implementor).
 * </ol>
 * Continuous queries: the planner validates with {@link #instance()}, which chains layers 1 and 2
 * exactly as Calcite builds them for {@code fun=standard,postgresql} with layer 3 wrapped as
 * {@code SqlUserDefinedFunction}s; do not also register the functions in the planner's catalog
 * schema. Ad-hoc queries: Calcite's JDBC driver builds layers 1 and 2 itself from the {@code fun}
 * property in {@link #calciteConnectionProperties()}, and finds layer 3 in the root schema, where
 * {@link #registerFunctions(SchemaPlus)} put it. In both paths a call to a LaminarDB function is a
 * {@code SqlUserDefinedFunction} whose {@code getFunction()} is the same {@link LaminarFunction}
 * object; the continuous-query code generator recognises it by that identity.
 *
 * <p>Layers 1 and 2 contain more functions than continuous queries can run; the code generator
 * rejects the others at compile time with {@code 0A000}. Differences between the paths: in
 * ad-hoc queries {@code NOW()} and {@code CURRENT_TIMESTAMP} are fixed per statement, in
 * continuous queries per processed chunk; {@code EXTRACT(DOW ...)} follows PostgreSQL (Sunday = 0)
 * in continuous queries but Calcite (Sunday = 1) in ad-hoc queries.
 */
public final class LaminarOperatorTable {
  /** Value of Calcite's {@code fun} connection property: the libraries of layers 1 and 2. */
  public static final String FUN = "standard,postgresql";

  private static final SqlOperatorTable INSTANCE = build();
  private static final SqlOperatorTable AD_HOC = buildAdHoc();

  private LaminarOperatorTable() {}

  /**
   * Operator table for the streaming planner's validator.
   *
   * @return the shared, immutable table
   */
  public static SqlOperatorTable instance() {
    return INSTANCE;
  }

  /**
   * Operator table that validates ad-hoc queries exactly as Calcite's JDBC driver then runs them:
   * Calcite's own window table functions (TUMBLE, HOP, SESSION without {@code window_time}) and
   * aggregate functions, plus LaminarDB's scalar functions.
   *
   * @return the shared, immutable table
   */
  public static SqlOperatorTable adHocInstance() {
    return AD_HOC;
  }

  /**
   * Adds LaminarDB's own functions to a schema, for Calcite's JDBC driver (ad-hoc queries).
   * Call it on the root schema handed to the {@code jdbc:calcite:} connection.
   *
   * @param schema the schema
   */
  public static void registerFunctions(SchemaPlus schema) {
    for (LaminarFunction f : LaminarFunction.all()) {
      schema.add(f.name(), f);
    }
  }

  /**
   * Connection properties for {@code jdbc:calcite:} connections that run ad-hoc queries:
   * {@code fun=standard,postgresql}, case-insensitive names kept as written
   * ({@code caseSensitive=false}, {@code unquotedCasing=UNCHANGED},
   * {@code quotedCasing=UNCHANGED}),
   * {@code conformance=LENIENT} (PostgreSQL-like leniency: {@code GROUP BY} aliases and ordinals,
   * {@code NOW()} with parentheses), {@code typeSystem} = LaminarDB's type system and
   * {@code timeZone=UTC} so that {@code CURRENT_TIMESTAMP} is the UTC wall clock like LaminarDB's
   * TIMESTAMP values. Returns a new mutable copy on each call.
   *
   * @return the properties
   */
  public static Properties calciteConnectionProperties() {
    Properties p = new Properties();
    p.setProperty(CalciteConnectionProperty.FUN.camelName(), FUN);
    p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    p.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), "UNCHANGED");
    p.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), "UNCHANGED");
    p.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(),
        SqlConformanceEnum.LENIENT.name());
    p.setProperty(CalciteConnectionProperty.TYPE_SYSTEM.camelName(),
        "org.laminardb.sql.type.LaminarTypeSystem#INSTANCE");
    p.setProperty(CalciteConnectionProperty.TIME_ZONE.camelName(), "UTC");
    return p;
  }

  private static SqlOperatorTable buildAdHoc() {
    return SqlOperatorTables.chain(
        SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.parse(FUN)),
        new LaminarFunctionTable(ownFunctions()));
  }

  private static List<SqlOperator> ownFunctions() {
    List<SqlOperator> own = new ArrayList<>();
    for (LaminarFunction f : LaminarFunction.all()) {
      own.add(LaminarSqlFunction.of(f));
    }
    return own;
  }

  private static SqlOperatorTable build() {
    SqlOperatorTable libraries = LaminarAggFunctions.replacing(
        SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.parse(FUN)));
    return SqlOperatorTables.chain(new WithoutCalciteWindows(libraries),
        new LaminarFunctionTable(ownFunctions()), SqlOperatorTables.of(WindowTableFunctions.all()),
        SqlOperatorTables.of(AsofMarkers.ALL), SqlOperatorTables.of(ProcTimeFunction.INSTANCE));
  }

  /** Calcite's operators minus its window table functions, which LaminarDB replaces. */
  private static final class WithoutCalciteWindows implements SqlOperatorTable {
    private final SqlOperatorTable delegate;

    WithoutCalciteWindows(SqlOperatorTable delegate) {
      this.delegate = delegate;
    }

    @Override
    public void lookupOperatorOverloads(org.apache.calcite.sql.SqlIdentifier opName,
        org.apache.calcite.sql.SqlFunctionCategory category,
        org.apache.calcite.sql.SqlSyntax syntax, List<SqlOperator> operatorList,
        org.apache.calcite.sql.validate.SqlNameMatcher nameMatcher) {
      int before = operatorList.size();
      delegate.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
      for (int i = operatorList.size() - 1; i >= before; i--) {
        if (WindowTableFunctions.isCalciteWindowFunction(operatorList.get(i))) {
          operatorList.remove(i);
        }
      }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
      List<SqlOperator> out = new ArrayList<>();
      for (SqlOperator op : delegate.getOperatorList()) {
        if (!WindowTableFunctions.isCalciteWindowFunction(op)) {
          out.add(op);
        }
      }
      return out;
    }
  }
}
