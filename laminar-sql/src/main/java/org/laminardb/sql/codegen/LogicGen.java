package org.laminardb.sql.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Boolean logic with SQL three-valued semantics (AND, OR, NOT, IS [NOT] NULL/TRUE/FALSE),
 * CASE and COALESCE, and SEARCH (IN lists and BETWEEN), which is expanded into comparisons.
 * AND, OR, CASE and COALESCE evaluate their operands lazily, left to right, in a labeled block,
 * so that an untaken branch cannot raise an error (PostgreSQL's behaviour for
 * {@code CASE WHEN x = 0 THEN 0 ELSE 1 / x END}). The first operand always runs, so it is
 * evaluated before the block and its subexpressions stay reusable after it.
 */
final class LogicGen {
  private final RexTranslator t;

  LogicGen(RexTranslator t) {
    this.t = t;
  }

  Value translate(RexCall call) {
    switch (call.getKind()) {
      case AND:
        return andOr(call, true);
      case OR:
        return andOr(call, false);
      case CASE:
        return caseWhen(call);
      case COALESCE:
        return coalesce(call);
      case SEARCH:
        return t.translate(RexUtil.expandSearch(t.rexBuilder, t.program, call));
      default:
        return unary(call, t.translate(call.getOperands().get(0)));
    }
  }

  private Value unary(RexCall call, Value a) {
    RelDataType type = call.getType();
    switch (call.getKind()) {
      case NOT:
        return t.strict(type, "!" + a.code, a);
      case IS_NULL:
        return t.assign(type, a.isNull);
      case IS_NOT_NULL:
        return t.assign(type, "!(" + a.isNull + ")");
      case IS_TRUE:
        return t.assign(type, a.isTrue());
      case IS_NOT_TRUE:
        return t.assign(type, "!" + a.isTrue());
      case IS_FALSE:
        return t.assign(type, a.isFalse());
      default:
        return t.assign(type, "!" + a.isFalse());
    }
  }

  /**
   * AND (or OR): the first FALSE (TRUE) operand decides; otherwise NULL if any operand was
   * NULL; otherwise TRUE (FALSE).
   */
  private Value andOr(RexCall call, boolean isAnd) {
    String v = t.out.fresh("v");
    String n = t.out.fresh("n");
    String label = t.out.fresh("logic");
    t.out.line("boolean " + v + " = " + isAnd + ";");
    t.out.line("boolean " + n + " = false;");
    boolean nullable = false;
    Value first = t.translate(call.getOperands().get(0));
    t.out.open(label + ": {");
    for (RexNode operand : call.getOperands()) {
      Value a = operand == call.getOperands().get(0) ? first : t.translate(operand);
      t.out.open("if (" + (isAnd ? a.isFalse() : a.isTrue()) + ") {");
      t.out.line(v + " = " + !isAnd + ";");
      t.out.line(n + " = false;");
      t.out.line("break " + label + ";");
      t.out.close();
      if (!a.notNull()) {
        nullable = true;
        t.out.line(n + " = " + n + " || " + a.isNull + ";");
      }
    }
    t.out.close();
    return new Value(v, nullable ? n : Value.NOT_NULL, JavaKind.BOOLEAN, call.getType());
  }

  /** Searched CASE: operands are WHEN, THEN pairs followed by ELSE. */
  private Value caseWhen(RexCall call) {
    List<RexNode> ops = call.getOperands();
    Value first = t.translate(ops.get(0));
    Result r = new Result(call.getType());
    t.out.open(r.label + ": {");
    for (int i = 0; i + 1 < ops.size(); i += 2) {
      Value when = i == 0 ? first : t.translate(ops.get(i));
      t.out.open("if (" + when.isTrue() + ") {");
      r.set(t.translate(ops.get(i + 1)));
      t.out.line("break " + r.label + ";");
      t.out.close();
    }
    r.set(t.translate(ops.get(ops.size() - 1)));
    t.out.close();
    return r.value();
  }

  private Value coalesce(RexCall call) {
    List<RexNode> ops = call.getOperands();
    Value first = t.translate(ops.get(0));
    Result r = new Result(call.getType());
    t.out.open(r.label + ": {");
    for (int i = 0; i < ops.size() - 1; i++) {
      Value a = i == 0 ? first : t.translate(ops.get(i));
      t.out.open("if (!(" + a.isNull + ")) {");
      r.set(a);
      t.out.line("break " + r.label + ";");
      t.out.close();
    }
    r.set(t.translate(ops.get(ops.size() - 1)));
    t.out.close();
    return r.value();
  }

  /** Mutable result variables of a CASE or COALESCE, assigned in each branch. */
  private final class Result {
    final RelDataType type;
    final JavaKind kind;
    final String v = t.out.fresh("v");
    final String n = t.out.fresh("n");
    final String label = t.out.fresh("choice");
    boolean nullable;

    Result(RelDataType type) {
      this.type = type;
      this.kind = SqlTypes.javaKind(type);
      t.out.line(kind.javaType() + " " + v + " = " + kind.defaultValue() + ";");
      t.out.line("boolean " + n + " = true;");
    }

    void set(Value branch) {
      Value c = t.cast.convert(branch, type);
      t.out.line(v + " = " + c.code + ";");
      t.out.line(n + " = " + c.isNull + ";");
      nullable |= !c.notNull();
    }

    Value value() {
      return new Value(v, nullable ? n : Value.NOT_NULL, kind, type);
    }
  }
}
