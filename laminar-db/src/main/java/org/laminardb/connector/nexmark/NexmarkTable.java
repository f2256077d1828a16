package org.laminardb.connector.nexmark;

import java.util.List;
import java.util.Locale;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * The three tables of the Nexmark model, their standard columns and the mapping of a source's
 * declared columns onto them.
 */
enum NexmarkTable {
  /** New people registering to the auction site. */
  PERSON(List.of("id", "name", "email_address", "credit_card", "city", "state", "date_time",
      "extra"),
      List.of(TypeKind.BIGINT, TypeKind.VARCHAR, TypeKind.VARCHAR, TypeKind.VARCHAR,
          TypeKind.VARCHAR, TypeKind.VARCHAR, TypeKind.TIMESTAMP, TypeKind.VARCHAR)),
  /** New auctions. */
  AUCTION(List.of("id", "item_name", "description", "initial_bid", "reserve", "date_time",
      "expires", "seller", "category", "extra"),
      List.of(TypeKind.BIGINT, TypeKind.VARCHAR, TypeKind.VARCHAR, TypeKind.BIGINT,
          TypeKind.BIGINT, TypeKind.TIMESTAMP, TypeKind.TIMESTAMP, TypeKind.BIGINT,
          TypeKind.BIGINT, TypeKind.VARCHAR)),
  /** Bids on auctions. */
  BID(List.of("auction", "bidder", "price", "channel", "url", "date_time", "extra"),
      List.of(TypeKind.BIGINT, TypeKind.BIGINT, TypeKind.BIGINT, TypeKind.VARCHAR,
          TypeKind.VARCHAR, TypeKind.TIMESTAMP, TypeKind.VARCHAR));

  /** Names of all tables, lower case, for messages. */
  static final String NAMES = "person, auction, bid";

  private final List<String> columns;
  private final List<TypeKind> types;

  NexmarkTable(List<String> columns, List<TypeKind> types) {
    this.columns = columns;
    this.types = types;
  }

  /**
   * Standard column names, in their standard order.
   *
   * @return the names, lower case
   */
  List<String> columns() {
    return columns;
  }

  /**
   * Table name as written in the {@code table} option.
   *
   * @return the lower-case name
   */
  String sqlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the {@code table} option.
   *
   * @param value the option value
   * @return the table, or null when the value names none
   */
  static NexmarkTable parse(String value) {
    for (NexmarkTable t : values()) {
      if (t.sqlName().equalsIgnoreCase(value.trim())) {
        return t;
      }
    }
    return null;
  }

  /**
   * Maps the declared columns of a source onto this table's columns. Any subset of the standard
   * columns in any order is accepted, with the standard types.
   *
   * @param source the source name, for messages
   * @param schema the declared columns
   * @return for each standard column (in standard order) the index of the declared column that
   *     receives it, or -1 when it is not declared
   * @throws LaminarDBException {@code 42703} for a column the table does not have, {@code 42804}
   *     for a column of another type
   */
  int[] map(String source, Schema schema) {
    int[] target = new int[columns.size()];
    java.util.Arrays.fill(target, -1);
    for (int i = 0; i < schema.size(); i++) {
      Field f = schema.field(i);
      int standard = columns.indexOf(f.name().toLowerCase(Locale.ROOT));
      if (standard < 0) {
        throw new LaminarDBException(ErrorCode.UNDEFINED_COLUMN,
            "column " + f.name() + " of NEXMARK source " + source + " is not a column of the "
                + sqlName() + " table; its columns: " + describe());
      }
      TypeKind expected = types.get(standard);
      if (f.type().kind() != expected) {
        throw new LaminarDBException(ErrorCode.DATATYPE_MISMATCH,
            "column " + f.name() + " of NEXMARK source " + source + " is declared "
                + f.type().sqlName() + " but the " + sqlName() + " table's " + columns.get(standard)
                + " is " + DataType.of(expected).sqlName());
      }
      target[standard] = i;
    }
    return target;
  }

  /**
   * The standard columns with their types, for messages and documentation.
   *
   * @return e.g. {@code id BIGINT, name VARCHAR, ...}
   */
  String describe() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(columns.get(i)).append(' ')
          .append(DataType.of(types.get(i)).sqlName());
    }
    return b.toString();
  }
}
