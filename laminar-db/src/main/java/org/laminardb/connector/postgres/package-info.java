/**
 * PostgreSQL lookup tables ({@code CREATE LOOKUP TABLE ... FROM POSTGRES (...)}): the rows of a
 * PostgreSQL table or query read by primary key over JDBC (PgJDBC) on the fetcher threads of
 * lookup joins.
 */
package org.laminardb.connector.postgres;
