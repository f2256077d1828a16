package org.laminardb.sql.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.sql.codegen.CalcHarness.eval;
import static org.laminardb.sql.codegen.CalcHarness.eval1;
import static org.laminardb.sql.codegen.CalcHarness.row;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laminardb.error.LaminarDBException;

class TemporalTest {
  private static final LocalDateTime TS = LocalDateTime.of(2024, 1, 31, 13, 45, 30, 123_456_000);
  private static final Object[] R = row("ts", TS, "dt", LocalDate.of(2024, 1, 31));

  @Test
  void timestampPlusAndMinusIntervals() {
    assertThat(eval1("ts + INTERVAL '1' HOUR", R)).isEqualTo(TS.plusHours(1));
    assertThat(eval1("ts - INTERVAL '2' DAY", R)).isEqualTo(TS.minusDays(2));
    assertThat(eval1("ts + INTERVAL '1:30' MINUTE TO SECOND", R)).isEqualTo(TS.plusSeconds(90));
    assertThat(eval1("ts + INTERVAL '0.5' SECOND", R)).isEqualTo(TS.plusNanos(500_000_000));
    assertThat(eval1("ts + INTERVAL '1' MONTH", R))
        .isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000));
    assertThat(eval1("ts - INTERVAL '1-2' YEAR TO MONTH", R)).isEqualTo(TS.minusMonths(14));
    assertThat(eval1("INTERVAL '3' HOUR + ts", R)).isEqualTo(TS.plusHours(3));
    assertThat(eval1("ts + INTERVAL '1' HOUR * 3", R)).isEqualTo(TS.plusHours(3));
  }

  @Test
  void datePlusIntervals() {
    assertThat(eval1("dt + INTERVAL '3' DAY", R)).isEqualTo(LocalDate.of(2024, 2, 3));
    assertThat(eval1("dt - INTERVAL '1' YEAR", R)).isEqualTo(LocalDate.of(2023, 1, 31));
    assertThat(eval1("dt + INTERVAL '1' MONTH", R)).isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @Test
  void timestampDifferences() {
    Object[] r = row("ts", TS, "dt", LocalDate.of(2024, 1, 1));
    assertThat(eval1("(ts - CAST(dt AS TIMESTAMP)) DAY TO SECOND", r))
        .isEqualTo(Duration.between(LocalDateTime.of(2024, 1, 1, 0, 0), TS));
    assertThat(eval1("(ts - CAST(dt AS TIMESTAMP)) HOUR", r))
        .isEqualTo(Duration.ofHours(30 * 24 + 13));
    assertThat(eval1("TIMESTAMPDIFF(MINUTE, CAST(dt AS TIMESTAMP), ts)", r))
        .isEqualTo(30 * 24 * 60 + 13 * 60 + 45);
    assertThat(eval1("TIMESTAMPADD(HOUR, 2, ts)", r)).isEqualTo(TS.plusHours(2));
  }

  @Test
  void extractFields() {
    List<Object> fields = CalcHarness.run(CalcHarness.T, "SELECT EXTRACT(YEAR FROM ts), "
        + "EXTRACT(QUARTER FROM ts), EXTRACT(MONTH FROM ts), EXTRACT(WEEK FROM ts), "
        + "EXTRACT(DAY FROM ts), EXTRACT(DOW FROM ts), EXTRACT(DOY FROM ts), "
        + "EXTRACT(HOUR FROM ts), EXTRACT(MINUTE FROM ts), EXTRACT(SECOND FROM ts), "
        + "EXTRACT(MILLISECOND FROM ts), EXTRACT(MICROSECOND FROM ts), EXTRACT(EPOCH FROM ts), "
        + "EXTRACT(ISODOW FROM ts) FROM t", R).get(0);
    assertThat(fields).containsExactly(2024L, 1L, 1L, 5L, 31L, 3L, 31L, 13L, 45L, 30L, 30123L,
        30123456L, TS.toEpochSecond(ZoneOffset.UTC), 3L);
  }

  @Test
  void extractFromDates() {
    Object[] r = row("dt", LocalDate.of(2021, 1, 3));
    assertThat(eval1("EXTRACT(WEEK FROM dt)", r)).isEqualTo(53L);
    assertThat(eval1("EXTRACT(DOW FROM dt)", r)).isEqualTo(0L);
    assertThat(eval1("EXTRACT(YEAR FROM dt)", r)).isEqualTo(2021L);
    assertThat(eval1("EXTRACT(HOUR FROM dt)", r)).isEqualTo(0L);
  }

  @Test
  void floorAndCeilToUnits() {
    assertThat(eval1("FLOOR(ts TO HOUR)", R)).isEqualTo(LocalDateTime.of(2024, 1, 31, 13, 0));
    assertThat(eval1("CEIL(ts TO HOUR)", R)).isEqualTo(LocalDateTime.of(2024, 1, 31, 14, 0));
    assertThat(eval1("FLOOR(ts TO MONTH)", R)).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
    assertThat(eval1("CEIL(ts TO MONTH)", R)).isEqualTo(LocalDateTime.of(2024, 2, 1, 0, 0));
    assertThat(eval1("FLOOR(ts TO WEEK)", R)).isEqualTo(LocalDateTime.of(2024, 1, 29, 0, 0));
    assertThat(eval1("CEIL(dt TO YEAR)", R)).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(eval1("FLOOR(dt TO QUARTER)", R)).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(eval1("CEIL(ts TO SECOND)", R)).isEqualTo(LocalDateTime.of(2024, 1, 31, 13, 45, 31));
  }

  @Test
  void dateTruncPostgresStyle() {
    assertThat(eval1("DATE_TRUNC('hour', ts)", R)).isEqualTo(LocalDateTime.of(2024, 1, 31, 13, 0));
    assertThat(eval1("date_trunc('week', ts)", R)).isEqualTo(LocalDateTime.of(2024, 1, 29, 0, 0));
    assertThat(eval1("DATE_TRUNC('quarter', ts)", R)).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
    assertThat(eval1("DATE_TRUNC('century', ts)", R)).isEqualTo(LocalDateTime.of(2001, 1, 1, 0, 0));
    assertThat(eval1("DATE_TRUNC('milliseconds', ts)", R))
        .isEqualTo(LocalDateTime.of(2024, 1, 31, 13, 45, 30, 123_000_000));
    assertThat(eval1("DATE_TRUNC('day', dt)", R)).isEqualTo(LocalDateTime.of(2024, 1, 31, 0, 0));
    assertThat(eval1("DATE_TRUNC(s, ts)", row("ts", TS, "s", "minute")))
        .isEqualTo(LocalDateTime.of(2024, 1, 31, 13, 45));
    assertThatThrownBy(() -> eval1("DATE_TRUNC('fortnight', ts)", R))
        .isInstanceOfSatisfying(LaminarDBException.class,
            e -> assertThat(e.sqlState()).isEqualTo("22023"));
  }

  @Test
  void clockFunctionsAreReadOncePerChunk() {
    LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1);
    List<List<Object>> out = CalcHarness.run(CalcHarness.T,
        "SELECT CURRENT_TIMESTAMP, LOCALTIMESTAMP, NOW(), CURRENT_DATE FROM t", row(), row());
    LocalDateTime after = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(1);
    LocalDateTime now = (LocalDateTime) out.get(0).get(0);
    assertThat(now).isBetween(before, after);
    assertThat(out.get(0)).containsExactly(now, now, now, now.toLocalDate());
    assertThat(out.get(1)).isEqualTo(out.get(0));
  }

  @Test
  void nullTimestampsPropagate() {
    assertThat(eval("EXTRACT(YEAR FROM ts)", row())).containsExactly((Object) null);
    assertThat(eval("ts + INTERVAL '1' DAY", row())).containsExactly((Object) null);
    assertThat(eval("DATE_TRUNC('day', ts)", row())).containsExactly((Object) null);
  }
}
