package org.laminardb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScannerTest {
  @Test
  void countsMarkersOutsideLiteralsIdentifiersAndComments() {
    assertThat(SqlScanner.countParameters("INSERT INTO s VALUES (?, ?, ?)")).isEqualTo(3);
    assertThat(SqlScanner.countParameters(
        "SELECT '?', \"a?\", `b?` FROM v WHERE x = ? -- ?\n AND y = ? /* ? */")).isEqualTo(2);
    assertThat(SqlScanner.countParameters("SELECT 'it''s ?' FROM v")).isZero();
  }

  @Test
  void recognisesPlainInsertsOnly() {
    assertThat(SqlScanner.plainInsertTarget("insert into Src values (?, ?);")).isEqualTo("Src");
    assertThat(SqlScanner.plainInsertTarget("INSERT INTO s VALUES (?, 1)")).isNull();
    assertThat(SqlScanner.plainInsertTarget("INSERT INTO s (a) VALUES (?)")).isNull();
    assertThat(SqlScanner.plainInsertTarget("INSERT INTO \"s\" VALUES (?)")).isNull();
    assertThat(SqlScanner.plainInsertTarget("SELECT ?")).isNull();
  }
}
