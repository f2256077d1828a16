package org.laminardb.core.type;

import java.util.Objects;

/**
 * SQL data type of a column: a {@link TypeKind}, precision and scale (for DECIMAL) and
 * nullability. Immutable.
 */
public final class DataType {
  /** Largest DECIMAL precision that fits an unscaled {@code long}. */
  public static final int MAX_DECIMAL_PRECISION = 18;

  private final TypeKind kind;
  private final int precision;
  private final int scale;
  private final boolean nullable;

  private DataType(TypeKind kind, int precision, int scale, boolean nullable) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.precision = precision;
    this.scale = scale;
    this.nullable = nullable;
  }

  /**
   * Nullable type of the given kind (DECIMAL gets precision 18, scale 0).
   *
   * @param kind the kind
   * @return the type
   */
  public static DataType of(TypeKind kind) {
    return kind == TypeKind.DECIMAL
        ? decimal(MAX_DECIMAL_PRECISION, 0)
        : new DataType(kind, kind == TypeKind.TIMESTAMP ? 6 : -1, 0, true);
  }

  /**
   * Nullable DECIMAL type.
   *
   * @param precision total digits, 1 to {@value #MAX_DECIMAL_PRECISION}
   * @param scale digits after the point, 0 to precision
   * @return the type
   */
  public static DataType decimal(int precision, int scale) {
    if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
      throw new IllegalArgumentException(
          "DECIMAL precision must be 1.." + MAX_DECIMAL_PRECISION
              + " and scale 0..precision: precision=" + precision + ", scale=" + scale);
    }
    return new DataType(TypeKind.DECIMAL, precision, scale, true);
  }

  /**
   * This type with the given nullability.
   *
   * @param isNullable whether NULL is allowed
   * @return the type
   */
  public DataType withNullable(boolean isNullable) {
    return isNullable == nullable ? this : new DataType(kind, precision, scale, isNullable);
  }

  /**
   * The logical kind.
   *
   * @return the kind
   */
  public TypeKind kind() {
    return kind;
  }

  /**
   * The physical kind of the column storage.
   *
   * @return the physical kind
   */
  public PhysicalKind physical() {
    return kind.physical();
  }

  /**
   * Precision: total digits for DECIMAL, fractional-second digits for TIMESTAMP, else -1.
   *
   * @return the precision
   */
  public int precision() {
    return precision;
  }

  /**
   * Scale of a DECIMAL (digits after the point), else 0.
   *
   * @return the scale
   */
  public int scale() {
    return scale;
  }

  /**
   * Whether the column may hold NULL.
   *
   * @return true if nullable
   */
  public boolean nullable() {
    return nullable;
  }

  /**
   * SQL spelling of the type, e.g. {@code DECIMAL(10, 2)} or {@code BIGINT}.
   *
   * @return the SQL name
   */
  public String sqlName() {
    switch (kind) {
      case DECIMAL:
        return "DECIMAL(" + precision + ", " + scale + ")";
      case INT:
        return "INTEGER";
      default:
        return kind.name();
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DataType)) {
      return false;
    }
    DataType t = (DataType) o;
    return kind == t.kind && precision == t.precision && scale == t.scale && nullable == t.nullable;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, precision, scale, nullable);
  }

  @Override
  public String toString() {
    return nullable ? sqlName() : sqlName() + " NOT NULL";
  }
}
