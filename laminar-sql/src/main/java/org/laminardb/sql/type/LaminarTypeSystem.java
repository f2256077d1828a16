package org.laminardb.sql.type;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.laminardb.core.type.DataType;

/**
 * Type rules of LaminarDB's SQL: DECIMAL precision capped at 18 (an unscaled {@code long}),
 * {@code AVG} of integers is DOUBLE (never a truncated integer), {@code SUM} of integers is
 * BIGINT, TIMESTAMP defaults to microsecond precision, and strings of mixed lengths unite as
 * VARCHAR (no blank padding).
 */
public final class LaminarTypeSystem extends RelDataTypeSystemImpl {
  /** The shared instance. */
  public static final LaminarTypeSystem INSTANCE = new LaminarTypeSystem();

  private LaminarTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    if (typeName == SqlTypeName.DECIMAL) {
      return DataType.MAX_DECIMAL_PRECISION;
    }
    if (typeName == SqlTypeName.TIMESTAMP) {
      return 6;
    }
    return super.getMaxPrecision(typeName);
  }

  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    if (typeName == SqlTypeName.TIMESTAMP) {
      return 6;
    }
    return super.getDefaultPrecision(typeName);
  }

  /**
   * Whether CASE, COALESCE and UNION of strings of different lengths give VARCHAR: yes, so that
   * {@code CASE WHEN c THEN 'hi' ELSE 'none' END} is not blank-padded, as in PostgreSQL.
   *
   * @return true
   */
  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (SqlTypeUtil.isExactNumeric(argumentType) && !SqlTypeUtil.isDecimal(argumentType)
        || SqlTypeUtil.isApproximateNumeric(argumentType)) {
      return typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
    }
    return super.deriveAvgAggType(typeFactory, argumentType);
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    SqlTypeName name = argumentType.getSqlTypeName();
    if (name == SqlTypeName.TINYINT || name == SqlTypeName.SMALLINT
        || name == SqlTypeName.INTEGER || name == SqlTypeName.BIGINT) {
      return typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.BIGINT), argumentType.isNullable());
    }
    if (name == SqlTypeName.REAL || name == SqlTypeName.FLOAT || name == SqlTypeName.DOUBLE) {
      return typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
    }
    if (name == SqlTypeName.DECIMAL) {
      return typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(
              SqlTypeName.DECIMAL, DataType.MAX_DECIMAL_PRECISION, argumentType.getScale()),
          argumentType.isNullable());
    }
    return super.deriveSumType(typeFactory, argumentType);
  }
}
