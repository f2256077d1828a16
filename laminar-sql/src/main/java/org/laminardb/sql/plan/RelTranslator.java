package org.laminardb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.laminardb.core.operator.AggregateSpec;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Schema;
import org.laminardb.sql.type.TypeMapping;

/** Translates optimised Calcite relational algebra into {@link PhysicalNode}s. */
final class RelTranslator {
  private final QueryOptions options;
  private final WindowTranslator windows;
  private final OverTranslator over;
  private final JoinTranslator joins;
  private final TemporalJoinTranslator temporalJoins;

  RelTranslator(QueryOptions options) {
    this.options = options;
    this.windows = new WindowTranslator(this);
    this.over = new OverTranslator(this);
    this.joins = new JoinTranslator(this);
    this.temporalJoins = new TemporalJoinTranslator(this);
  }

  QueryOptions options() {
    return options;
  }

  PhysicalNode translate(RelNode rel) {
    PhysicalNode special = windows.translate(rel);
    if (special == null) {
      special = over.translate(rel);
    }
    if (special != null) {
      return special;
    }
    if (rel instanceof TableScan) {
      RelationTable t = rel.getTable().unwrap(RelationTable.class);
      if (t == null) {
        throw ContinuousQueryChecker.unsupportedRel("reading " + rel.getTable().getQualifiedName());
      }
      if (t.relation().kind() == RelationKind.LOOKUP_TABLE) {
        throw TemporalJoinTranslator.lookupTableScan(t.relation().name());
      }
      return new ScanNode(t.relation());
    }
    if (rel instanceof Calc) {
      Calc calc = (Calc) rel;
      return new CalcNode(translate(calc.getInput()), calc.getProgram(), schemaOf(rel));
    }
    if (rel instanceof Aggregate) {
      return aggregate((Aggregate) rel);
    }
    if (rel instanceof Join) {
      PhysicalNode temporal = temporalJoins.translate((Join) rel);
      return temporal != null ? temporal : joins.translate((Join) rel);
    }
    if (rel instanceof org.apache.calcite.rel.core.Correlate) {
      PhysicalNode temporal = temporalJoins.translate((org.apache.calcite.rel.core.Correlate) rel);
      if (temporal != null) {
        return temporal;
      }
    }
    if (rel instanceof AsofJoinRel) {
      return joins.asof((AsofJoinRel) rel);
    }
    if (rel instanceof Union && ((Union) rel).all) {
      List<PhysicalNode> inputs = new ArrayList<>();
      for (RelNode in : rel.getInputs()) {
        inputs.add(castTo(in, rel.getRowType()));
      }
      return new UnionNode(inputs, schemaOf(rel));
    }
    throw ContinuousQueryChecker.unsupportedRel(describe(rel));
  }

  private static String describe(RelNode rel) {
    String type = rel.getRelTypeName().replace("Logical", "");
    switch (type) {
      case "Values":
        return "a query without a source (VALUES or SELECT without FROM)";
      case "Sort":
        return "ORDER BY / LIMIT";
      case "Snapshot":
        return "FOR SYSTEM_TIME AS OF outside the right input of a join";
      case "Join":
      case "Correlate":
        return "a join or subquery";
      default:
        return "the relational operator " + type;
    }
  }

  PhysicalNode aggregate(Aggregate agg) {
    if (agg.getGroupType() != Aggregate.Group.SIMPLE) {
      throw ContinuousQueryChecker.unsupportedRel("GROUPING SETS, ROLLUP and CUBE");
    }
    PhysicalNode input = AggregateSpecs.withRowtime(agg, translate(agg.getInput()));
    List<AggregateSpec> specs = new ArrayList<>();
    for (AggregateCall call : agg.getAggCallList()) {
      specs.add(AggregateSpecs.of(call, input));
    }
    return new AggregateNode(input, agg.getGroupSet().toArray(), specs, schemaOf(agg));
  }

  /** Wraps an input in a casting Calc when its column types differ from the union's. */
  private PhysicalNode castTo(RelNode in, RelDataType target) {
    PhysicalNode node = translate(in);
    Schema want = TypeMapping.toSchema(target);
    boolean same = true;
    for (int i = 0; i < want.size(); i++) {
      DataType a = want.field(i).type().withNullable(true);
      DataType b = node.schema().field(i).type().withNullable(true);
      same &= a.equals(b);
    }
    if (same) {
      return node;
    }
    RexBuilder rex = in.getCluster().getRexBuilder();
    List<RexNode> exprs = new ArrayList<>();
    List<RelDataTypeField> fields = in.getRowType().getFieldList();
    for (int i = 0; i < fields.size(); i++) {
      exprs.add(rex.makeCast(target.getFieldList().get(i).getType(),
          rex.makeInputRef(fields.get(i).getType(), i), true, false));
    }
    RexProgram program = RexProgram.create(in.getRowType(), exprs, null, target, rex);
    return new CalcNode(node, program, want);
  }

  static Schema schemaOf(RelNode rel) {
    return TypeMapping.toSchema(rel.getRowType());
  }
}
