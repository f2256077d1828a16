package org.laminardb.sql.plan;

import org.laminardb.core.type.Schema;

/**
 * What the planner needs to know of a catalog object it reads.
 *
 * @param name name as declared
 * @param kind its kind
 * @param schema its columns
 * @param appendOnly true when it only ever emits inserts (sources, streams over them)
 */
public record Relation(String name, RelationKind kind, Schema schema, boolean appendOnly) {}
