package org.laminardb.sql.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.junit.jupiter.api.Test;

class LaminarOperatorTableTest {
  private static final long TS_MILLIS =
      LocalDateTime.of(2024, 5, 6, 7, 8, 9, 10_000_000).toInstant(ZoneOffset.UTC).toEpochMilli();

  /** Table {@code t(ts TIMESTAMP, a VARCHAR, b VARCHAR)} in Calcite's Enumerable representation. */
  private static final class SmallTable extends AbstractTable implements ScannableTable {
    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
      return f.builder()
          .add("ts", f.createTypeWithNullability(f.createSqlType(SqlTypeName.TIMESTAMP, 3), true))
          .add("a", f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true))
          .add("b", f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true))
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      return Linq4j.asEnumerable(List.of(
          new Object[] {TS_MILLIS, "x", "y"},
          new Object[] {null, "x", null}));
    }
  }

  @Test
  void adhocQueriesRunLaminarAndPostgresFunctionsInCalciteEnumerable() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:calcite:",
        LaminarOperatorTable.calciteConnectionProperties())) {
      SchemaPlus root = c.unwrap(CalciteConnection.class).getRootSchema();
      LaminarOperatorTable.registerFunctions(root);
      root.add("t", new SmallTable());
      List<List<Object>> rows = new ArrayList<>();
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery(
               "SELECT DATE_TRUNC('hour', ts), CONCAT(a, b), UPPER(a), NOW() IS NOT NULL FROM t")) {
        while (rs.next()) {
          Long truncated = rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).getTime();
          rows.add(Arrays.asList(truncated, rs.getString(2), rs.getString(3), rs.getBoolean(4)));
        }
      }
      long hour = LocalDateTime.of(2024, 5, 6, 7, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
      assertThat(rows).containsExactly(Arrays.asList(hour, "xy", "X", true),
          Arrays.asList(null, "x", "X", true));
    }
  }

  @Test
  void adhocNowIsCurrentUtcTime() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:calcite:",
        LaminarOperatorTable.calciteConnectionProperties())) {
      LaminarOperatorTable.registerFunctions(c.unwrap(CalciteConnection.class).getRootSchema());
      long before = System.currentTimeMillis();
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT now(), CURRENT_TIMESTAMP")) {
        assertThat(rs.next()).isTrue();
        long now = rs.getTimestamp(1).getTime();
        assertThat(now).isBetween(before - 1000, System.currentTimeMillis() + 1000);
        assertThat(rs.getTimestamp(2).getTime()).isBetween(now - 1000, now + 1000);
      }
    }
  }

  @Test
  void streamingTableResolvesLaminarFunctionsToTheSharedFunctionObjects() {
    SqlOperator dateTrunc = lookup("date_trunc");
    SqlOperator now = lookup("NOW");
    assertThat(((SqlUserDefinedFunction) dateTrunc).getFunction())
        .isSameAs(LaminarFunction.DATE_TRUNC);
    assertThat(((SqlUserDefinedFunction) now).getFunction()).isSameAs(LaminarFunction.NOW);
    assertThat(dateTrunc.isDeterministic()).isTrue();
    assertThat(now.isDeterministic()).isFalse();
    assertThat(now.isDynamicFunction()).isTrue();
  }

  @Test
  void streamingTableHasPostgresConcat() {
    List<SqlOperator> found = new ArrayList<>();
    LaminarOperatorTable.instance().lookupOperatorOverloads(
        new SqlIdentifier("CONCAT", SqlParserPos.ZERO), null, SqlSyntax.FUNCTION, found,
        SqlNameMatchers.withCaseSensitive(false));
    assertThat(found).extracting(SqlOperator::getKind)
        .containsExactly(SqlKind.CONCAT_WITH_NULL);
  }

  @Test
  void connectionPropertiesNameLibrariesAndTypeSystem() {
    assertThat(LaminarOperatorTable.calciteConnectionProperties())
        .containsEntry("fun", "standard,postgresql")
        .containsEntry("caseSensitive", "false")
        .containsEntry("unquotedCasing", "UNCHANGED")
        .containsEntry("typeSystem", "org.laminardb.sql.type.LaminarTypeSystem#INSTANCE");
  }

  private static SqlOperator lookup(String name) {
    List<SqlOperator> found = new ArrayList<>();
    LaminarOperatorTable.instance().lookupOperatorOverloads(
        new SqlIdentifier(name, SqlParserPos.ZERO), SqlFunctionCategory.TIMEDATE,
        SqlSyntax.FUNCTION, found, SqlNameMatchers.withCaseSensitive(false));
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
