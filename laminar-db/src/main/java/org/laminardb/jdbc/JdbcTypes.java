package org.laminardb.jdbc;

import java.sql.Types;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.TypeKind;

/** Mapping of LaminarDB types to JDBC: type codes, names, classes, sizes. */
final class JdbcTypes {
  /** Column size reported for VARCHAR, which has no declared length. */
  static final int UNBOUNDED = Integer.MAX_VALUE;

  private JdbcTypes() {}

  /**
   * JDBC type code.
   *
   * @param kind the type kind
   * @return a {@link Types} constant
   */
  static int typeCode(TypeKind kind) {
    switch (kind) {
      case BOOLEAN:
        return Types.BOOLEAN;
      case INT:
        return Types.INTEGER;
      case BIGINT:
        return Types.BIGINT;
      case DOUBLE:
        return Types.DOUBLE;
      case REAL:
        return Types.REAL;
      case DECIMAL:
        return Types.DECIMAL;
      case VARCHAR:
        return Types.VARCHAR;
      case TIMESTAMP:
        return Types.TIMESTAMP;
      case DATE:
        return Types.DATE;
      default:
        return Types.OTHER;
    }
  }

  /**
   * SQL type name without precision or scale, e.g. {@code DECIMAL} or {@code INTEGER}.
   *
   * @param kind the type kind
   * @return the name
   */
  static String typeName(TypeKind kind) {
    return kind == TypeKind.INT ? "INTEGER" : kind.name();
  }

  /**
   * Name of the Java class {@link java.sql.ResultSet#getObject(int)} returns.
   *
   * @param kind the type kind
   * @return the fully qualified class name
   */
  static String className(TypeKind kind) {
    switch (kind) {
      case BOOLEAN:
        return Boolean.class.getName();
      case INT:
        return Integer.class.getName();
      case BIGINT:
        return Long.class.getName();
      case DOUBLE:
        return Double.class.getName();
      case REAL:
        return Float.class.getName();
      case DECIMAL:
        return java.math.BigDecimal.class.getName();
      case VARCHAR:
        return String.class.getName();
      case TIMESTAMP:
        return java.sql.Timestamp.class.getName();
      case DATE:
        return java.sql.Date.class.getName();
      default:
        return Object.class.getName();
    }
  }

  /**
   * Precision as JDBC defines it: digits for numbers, characters for text and datetimes.
   *
   * @param type the type
   * @return the precision
   */
  static int precision(DataType type) {
    switch (type.kind()) {
      case BOOLEAN:
        return 1;
      case INT:
        return 10;
      case BIGINT:
        return 19;
      case DOUBLE:
        return 17;
      case REAL:
        return 8;
      case DECIMAL:
        return type.precision();
      case VARCHAR:
        return UNBOUNDED;
      case TIMESTAMP:
        return 26;
      case DATE:
        return 10;
      default:
        return 0;
    }
  }

  /**
   * Scale: DECIMAL digits after the point, TIMESTAMP fractional-second digits, else 0.
   *
   * @param type the type
   * @return the scale
   */
  static int scale(DataType type) {
    if (type.kind() == TypeKind.DECIMAL) {
      return type.scale();
    }
    return type.kind() == TypeKind.TIMESTAMP ? 6 : 0;
  }

  /**
   * Widest printed form in characters.
   *
   * @param type the type
   * @return the display size
   */
  static int displaySize(DataType type) {
    switch (type.kind()) {
      case BOOLEAN:
        return 5;
      case INT:
        return 11;
      case BIGINT:
        return 20;
      case DOUBLE:
        return 24;
      case REAL:
        return 15;
      case DECIMAL:
        return type.precision() + (type.scale() > 0 ? 2 : 1);
      case VARCHAR:
        return UNBOUNDED;
      case TIMESTAMP:
        return 26;
      case DATE:
        return 10;
      default:
        return 40;
    }
  }

  /**
   * Whether values of the kind are signed numbers.
   *
   * @param kind the type kind
   * @return true for numeric kinds
   */
  static boolean isSigned(TypeKind kind) {
    switch (kind) {
      case INT:
      case BIGINT:
      case DOUBLE:
      case REAL:
      case DECIMAL:
      case INTERVAL:
        return true;
      default:
        return false;
    }
  }

  /**
   * Radix of the precision: 10 for numbers, 0 where not applicable.
   *
   * @param kind the type kind
   * @return the radix
   */
  static int radix(TypeKind kind) {
    return isSigned(kind) ? 10 : 0;
  }
}
