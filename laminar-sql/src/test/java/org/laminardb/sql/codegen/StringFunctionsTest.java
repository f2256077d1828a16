package org.laminardb.sql.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.sql.codegen.CalcHarness.eval;
import static org.laminardb.sql.codegen.CalcHarness.eval1;
import static org.laminardb.sql.codegen.CalcHarness.row;

import org.junit.jupiter.api.Test;
import org.laminardb.error.LaminarDBException;

class StringFunctionsTest {
  @Test
  void likeWithWildcardsAndEscapes() {
    assertThat(eval("s LIKE 'a%c'", row("s", "abc"), row("s", "ac"), row("s", "abd"), row()))
        .containsExactly(true, true, false, null);
    assertThat(eval("s LIKE '_b_'", row("s", "abc"), row("s", "abcd")))
        .containsExactly(true, false);
    assertThat(eval("s NOT LIKE 'a%'", row("s", "abc"), row("s", "xbc")))
        .containsExactly(false, true);
    assertThat(eval("s LIKE '10!%' ESCAPE '!'", row("s", "10%"), row("s", "100")))
        .containsExactly(true, false);
    assertThat(eval("s LIKE '10\\%'", row("s", "10%"), row("s", "100")))
        .containsExactly(true, false);
    assertThat(eval("s LIKE '%a%a%'", row("s", "banana"), row("s", "bnn")))
        .containsExactly(true, false);
  }

  @Test
  void likeWithPatternFromColumn() {
    assertThat(eval("s LIKE s2", row("s", "abc", "s2", "a%"), row("s", "abc", "s2", "b%"),
        row("s", "abc", "s2", null))).containsExactly(true, false, null);
  }

  @Test
  void literalPatternIsCompiledOnceIntoAField() {
    String source = CalcCompiler.generateSource(CalcHarness.program(CalcHarness.T,
        "SELECT s LIKE 'a%' FROM t"), CalcHarness.T,
        CalcHarness.outputSchema(CalcHarness.T, "SELECT s LIKE 'a%' FROM t"));
    assertThat(source).contains("private final LikePattern k0;").contains("k0.matches(");
  }

  @Test
  void caseConversion() {
    assertThat(eval1("UPPER(s) || LOWER(s2)", row("s", "aBc", "s2", "DeF"))).isEqualTo("ABCdef");
    assertThat(eval1("INITCAP(s)", row("s", "hello wORLD"))).isEqualTo("Hello World");
  }

  @Test
  void substringFollowsPostgres() {
    Object[] r = row("s", "abcdef");
    assertThat(eval1("SUBSTRING(s FROM 2)", r)).isEqualTo("bcdef");
    assertThat(eval1("SUBSTRING(s FROM 2 FOR 3)", r)).isEqualTo("bcd");
    assertThat(eval1("SUBSTRING(s FROM 0 FOR 3)", r)).isEqualTo("ab");
    assertThat(eval1("SUBSTRING(s FROM 5 FOR 10)", r)).isEqualTo("ef");
    assertThat(eval1("SUBSTRING(s FROM 10)", r)).isEqualTo("");
    assertThat(eval1("SUBSTRING(s FROM i)", row("s", "abc", "i", null))).isNull();
    assertThatThrownBy(() -> eval1("SUBSTRING(s FROM 1 FOR -1)", r))
        .isInstanceOf(LaminarDBException.class);
  }

  @Test
  void trimVariants() {
    Object[] r = row("s", "  xx hi xx  ");
    assertThat(eval1("TRIM(s)", r)).isEqualTo("xx hi xx");
    assertThat(eval1("TRIM(LEADING FROM s)", r)).isEqualTo("xx hi xx  ");
    assertThat(eval1("TRIM(TRAILING FROM s)", r)).isEqualTo("  xx hi xx");
    assertThat(eval1("TRIM(BOTH 'x ' FROM s)", r)).isEqualTo("hi");
    assertThat(eval1("TRIM(LEADING 'x' FROM s2)", row("s2", "xxhix"))).isEqualTo("hix");
  }

  @Test
  void lengthAndPosition() {
    assertThat(eval1("CHAR_LENGTH(s)", row("s", "h\u00e9llo"))).isEqualTo(5);
    assertThat(eval1("CHARACTER_LENGTH(s)", row("s", "\ud83d\ude00a"))).isEqualTo(2);
    assertThat(eval1("POSITION('lo' IN s)", row("s", "hello"))).isEqualTo(4);
    assertThat(eval1("POSITION('z' IN s)", row("s", "hello"))).isEqualTo(0);
    assertThat(eval1("POSITION(s2 IN s)", row("s", "hello", "s2", null))).isNull();
  }

  @Test
  void concatOperatorIsNullWhenAnOperandIsNull() {
    assertThat(eval("s || s2", row("s", "a", "s2", "b"), row("s", "a")))
        .containsExactly("ab", null);
    assertThat(eval1("s || i", row("s", "n=", "i", 5))).isEqualTo("n=5");
  }

  @Test
  void concatFunctionTreatsNullAsEmpty() {
    assertThat(eval("CONCAT(s, '-', s2)", row("s", "a", "s2", "b"), row("s", "a"), row()))
        .containsExactly("a-b", "a-", "-");
  }

  @Test
  void replace() {
    assertThat(eval1("REPLACE(s, 'a', 'xy')", row("s", "banana"))).isEqualTo("bxynxynxy");
  }
}
