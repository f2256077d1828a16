package org.laminardb.sql.codegen;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.util.NlsString;
import org.laminardb.sql.codegen.SqlTypes.Family;
import org.laminardb.sql.function.LaminarFunction;

/**
 * Date and time expressions: datetime and interval arithmetic, EXTRACT, FLOOR/CEIL to a unit,
 * DATE_TRUNC, and the clock functions (CURRENT_TIMESTAMP, LOCALTIMESTAMP, NOW(), CURRENT_DATE),
 * which read a time taken once per chunk (see {@link CodeEmitter#clock()}).
 */
final class TemporalGen {
  private static final Set<String> NAMES = Set.of("CURRENT_TIMESTAMP", "LOCALTIMESTAMP",
      "CURRENT_DATE");

  private final RexTranslator t;

  TemporalGen(RexTranslator t) {
    this.t = t;
  }

  static boolean handles(String name) {
    return NAMES.contains(name);
  }

  Value translate(RexCall call) {
    RelDataType type = call.getType();
    if (call.getOperator() instanceof SqlUserDefinedFunction) {
      if (((SqlUserDefinedFunction) call.getOperator()).getFunction() == LaminarFunction.NOW) {
        return new Value(t.out.clock(), Value.NOT_NULL, JavaKind.LONG, type);
      }
      return dateTrunc(call);
    }
    if (call.getKind() == SqlKind.EXTRACT) {
      return extract(call);
    }
    if (call.getKind() == SqlKind.FLOOR || call.getKind() == SqlKind.CEIL) {
      return floorCeil(call);
    }
    if (call.getOperator().getName().toUpperCase(Locale.ROOT).equals("CURRENT_DATE")) {
      return t.assign(type, "Math.floorDiv(" + t.out.clock() + ", TemporalRuntime.MICROS_PER_DAY)");
    }
    return new Value(t.out.clock(), Value.NOT_NULL, JavaKind.LONG, type);
  }

  /** Arithmetic with a datetime or interval operand or result. */
  Value arithmetic(RexCall call, List<Value> args) {
    SqlKind kind = ArithmeticGen.normalize(call.getKind());
    RelDataType type = call.getType();
    Value a = args.get(0);
    Value b = args.size() > 1 ? args.get(1) : null;
    Family fa = SqlTypes.family(a.type);
    Family fb = b == null ? null : SqlTypes.family(b.type);
    if (kind == SqlKind.MINUS_PREFIX && isInterval(fa)) {
      return t.strict(type, "ExpressionRuntime.negate(" + a.code + ")", a);
    }
    if (kind == SqlKind.PLUS && isInterval(fa) && isDatetime(fb)) {
      return shift(type, b, a, false);
    }
    if ((kind == SqlKind.PLUS || kind == SqlKind.MINUS) && isDatetime(fa) && isInterval(fb)) {
      return shift(type, a, b, kind == SqlKind.MINUS);
    }
    if (kind == SqlKind.MINUS && isDatetime(fa) && isDatetime(fb)) {
      return difference(type, a, b);
    }
    if ((kind == SqlKind.PLUS || kind == SqlKind.MINUS) && isInterval(fa) && fa == fb) {
      String m = kind == SqlKind.PLUS ? "add" : "subtract";
      return t.strict(type, "ExpressionRuntime." + m + "(" + a.code + ", " + b.code + ")", a, b);
    }
    if (kind == SqlKind.TIMES && isInterval(fb) && SqlTypes.isNumeric(a.type)) {
      return scale(type, b, a, true);
    }
    if ((kind == SqlKind.TIMES || kind == SqlKind.DIVIDE) && isInterval(fa)
        && SqlTypes.isNumeric(b.type)) {
      return scale(type, a, b, kind == SqlKind.TIMES);
    }
    throw RexTranslator.unsupported("operator " + call.getOperator().getName() + " on "
        + a.type.getFullTypeString() + (b == null ? "" : " and " + b.type.getFullTypeString()));
  }

  /** Datetime plus or minus an interval. */
  private Value shift(RelDataType type, Value dt, Value interval, boolean minus) {
    boolean months = SqlTypes.family(interval.type) == Family.INTERVAL_YEAR_MONTH;
    String iv = minus ? "ExpressionRuntime.negate(" + interval.code + ")" : interval.code;
    boolean date = SqlTypes.family(dt.type) == Family.DATE;
    String expr;
    if (months) {
      expr = (date ? "TemporalRuntime.plusMonthsToDate(" : "TemporalRuntime.plusMonths(") + dt.code
          + ", " + iv + ")";
    } else if (date) {
      expr = "Math.floorDiv(ExpressionRuntime.add(" + dt.code
          + " * TemporalRuntime.MICROS_PER_DAY, " + iv + "), TemporalRuntime.MICROS_PER_DAY)";
    } else {
      expr = "ExpressionRuntime.add(" + dt.code + ", " + iv + ")";
    }
    Value r = t.strict(t.typeFactory().createTypeWithNullability(dt.type, type.isNullable()), expr,
        dt, interval);
    return t.cast.convert(r, type);
  }

  /** {@code (a - b) <interval qualifier>}: the interval between two datetimes. */
  private Value difference(RelDataType type, Value a, Value b) {
    String ma = micros(a);
    String mb = micros(b);
    if (SqlTypes.family(type) == Family.INTERVAL_YEAR_MONTH) {
      String months = "TemporalRuntime.monthsBetween(" + ma + ", " + mb + ")";
      if (type.getSqlTypeName() == SqlTypeName.INTERVAL_YEAR) {
        months = "(" + months + " / 12L * 12L)";
      }
      return t.strict(type, months, a, b);
    }
    if (SqlTypes.family(type) != Family.INTERVAL_DAY_TIME) {
      throw RexTranslator.unsupported("datetime difference of type " + type.getFullTypeString());
    }
    String diff = "ExpressionRuntime.subtract(" + ma + ", " + mb + ")";
    TimeUnit end = type.getSqlTypeName().getEndUnit();
    if (end != null && end != TimeUnit.SECOND) {
      diff = "TemporalRuntime.truncateInterval(" + diff + ", "
          + Literals.longLiteral(end.multiplier.longValueExact() * 1000L) + ")";
    }
    return t.strict(type, diff, a, b);
  }

