/**
 * Statement trees of LaminarDB's own SQL statements (CREATE SOURCE/STREAM/MATERIALIZED
 * VIEW/SINK, DROP, SHOW, SHOW CREATE, DESCRIBE, SUBSCRIBE, CHECKPOINT, EXPLAIN CREATE), as the
 * parser builds them. Each writes itself back as SQL that parses to an equal tree.
 */
package org.laminardb.sql.parser.ddl;
