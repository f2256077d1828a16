package org.laminardb.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TemporalTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.laminardb.sql.type.TypeMapping;

/**
 * Calcite table standing for a catalog relation during validation and planning. Tables,
 * materialized views and lookup tables are {@link TemporalTable}s (see {@link #of}), so that they
 * can follow {@code FOR SYSTEM_TIME AS OF}.
 */
class RelationTable extends AbstractTable {
  private final Relation relation;
  private final LookupTableInfo lookup;

  RelationTable(Relation relation, LookupTableInfo lookup) {
    this.relation = relation;
    this.lookup = lookup;
  }

  /** The Calcite table of a relation: temporal for tables, views and lookup tables. */
  static RelationTable of(Relation relation, RelationResolver resolver) {
    switch (relation.kind()) {
      case TABLE:
      case MATERIALIZED_VIEW:
        return new Temporal(relation, null);
      case LOOKUP_TABLE:
        return new Temporal(relation, resolver.lookupTable(relation.name()));
      default:
        return new RelationTable(relation, null);
    }
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
