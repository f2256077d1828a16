package org.laminardb.sql.plan;

import java.util.List;
import org.laminardb.core.type.Schema;

/**
 * Validated ad-hoc (batch) query: its result columns and the relations it reads.
 *
 * @param schema result columns
 * @param inputs relations read
 */
public record AdHocQuery(Schema schema, List<Relation> inputs) {}
