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
}
