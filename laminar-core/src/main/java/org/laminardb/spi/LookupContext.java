package org.laminardb.spi;

import java.util.Map;
import org.laminardb.core.type.Schema;

/** What a lookup connector is given: the lookup table's name, columns, key and options. */
public interface LookupContext {
  /**
   * Lookup table name.
   *
   * @return the name
   */
  String tableName();

  /**
   * Columns of the lookup table.
   *
   * @return the schema
   */
  Schema schema();

  /**
   * Primary-key columns, in key order.
   *
   * @return column indexes into {@link #schema()}
   */
  int[] keyColumns();

  /**
   * Options from the SQL, keys in lower case, with the engine's own options (cache and fetcher)
   * already removed.
   *
   * @return the options
   */
  Map<String, String> options();
}
