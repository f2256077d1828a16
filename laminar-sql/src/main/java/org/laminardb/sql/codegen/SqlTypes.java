package org.laminardb.sql.codegen;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/** Classification of Calcite types into the families the code generator handles. */
final class SqlTypes {
  /** Type family with one representation in generated code. */
  enum Family {
    BOOLEAN, INTEGER, DECIMAL, DOUBLE, STRING, TIMESTAMP, DATE, INTERVAL_DAY_TIME,
    INTERVAL_YEAR_MONTH, NULL, OTHER
  }

  private SqlTypes() {}

  static Family family(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    switch (name) {
      case BOOLEAN:
        return Family.BOOLEAN;
      case TINYINT: case SMALLINT: case INTEGER: case BIGINT:
        return Family.INTEGER;
      case DECIMAL:
        return Family.DECIMAL;
      case FLOAT: case REAL: case DOUBLE:
        return Family.DOUBLE;
      case CHAR: case VARCHAR:
        return Family.STRING;
      case TIMESTAMP:
        return Family.TIMESTAMP;
      case DATE:
        return Family.DATE;
      case NULL:
        return Family.NULL;
      default:
        break;
    }
    if (SqlTypeName.DAY_INTERVAL_TYPES.contains(name)) {
      return Family.INTERVAL_DAY_TIME;
    }
    if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(name)) {
      return Family.INTERVAL_YEAR_MONTH;
    }
    return Family.OTHER;
  }

  static JavaKind javaKind(RelDataType type) {
    switch (family(type)) {
      case BOOLEAN:
        return JavaKind.BOOLEAN;
      case DOUBLE:
        return JavaKind.DOUBLE;
      case STRING:
        return JavaKind.STRING;
      default:
        return JavaKind.LONG;
    }
  }

  static boolean isNumeric(RelDataType type) {
    Family f = family(type);
    return f == Family.INTEGER || f == Family.DECIMAL || f == Family.DOUBLE;
  }

  static boolean isReal(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.REAL;
  }

  /** Scale of a DECIMAL; 0 for integers. */
  static int scale(RelDataType type) {
    return family(type) == Family.DECIMAL ? Math.max(type.getScale(), 0) : 0;
  }

  /** Precision of a DECIMAL capped at 18, or 18 for integers. */
  static int precision(RelDataType type) {
    return family(type) == Family.DECIMAL ? Math.min(Math.max(type.getPrecision(), 1), 18) : 18;
  }

  /** Smallest value of an integer type, as Java source. */
  static String minValue(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case TINYINT:
        return "-128L";
      case SMALLINT:
        return "-32768L";
      case INTEGER:
        return "-2147483648L";
      default:
        return "Long.MIN_VALUE";
    }
  }

  /** Largest value of an integer type, as Java source. */
  static String maxValue(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case TINYINT:
        return "127L";
      case SMALLINT:
        return "32767L";
      case INTEGER:
        return "2147483647L";
      default:
        return "Long.MAX_VALUE";
    }
  }

  /** PostgreSQL name of an integer type, as a Java string literal. */
  static String integerName(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case TINYINT:
        return "\"tinyint\"";
      case SMALLINT:
        return "\"smallint\"";
      case INTEGER:
        return "\"integer\"";
      default:
        return "\"bigint\"";
    }
  }

  /** Whether an integer type is narrower than BIGINT. */
  static boolean isNarrowInteger(RelDataType type) {
    return family(type) == Family.INTEGER && type.getSqlTypeName() != SqlTypeName.BIGINT;
  }
}
