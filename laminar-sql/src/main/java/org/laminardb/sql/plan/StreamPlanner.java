package org.laminardb.sql.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.Snapshot;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.function.LaminarOperatorTable;
import org.laminardb.sql.type.LaminarTypeSystem;
import org.laminardb.core.type.Schema;
import org.laminardb.sql.type.TypeMapping;

/**
 * Planner of LaminarDB queries: validates a query with Calcite against the catalog, converts it
 * to relational algebra, fuses filters and projections into Calcs, and translates the result into
 * a tree of {@link PhysicalNode}s. Ad-hoc queries are validated the same way so that both paths
 * report identical errors.
 *
 * <p>One instance plans one statement at a time; create one per statement (cheap).
 */
public final class StreamPlanner {
  private final RelationResolver resolver;

  /**
   * Creates a planner over a catalog.
   *
   * @param resolver the relations statements may read
   */
  public StreamPlanner(RelationResolver resolver) {
    this.resolver = resolver;
  }

  /**
   * Validates and plans a continuous query (the body of CREATE STREAM / MATERIALIZED VIEW / SINK).
   *
   * @param query the query
   * @return the plan
   * @throws LaminarDBException with SQLSTATE and position for invalid or unsupported SQL
   */
  public PlannedQuery plan(SqlNode query) {
    return plan(query, QueryOptions.DEFAULT);
  }

  /**
   * Validates and plans a continuous query with its EMIT and lateness clauses.
   *
   * @param query the query
   * @param options the clauses around it
   * @return the plan
   * @throws LaminarDBException with SQLSTATE and position for invalid or unsupported SQL
   */
  public PlannedQuery plan(SqlNode query, QueryOptions options) {
    query = AsofSyntax.rewrite(GroupWindowRewriter.rewrite(query, resolver));
    ContinuousQueryChecker.check(query);
    if (SemiJoins.candidates(query)) {
      // Subqueries that can run as interval semi or anti joins, whose state the watermarks
      // bound; the others are decorrelated below.
      RelRoot relRoot = toRoot(query, LaminarOperatorTable.instance(), false);
      RelNode semi = SemiJoins.rewrite(relRoot.project());
      if (semi != null) {
        try {
          PhysicalNode root = new RelTranslator(options).translate(
              optimize(AsofJoinRel.replaceMarkedJoins(semi)));
          return new PlannedQuery(root, named(root.schema(),
              relRoot.validatedRowType.getFieldNames()));
        } catch (SemiJoins.NotBounded | LaminarDBException e) {
          // planned the general way, which reports its own errors
        }
      }
    }
    RelRoot relRoot = toRoot(query, LaminarOperatorTable.instance(), true);
    RelNode rel = AsofJoinRel.replaceMarkedJoins(decorrelate(relRoot.project()));
    PhysicalNode root = new RelTranslator(options).translate(optimize(rel));
    return new PlannedQuery(root, named(root.schema(),
        relRoot.validatedRowType.getFieldNames()));
  }

  /**
   * Validates an ad-hoc query and tells which relations it reads.
   *
   * @param query the query
   * @return its result columns and inputs
   * @throws LaminarDBException with SQLSTATE and position for invalid SQL
   */
  public AdHocQuery validateAdHoc(SqlNode query) {
    if (AsofSyntax.hasAsof(query)) {
      throw SqlErrors.unsupported(query, "ASOF joins are for continuous queries (CREATE STREAM "
          + "or MATERIALIZED VIEW ... AS SELECT); an ad-hoc query can read their results");
    }
    if (GroupWindowRewriter.rewrite(query) != query) {
      throw SqlErrors.unsupported(query, "window functions in GROUP BY (tumble(ts, ...), "
          + "hop, session, cumulate) are for continuous queries; an ad-hoc query over a view "
          + "can use FROM TABLE(TUMBLE(TABLE view, DESCRIPTOR(ts), size)) or HOP, with "
          + "window_start and window_end");
    }
    RelNode rel = toRel(query, LaminarOperatorTable.adHocInstance());
    Map<String, Relation> inputs = new LinkedHashMap<>();
    new RelVisitor() {
      @Override
      public void visit(RelNode node, int ordinal, RelNode parent) {
        if (node instanceof TableScan) {
          RelationTable t = node.getTable().unwrap(RelationTable.class);
          if (t != null) {
            inputs.putIfAbsent(t.relation().name().toLowerCase(Locale.ROOT), t.relation());
          }
        }
        super.visit(node, ordinal, parent);
      }
    }.go(rel);
    return new AdHocQuery(TypeMapping.toSchema(rel.getRowType()), new ArrayList<>(inputs.values()));
  }

