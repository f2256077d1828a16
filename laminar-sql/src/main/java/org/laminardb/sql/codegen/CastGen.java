package org.laminardb.sql.codegen;

import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.laminardb.sql.codegen.SqlTypes.Family;

/**
 * {@code CAST} and the implicit conversions other generators need (CASE branches, operand
 * alignment), with PostgreSQL rules; see {@link CastRuntime} and {@link DecimalRuntime}.
 */
final class CastGen {
  private final RexTranslator t;

  CastGen(RexTranslator t) {
    this.t = t;
  }

  Value translate(RexCall call) {
    Value v = t.translate(call.getOperands().get(0));
    if (call.getKind() == SqlKind.REINTERPRET) {
      return reinterpret(v, call.getType());
    }
    return convert(v, call.getType());
  }

  /** A value converted to another type ({@code CAST} semantics). */
  Value convert(Value v, RelDataType to) {
    if (v.alwaysNull()) {
      return t.nullOf(to);
    }
    if (sameRepresentation(v.type, to)) {
      return new Value(v.code, v.isNull, SqlTypes.javaKind(to), to);
    }
    return t.strict(to, expression(v.type, to, v.code), v);
  }

  private Value reinterpret(Value v, RelDataType to) {
    String x = v.code;
    switch (SqlTypes.family(v.type)) {
      case INTERVAL_DAY_TIME:
        return t.strict(to, "(" + x + " / 1000L)", v);
      case TIMESTAMP:
        return t.strict(to, "Math.floorDiv(" + x + ", 1000L)", v);
      case INTERVAL_YEAR_MONTH: case DATE: case DECIMAL: case INTEGER:
        return new Value(x, v.isNull, SqlTypes.javaKind(to), to);
      default:
        throw RexTranslator.unsupported("REINTERPRET of " + v.type.getFullTypeString());
    }
  }

  private static boolean sameRepresentation(RelDataType from, RelDataType to) {
    Family f = SqlTypes.family(from);
    if (f != SqlTypes.family(to)) {
      return false;
    }
    switch (f) {
      case INTEGER:
        return widerOrSame(from, to);
      case DECIMAL:
        return SqlTypes.scale(from) == SqlTypes.scale(to)
            && SqlTypes.precision(to) >= SqlTypes.precision(from);
      case DOUBLE:
        return !SqlTypes.isReal(to) || SqlTypes.isReal(from);
      case STRING:
        return to.getSqlTypeName() == SqlTypeName.VARCHAR
            && from.getSqlTypeName() == SqlTypeName.VARCHAR
            && (to.getPrecision() < 0 || to.getPrecision() == Integer.MAX_VALUE
                || from.getPrecision() >= 0 && from.getPrecision() <= to.getPrecision());
      case TIMESTAMP:
        return to.getPrecision() >= 6 || to.getPrecision() >= from.getPrecision();
      default:
        return true;
    }
  }

  private static boolean widerOrSame(RelDataType from, RelDataType to) {
    return to.getSqlTypeName().ordinal() >= from.getSqlTypeName().ordinal();
  }

  private static String expression(RelDataType from, RelDataType to, String x) {
    switch (SqlTypes.family(from)) {
      case INTEGER:
        return fromInteger(from, to, x);
      case DECIMAL:
        return fromDecimal(from, to, x);
      case DOUBLE:
        return fromDouble(from, to, x);
      case BOOLEAN:
        return fromBoolean(from, to, x);
      case STRING:
        return fromString(from, to, x);
      case TIMESTAMP:
      case DATE:
        return fromDatetime(from, to, x);
      case INTERVAL_DAY_TIME:
      case INTERVAL_YEAR_MONTH:
        return fromInterval(from, to, x);
      default:
        throw unsupported(from, to);
    }
  }

  private static String fromInteger(RelDataType from, RelDataType to, String x) {
    switch (SqlTypes.family(to)) {
      case INTEGER:
        return checkRange(x, to);
      case DECIMAL:
        return "DecimalRuntime.fromLong(" + x + ", " + SqlTypes.scale(to) + ", "
            + SqlTypes.precision(to) + ")";
      case DOUBLE:
        return SqlTypes.isReal(to) ? "((double) (float) " + x + ")" : "((double) " + x + ")";
      case BOOLEAN:
        return "(" + x + " != 0L)";
      case STRING:
        return limitLength("Long.toString(" + x + ")", to);
      default:
        throw unsupported(from, to);
    }
  }

  private static String fromDecimal(RelDataType from, RelDataType to, String x) {
    int s = SqlTypes.scale(from);
    switch (SqlTypes.family(to)) {
      case INTEGER:
        return checkRange("DecimalRuntime.toLong(" + x + ", " + s + ")", to);
      case DECIMAL:
        return "DecimalRuntime.rescale(" + x + ", " + s + ", " + SqlTypes.scale(to) + ", "
            + SqlTypes.precision(to) + ")";
      case DOUBLE:
        return real("DecimalRuntime.toDouble(" + x + ", " + s + ")", to);
      case STRING:
        return limitLength("DecimalRuntime.toString(" + x + ", " + s + ")", to);
      default:
        throw unsupported(from, to);
    }
  }

