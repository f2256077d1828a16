package org.laminardb.sql.plan;

import java.util.List;
import org.laminardb.core.type.Schema;

/**
 * Reads the changelog of a named relation.
 *
 * @param relation the relation read
 */
public record ScanNode(Relation relation) implements PhysicalNode {
  @Override
  public Schema schema() {
    return relation.schema();
  }

  @Override
  public boolean appendOnly() {
    return relation.appendOnly();
  }

  @Override
  public int rowtimeColumn() {
    return relation.rowtime();
  }

  @Override
  public List<PhysicalNode> inputs() {
    return List.of();
  }

  @Override
  public String describe() {
    return "Scan(" + relation.kind().sqlName().toLowerCase(java.util.Locale.ROOT) + "="
        + relation.name() + ")";
  }
}
