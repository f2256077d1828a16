package org.laminardb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class JdbcValuesTest {
  @Test
  void formatsTimestampsAsSqlTextWithoutTrailingZeros() {
    assertThat(JdbcValues.toText(LocalDateTime.of(2024, 3, 5, 7, 8, 9)))
        .isEqualTo("2024-03-05 07:08:09");
    assertThat(JdbcValues.toText(LocalDateTime.of(2024, 3, 5, 7, 8, 9, 120_000_000)))
        .isEqualTo("2024-03-05 07:08:09.12");
    assertThat(JdbcValues.toText(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(JdbcValues.toText(null)).isNull();
  }

  @Test
  void convertsNumbersWithRangeChecks() throws SQLException {
    assertThat(JdbcValues.toLong(42, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER"))
        .isEqualTo(42);
    assertThat(JdbcValues.toLong(3.9, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT")).isEqualTo(3);
    assertThat(JdbcValues.toLong(new BigDecimal("-7.5"), -100, 100, "TINYINT")).isEqualTo(-7);
    assertThat(JdbcValues.toLong(" 12 ", 0, 100, "INTEGER")).isEqualTo(12);
    assertThat(JdbcValues.toLong(null, 0, 1, "INTEGER")).isZero();
    assertThatThrownBy(() -> JdbcValues.toLong(1L << 40, Integer.MIN_VALUE, Integer.MAX_VALUE,
        "INTEGER"))
        .isInstanceOf(SQLDataException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22003");
    assertThatThrownBy(() -> JdbcValues.toLong("abc", 0, 1, "INTEGER"))
        .isInstanceOf(SQLDataException.class)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
  }

  @Test
  void convertsFloatsToDecimalsThroughTheirShortestForm() throws SQLException {
    assertThat(JdbcValues.toBigDecimal(0.1f)).isEqualByComparingTo("0.1");
    assertThat(JdbcValues.toBigDecimal(2.5)).isEqualByComparingTo("2.5");
    assertThat(JdbcValues.toBigDecimal(7L)).isEqualByComparingTo("7");
    assertThatThrownBy(() -> JdbcValues.toBigDecimal(Double.NaN))
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22003");
  }

  @Test
  void readsBooleansFromNumbersAndText() throws SQLException {
    assertThat(JdbcValues.toBoolean(1)).isTrue();
    assertThat(JdbcValues.toBoolean(0L)).isFalse();
    assertThat(JdbcValues.toBoolean("TRUE")).isTrue();
    assertThat(JdbcValues.toBoolean("f")).isFalse();
    assertThat(JdbcValues.toBoolean(null)).isFalse();
    assertThatThrownBy(() -> JdbcValues.toBoolean("maybe")).isInstanceOf(SQLDataException.class);
  }

  @Test
  void convertsBetweenTimestampsDatesAndText() throws SQLException {
    LocalDateTime t = LocalDateTime.of(2024, 1, 2, 3, 4, 5);
    assertThat(JdbcValues.toLocalDateTime("2024-01-02 03:04:05")).isEqualTo(t);
    assertThat(JdbcValues.toLocalDateTime("2024-01-02T03:04:05")).isEqualTo(t);
    assertThat(JdbcValues.toLocalDateTime("2024-01-02")).isEqualTo(t.toLocalDate().atStartOfDay());
    assertThat(JdbcValues.toLocalDateTime(Timestamp.valueOf(t))).isEqualTo(t);
    assertThat(JdbcValues.toLocalDateTime(Instant.parse("2024-01-02T03:04:05Z"))).isEqualTo(t);
    assertThat(JdbcValues.toLocalDate(t)).isEqualTo(LocalDate.of(2024, 1, 2));
    assertThatThrownBy(() -> JdbcValues.toLocalDateTime("yesterday"))
        .isInstanceOf(SQLDataException.class);
  }

  @Test
  void givesJdbcClassesForTemporalValues() {
    LocalDateTime t = LocalDateTime.of(2024, 1, 2, 3, 4, 5);
    assertThat(JdbcValues.toJdbcObject(t)).isEqualTo(Timestamp.valueOf(t));
    assertThat(JdbcValues.toJdbcObject(t.toLocalDate()))
        .isEqualTo(java.sql.Date.valueOf(t.toLocalDate()));
    assertThat(JdbcValues.toJdbcObject(5L)).isEqualTo(5L);
  }
}
