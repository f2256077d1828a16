/**
 * LaminarDB's SQL parser: Calcite's grammar (its {@code Parser.jj} template, extended at build
 * time by FMPP and JavaCC from {@code src/main/codegen}) with the streaming statements added.
 * {@link org.laminardb.sql.parser.LaminarSqlParser} is the entry point; the statement trees are
 * in {@link org.laminardb.sql.parser.ddl}; the generated parser is {@code
 * org.laminardb.sql.parser.impl.LaminarSqlParserImpl}.
 */
package org.laminardb.sql.parser;
