package org.laminardb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TypedValuesTest {
  private static final LocalDateTime T = LocalDateTime.of(2024, 6, 1, 12, 30);

  @Test
  void convertsToRequestedClasses() throws SQLException {
    assertThat(TypedValues.convert(T, LocalDateTime.class)).isEqualTo(T);
    assertThat(TypedValues.convert(T, Timestamp.class)).isEqualTo(Timestamp.valueOf(T));
    assertThat(TypedValues.convert(T, LocalDate.class)).isEqualTo(T.toLocalDate());
    assertThat(TypedValues.convert(T, Instant.class)).isEqualTo(T.toInstant(ZoneOffset.UTC));
    assertThat(TypedValues.convert(T, OffsetDateTime.class)).isEqualTo(T.atOffset(ZoneOffset.UTC));
    assertThat(TypedValues.convert(12, Long.class)).isEqualTo(12L);
    assertThat(TypedValues.convert(12L, BigDecimal.class)).isEqualByComparingTo("12");
    assertThat(TypedValues.convert(new BigDecimal("12.7"), BigInteger.class))
        .isEqualTo(BigInteger.valueOf(12));
    assertThat(TypedValues.convert(12L, String.class)).isEqualTo("12");
    assertThat(TypedValues.convert(null, Long.class)).isNull();
  }

  @Test
  void rejectsClassesWithoutConversion() {
    assertThatThrownBy(() -> TypedValues.convert(1, StringBuilder.class))
        .isInstanceOf(SQLFeatureNotSupportedException.class)
        .hasMessageContaining("StringBuilder");
  }

  @Test
  void normalisesParametersToEngineClasses() throws SQLException {
    assertThat(TypedValues.toParameter((short) 3)).isEqualTo(3);
    assertThat(TypedValues.toParameter(BigInteger.TEN)).isEqualTo(BigDecimal.TEN);
    assertThat(TypedValues.toParameter('x')).isEqualTo("x");
    assertThat(TypedValues.toParameter(Timestamp.valueOf(T))).isEqualTo(T);
    assertThat(TypedValues.toParameter(java.sql.Date.valueOf(T.toLocalDate())))
        .isEqualTo(T.toLocalDate());
    assertThat(TypedValues.toParameter(T.toInstant(ZoneOffset.UTC))).isEqualTo(T);
    assertThat(TypedValues.toParameter(null)).isNull();
    assertThatThrownBy(() -> TypedValues.toParameter(new Object()))
        .isInstanceOf(SQLFeatureNotSupportedException.class);
  }

  @Test
  void convertsParametersToTargetSqlTypes() throws SQLException {
    assertThat(TypedValues.toParameter("42", Types.INTEGER, -1)).isEqualTo(42);
    assertThat(TypedValues.toParameter(1.256, Types.DECIMAL, 2))
        .isEqualTo(new BigDecimal("1.26"));
    assertThat(TypedValues.toParameter("2024-06-01 12:30:00", Types.TIMESTAMP, -1)).isEqualTo(T);
    assertThat(TypedValues.toParameter(5, Types.VARCHAR, -1)).isEqualTo("5");
    assertThatThrownBy(() -> TypedValues.toParameter(1, Types.BLOB, -1))
        .isInstanceOf(SQLFeatureNotSupportedException.class);
  }
}
