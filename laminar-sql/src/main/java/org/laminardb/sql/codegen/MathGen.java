package org.laminardb.sql.codegen;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.type.SqlTypeName;
import org.laminardb.sql.codegen.SqlTypes.Family;

/**
 * Numeric functions: ABS, SIGN, ROUND, TRUNCATE, FLOOR, CEIL, POWER, SQRT, EXP, LN, LOG10.
 * Exact types keep their representation (DECIMAL rounding works on the unscaled long); the
 * transcendental functions run on doubles (see {@link MathRuntime}).
 */
final class MathGen {
  private static final Set<String> NAMES = Set.of("ABS", "SIGN", "ROUND", "TRUNCATE", "POWER",
      "SQRT", "EXP", "LN", "LOG10");

  private final RexTranslator t;

  MathGen(RexTranslator t) {
    this.t = t;
  }

  static boolean handles(String name) {
    return NAMES.contains(name);
  }

  Value translate(RexCall call) {
    List<Value> a = t.operands(call);
    RelDataType type = call.getType();
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    switch (name) {
      case "ABS":
        return abs(type, a.get(0));
      case "SIGN":
        return sign(type, a.get(0));
      case "ROUND":
      case "TRUNCATE":
        return round(name.equals("ROUND"), type, a);
      case "FLOOR":
      case "CEIL":
      case "CEILING":
        return floorCeil(name.equals("FLOOR"), type, a.get(0));
      case "POWER":
        return doubles("MathRuntime.power", type, a);
      case "SQRT":
        return doubles("MathRuntime.sqrt", type, a);
      case "EXP":
        return doubles("MathRuntime.exp", type, a);
      case "LN":
        return doubles("MathRuntime.ln", type, a);
      case "LOG10":
        return doubles("MathRuntime.log10", type, a);
      default:
        throw RexTranslator.unsupported(call.getOperator().getName());
    }
  }

  private Value abs(RelDataType type, Value x) {
    Value v = t.cast.convert(x, type);
    switch (SqlTypes.family(type)) {
      case INTEGER:
        return t.strict(type, "MathRuntime.abs(" + v.code + ", " + SqlTypes.minValue(type) + ", "
            + SqlTypes.integerName(type) + ")", v);
      case DECIMAL:
        return t.strict(type, "Math.abs(" + v.code + ")", v);
      case DOUBLE:
        return t.strict(type, "Math.abs(" + v.code + ")", v);
      default:
        throw RexTranslator.unsupported("ABS of " + type.getFullTypeString());
    }
  }

  private Value sign(RelDataType type, Value x) {
    if (SqlTypes.family(x.type) == Family.DOUBLE) {
      return t.cast.convert(t.strict(x.type, "Math.signum(" + x.code + ")", x), type);
    }
    Value s = t.strict(t.typeFactory().createTypeWithNullability(
        t.typeFactory().createSqlType(SqlTypeName.BIGINT), x.type.isNullable()),
        "((long) Long.signum(" + x.code + "))", x);
    if (SqlTypes.family(type) == Family.DECIMAL) {
      return t.strict(type,
          "(" + s.code + " * DecimalRuntime.pow10(" + SqlTypes.scale(type) + "))", s);
    }
    return t.cast.convert(s, type);
  }

  private Value round(boolean round, RelDataType type, List<Value> a) {
    Value x = t.cast.convert(a.get(0), nullable(type, a.get(0)));
    Value n = a.size() > 1 ? a.get(1) : null;
    String digits = n == null ? "0L" : n.code;
    Value[] used = n == null ? new Value[] {x} : new Value[] {x, n};
    switch (SqlTypes.family(type)) {
      case DECIMAL:
        return t.strict(type, "DecimalRuntime." + (round ? "round(" : "truncate(") + x.code
            + ", " + SqlTypes.scale(type) + ", " + digits
            + (round ? ", " + SqlTypes.precision(type) : "") + ")", used);
      case INTEGER:
        String r = round ? "MathRuntime.round(" + x.code + ", " + digits + ")"
            : "DecimalRuntime.truncate(" + x.code + ", 0, " + digits + ")";
        return t.strict(type, SqlTypes.isNarrowInteger(type) ? "ExpressionRuntime.checkRange(" + r
            + ", " + SqlTypes.minValue(type) + ", " + SqlTypes.maxValue(type) + ", "
            + SqlTypes.integerName(type) + ")" : r, used);
      case DOUBLE:
        if (n == null) {
          return t.strict(type, round ? "MathRuntime.round(" + x.code + ")"
              : "(" + x.code + " < 0 ? Math.ceil(" + x.code + ") : Math.floor(" + x.code + "))", x);
        }
        return t.strict(type, "MathRuntime." + (round ? "round(" : "truncate(") + x.code + ", "
            + n.code + ")", used);
      default:
        throw RexTranslator.unsupported("ROUND of " + type.getFullTypeString());
    }
  }

  private Value floorCeil(boolean floor, RelDataType type, Value x) {
    switch (SqlTypes.family(x.type)) {
      case INTEGER:
        return t.cast.convert(x, type);
      case DECIMAL:
        if (SqlTypes.family(type) != Family.DECIMAL) {
          break;
        }
        return t.strict(type, (floor ? "DecimalRuntime.floor(" : "DecimalRuntime.ceil(") + x.code
            + ", " + SqlTypes.scale(x.type) + ", " + SqlTypes.scale(type) + ", "
            + SqlTypes.precision(type) + ")", x);
      case DOUBLE:
        String math = (floor ? "Math.floor(" : "Math.ceil(") + x.code + ")";
        return t.cast.convert(t.strict(x.type, math, x), type);
      default:
        break;
    }
    throw RexTranslator.unsupported(
        (floor ? "FLOOR" : "CEIL") + " of " + x.type.getFullTypeString());
  }

  private Value doubles(String method, RelDataType type, List<Value> a) {
    RelDataType d = t.typeFactory().createSqlType(SqlTypeName.DOUBLE);
    StringBuilder b = new StringBuilder(method).append('(');
    Value[] used = new Value[a.size()];
    for (int i = 0; i < a.size(); i++) {
      used[i] = t.cast.convert(a.get(i), nullable(d, a.get(i)));
      b.append(i == 0 ? "" : ", ").append(used[i].code);
    }
    Value r = t.strict(nullable(d, type.isNullable()), b.append(')').toString(), used);
    return t.cast.convert(r, type);
  }

  private RelDataType nullable(RelDataType type, Value like) {
    return nullable(type, like.type.isNullable());
  }

  private RelDataType nullable(RelDataType type, boolean nullable) {
    return t.typeFactory().createTypeWithNullability(type, nullable);
  }
}
