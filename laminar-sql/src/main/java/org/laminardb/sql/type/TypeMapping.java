package org.laminardb.sql.type;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/** Conversions between Calcite's {@link RelDataType} and LaminarDB's {@link DataType}. */
public final class TypeMapping {
  private TypeMapping() {}

  /**
   * LaminarDB type of a Calcite type.
   *
   * @param type the Calcite type
   * @return the LaminarDB type
   * @throws LaminarDBException with {@code 0A000} for types LaminarDB does not store
   */
  public static DataType toDataType(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    DataType result;
    switch (name) {
      case BOOLEAN:
        result = DataType.of(TypeKind.BOOLEAN);
        break;
      case TINYINT:
      case SMALLINT:
      case INTEGER:
        result = DataType.of(TypeKind.INT);
        break;
      case BIGINT:
        result = DataType.of(TypeKind.BIGINT);
        break;
      case DECIMAL:
        result = DataType.decimal(
            Math.min(Math.max(type.getPrecision(), 1), DataType.MAX_DECIMAL_PRECISION),
            Math.max(type.getScale(), 0));
        break;
      case FLOAT:
      case DOUBLE:
        result = DataType.of(TypeKind.DOUBLE);
        break;
      case REAL:
        result = DataType.of(TypeKind.REAL);
        break;
      case CHAR:
      case VARCHAR:
        result = DataType.of(TypeKind.VARCHAR);
        break;
      case TIMESTAMP:
        result = DataType.of(TypeKind.TIMESTAMP);
        break;
      case DATE:
        result = DataType.of(TypeKind.DATE);
        break;
      case INTERVAL_DAY:
      case INTERVAL_DAY_HOUR:
      case INTERVAL_DAY_MINUTE:
      case INTERVAL_DAY_SECOND:
      case INTERVAL_HOUR:
      case INTERVAL_HOUR_MINUTE:
      case INTERVAL_HOUR_SECOND:
      case INTERVAL_MINUTE:
      case INTERVAL_MINUTE_SECOND:
      case INTERVAL_SECOND:
        result = DataType.of(TypeKind.INTERVAL);
        break;
      default:
        throw new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED,
            "type " + type.getFullTypeString() + " is not supported; supported types are BOOLEAN, "
                + "INT, BIGINT, DOUBLE, REAL, DECIMAL(p, s) with p <= 18, VARCHAR, TIMESTAMP, DATE");
    }
    return result.withNullable(type.isNullable());
  }

  /**
   * Calcite type of a LaminarDB type.
   *
   * @param factory the type factory
   * @param type the LaminarDB type
   * @return the Calcite type
   */
  public static RelDataType toRelDataType(RelDataTypeFactory factory, DataType type) {
    RelDataType t;
    switch (type.kind()) {
      case BOOLEAN:
        t = factory.createSqlType(SqlTypeName.BOOLEAN);
        break;
      case INT:
        t = factory.createSqlType(SqlTypeName.INTEGER);
        break;
      case BIGINT:
        t = factory.createSqlType(SqlTypeName.BIGINT);
        break;
      case DOUBLE:
        t = factory.createSqlType(SqlTypeName.DOUBLE);
        break;
      case REAL:
        t = factory.createSqlType(SqlTypeName.REAL);
        break;
      case DECIMAL:
        t = factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
        break;
      case VARCHAR:
        t = factory.createSqlType(SqlTypeName.VARCHAR);
        break;
      case TIMESTAMP:
        t = factory.createSqlType(SqlTypeName.TIMESTAMP, 6);
        break;
      case DATE:
        t = factory.createSqlType(SqlTypeName.DATE);
        break;
      default:
        t = factory.createSqlIntervalType(new org.apache.calcite.sql.SqlIntervalQualifier(
            org.apache.calcite.avatica.util.TimeUnit.DAY,
            org.apache.calcite.avatica.util.TimeUnit.SECOND,
            org.apache.calcite.sql.parser.SqlParserPos.ZERO));
        break;
    }
    return factory.createTypeWithNullability(t, type.nullable());
  }

  /**
   * LaminarDB schema of a Calcite row type.
   *
   * @param rowType the row type
   * @return the schema
   */
  public static Schema toSchema(RelDataType rowType) {
    List<Field> fields = new ArrayList<>();
    for (RelDataTypeField f : rowType.getFieldList()) {
      fields.add(new Field(f.getName(), toDataType(f.getType())));
    }
    return new Schema(fields);
  }

  /**
   * Calcite row type of a LaminarDB schema.
   *
   * @param factory the type factory
   * @param schema the schema
   * @return the row type
   */
  public static RelDataType toRowType(RelDataTypeFactory factory, Schema schema) {
    RelDataTypeFactory.Builder b = factory.builder();
    for (Field f : schema.fields()) {
      b.add(f.name(), toRelDataType(factory, f.type()));
    }
    return b.build();
  }
}
