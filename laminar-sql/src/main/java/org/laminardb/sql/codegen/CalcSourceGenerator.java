package org.laminardb.sql.codegen;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.laminardb.core.type.PhysicalKind;
import org.laminardb.core.type.Schema;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.type.LaminarTypeSystem;

/** Writes the Java source of the class that implements one {@link RexProgram}. */
final class CalcSourceGenerator {
  /** Simple name of every generated class (hidden classes need no unique name). */
  static final String CLASS_NAME = "GeneratedCalc";
  private static final String LOOP_INDENT = "        ";

  private final RexProgram program;
  private final Schema input;
  private final Schema output;
  private final CodeEmitter body = new CodeEmitter(4);
  private final InputColumns columns;

  CalcSourceGenerator(RexProgram program, Schema input, Schema output) {
    this.program = program;
    this.input = input;
    this.output = output;
    this.columns = new InputColumns(input);
  }

  /** Generated source and the constant objects its constructor expects. */
  static final class Generated {
    final String source;
    final Object[] constants;

    Generated(String source, Object[] constants) {
      this.source = source;
      this.constants = constants;
    }
  }

  Generated generate() {
    checkShapes();
    RexTranslator t = new RexTranslator(body, program, input, columns,
        new RexBuilder(new SqlTypeFactoryImpl(LaminarTypeSystem.INSTANCE)));
    RexLocalRef condition = program.getCondition();
    if (condition != null) {
      Value c = t.translate(condition);
      body.line("if (!(" + c.isTrue() + ")) {");
      body.line("  continue;");
      body.line("}");
    }
    List<Value> values = new ArrayList<>();
    for (RexLocalRef project : program.getProjectList()) {
      values.add(t.translate(project));
    }
    for (int j = 0; j < values.size(); j++) {
      write(j, values.get(j));
    }
    body.line("outKinds[o] = inKinds[i];");
    body.line("o++;");
    return new Generated(assemble(), body.constants().toArray());
  }

  private void write(int j, Value v) {
    String target = "o" + j + "[o]";
    String value = v.kind == JavaKind.BOOLEAN ? "(" + v.code + " ? 1L : 0L)" : v.code;
    if (v.notNull()) {
      body.line(target + " = " + value + ";");
    } else if (v.alwaysNull()) {
      body.line("oc" + j + ".setNull(o);");
    } else {
      body.line("if (" + v.isNull + ") {");
      body.line("  oc" + j + ".setNull(o);");
      body.line("} else {");
      body.line("  " + target + " = " + value + ";");
      body.line("}");
    }
  }

  private String assemble() {
    StringBuilder s = new StringBuilder();
    s.append("package org.laminardb.sql.codegen;\n\n");
    s.append("import org.laminardb.core.chunk.Chunk;\n");
    s.append("import org.laminardb.core.chunk.Column;\n\n");
    s.append("public final class ").append(CLASS_NAME).append(" implements CalcProgram {\n");
    List<String> types = body.constantTypes();
    for (int k = 0; k < types.size(); k++) {
      s.append("  private final ").append(types.get(k)).append(" k").append(k).append(";\n");
    }
    s.append("\n  public ").append(CLASS_NAME).append("(Object[] constants) {\n");
    for (int k = 0; k < types.size(); k++) {
      s.append("    this.k").append(k).append(" = (").append(types.get(k)).append(") constants[")
          .append(k).append("];\n");
    }
    s.append("  }\n\n");
    s.append("  public int apply(Chunk in, Chunk out) {\n");
    s.append("    final int n = in.size;\n");
    s.append("    final byte[] inKinds = in.kinds;\n");
    s.append("    final byte[] outKinds = out.kinds;\n");
    s.append(columns.declarations("    "));
    s.append(outputDeclarations());
    if (body.usesClock()) {
      s.append("    final long now = ExpressionRuntime.currentTimeMicros();\n");
    }
    s.append("    final int start = out.size;\n");
    s.append("    int o = start;\n");
    s.append("    try {\n");
    s.append("      for (int i = 0; i < n; i++) {\n");
    s.append(body.body());
    s.append("      }\n");
    s.append("    } finally {\n");
    s.append("      out.size = o;\n");
    s.append("    }\n");
    s.append("    return o - start;\n");
    s.append("  }\n");
    s.append("}\n");
    return s.toString();
  }

  private String outputDeclarations() {
    StringBuilder s = new StringBuilder();
    for (int j = 0; j < output.size(); j++) {
      PhysicalKind kind = output.field(j).type().physical();
      String array = kind == PhysicalKind.LONG ? "long[]" : kind == PhysicalKind.DOUBLE ? "double[]"
          : "String[]";
      String field = kind == PhysicalKind.LONG ? "longs" : kind == PhysicalKind.DOUBLE ? "doubles"
          : "strings";
      s.append("    final Column oc").append(j).append(" = out.columns[").append(j).append("];\n");
      s.append("    final ").append(array).append(" o").append(j).append(" = oc").append(j)
          .append('.').append(field).append(";\n");
    }
    return s.toString();
  }

  private void checkShapes() {
    List<RelDataType> in = new ArrayList<>();
    program.getInputRowType().getFieldList().forEach(f -> in.add(f.getType()));
    List<RelDataType> outTypes = new ArrayList<>();
    program.getOutputRowType().getFieldList().forEach(f -> outTypes.add(f.getType()));
    if (in.size() != input.size() || outTypes.size() != output.size()) {
      throw mismatch("program has " + in.size() + " inputs and " + outTypes.size()
          + " outputs but the schemas have " + input.size() + " and " + output.size());
    }
    for (int i = 0; i < in.size(); i++) {
      checkPhysical("input", i, in.get(i), input.field(i).type().physical());
    }
    for (int j = 0; j < outTypes.size(); j++) {
      checkPhysical("output", j, outTypes.get(j), output.field(j).type().physical());
    }
  }

  private static void checkPhysical(String side, int index, RelDataType type,
      PhysicalKind physical) {
    JavaKind kind = SqlTypes.javaKind(type);
    PhysicalKind expected = kind == JavaKind.DOUBLE ? PhysicalKind.DOUBLE
        : kind == JavaKind.STRING ? PhysicalKind.STRING : PhysicalKind.LONG;
    if (SqlTypes.family(type) == SqlTypes.Family.OTHER) {
      throw RexTranslator.unsupported("values of type " + type.getFullTypeString());
    }
    if (expected != physical) {
      throw mismatch(side + " column " + index + " of type " + type.getFullTypeString()
          + " is stored as " + physical);
    }
  }

  private static LaminarDBException mismatch(String detail) {
    return new LaminarDBException(ErrorCode.INTERNAL_ERROR,
        "Calc program does not match its schemas: " + detail);
  }
}
