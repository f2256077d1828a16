package org.laminardb.sql.plan;

import org.laminardb.core.type.Schema;

/**
 * What the planner needs to know of a catalog object it reads.
 *
 * @param name name as declared
 * @param kind its kind
 * @param schema its columns
 * @param appendOnly true when it only ever emits inserts (sources, streams over them)
 * @param rowtime index of its event-time column, whose watermark flows with its rows, or -1
 */
public record Relation(String name, RelationKind kind, Schema schema, boolean appendOnly,
    int rowtime) {
  /**
   * A relation without an event-time column.
   *
   * @param name name as declared
   * @param kind its kind
   * @param schema its columns
   * @param appendOnly true when it only ever emits inserts
   */
  public Relation(String name, RelationKind kind, Schema schema, boolean appendOnly) {
    this(name, kind, schema, appendOnly, -1);
  }
}
