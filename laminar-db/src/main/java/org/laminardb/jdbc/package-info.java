/**
 * JDBC driver of LaminarDB: {@code jdbc:laminar:mem:NAME} URLs, statements, prepared statements,
 * result sets (also over live {@code SUBSCRIBE} feeds) and metadata.
 *
 * <p>SQLSTATEs of the driver's own errors: 0A000 unsupported feature (as {@link
 * java.sql.SQLFeatureNotSupportedException}); 08001 malformed URL; 08003 closed connection;
 * HY010 closed statement or result set; 24000 no current row; 07009 column or parameter index
 * out of range; 07001 parameter without value; 42703 unknown column label; 42809 a statement
 * that does not return what the method expects; 22023 bad option value; 22018 and 22003 values
 * that do not convert; 25P01 commit or rollback in auto-commit mode; 57014 timeout (as {@link
 * java.sql.SQLTimeoutException}) or cancellation of a subscription read. Engine errors keep
 * their SQLSTATE and message and become {@link java.sql.SQLSyntaxErrorException} (class 42),
 * {@link java.sql.SQLDataException} (22), {@link
 * java.sql.SQLIntegrityConstraintViolationException} (23), {@link
 * java.sql.SQLFeatureNotSupportedException} (0A), {@link java.sql.SQLTimeoutException} (57014)
 * or {@link java.sql.SQLNonTransientException}, with the engine's exception as cause.
 */
package org.laminardb.jdbc;
