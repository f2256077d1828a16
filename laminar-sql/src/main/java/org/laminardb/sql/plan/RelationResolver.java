package org.laminardb.sql.plan;

import java.util.Collection;

/** Catalog view given to the planner: the relations a statement may read. */
@FunctionalInterface
public interface RelationResolver {
  /**
   * All relations, sources, streams, materialized views (sinks are not readable).
   *
   * @return the relations
   */
  Collection<Relation> relations();

  /**
   * Key and settings of a lookup table.
   *
   * @param name the lookup table's name
   * @return its information, or null if there is no such lookup table
   */
  default LookupTableInfo lookupTable(String name) {
    return null;
  }
}
