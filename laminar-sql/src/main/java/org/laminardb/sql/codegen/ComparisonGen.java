package org.laminardb.sql.codegen;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.laminardb.sql.codegen.SqlTypes.Family;

/**
 * Comparisons {@code = <> < <= > >=} and {@code IS [NOT] DISTINCT FROM} of numbers (integers,
 * decimals of any scale, doubles, mixed), strings, booleans, timestamps, dates (also against
 * timestamps) and intervals.
 */
final class ComparisonGen {
  private final RexTranslator t;

  ComparisonGen(RexTranslator t) {
    this.t = t;
  }

  Value translate(RexCall call) {
    Value a = t.translate(call.getOperands().get(0));
    Value b = t.translate(call.getOperands().get(1));
    RelDataType type = call.getType();
    SqlKind kind = call.getKind();
    if (kind == SqlKind.IS_DISTINCT_FROM || kind == SqlKind.IS_NOT_DISTINCT_FROM) {
      String same = "(" + a.isNull + " && " + b.isNull + " || !(" + a.isNull + ") && !("
          + b.isNull + ") && " + compare(SqlKind.EQUALS, a, b) + ")";
      return t.assign(type, kind == SqlKind.IS_DISTINCT_FROM ? "!" + same : same);
    }
    return t.strict(type, compare(kind, a, b), a, b);
  }

  /** Java condition comparing two non-NULL values. */
  String compare(SqlKind kind, Value a, Value b) {
    Family fa = SqlTypes.family(a.type);
    Family fb = SqlTypes.family(b.type);
    if (fa == Family.STRING && fb == Family.STRING) {
      if (kind == SqlKind.EQUALS || kind == SqlKind.NOT_EQUALS) {
        return (kind == SqlKind.EQUALS ? "" : "!") + a.code + ".equals(" + b.code + ")";
      }
      return "(" + a.code + ".compareTo(" + b.code + ") " + op(kind) + " 0)";
    }
    if (fa == Family.BOOLEAN && fb == Family.BOOLEAN) {
      return "(Boolean.compare(" + a.code + ", " + b.code + ") " + op(kind) + " 0)";
    }
    if (SqlTypes.isNumeric(a.type) && SqlTypes.isNumeric(b.type)) {
      return numeric(kind, a, fa, b, fb);
    }
    if (isDatetime(fa) && fa == fb) {
      return "(" + a.code + " " + op(kind) + " " + b.code + ")";
    }
    if (isDatetime(fa) && isDatetime(fb)) {
      return "(" + micros(a, fa) + " " + op(kind) + " " + micros(b, fb) + ")";
    }
    if (fa == fb && (fa == Family.INTERVAL_DAY_TIME || fa == Family.INTERVAL_YEAR_MONTH)) {
      return "(" + a.code + " " + op(kind) + " " + b.code + ")";
    }
    throw RexTranslator.unsupported("comparison of " + a.type.getFullTypeString() + " with "
        + b.type.getFullTypeString());
  }

  private String numeric(SqlKind kind, Value a, Family fa, Value b, Family fb) {
    if (fa == Family.DOUBLE || fb == Family.DOUBLE) {
      return "(ExpressionRuntime.compare(" + asDouble(a, fa) + ", " + asDouble(b, fb) + ") "
          + op(kind) + " 0)";
    }
    int sa = SqlTypes.scale(a.type);
    int sb = SqlTypes.scale(b.type);
    if (sa == sb) {
      return "(" + a.code + " " + op(kind) + " " + b.code + ")";
    }
    return "(DecimalRuntime.compare(" + a.code + ", " + sa + ", " + b.code + ", " + sb + ") "
        + op(kind) + " 0)";
  }

  private static String asDouble(Value v, Family f) {
    switch (f) {
      case DOUBLE:
        return v.code;
      case DECIMAL:
        return "DecimalRuntime.toDouble(" + v.code + ", " + SqlTypes.scale(v.type) + ")";
      default:
        return "((double) " + v.code + ")";
    }
  }

  private static boolean isDatetime(Family f) {
    return f == Family.TIMESTAMP || f == Family.DATE;
  }

  private static String micros(Value v, Family f) {
    return f == Family.DATE ? "(" + v.code + " * TemporalRuntime.MICROS_PER_DAY)" : v.code;
  }

  private static String op(SqlKind kind) {
    switch (kind) {
      case EQUALS:
        return "==";
      case NOT_EQUALS:
        return "!=";
      case LESS_THAN:
        return "<";
      case LESS_THAN_OR_EQUAL:
        return "<=";
      case GREATER_THAN:
        return ">";
      default:
        return ">=";
    }
  }
}
