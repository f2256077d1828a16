package org.laminardb;

/** Kind of change a row carries in a changelog, with Flink's short forms. */
public enum ChangeKind {
  /** A new row ({@code +I}). */
  INSERT("+I"),
  /** The old image of an updated row ({@code -U}). */
  UPDATE_BEFORE("-U"),
  /** The new image of an updated row ({@code +U}). */
  UPDATE_AFTER("+U"),
  /** A removed row ({@code -D}). */
  DELETE("-D");

  private static final ChangeKind[] BY_CODE = values();
  private final String shortString;

  ChangeKind(String shortString) {
    this.shortString = shortString;
  }

  /**
   * Short form: {@code +I}, {@code -U}, {@code +U} or {@code -D}.
   *
   * @return the short form
   */
  public String shortString() {
    return shortString;
  }

  /**
   * Whether the row retracts an earlier one ({@code -U} or {@code -D}).
   *
   * @return true for retractions
   */
  public boolean isRetraction() {
    return this == UPDATE_BEFORE || this == DELETE;
  }

  /**
   * Kind for an internal row-kind byte ({@link org.laminardb.core.chunk.RowKind}).
   *
   * @param code the byte
   * @return the kind
   */
  public static ChangeKind fromCode(byte code) {
    return BY_CODE[code];
  }
}
