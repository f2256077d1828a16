package org.laminardb.sql.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.laminardb.sql.codegen.CalcHarness.T;
import static org.laminardb.sql.codegen.CalcHarness.row;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import org.apache.calcite.rex.RexProgram;
import org.junit.jupiter.api.Test;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.type.Schema;
import org.laminardb.sql.type.TypeMapping;

class AllocationTest {
  @Test
  void numericProgramAllocatesNothingPerRow() {
    String sql = "SELECT i + b, d * 2, CASE WHEN x > 1 THEN x * 2 ELSE 0 END, i > 3 AND f, "
        + "COALESCE(i, 0), s FROM t WHERE b % 2 = 0 AND d BETWEEN 1 AND 100";
    RexProgram p = CalcHarness.program(T, sql);
    Schema output = TypeMapping.toSchema(p.getOutputRowType());
    CalcProgram calc = CalcCompiler.compile(p, T, output);
    Object[][] rows = new Object[1024][];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = row("i", r % 7 == 0 ? null : r, "b", (long) r, "d", BigDecimal.valueOf(r % 50, 1),
          "x", r / 3.0, "f", r % 3 == 0, "s", "row");
    }
    Chunk in = CalcHarness.chunk(T, new byte[rows.length], rows);
    Chunk out = new Chunk(output, rows.length);
    for (int k = 0; k < 2_000; k++) {
      out.reset();
      calc.apply(in, out);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    int total = 0;
    for (int k = 0; k < 200; k++) {
      out.reset();
      total += calc.apply(in, out);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(total).isGreaterThan(0);
    assertThat(allocated).as("bytes allocated for %s rows", 200 * rows.length).isLessThan(4_096);
  }
}
