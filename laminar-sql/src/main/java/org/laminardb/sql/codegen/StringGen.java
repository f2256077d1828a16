package org.laminardb.sql.codegen;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/**
 * String functions: LIKE / ILIKE (a literal pattern is compiled once into a field), UPPER,
 * LOWER, INITCAP, SUBSTRING, TRIM, CHAR_LENGTH, POSITION, REPLACE, {@code ||} (NULL if an
 * operand is NULL) and PostgreSQL's CONCAT (NULL operands count as empty).
 */
final class StringGen {
  private static final Set<String> NAMES = Set.of("UPPER", "LOWER", "INITCAP", "SUBSTRING",
      "CHARACTER_LENGTH", "CHAR_LENGTH", "||", "REPLACE");

  private final RexTranslator t;

  StringGen(RexTranslator t) {
    this.t = t;
  }

  static boolean handles(String name) {
    return NAMES.contains(name);
  }

  Value translate(RexCall call) {
    switch (call.getKind()) {
      case LIKE:
        return like(call);
      case TRIM:
        return trim(call);
      case CONCAT_WITH_NULL:
        return concatNullAsEmpty(call);
      default:
        break;
    }
    List<Value> a = t.operands(call);
    RelDataType type = call.getType();
    switch (call.getOperator().getName().toUpperCase(Locale.ROOT)) {
      case "UPPER":
        return t.strict(type, "StringRuntime.upper(" + a.get(0).code + ")", a.get(0));
      case "LOWER":
        return t.strict(type, "StringRuntime.lower(" + a.get(0).code + ")", a.get(0));
      case "INITCAP":
        return t.strict(type, "StringRuntime.initcap(" + a.get(0).code + ")", a.get(0));
      case "CHAR_LENGTH":
      case "CHARACTER_LENGTH":
        return t.strict(type, "StringRuntime.charLength(" + a.get(0).code + ")", a.get(0));
      case "||":
        return t.strict(type, a.get(0).code + ".concat(" + a.get(1).code + ")", a.get(0), a.get(1));
      case "REPLACE":
        return call("replace", type, a);
      case "POSITION":
        return call("position", type, a);
      case "SUBSTRING":
        return substring(type, a);
      default:
        throw RexTranslator.unsupported(call.getOperator().getName());
    }
  }

  private Value substring(RelDataType type, List<Value> a) {
    Value start = asLong(a.get(1));
    if (a.size() == 2) {
      return t.strict(type, "StringRuntime.substring(" + a.get(0).code + ", " + start.code + ")",
          a.get(0), start);
    }
    Value count = asLong(a.get(2));
    return t.strict(type, "StringRuntime.substring(" + a.get(0).code + ", " + start.code + ", "
        + count.code + ")", a.get(0), start, count);
  }

  private Value call(String method, RelDataType type, List<Value> a) {
    StringBuilder b = new StringBuilder("StringRuntime.").append(method).append('(');
    for (int i = 0; i < a.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(a.get(i).code);
    }
    return t.strict(type, b.append(')').toString(), a.toArray(new Value[0]));
  }

  private Value trim(RexCall call) {
    RexLiteral flag = t.literal(call.getOperands().get(0));
    SqlTrimFunction.Flag f = flag == null ? null : flag.getValueAs(SqlTrimFunction.Flag.class);
    if (f == null) {
      throw RexTranslator.unsupported("TRIM without a literal BOTH, LEADING or TRAILING");
    }
    String mode = "StringRuntime.TRIM_" + (f == SqlTrimFunction.Flag.LEADING ? "LEADING"
        : f == SqlTrimFunction.Flag.TRAILING ? "TRAILING" : "BOTH");
    Value chars = t.translate(call.getOperands().get(1));
    Value s = t.translate(call.getOperands().get(2));
    String expr = "StringRuntime.trim(" + mode + ", " + chars.code + ", " + s.code + ")";
    return t.strict(call.getType(), expr, chars, s);
  }

  private Value concatNullAsEmpty(RexCall call) {
    String expr = "\"\"";
    for (RexNode operand : call.getOperands()) {
      Value v = t.translate(operand);
      expr = "StringRuntime.concatNullAsEmpty(" + expr + ", " + v.codeOrNull() + ")";
    }
    return t.assign(call.getType(), expr);
  }

  private Value like(RexCall call) {
    SqlLikeOperator op = (SqlLikeOperator) call.getOperator();
    String not = op.isNegated() ? "!" : "";
    List<RexNode> ops = call.getOperands();
    Value s = t.translate(ops.get(0));
    RexLiteral pattern = t.literal(ops.get(1));
    RexLiteral escape = ops.size() > 2 ? t.literal(ops.get(2)) : null;
    if (pattern != null && (ops.size() == 2 || escape != null)) {
      if (pattern.isNull() || escape != null && escape.isNull()) {
        return t.nullOf(call.getType());
      }
      LikePattern compiled = LikePattern.compile(text(pattern),
          escape == null ? null : text(escape), !op.isCaseSensitive());
      String field = t.out.constant(compiled, "LikePattern");
      return t.strict(call.getType(), not + field + ".matches(" + s.code + ")", s);
    }
    Value p = t.translate(ops.get(1));
    Value e = ops.size() > 2 ? t.translate(ops.get(2)) : null;
    String field = t.out.constant(new LikeCache(!op.isCaseSensitive()), "LikeCache");
    String expr = not + field + ".matches(" + s.code + ", " + p.code + ", "
        + (e == null ? "null" : e.code) + ")";
    Value[] used = e == null ? new Value[] {s, p} : new Value[] {s, p, e};
    return t.strict(call.getType(), expr, used);
  }

  private Value asLong(Value v) {
    if (SqlTypes.javaKind(v.type) == JavaKind.LONG && SqlTypes.scale(v.type) == 0) {
      return v;
    }
    return t.cast.convert(v, t.typeFactory().createTypeWithNullability(
        t.typeFactory().createSqlType(SqlTypeName.BIGINT), v.type.isNullable()));
  }

  private static String text(RexLiteral literal) {
    return literal.getValueAs(NlsString.class).getValue();
  }
}
