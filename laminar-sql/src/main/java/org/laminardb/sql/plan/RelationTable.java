package org.laminardb.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TemporalTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.laminardb.sql.type.TypeMapping;

/**
 * Calcite table standing for a catalog relation during validation and planning; made by {@link
 * #of} as a {@link TemporalTable}.
 */
class RelationTable extends AbstractTable {
  private final Relation relation;
  private final LookupTableInfo lookup;

  RelationTable(Relation relation, LookupTableInfo lookup) {
    this.relation = relation;
    this.lookup = lookup;
  }

  /**
   * The Calcite table of a relation. Every relation is a {@link TemporalTable}, so that the
   * validator accepts {@code FOR SYSTEM_TIME AS OF} on any of them and the planner can reject
   * what it does not support with 0A000 ({@link TemporalJoinTranslator}).
   */
  static RelationTable of(Relation relation, RelationResolver resolver) {
    return new Temporal(relation, relation.kind() == RelationKind.LOOKUP_TABLE
        ? resolver.lookupTable(relation.name()) : null);
  }

  /** Key and settings of a lookup table; null for other relations. */
  LookupTableInfo lookup() {
    return lookup;
  }

  Relation relation() {
    return relation;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeMapping.toRowType(typeFactory, relation.schema());
  }

  /**
   * A relation that {@code FOR SYSTEM_TIME AS OF} may follow. The system-time column names are
   * required by Calcite's interface but not used: versions are not columns in LaminarDB.
   */
  private static final class Temporal extends RelationTable implements TemporalTable {
    Temporal(Relation relation, LookupTableInfo lookup) {
      super(relation, lookup);
    }

    @Override
    public String getSysStartFieldName() {
      return "$sys_start";
    }

    @Override
    public String getSysEndFieldName() {
      return "$sys_end";
    }
  }
}