  /**
   * Columns of a query validated as a continuous query would be, without planning it (tests).
   *
   * @param query the query, group-window syntax already rewritten
   * @return its output columns
   */
  Schema continuousRowType(SqlNode query) {
    return TypeMapping.toSchema(toRel(query, LaminarOperatorTable.instance()).getRowType());
  }

  /**
   * The query's columns with the names the query gives them: a projection that only renames
   * columns is trivial to Calcite and dropped, so the plan's own names can be the input's.
   */
  private static Schema named(Schema schema, List<String> names) {
    List<org.laminardb.core.type.Field> fields = new ArrayList<>();
    boolean same = true;
    for (int i = 0; i < schema.size(); i++) {
      org.laminardb.core.type.Field f = schema.field(i);
      // A column selected by name keeps the case it was declared with.
      boolean kept = f.name().equalsIgnoreCase(names.get(i));
      same &= kept;
      fields.add(kept ? f : new org.laminardb.core.type.Field(names.get(i), f.type()));
    }
    return same ? schema : new Schema(fields);
  }

  private RelNode toRel(SqlNode query, SqlOperatorTable operators) {
    return decorrelate(toRoot(query, operators, true).project());
  }

  /**
   * Validates and converts a query; with {@code expand} false, subqueries stay expressions
   * ({@link org.apache.calcite.rex.RexSubQuery}) for {@link SemiJoins}.
   */
  private RelRoot toRoot(SqlNode query, SqlOperatorTable operators, boolean expand) {
    JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(LaminarTypeSystem.INSTANCE);
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    for (Relation r : resolver.relations()) {
      root.add(r.name(), RelationTable.of(r, resolver));
    }
    Properties props = new Properties();
    props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    CalciteCatalogReader reader = new CalciteCatalogReader(
        root, List.of(), typeFactory, new CalciteConnectionConfigImpl(props));
    SqlValidator validator = SqlValidatorUtil.newValidator(
        operators, reader, typeFactory,
        SqlValidator.Config.DEFAULT
            .withIdentifierExpansion(true)
            .withConformance(SqlConformanceEnum.LENIENT));
    SqlNode validated;
    try {
      validated = validator.validate(query);
    } catch (RuntimeException e) {
      throw SqlErrors.fromValidation(e);
    }
    SemiJoins.rejectNotIn(validated);
    VolcanoPlanner planner = new VolcanoPlanner();
    planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
    RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
    SqlToRelConverter converter = new SqlToRelConverter(
        (rowType, queryString, schemaPath, viewPath) -> null,
        validator, reader, cluster, StandardConvertletTable.INSTANCE,
        SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(expand)
            // IN lists stay expressions, never joins with VALUES.
            .withInSubQueryThreshold(Integer.MAX_VALUE));
    try {
      return converter.convertQuery(validated, false, true);
    } catch (RuntimeException e) {
      throw SqlErrors.fromValidation(e);
    }
  }

  /**
   * Correlated subqueries (EXISTS, NOT EXISTS, IN, scalar subqueries) become joins with
   * aggregates; temporal joins (a Correlate over a Snapshot) are planned as they are.
   */
  private static RelNode decorrelate(RelNode rel) {
    try {
      return hasSnapshot(rel) ? rel : RelDecorrelator.decorrelateQuery(rel,
          RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null));
    } catch (RuntimeException e) {
      throw SqlErrors.fromValidation(e);
    }
  }

  private static boolean hasSnapshot(RelNode rel) {
    if (rel instanceof Snapshot) {
      return true;
    }
    for (RelNode in : rel.getInputs()) {
      if (hasSnapshot(in)) {
        return true;
      }
    }
    return false;
  }

  private static RelNode optimize(RelNode rel) {
    HepPlanner hep = new HepPlanner(new HepProgramBuilder()
        .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
        .addRuleInstance(CoreRules.JOIN_CONDITION_PUSH)
        .addRuleInstance(CoreRules.JOIN_PUSH_EXPRESSIONS)
        .addRuleInstance(CoreRules.UNION_TO_DISTINCT)
        .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
        .addRuleInstance(CoreRules.FILTER_TO_CALC)
        .addRuleInstance(CoreRules.PROJECT_TO_CALC)
        .addRuleInstance(CoreRules.CALC_MERGE)
        .addRuleInstance(CoreRules.CALC_REMOVE)
        .build());
    hep.setRoot(rel);
    return hep.findBestExp();
  }
}
