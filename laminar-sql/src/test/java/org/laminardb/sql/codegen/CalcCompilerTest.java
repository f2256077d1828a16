package org.laminardb.sql.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.sql.codegen.CalcHarness.T;
import static org.laminardb.sql.codegen.CalcHarness.row;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rex.RexProgram;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.type.Schema;
import org.laminardb.error.LaminarDBException;
import org.laminardb.sql.type.TypeMapping;

class CalcCompilerTest {
  @Test
  void projectsAndFiltersRows() {
    List<List<Object>> out = CalcHarness.run(T, "SELECT i + 1, s FROM t WHERE i > 1",
        row("i", 1, "s", "a"), row("i", 2, "s", "b"), row("i", 3, "s", "c"));
    assertThat(out).containsExactly(Arrays.asList(3, "b"), Arrays.asList(4, "c"));
  }

  @Test
  void filterPassingNoRowsAppendsNothing() {
    List<List<Object>> out = CalcHarness.run(T, "SELECT i FROM t WHERE i > 100",
        row("i", 1), row("i", 2));
    assertThat(out).isEmpty();
  }

  @Test
  void nullConditionRejectsRow() {
    List<List<Object>> out = CalcHarness.run(T, "SELECT nn FROM t WHERE i > 1",
        row("i", null, "nn", 1), row("i", 5, "nn", 2));
    assertThat(out).containsExactly(List.of(2));
  }

  @Test
  void rowKindsAreCopied() {
    byte[] kinds = {RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER, RowKind.DELETE};
    CalcHarness.Result r = CalcHarness.run(T, "SELECT i FROM t WHERE i <> 2", kinds,
        row("i", 1), row("i", 2), row("i", 3), row("i", 4));
    assertThat(r.rows).containsExactly(List.of(1), List.of(3), List.of(4));
    assertThat(r.kinds).containsExactly(RowKind.INSERT, RowKind.UPDATE_AFTER, RowKind.DELETE);
  }

  @Test
  void nullInputsPropagate() {
    List<List<Object>> out = CalcHarness.run(T, "SELECT i * 2, UPPER(s) FROM t",
        row("i", null, "s", null), row("i", 4, "s", "x"));
    assertThat(out).containsExactly(Arrays.asList(null, null), Arrays.asList(8, "X"));
  }

  @Test
  void stringsPassThroughWithoutCopy() {
    String s = new String("shared");
    Chunk in = CalcHarness.chunk(T, new byte[] {RowKind.INSERT}, row("s", s));
    RexProgram p = CalcHarness.program(T, "SELECT s FROM t");
    Schema output = TypeMapping.toSchema(p.getOutputRowType());
    Chunk out = new Chunk(output, 4);
    CalcCompiler.compile(p, T, output).apply(in, out);
    assertThat(out.columns[0].strings[0]).isSameAs(s);
  }

  @Test
  void appendsAfterExistingRowsAndReturnsCount() {
    RexProgram p = CalcHarness.program(T, "SELECT nn FROM t WHERE nn > 0");
    Schema output = TypeMapping.toSchema(p.getOutputRowType());
    CalcProgram calc = CalcCompiler.compile(p, T, output);
    Chunk out = new Chunk(output, 8);
    Chunk in = CalcHarness.chunk(T, new byte[3], row("nn", 1), row("nn", 0), row("nn", 2));
    assertThat(calc.apply(in, out)).isEqualTo(2);
    assertThat(calc.apply(in, out)).isEqualTo(2);
    assertThat(out.size).isEqualTo(4);
    assertThat(Arrays.copyOf(out.columns[0].longs, 4)).containsExactly(1, 2, 1, 2);
  }

  @Test
  void generatedSourceHoistsColumnsAndIsOneClass() {
    RexProgram p = CalcHarness.program(T, "SELECT b + 1, b + 1 FROM t WHERE b > 0");
    String source = CalcCompiler.generateSource(p, T, TypeMapping.toSchema(p.getOutputRowType()));
    assertThat(source).contains("final long[] c1 = in.columns[1].longs;")
        .contains("public final class GeneratedCalc implements CalcProgram");
    assertThat(source.split("ExpressionRuntime.add\\(", -1)).hasSize(2);
  }

  @Test
  void compiledProgramIsAHiddenClass() {
    CalcProgram calc = CalcHarness.compile(T, "SELECT i FROM t");
    assertThat(calc.getClass().isHidden()).isTrue();
    assertThat(calc.getClass().getPackageName()).isEqualTo("org.laminardb.sql.codegen");
  }

  @Test
  void failingRowKeepsCompletedRowsAndWritesNothingOfItself() {
    RexProgram p = CalcHarness.program(T, "SELECT s, 10 / i FROM t");
    Schema output = TypeMapping.toSchema(p.getOutputRowType());
    Chunk out = new Chunk(output, 4);
    Chunk in = CalcHarness.chunk(T, new byte[3], row("i", 5, "s", "a"), row("i", 0, "s", "b"),
        row("i", 1, "s", "c"));
    assertThatThrownBy(() -> CalcCompiler.compile(p, T, output).apply(in, out))
        .isInstanceOfSatisfying(LaminarDBException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22012"));
    assertThat(out.size).isEqualTo(1);
    assertThat(out.columns[0].strings[1]).isNull();
    assertThat(out.columns[0].strings[0]).isEqualTo("a");
  }

  @Test
  void droppedProgramsLetTheirClassBeUnloaded() throws InterruptedException {
    CalcProgram calc = CalcHarness.compile(T, "SELECT i * 3 FROM t");
    WeakReference<Class<?>> type = new WeakReference<>(calc.getClass());
    calc = null;
    for (int k = 0; k < 50 && type.get() != null; k++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(type.get()).isNull();
  }

  @Test
  void unsupportedFunctionFailsAtCompileTime() {
    assertThatThrownBy(() -> CalcHarness.compile(T, "SELECT MD5(s) FROM t"))
        .isInstanceOfSatisfying(LaminarDBException.class, e -> {
          assertThat(e.sqlState()).isEqualTo("0A000");
          assertThat(e.getMessage())
              .startsWith("function MD5 is not supported in continuous queries;"
              + " supported: ").contains("DATE_TRUNC");
        });
  }
}
