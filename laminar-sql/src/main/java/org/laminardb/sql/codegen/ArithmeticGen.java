package org.laminardb.sql.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.laminardb.sql.codegen.SqlTypes.Family;

/**
 * Numeric {@code + - * / %} and unary minus. The arithmetic runs in one domain chosen from the
 * result and operand types: DOUBLE if any is a double, else DECIMAL if any is a decimal (on
 * unscaled longs at the result scale, see {@link DecimalRuntime}), else integers with overflow
 * checks against the result type. Date, time and interval arithmetic goes to {@link TemporalGen}.
 */
final class ArithmeticGen {
  private final RexTranslator t;

  ArithmeticGen(RexTranslator t) {
    this.t = t;
  }

  Value translate(RexCall call) {
    List<Value> args = t.operands(call);
    if (isTemporal(call.getType()) || args.stream().anyMatch(a -> isTemporal(a.type))) {
      return t.temporal.arithmetic(call, args);
    }
    SqlKind kind = normalize(call.getKind());
    if (kind == SqlKind.PLUS_PREFIX) {
      return t.cast.convert(args.get(0), call.getType());
    }
    RelDataType type = call.getType();
    Family domain = domain(type, args);
    switch (domain) {
      case DOUBLE:
        return doubles(kind, type, args);
      case DECIMAL:
        return decimals(kind, type, args);
      default:
        return integers(kind, type, args);
    }
  }

  private Value integers(SqlKind kind, RelDataType type, List<Value> args) {
    Value a = args.get(0);
    String expr;
    if (kind == SqlKind.MINUS_PREFIX) {
      expr = "ExpressionRuntime.negate(" + a.code + ")";
    } else {
      expr = "ExpressionRuntime." + method(kind) + "(" + a.code + ", " + args.get(1).code + ")";
    }
    if (SqlTypes.isNarrowInteger(type)) {
      expr = "ExpressionRuntime.checkRange(" + expr + ", " + SqlTypes.minValue(type) + ", "
          + SqlTypes.maxValue(type) + ", " + SqlTypes.integerName(type) + ")";
    }
    return t.strict(type, expr, args.toArray(new Value[0]));
  }

  private Value doubles(SqlKind kind, RelDataType type, List<Value> args) {
    RelDataType doubleType = t.typeFactory().createSqlType(SqlTypeName.DOUBLE);
    Value a = t.cast.convert(args.get(0), nullable(doubleType, args.get(0)));
    String expr;
    Value[] used;
    if (kind == SqlKind.MINUS_PREFIX) {
      expr = "(-" + a.code + ")";
      used = new Value[] {a};
    } else {
      Value b = t.cast.convert(args.get(1), nullable(doubleType, args.get(1)));
      used = new Value[] {a, b};
      switch (kind) {
        case DIVIDE:
          expr = "ExpressionRuntime.divide(" + a.code + ", " + b.code + ")";
          break;
        case MOD:
          expr = "ExpressionRuntime.mod(" + a.code + ", " + b.code + ")";
          break;
        default:
          expr = "ExpressionRuntime.checkDouble(" + a.code + " " + symbol(kind) + " " + b.code
              + ", " + a.code + ", " + b.code + ")";
          break;
      }
    }
    if (SqlTypes.family(type) != Family.DOUBLE) {
      return t.cast.convert(t.strict(nullable(doubleType, type), expr, used), type);
    }
    String result = SqlTypes.isReal(type) ? "ExpressionRuntime.toReal(" + expr + ")" : expr;
    return t.strict(type, result, used);
  }

  private Value decimals(SqlKind kind, RelDataType type, List<Value> args) {
    boolean decimalResult = SqlTypes.family(type) == Family.DECIMAL;
    int scale = 0;
    for (Value a : args) {
      scale = Math.max(scale, SqlTypes.scale(a.type));
    }
    RelDataType work = decimalResult ? type
        : t.typeFactory().createTypeWithNullability(
            t.typeFactory().createSqlType(SqlTypeName.DECIMAL, 18, scale), type.isNullable());
    int s = SqlTypes.scale(work);
    int p = SqlTypes.precision(work);
    Value a = args.get(0);
    String expr;
    if (kind == SqlKind.MINUS_PREFIX) {
      expr = "DecimalRuntime.rescale(-" + a.code + ", " + SqlTypes.scale(a.type) + ", " + s + ", "
          + p + ")";
    } else {
      Value b = args.get(1);
      expr = "DecimalRuntime." + method(kind) + "(" + a.code + ", " + SqlTypes.scale(a.type) + ", "
          + b.code + ", " + SqlTypes.scale(b.type) + ", " + s + ", " + p + ")";
    }
    Value result = t.strict(work, expr, args.toArray(new Value[0]));
    return decimalResult ? result : t.cast.convert(result, type);
  }

  private static Family domain(RelDataType type, List<Value> args) {
    boolean decimal = SqlTypes.family(type) == Family.DECIMAL;
    for (Value a : args) {
      if (!SqlTypes.isNumeric(a.type) && SqlTypes.family(a.type) != Family.NULL) {
        throw RexTranslator.unsupported("arithmetic on " + a.type.getFullTypeString());
      }
      if (SqlTypes.family(a.type) == Family.DOUBLE) {
        return Family.DOUBLE;
      }
      decimal |= SqlTypes.family(a.type) == Family.DECIMAL;
    }
    if (SqlTypes.family(type) == Family.DOUBLE) {
      return Family.DOUBLE;
    }
    return decimal ? Family.DECIMAL : Family.INTEGER;
  }

  private RelDataType nullable(RelDataType type, Value like) {
    return t.typeFactory().createTypeWithNullability(type, like.type.isNullable());
  }

  private RelDataType nullable(RelDataType type, RelDataType like) {
    return t.typeFactory().createTypeWithNullability(type, like.isNullable());
  }

  static boolean isTemporal(RelDataType type) {
    switch (SqlTypes.family(type)) {
      case TIMESTAMP: case DATE: case INTERVAL_DAY_TIME: case INTERVAL_YEAR_MONTH:
        return true;
      default:
        return false;
    }
  }

  static SqlKind normalize(SqlKind kind) {
    switch (kind) {
      case CHECKED_PLUS:
        return SqlKind.PLUS;
      case CHECKED_MINUS:
        return SqlKind.MINUS;
      case CHECKED_TIMES:
        return SqlKind.TIMES;
      case CHECKED_DIVIDE:
        return SqlKind.DIVIDE;
      case CHECKED_MINUS_PREFIX:
        return SqlKind.MINUS_PREFIX;
      default:
        return kind;
    }
  }

  private static String method(SqlKind kind) {
    switch (kind) {
      case PLUS:
        return "add";
      case MINUS:
        return "subtract";
      case TIMES:
        return "multiply";
      case DIVIDE:
        return "divide";
      default:
        return "mod";
    }
  }

  private static String symbol(SqlKind kind) {
    switch (kind) {
      case PLUS:
        return "+";
      case MINUS:
        return "-";
      default:
        return "*";
    }
  }
}
