package org.laminardb.core.chunk;

/**
 * Change kind of a row in a changelog, one byte per row in a {@link Chunk}. An update travels as
 * an {@link #UPDATE_BEFORE} (retracting the old row) followed by an {@link #UPDATE_AFTER}.
 */
public final class RowKind {
  /** A new row ({@code +I}). */
  public static final byte INSERT = 0;
  /** The old image of an updated row, retracted ({@code -U}). */
  public static final byte UPDATE_BEFORE = 1;
  /** The new image of an updated row ({@code +U}). */
  public static final byte UPDATE_AFTER = 2;
  /** A removed row ({@code -D}). */
  public static final byte DELETE = 3;

  private static final String[] SHORT = {"+I", "-U", "+U", "-D"};

  private RowKind() {}

  /**
   * Whether the kind retracts a row (UPDATE_BEFORE or DELETE).
   *
   * @param kind the row kind
   * @return true for retractions
   */
  public static boolean isRetraction(byte kind) {
    return (kind & 1) != 0;
  }

  /**
   * Weight of the row in a multiset: +1 for additions, -1 for retractions.
   *
   * @param kind the row kind
   * @return +1 or -1
   */
  public static int weight(byte kind) {
    return (kind & 1) != 0 ? -1 : 1;
  }

  /**
   * Flink-style short form: {@code +I}, {@code -U}, {@code +U} or {@code -D}.
   *
   * @param kind the row kind
   * @return the short string
   */
  public static String shortString(byte kind) {
    return SHORT[kind];
  }
}