  /** Interval multiplied or divided by a number. */
  private Value scale(RelDataType type, Value interval, Value n, boolean times) {
    if (SqlTypes.family(n.type) == Family.INTEGER) {
      String m = times ? "multiply" : "divide";
      return t.strict(type, "ExpressionRuntime." + m + "(" + interval.code + ", " + n.code + ")",
          interval, n);
    }
    Value d = t.cast.convert(n, t.typeFactory().createTypeWithNullability(
        t.typeFactory().createSqlType(SqlTypeName.DOUBLE), n.type.isNullable()));
    String product = times ? "(" + interval.code + " * " + d.code + ")"
        : "ExpressionRuntime.divide((double) " + interval.code + ", " + d.code + ")";
    return t.strict(type, "CastRuntime.doubleToLong(" + product
        + ", Long.MIN_VALUE, Long.MAX_VALUE, \"interval\")", interval, d);
  }

  private Value extract(RexCall call) {
    TimeUnitRange range = flag(call, 0);
    Value x = t.translate(call.getOperands().get(1));
    Family f = SqlTypes.family(x.type);
    if (f != Family.TIMESTAMP && f != Family.DATE) {
      throw RexTranslator.unsupported("EXTRACT from " + x.type.getFullTypeString());
    }
    String expr = range == TimeUnitRange.NANOSECOND
        ? "(TemporalRuntime.extract(TemporalRuntime.MICROSECOND, " + micros(x) + ") * 1000L)"
        : "TemporalRuntime.extract(TemporalRuntime." + extractField(range) + ", " + micros(x) + ")";
    RelDataType bigint = t.typeFactory().createTypeWithNullability(
        t.typeFactory().createSqlType(SqlTypeName.BIGINT), x.type.isNullable());
    return t.cast.convert(t.strict(bigint, expr, x), call.getType());
  }

  private Value floorCeil(RexCall call) {
    boolean floor = call.getKind() == SqlKind.FLOOR;
    Value x = t.translate(call.getOperands().get(0));
    String unit = "TemporalRuntime." + truncUnit(flag(call, 1));
    String expr;
    switch (SqlTypes.family(x.type)) {
      case TIMESTAMP:
        expr = "TemporalRuntime." + (floor ? "truncate(" : "ceil(") + unit + ", " + x.code + ")";
        break;
      case DATE:
        expr = (floor ? "TemporalRuntime.truncateDate(" : "TemporalRuntime.ceilDate(") + unit + ", "
            + x.code + ")";
        break;
      default:
        throw RexTranslator.unsupported((floor ? "FLOOR" : "CEIL") + " of "
            + x.type.getFullTypeString() + " to a time unit");
    }
    return t.cast.convert(t.strict(x.type, expr, x), call.getType());
  }

  private Value dateTrunc(RexCall call) {
    RexLiteral unitLiteral = t.literal(call.getOperands().get(0));
    Value ts = t.translate(call.getOperands().get(1));
    if (unitLiteral != null && !unitLiteral.isNull()) {
      int unit = TemporalRuntime.unit(unitLiteral.getValueAs(NlsString.class).getValue());
      String expr = "TemporalRuntime.truncate(" + unit + ", " + ts.code + ")";
      return t.strict(call.getType(), expr, ts);
    }
    Value unit = t.translate(call.getOperands().get(0));
    return t.strict(call.getType(), "TemporalRuntime.dateTrunc(" + unit.code + ", " + ts.code + ")",
        unit, ts);
  }

  private TimeUnitRange flag(RexCall call, int operand) {
    RexLiteral literal = t.literal(call.getOperands().get(operand));
    TimeUnitRange range = literal == null ? null : literal.getValueAs(TimeUnitRange.class);
    if (range == null) {
      throw RexTranslator.unsupported(
          call.getOperator().getName() + " without a literal time unit");
    }
    return range;
  }

  private static String extractField(TimeUnitRange range) {
    switch (range) {
      case MICROSECOND: case MILLISECOND: case SECOND: case MINUTE: case HOUR: case DAY: case WEEK:
      case MONTH: case QUARTER: case YEAR: case DECADE: case CENTURY: case MILLENNIUM: case DOW:
      case ISODOW: case DOY: case EPOCH: case ISOYEAR:
        return range.name();
      default:
        throw RexTranslator.unsupported("EXTRACT(" + range + ")");
    }
  }

  private static String truncUnit(TimeUnitRange range) {
    switch (range) {
      case MICROSECOND: case MILLISECOND: case SECOND: case MINUTE: case HOUR: case DAY: case WEEK:
      case MONTH: case QUARTER: case YEAR: case DECADE: case CENTURY: case MILLENNIUM:
        return range.name();
      default:
        throw RexTranslator.unsupported("FLOOR/CEIL to " + range);
    }
  }

  private static String micros(Value v) {
    return SqlTypes.family(v.type) == Family.DATE
        ? "(" + v.code + " * TemporalRuntime.MICROS_PER_DAY)" : v.code;
  }

  private static boolean isInterval(Family f) {
    return f == Family.INTERVAL_DAY_TIME || f == Family.INTERVAL_YEAR_MONTH;
  }

  private static boolean isDatetime(Family f) {
    return f == Family.TIMESTAMP || f == Family.DATE;
  }
}
