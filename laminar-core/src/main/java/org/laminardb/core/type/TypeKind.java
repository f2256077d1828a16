package org.laminardb.core.type;

/**
 * Logical SQL type of a column, with its physical representation inside a {@link
 * org.laminardb.core.chunk.Chunk}.
 *
 * <p>Every logical type maps to one of three physical kinds: {@code long} (booleans as 0/1,
 * integers, DECIMAL as an unscaled long, TIMESTAMP as epoch microseconds, DATE as epoch days,
 * INTERVAL as microseconds), {@code double} (DOUBLE, REAL) or a {@link String} reference (VARCHAR).
 */
public enum TypeKind {
  /** SQL BOOLEAN, stored as 0 or 1. */
  BOOLEAN(PhysicalKind.LONG),
  /** SQL INTEGER (32 bits), stored widened. */
  INT(PhysicalKind.LONG),
  /** SQL BIGINT. */
  BIGINT(PhysicalKind.LONG),
  /** SQL DOUBLE. */
  DOUBLE(PhysicalKind.DOUBLE),
  /** SQL REAL (32-bit float), stored widened. */
  REAL(PhysicalKind.DOUBLE),
  /** SQL DECIMAL(p, s) with p at most 18, stored as an unscaled long. */
  DECIMAL(PhysicalKind.LONG),
  /** SQL VARCHAR / TEXT. */
  VARCHAR(PhysicalKind.STRING),
  /** SQL TIMESTAMP without time zone, stored as epoch microseconds (UTC wall clock). */
  TIMESTAMP(PhysicalKind.LONG),
  /** SQL DATE, stored as days since 1970-01-01. */
  DATE(PhysicalKind.LONG),
  /** A day-time INTERVAL, stored as microseconds; appears in expressions only. */
  INTERVAL(PhysicalKind.LONG);

  private final PhysicalKind physical;

  TypeKind(PhysicalKind physical) {
    this.physical = physical;
  }

  /**
   * Physical representation of this kind inside a chunk column.
   *
   * @return the physical kind
   */
  public PhysicalKind physical() {
    return physical;
  }
}
