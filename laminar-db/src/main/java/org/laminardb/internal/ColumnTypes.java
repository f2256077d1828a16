package org.laminardb.internal;

import java.util.Locale;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.type.SqlTypeName;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.sql.plan.SqlErrors;

/** Column types of CREATE SOURCE: SQL type names to {@link DataType}s. */
final class ColumnTypes {
  static final String SUPPORTED = "supported types: BOOLEAN, INT/INTEGER, BIGINT, DOUBLE, REAL, "
      + "DECIMAL(p, s) with p <= 18, VARCHAR/TEXT, TIMESTAMP, DATE";

  private ColumnTypes() {}

  static DataType of(SqlDataTypeSpec spec, boolean notNull) {
    SqlTypeNameSpec name = spec.getTypeNameSpec();
    String typeName = name.getTypeName().getSimple().toUpperCase(Locale.ROOT);
    DataType type;
    if (name instanceof SqlBasicTypeNameSpec) {
      SqlBasicTypeNameSpec basic = (SqlBasicTypeNameSpec) name;
      SqlTypeName sqlType = SqlTypeName.get(typeName);
      type = sqlType == null ? null : basic(sqlType, basic.getPrecision(), basic.getScale(), spec);
    } else {
      type = "TEXT".equals(typeName) || "STRING".equals(typeName)
          ? DataType.of(TypeKind.VARCHAR) : null;
    }
    if (type == null) {
      throw SqlErrors.unsupported(spec, "type " + typeName + " is not supported; " + SUPPORTED);
    }
    return type.withNullable(!notNull);
  }

  private static DataType basic(SqlTypeName t, int precision, int scale, SqlDataTypeSpec at) {
    switch (t) {
      case BOOLEAN:
        return DataType.of(TypeKind.BOOLEAN);
      case TINYINT:
      case SMALLINT:
      case INTEGER:
        return DataType.of(TypeKind.INT);
      case BIGINT:
        return DataType.of(TypeKind.BIGINT);
      case DOUBLE:
      case FLOAT:
        return DataType.of(TypeKind.DOUBLE);
      case REAL:
        return DataType.of(TypeKind.REAL);
      case CHAR:
      case VARCHAR:
        return DataType.of(TypeKind.VARCHAR);
      case TIMESTAMP:
        return DataType.of(TypeKind.TIMESTAMP);
      case DATE:
        return DataType.of(TypeKind.DATE);
      case DECIMAL:
        int p = precision < 0 ? DataType.MAX_DECIMAL_PRECISION : precision;
        int s = Math.max(scale, 0);
        if (p > DataType.MAX_DECIMAL_PRECISION || s > p) {
          throw SqlErrors.at(ErrorCode.INVALID_PARAMETER_VALUE, at, "DECIMAL(" + p + ", " + s
              + ") is not supported: precision must be 1.." + DataType.MAX_DECIMAL_PRECISION
              + " and scale 0..precision");
        }
        return DataType.decimal(p, s);
      default:
        return null;
    }
  }
}
