package org.laminardb.sql.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.laminardb.core.type.Schema;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.function.LaminarFunction;

/**
 * Translates the expressions of a {@link RexProgram} into Java statements for one row. Each
 * program expression is evaluated at most once per block (common subexpressions of the program
 * become shared variables); calls are dispatched to one generator per expression family.
 */
final class RexTranslator {
  final CodeEmitter out;
  final RexProgram program;
  final RexBuilder rexBuilder;
  final ArithmeticGen arithmetic = new ArithmeticGen(this);
  final ComparisonGen comparison = new ComparisonGen(this);
  final LogicGen logic = new LogicGen(this);
  final CastGen cast = new CastGen(this);
  final StringGen strings = new StringGen(this);
  final MathGen math = new MathGen(this);
  final TemporalGen temporal = new TemporalGen(this);
  private final Schema input;
  private final InputColumns columns;

  RexTranslator(CodeEmitter out, RexProgram program, Schema input, InputColumns columns,
      RexBuilder rexBuilder) {
    this.out = out;
    this.program = program;
    this.input = input;
    this.columns = columns;
    this.rexBuilder = rexBuilder;
  }

  RelDataTypeFactory typeFactory() {
    return rexBuilder.getTypeFactory();
  }

  /** Translates an expression, emitting the statements that compute it. */
  Value translate(RexNode node) {
    if (node instanceof RexLocalRef) {
      return local(((RexLocalRef) node).getIndex());
    }
    if (node instanceof RexInputRef) {
      return local(((RexInputRef) node).getIndex());
    }
    if (node instanceof RexLiteral) {
      return Literals.translate(this, (RexLiteral) node);
    }
    if (node instanceof RexCall) {
      return call((RexCall) node);
    }
    throw unsupported("expression " + node.getKind());
  }

  /** Translates the operands of a call, left to right. */
  List<Value> operands(RexCall call) {
    List<Value> values = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      values.add(translate(operand));
    }
    return values;
  }

  /** The program expression an operand refers to (a literal, for flags and patterns). */
  RexNode resolve(RexNode node) {
    if (node instanceof RexLocalRef) {
      return program.getExprList().get(((RexLocalRef) node).getIndex());
    }
    return node;
  }

  /** Literal behind an operand, or null when the operand is not a literal. */
  RexLiteral literal(RexNode node) {
    RexNode r = resolve(node);
    return r instanceof RexLiteral ? (RexLiteral) r : null;
  }

  private Value local(int index) {
    Value v = out.cached(index);
    if (v != null) {
      return v;
    }
    if (index < program.getInputRowType().getFieldCount()) {
      v = inputRef(index);
    } else {
      v = translate(program.getExprList().get(index));
    }
    out.cache(index, v);
    return v;
  }

  private Value inputRef(int index) {
    RelDataType type = program.getInputRowType().getFieldList().get(index).getType();
    JavaKind kind = SqlTypes.javaKind(type);
    String read = columns.read(index, kind);
    boolean nullable = type.isNullable() && input.field(index).type().nullable();
    String isNull = Value.NOT_NULL;
    if (nullable) {
      isNull = out.fresh("n");
      out.line("final boolean " + isNull + " = " + columns.isNull(index) + ";");
    }
    String v = out.fresh("v");
    out.line("final " + kind.javaType() + " " + v + " = " + read + ";");
    return new Value(v, isNull, kind, type);
  }

  private Value call(RexCall call) {
    if (call.getOperator() instanceof SqlUserDefinedFunction) {
      Object f = ((SqlUserDefinedFunction) call.getOperator()).getFunction();
      if (f == LaminarFunction.DATE_TRUNC || f == LaminarFunction.NOW) {
        return temporal.translate(call);
      }
      throw unsupported(call.getOperator().getName());
    }
    switch (call.getKind()) {
      case PLUS: case MINUS: case TIMES: case DIVIDE: case MOD: case MINUS_PREFIX: case PLUS_PREFIX:
      case CHECKED_PLUS: case CHECKED_MINUS: case CHECKED_TIMES: case CHECKED_DIVIDE:
      case CHECKED_MINUS_PREFIX:
        return arithmetic.translate(call);
      case EQUALS: case NOT_EQUALS: case LESS_THAN: case LESS_THAN_OR_EQUAL: case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL: case IS_DISTINCT_FROM: case IS_NOT_DISTINCT_FROM:
        return comparison.translate(call);
      case AND: case OR: case NOT: case IS_NULL: case IS_NOT_NULL: case IS_TRUE: case IS_NOT_TRUE:
      case IS_FALSE: case IS_NOT_FALSE: case CASE: case COALESCE: case SEARCH:
        return logic.translate(call);
      case CAST: case REINTERPRET:
        return cast.translate(call);
      case EXTRACT:
        return temporal.translate(call);
      case FLOOR: case CEIL:
        return call.getOperands().size() == 2 ? temporal.translate(call) : math.translate(call);
      case LIKE: case TRIM: case POSITION: case CHAR_LENGTH: case CONCAT_WITH_NULL:
        return strings.translate(call);
      default:
        return byName(call);
    }
  }

  private Value byName(RexCall call) {
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    if (StringGen.handles(name)) {
      return strings.translate(call);
    }
    if (MathGen.handles(name)) {
      return math.translate(call);
    }
    if (TemporalGen.handles(name)) {
      return temporal.translate(call);
    }
    throw unsupported(call.getOperator().getName());
  }

  /**
   * Value of a strict expression: NULL when any argument is NULL, else {@code expr}, which may
   * refer to the arguments' codes and is evaluated only for non-NULL arguments.
   */
  Value strict(RelDataType type, String expr, Value... args) {
    JavaKind kind = SqlTypes.javaKind(type);
    StringBuilder nullCheck = new StringBuilder();
    for (Value a : args) {
      if (a.alwaysNull()) {
        return nullOf(type);
      }
      if (!a.notNull()) {
        nullCheck.append(nullCheck.length() == 0 ? "" : " || ").append(a.isNull);
      }
    }
    String v = out.fresh("v");
    if (nullCheck.length() == 0) {
      out.line("final " + kind.javaType() + " " + v + " = " + expr + ";");
      return new Value(v, Value.NOT_NULL, kind, type);
    }
    String n = nullCheck.toString();
    if (!n.matches("n[0-9]+")) {
      n = out.fresh("n");
      out.line("final boolean " + n + " = " + nullCheck + ";");
    }
    out.line(kind.javaType() + " " + v + " = " + kind.defaultValue() + ";");
    out.open("if (!" + n + ") {");
    out.line(v + " = " + expr + ";");
    out.close();
    return new Value(v, n, kind, type);
  }

  /** Non-NULL value of an expression, stored in a new variable. */
  Value assign(RelDataType type, String expr) {
    JavaKind kind = SqlTypes.javaKind(type);
    String v = out.fresh("v");
    out.line("final " + kind.javaType() + " " + v + " = " + expr + ";");
    return new Value(v, Value.NOT_NULL, kind, type);
  }

  /** The constant NULL of a type. */
  Value nullOf(RelDataType type) {
    JavaKind kind = SqlTypes.javaKind(type);
    return new Value(kind.defaultValue(), Value.ALWAYS_NULL, kind, type);
  }

  /** Error for an operator, function or expression that continuous queries cannot run. */
  static LaminarDBException unsupported(String what) {
    return new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "function " + what
        + " is not supported in continuous queries; supported: " + CalcCompiler.SUPPORTED);
  }
}
