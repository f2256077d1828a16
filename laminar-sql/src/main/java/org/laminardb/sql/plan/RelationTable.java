package org.laminardb.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;
import org.laminardb.sql.type.TypeMapping;

/** Calcite table standing for a catalog relation during validation and planning. */
final class RelationTable extends AbstractTable {
  private final Relation relation;

  RelationTable(Relation relation) {
    this.relation = relation;
  }

  Relation relation() {
    return relation;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeMapping.toRowType(typeFactory, relation.schema());
  }
}