  private static String fromDouble(RelDataType from, RelDataType to, String x) {
    switch (SqlTypes.family(to)) {
      case INTEGER:
        return "CastRuntime.doubleToLong(" + x + ", " + SqlTypes.minValue(to) + ", "
            + SqlTypes.maxValue(to) + ", " + SqlTypes.integerName(to) + ")";
      case DECIMAL:
        return "DecimalRuntime.fromDouble(" + x + ", " + SqlTypes.scale(to) + ", "
            + SqlTypes.precision(to) + ")";
      case DOUBLE:
        return real(x, to);
      case STRING:
        String method = SqlTypes.isReal(from) ? "realToString" : "doubleToString";
        return limitLength("CastRuntime." + method + "(" + x + ")", to);
      default:
        throw unsupported(from, to);
    }
  }

  private static String fromBoolean(RelDataType from, RelDataType to, String x) {
    switch (SqlTypes.family(to)) {
      case INTEGER:
        return "(" + x + " ? 1L : 0L)";
      case STRING:
        return limitLength("CastRuntime.booleanToString(" + x + ")", to);
      default:
        throw unsupported(from, to);
    }
  }

  private static String fromString(RelDataType from, RelDataType to, String x) {
    switch (SqlTypes.family(to)) {
      case INTEGER:
        return "CastRuntime.parseLong(" + x + ", " + SqlTypes.minValue(to) + ", "
            + SqlTypes.maxValue(to) + ", " + SqlTypes.integerName(to) + ")";
      case DECIMAL:
        return "DecimalRuntime.parse(" + x + ", " + SqlTypes.scale(to) + ", "
            + SqlTypes.precision(to) + ")";
      case DOUBLE:
        return real("CastRuntime.parseDouble(" + x + ")", to);
      case BOOLEAN:
        return "CastRuntime.parseBoolean(" + x + ")";
      case TIMESTAMP:
        return roundTimestamp("TemporalText.parseTimestamp(" + x + ")", to);
      case DATE:
        return "TemporalText.parseDate(" + x + ")";
      case STRING:
        boolean charToVarchar = from.getSqlTypeName() == SqlTypeName.CHAR
            && to.getSqlTypeName() == SqlTypeName.VARCHAR;
        String text = charToVarchar ? "CastRuntime.trimTrailingBlanks(" + x + ")" : x;
        return limitLength(text, to);
      default:
        throw unsupported(from, to);
    }
  }

  private static String fromDatetime(RelDataType from, RelDataType to, String x) {
    boolean isDate = SqlTypes.family(from) == Family.DATE;
    switch (SqlTypes.family(to)) {
      case DATE:
        return "Math.floorDiv(" + x + ", TemporalRuntime.MICROS_PER_DAY)";
      case TIMESTAMP:
        return isDate ? "(" + x + " * TemporalRuntime.MICROS_PER_DAY)" : roundTimestamp(x, to);
      case STRING:
        return limitLength((isDate ? "TemporalText.formatDate(" : "TemporalText.formatTimestamp(")
            + x + ")", to);
      default:
        throw unsupported(from, to);
    }
  }

  private static String fromInterval(RelDataType from, RelDataType to, String x) {
    boolean dayTime = SqlTypes.family(from) == Family.INTERVAL_DAY_TIME;
    switch (SqlTypes.family(to)) {
      case STRING:
        if (dayTime) {
          return limitLength("TemporalText.formatInterval(" + x + ")", to);
        }
        break;
      case INTEGER:
        TimeUnit unit = from.getSqlTypeName().getEndUnit();
        if (unit != null && unit == from.getSqlTypeName().getStartUnit()) {
          long per = unit.multiplier.longValueExact() * (dayTime ? 1000L : 1L);
          return checkRange("(" + x + " / " + per + "L)", to);
        }
        break;
      default:
        break;
    }
    throw unsupported(from, to);
  }

  private static String checkRange(String x, RelDataType to) {
    if (!SqlTypes.isNarrowInteger(to)) {
      return x;
    }
    return "ExpressionRuntime.checkRange(" + x + ", " + SqlTypes.minValue(to) + ", "
        + SqlTypes.maxValue(to) + ", " + SqlTypes.integerName(to) + ")";
  }

  private static String real(String x, RelDataType to) {
    return SqlTypes.isReal(to) ? "ExpressionRuntime.toReal(" + x + ")" : x;
  }

  private static String roundTimestamp(String x, RelDataType to) {
    int p = to.getPrecision();
    return p >= 0 && p < 6 ? "TemporalRuntime.roundToPrecision(" + x + ", " + p + ")" : x;
  }

  private static String limitLength(String x, RelDataType to) {
    int n = to.getPrecision();
    if (n < 0 || n == Integer.MAX_VALUE || SqlTypes.family(to) != Family.STRING) {
      return x;
    }
    return to.getSqlTypeName() == SqlTypeName.CHAR ? "CastRuntime.pad(" + x + ", " + n + ")"
        : "CastRuntime.truncate(" + x + ", " + n + ")";
  }

  private static RuntimeException unsupported(RelDataType from, RelDataType to) {
    return RexTranslator.unsupported("CAST from " + from.getFullTypeString() + " to "
        + to.getFullTypeString());
  }
}
