package org.laminardb.spi;

import java.util.Map;
import org.laminardb.core.type.Schema;

/** What a sink connector is given: the sink's name, input schema and options. */
public interface SinkContext {
  /**
   * Sink name.
   *
   * @return the name
   */
  String sinkName();

  /**
   * Columns of the rows written to the sink.
   *
   * @return the schema
   */
  Schema schema();

  /**
   * Options from the SQL, keys in lower case.
   *
   * @return the options
   */
  Map<String, String> options();

  /**
   * Whether every row written to the sink is an insert ({@code +I}); false for a changelog
   * (aggregates, upsert sources), whose rows also retract ({@code -U}, {@code -D}).
   *
   * @return true for append-only input
   */
  default boolean appendOnly() {
    return false;
  }

  /**
   * Value of a {@code ${name}} placeholder given to the database's builder.
   *
   * @param name the variable name
   * @return the value, or null if none was given
   */
  default String variable(String name) {
    return null;
  }
}
