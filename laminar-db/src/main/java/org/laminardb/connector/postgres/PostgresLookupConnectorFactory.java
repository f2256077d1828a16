package org.laminardb.connector.postgres;

import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.spi.LookupConnector;
import org.laminardb.spi.LookupConnectorFactory;
import org.laminardb.spi.LookupContext;

/** Factory of {@code FROM POSTGRES} lookup tables; see {@link PostgresLookupOptions}. */
public final class PostgresLookupConnectorFactory implements LookupConnectorFactory {
  /** Creates the factory (ServiceLoader). */
  public PostgresLookupConnectorFactory() {}

  @Override
  public String name() {
    return "POSTGRES";
  }

  @Override
  public LookupConnector create(LookupContext context) {
    PostgresLookupOptions options = PostgresLookupOptions.parse(context.tableName(),
        context.options());
    try {
      Class.forName("org.postgresql.Driver");
    } catch (ClassNotFoundException e) {
      throw new LaminarDBException(ErrorCode.UNDEFINED_OBJECT, "the PostgreSQL JDBC driver is "
          + "not on the class path: add the Maven dependency org.postgresql:postgresql", e);
    }
    return new PostgresLookupConnector(context.schema(), context.keyColumns(), options);
  }
}
