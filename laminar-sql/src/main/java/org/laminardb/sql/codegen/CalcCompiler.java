package org.laminardb.sql.codegen;

import java.lang.reflect.InvocationTargetException;
import org.apache.calcite.rex.RexProgram;
import org.laminardb.core.type.Schema;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Compiles a Calcite {@link RexProgram} (optional condition plus projections over an input row)
 * into a {@link CalcProgram}: Java source for one class, compiled by Janino and defined as a
 * hidden class.
 *
 * <h2>Design notes: shape of the generated code</h2>
 * <ul>
 *   <li><b>One tight loop.</b> {@code apply} hoists each used input column's value array
 *       ({@code final long[] c0 = in.columns[0].longs;}), null bitmap and {@code hasNulls} flag,
 *       and each output column's array, into locals, then loops over the rows. Each row evaluates
 *       the condition (rows where it is not TRUE {@code continue}), then every projection into
 *       locals, and only then writes the output row, so a failing row leaves nothing half
 *       written; {@code out.size} is set in a {@code finally} block and always covers exactly the
 *       complete rows appended.
 *   <li><b>Values and NULLs.</b> Every SQL value is a pair of Java locals: the value
 *       ({@code long} for integers, DECIMAL as an unscaled long, TIMESTAMP microseconds, DATE
 *       days, intervals; {@code double}; {@code boolean}; {@code String}) and a {@code boolean}
 *       null flag. The flag is omitted when Calcite's type and the input schema prove the value
 *       is never NULL. Strict operators compute under {@code if (!null)}, so a NULL row never
 *       raises an error. Numeric code allocates nothing; String references pass through uncopied.
 *   <li><b>Evaluation order.</b> Each program expression (Calcite's common subexpressions) is
 *       computed at most once per row and block. AND, OR, CASE and COALESCE evaluate lazily in
 *       labeled blocks, with SQL three-valued logic, so untaken branches cannot raise errors.
 *   <li><b>Constants.</b> Literals are inlined; a literal LIKE pattern is compiled once into a
 *       field; a computed pattern uses a one-entry cache.
 *   <li><b>Per-chunk values.</b> {@code CURRENT_TIMESTAMP}, {@code LOCALTIMESTAMP}, {@code NOW()}
 *       and {@code CURRENT_DATE} read the clock once per {@code apply} call, i.e. per chunk: all
 *       rows of a chunk see the same time, later chunks a later one. The time is the UTC wall
 *       clock with microsecond precision.
 *   <li><b>Hidden classes.</b> The class lives in this package and is defined with
 *       {@code MethodHandles.Lookup.defineHiddenClass}; it is unloaded once its last
 *       {@link CalcProgram} is unreachable, so dropping a query frees its code.
 *   <li><b>Errors.</b> Runtime SQL errors are {@link LaminarDBException}s with PostgreSQL
 *       SQLSTATEs (22012 division by zero, 22003 out of range, 22P02 bad text, 22000 other data
 *       errors); unsupported functions fail in {@code compile} with 0A000.
 * </ul>
 */
public final class CalcCompiler {
  /** Operators and functions continuous queries support, as listed in error messages. */
  static final String SUPPORTED = "+ - * / % MOD, = <> < <= > >=, IS [NOT] NULL/TRUE/FALSE, "
      + "IS [NOT] DISTINCT FROM, AND, OR, NOT, IN, BETWEEN, CASE, COALESCE, NULLIF, CAST, "
      + "LIKE, ILIKE, UPPER, LOWER, INITCAP, SUBSTRING, TRIM, CHAR_LENGTH, CHARACTER_LENGTH, "
      + "POSITION, REPLACE, ||, CONCAT, ABS, SIGN, ROUND, TRUNCATE, FLOOR, CEIL, POWER, SQRT, EXP, "
      + "LN, LOG10, EXTRACT, FLOOR/CEIL(ts TO unit), DATE_TRUNC, datetime +/- INTERVAL, "
      + "TIMESTAMPADD, TIMESTAMPDIFF, CURRENT_TIMESTAMP, LOCALTIMESTAMP, NOW, CURRENT_DATE";

  private CalcCompiler() {}

  /**
   * Compiles a program.
   *
   * @param program the program: input row type, expressions, projections, optional condition
   * @param input schema of the input chunks (matching the program's input row type)
   * @param output schema of the output chunks, {@code TypeMapping.toSchema(program's output row
   *     type)}
   * @return a new compiled program instance
   * @throws LaminarDBException {@code 0A000} for unsupported functions, operators or types
   */
  public static CalcProgram compile(RexProgram program, Schema input, Schema output) {
    CalcSourceGenerator.Generated g = new CalcSourceGenerator(program, input, output).generate();
    Class<?> c = HiddenClassDefiner.define(g.source, CalcSourceGenerator.CLASS_NAME);
    try {
      return (CalcProgram) c.getConstructor(Object[].class).newInstance((Object) g.constants);
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
        | InvocationTargetException e) {
      throw new LaminarDBException(ErrorCode.INTERNAL_ERROR,
          "cannot instantiate generated class: " + e, e);
    }
  }

  /**
   * Java source that {@link #compile} would compile for a program, for debugging.
   *
   * @param program the program
   * @param input schema of the input chunks
   * @param output schema of the output chunks
   * @return the source of the generated class
   * @throws LaminarDBException {@code 0A000} for unsupported functions, operators or types
   */
  public static String generateSource(RexProgram program, Schema input, Schema output) {
    return new CalcSourceGenerator(program, input, output).generate().source;
  }
}
