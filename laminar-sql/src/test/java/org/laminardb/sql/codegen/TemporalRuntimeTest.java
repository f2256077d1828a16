package org.laminardb.sql.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.Test;
import org.laminardb.error.LaminarDBException;

class TemporalRuntimeTest {
  private static final long DAY = TemporalRuntime.MICROS_PER_DAY;

  @Test
  void calendarMatchesJavaTimeOverCenturies() {
    long end = LocalDate.of(2500, 1, 1).toEpochDay();
    for (long day = LocalDate.of(1600, 1, 1).toEpochDay(); day < end; day += 13) {
      LocalDate d = LocalDate.ofEpochDay(day);
      long packed = CivilCalendar.fromEpochDay(day);
      assertThat(CivilCalendar.year(packed)).as("%s", d).isEqualTo(d.getYear());
      assertThat(CivilCalendar.month(packed)).as("%s", d).isEqualTo(d.getMonthValue());
      assertThat(CivilCalendar.day(packed)).as("%s", d).isEqualTo(d.getDayOfMonth());
      assertThat(CivilCalendar.toEpochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
          .isEqualTo(day);
      assertThat(TemporalRuntime.extractDate(TemporalRuntime.WEEK, day))
          .as("%s", d).isEqualTo(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      assertThat(TemporalRuntime.extractDate(TemporalRuntime.ISOYEAR, day))
          .isEqualTo(d.get(IsoFields.WEEK_BASED_YEAR));
      assertThat(TemporalRuntime.extractDate(TemporalRuntime.DOW, day))
          .isEqualTo(d.getDayOfWeek().getValue() % 7);
      assertThat(TemporalRuntime.extractDate(TemporalRuntime.DOY, day)).isEqualTo(d.getDayOfYear());
      assertThat(TemporalRuntime.plusMonthsToDate(day, 13))
          .isEqualTo(d.plusMonths(13).toEpochDay());
      assertThat(TemporalRuntime.plusMonthsToDate(day, -1))
          .isEqualTo(d.minusMonths(1).toEpochDay());
      assertThat(TemporalRuntime.truncateDate(TemporalRuntime.WEEK, day))
          .isEqualTo(d.with(DayOfWeek.MONDAY).toEpochDay());
    }
  }

  @Test
  void truncationFollowsPostgres() {
    long ts = micros(LocalDateTime.of(2000, 6, 15, 10, 20, 30, 400_500_000));
    assertThat(at(TemporalRuntime.dateTrunc("second", ts)))
        .isEqualTo(LocalDateTime.of(2000, 6, 15, 10, 20, 30));
    assertThat(at(TemporalRuntime.dateTrunc("Minutes", ts)))
        .isEqualTo(LocalDateTime.of(2000, 6, 15, 10, 20));
    assertThat(at(TemporalRuntime.dateTrunc("decade", ts)))
        .isEqualTo(LocalDateTime.of(2000, 1, 1, 0, 0));
    assertThat(at(TemporalRuntime.dateTrunc("century", ts)))
        .isEqualTo(LocalDateTime.of(1901, 1, 1, 0, 0));
    assertThat(at(TemporalRuntime.dateTrunc("millennium", ts)))
        .isEqualTo(LocalDateTime.of(1001, 1, 1, 0, 0));
    assertThat(at(TemporalRuntime.dateTrunc("microseconds", ts)))
        .isEqualTo(LocalDateTime.of(2000, 6, 15, 10, 20, 30, 400_500_000));
    long beforeEpoch = micros(LocalDateTime.of(1969, 12, 31, 23, 30));
    assertThat(at(TemporalRuntime.truncate(TemporalRuntime.HOUR, beforeEpoch)))
        .isEqualTo(LocalDateTime.of(1969, 12, 31, 23, 0));
    assertThatThrownBy(() -> TemporalRuntime.unit("eon")).isInstanceOf(LaminarDBException.class);
  }

  @Test
  void ceilingStaysOnBoundaries() {
    long midnight = micros(LocalDateTime.of(2024, 3, 1, 0, 0));
    assertThat(TemporalRuntime.ceil(TemporalRuntime.DAY, midnight)).isEqualTo(midnight);
    assertThat(TemporalRuntime.ceil(TemporalRuntime.MONTH, midnight)).isEqualTo(midnight);
    assertThat(at(TemporalRuntime.ceil(TemporalRuntime.QUARTER, midnight + 1)))
        .isEqualTo(LocalDateTime.of(2024, 4, 1, 0, 0));
  }

  @Test
  void extractCenturyAndMillennium() {
    long y2000 = LocalDate.of(2000, 12, 31).toEpochDay();
    long y2001 = LocalDate.of(2001, 1, 1).toEpochDay();
    assertThat(TemporalRuntime.extractDate(TemporalRuntime.CENTURY, y2000)).isEqualTo(20);
    assertThat(TemporalRuntime.extractDate(TemporalRuntime.CENTURY, y2001)).isEqualTo(21);
    assertThat(TemporalRuntime.extractDate(TemporalRuntime.MILLENNIUM, y2000)).isEqualTo(2);
    assertThat(TemporalRuntime.extractDate(TemporalRuntime.MILLENNIUM, y2001)).isEqualTo(3);
    assertThat(TemporalRuntime.extractDate(TemporalRuntime.DECADE, y2001)).isEqualTo(200);
  }

  @Test
  void monthsBetweenCountsCompleteMonths() {
    long jan31 = micros(LocalDateTime.of(2024, 1, 31, 12, 0));
    assertThat(TemporalRuntime.monthsBetween(micros(LocalDateTime.of(2024, 2, 29, 11, 0)), jan31))
        .isEqualTo(0);
    assertThat(TemporalRuntime.monthsBetween(micros(LocalDateTime.of(2024, 2, 29, 12, 0)), jan31))
        .isEqualTo(1);
    assertThat(TemporalRuntime.monthsBetween(micros(LocalDateTime.of(2024, 3, 31, 12, 0)), jan31))
        .isEqualTo(2);
    assertThat(TemporalRuntime.monthsBetween(jan31, micros(LocalDateTime.of(2024, 3, 31, 12, 0))))
        .isEqualTo(-2);
  }

  @Test
  void textRoundTrips() {
    for (String s : new String[] {"2024-02-29 13:45:01.5", "1969-12-31 23:59:59.999999",
        "0001-01-01 00:00:00", "2024-01-01 00:00:00.01"}) {
      assertThat(TemporalText.formatTimestamp(TemporalText.parseTimestamp(s))).isEqualTo(s);
    }
    assertThat(TemporalText.formatTimestamp(TemporalText.parseTimestamp("2024-01-01")))
        .isEqualTo("2024-01-01 00:00:00");
    assertThat(TemporalText.parseTimestamp("2024-01-01T10:00:00Z"))
        .isEqualTo(TemporalText.parseTimestamp("2024-01-01 10:00:00+02:00"));
    assertThat(TemporalText.parseTimestamp("2024-01-01 24:00:00"))
        .isEqualTo(micros(LocalDateTime.of(2024, 1, 2, 0, 0)));
    assertThat(TemporalText.parseTimestamp("2024-01-01 00:00:00.0000005"))
        .isEqualTo(micros(LocalDateTime.of(2024, 1, 1, 0, 0)) + 1);
    assertThat(TemporalText.formatDate(LocalDate.of(-1, 3, 1).toEpochDay()))
        .isEqualTo("0002-03-01 BC");
    assertThat(TemporalText.formatInterval(DAY + 7_200_000_000L)).isEqualTo("1 day 02:00:00");
    assertThat(TemporalText.formatInterval(-1_500_000L)).isEqualTo("-00:00:01.5");
    assertThat(TemporalText.formatInterval(-3 * DAY)).isEqualTo("-3 days");
  }

  @Test
  void badTextRaises22P02() {
    for (String s : new String[] {"", "2024", "2024-1-1x", "2024-02-30", "2024-01-01 25:00",
        "2024-01-01 10:61", "2024-01-01 10:00:00.", "yesterday"}) {
      assertThatThrownBy(() -> TemporalText.parseTimestamp(s)).as(s)
          .isInstanceOfSatisfying(LaminarDBException.class,
              e -> assertThat(e.sqlState()).isEqualTo("22P02"));
    }
  }

  private static long micros(LocalDateTime t) {
    return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), t);
  }

  private static LocalDateTime at(long micros) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
        (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
  }
}
