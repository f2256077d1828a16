package org.laminardb.sql.codegen;

import java.util.Locale;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Date and time functions on LaminarDB's representations (TIMESTAMP as epoch microseconds UTC,
 * DATE as epoch days, day-time INTERVAL as microseconds, year-month INTERVAL as months), with
 * PostgreSQL semantics: {@code EXTRACT(DOW)} is 0 for Sunday, {@code WEEK} is the ISO week,
 * weeks start on Monday, centuries and millennia start in years ending in 01.
 */
public final class TemporalRuntime {
  /** Microseconds in a second. */
  public static final long MICROS_PER_SECOND = 1_000_000L;
  /** Microseconds in a day. */
  public static final long MICROS_PER_DAY = 86_400_000_000L;
  /** Unit: microsecond. */
  public static final int MICROSECOND = 0;
  /** Unit: millisecond. */
  public static final int MILLISECOND = 1;
  /** Unit: second. */
  public static final int SECOND = 2;
  /** Unit: minute. */
  public static final int MINUTE = 3;
  /** Unit: hour. */
  public static final int HOUR = 4;
  /** Unit: day. */
  public static final int DAY = 5;
  /** Unit: ISO week (starting on Monday). */
  public static final int WEEK = 6;
  /** Unit: month. */
  public static final int MONTH = 7;
  /** Unit: quarter. */
  public static final int QUARTER = 8;
  /** Unit: year. */
  public static final int YEAR = 9;
  /** Unit: decade. */
  public static final int DECADE = 10;
  /** Unit: century. */
  public static final int CENTURY = 11;
  /** Unit: millennium. */
  public static final int MILLENNIUM = 12;
  /** EXTRACT field: day of week, 0 (Sunday) to 6. */
  public static final int DOW = 13;
  /** EXTRACT field: ISO day of week, 1 (Monday) to 7. */
  public static final int ISODOW = 14;
  /** EXTRACT field: day of year, 1 to 366. */
  public static final int DOY = 15;
  /** EXTRACT field: seconds since the epoch. */
  public static final int EPOCH = 16;
  /** EXTRACT field: ISO 8601 week-numbering year. */
  public static final int ISOYEAR = 17;

  private static final long[] FIXED = {1, 1_000, MICROS_PER_SECOND, 60 * MICROS_PER_SECOND,
      3_600 * MICROS_PER_SECOND, MICROS_PER_DAY, 7 * MICROS_PER_DAY};
  private static final String[] NAMES = {"microseconds", "milliseconds", "second", "minute", "hour",
      "day", "week", "month", "quarter", "year", "decade", "century", "millennium"};

  private TemporalRuntime() {}

  /**
   * Unit named as in PostgreSQL's {@code date_trunc} (singular or plural, any case).
   *
   * @param name the unit name, e.g. {@code 'hour'}
   * @return one of the unit constants {@link #MICROSECOND} to {@link #MILLENNIUM}
   * @throws LaminarDBException {@code 22023} for unknown units
   */
  public static int unit(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (int i = 0; i < NAMES.length; i++) {
      String singular = NAMES[i].endsWith("seconds") ? NAMES[i].substring(0, NAMES[i].length() - 1)
          : NAMES[i];
      if (n.equals(singular) || n.equals(singular + "s") || i == CENTURY && n.equals("centuries")
          || i == MILLENNIUM && n.equals("millennia")) {
        return i;
      }
    }
    throw new LaminarDBException(ErrorCode.INVALID_PARAMETER_VALUE, "unit \"" + name
        + "\" not recognized; expected one of " + String.join(", ", NAMES));
  }

  /**
   * PostgreSQL {@code date_trunc(unit, ts)}.
   *
   * @param unit unit name, e.g. {@code 'hour'}
   * @param micros timestamp in epoch microseconds
   * @return the truncated timestamp
   * @throws LaminarDBException {@code 22023} for unknown units
   */
  public static long dateTrunc(String unit, long micros) {
    return truncate(unit(unit), micros);
  }

  /**
   * Timestamp rounded down to the start of a unit ({@code FLOOR(ts TO unit)}).
   *
   * @param unit a unit constant
   * @param micros timestamp in epoch microseconds
   * @return the start of the unit containing micros
   */
  public static long truncate(int unit, long micros) {
    if (unit <= DAY) {
      return Math.floorDiv(micros, FIXED[unit]) * FIXED[unit];
    }
    long days = Math.floorDiv(micros, MICROS_PER_DAY);
    return truncateDate(unit, days) * MICROS_PER_DAY;
  }

  /**
   * Date rounded down to the start of a unit of at least a day.
   *
   * @param unit a unit constant from {@link #DAY} to {@link #MILLENNIUM}
   * @param days epoch days
   * @return the epoch day that starts the unit
   */
  public static long truncateDate(int unit, long days) {
    if (unit <= DAY) {
      return days;
    }
    if (unit == WEEK) {
      return days - (CivilCalendar.dayOfWeek(days) + 6) % 7;
    }
    long date = CivilCalendar.fromEpochDay(days);
    long year = CivilCalendar.year(date);
    switch (unit) {
      case MONTH:
        return CivilCalendar.toEpochDay(year, CivilCalendar.month(date), 1);
      case QUARTER:
        return CivilCalendar.toEpochDay(year, (CivilCalendar.month(date) - 1) / 3 * 3 + 1, 1);
      case YEAR:
        return CivilCalendar.toEpochDay(year, 1, 1);
      case DECADE:
        return CivilCalendar.toEpochDay(Math.floorDiv(year, 10) * 10, 1, 1);
      case CENTURY:
        return CivilCalendar.toEpochDay(Math.floorDiv(year - 1, 100) * 100 + 1, 1, 1);
      default:
        return CivilCalendar.toEpochDay(Math.floorDiv(year - 1, 1000) * 1000 + 1, 1, 1);
    }
  }

  /**
   * Timestamp rounded up to the start of a unit ({@code CEIL(ts TO unit)}); unchanged when it is
   * already a unit boundary.
   *
   * @param unit a unit constant
   * @param micros timestamp in epoch microseconds
   * @return the first unit boundary at or after micros
   */
  public static long ceil(int unit, long micros) {
    long floor = truncate(unit, micros);
    if (floor == micros) {
      return floor;
    }
    if (unit <= WEEK) {
      return floor + FIXED[unit];
    }
    return plusMonths(floor, monthsPerUnit(unit));
  }

  /**
   * Date rounded up to the start of a unit of at least a day.
   *
   * @param unit a unit constant from {@link #DAY} to {@link #MILLENNIUM}
   * @param days epoch days
   * @return the first unit boundary at or after days
   */
  public static long ceilDate(int unit, long days) {
    return Math.floorDiv(ceil(unit, days * MICROS_PER_DAY), MICROS_PER_DAY);
  }

  /**
   * {@code EXTRACT(field FROM ts)}.
   *
   * @param field a unit or field constant
   * @param micros timestamp in epoch microseconds
   * @return the field value
   */
  public static long extract(int field, long micros) {
    long days = Math.floorDiv(micros, MICROS_PER_DAY);
    long timeOfDay = micros - days * MICROS_PER_DAY;
    switch (field) {
      case MICROSECOND:
        return timeOfDay % FIXED[MINUTE];
      case MILLISECOND:
        return timeOfDay % FIXED[MINUTE] / 1_000;
      case SECOND:
        return timeOfDay % FIXED[MINUTE] / MICROS_PER_SECOND;
      case MINUTE:
        return timeOfDay % FIXED[HOUR] / FIXED[MINUTE];
      case HOUR:
        return timeOfDay / FIXED[HOUR];
      case EPOCH:
        return Math.floorDiv(micros, MICROS_PER_SECOND);
      default:
        return extractDate(field, days);
    }
  }

  /**
   * {@code EXTRACT(field FROM date)}; time fields are 0.
   *
   * @param field a unit or field constant
   * @param days epoch days
   * @return the field value
   */
  public static long extractDate(int field, long days) {
    long date = CivilCalendar.fromEpochDay(days);
    long year = CivilCalendar.year(date);
    switch (field) {
      case DAY:
        return CivilCalendar.day(date);
      case MONTH:
        return CivilCalendar.month(date);
      case QUARTER:
        return (CivilCalendar.month(date) - 1) / 3 + 1;
      case YEAR:
        return year;
      case DECADE:
        return Math.floorDiv(year, 10);
      case CENTURY:
        return year > 0 ? (year + 99) / 100 : -((99 - year) / 100);
      case MILLENNIUM:
        return year > 0 ? (year + 999) / 1000 : -((999 - year) / 1000);
      case DOW:
        return CivilCalendar.dayOfWeek(days);
      case ISODOW:
        return (CivilCalendar.dayOfWeek(days) + 6) % 7 + 1;
      case DOY:
        return days - CivilCalendar.toEpochDay(year, 1, 1) + 1;
      case WEEK:
        return isoWeek(days);
      case ISOYEAR:
        return CivilCalendar.year(CivilCalendar.fromEpochDay(isoThursday(days)));
      case EPOCH:
        return days * 86_400;
      default:
        return 0;
    }
  }

  /**
   * Timestamp plus a number of calendar months; the day of month is clamped to the month's end
   * ({@code 2024-01-31 + 1 month = 2024-02-29}).
   *
   * @param micros timestamp in epoch microseconds
   * @param months months to add, may be negative
   * @return the new timestamp
   */
  public static long plusMonths(long micros, long months) {
    long days = Math.floorDiv(micros, MICROS_PER_DAY);
    long timeOfDay = micros - days * MICROS_PER_DAY;
    return CivilCalendar.plusMonths(days, months) * MICROS_PER_DAY + timeOfDay;
  }

  /**
   * Date plus a number of calendar months, clamping the day of month.
   *
   * @param days epoch days
   * @param months months to add, may be negative
   * @return the new date in epoch days
   */
  public static long plusMonthsToDate(long days, long months) {
    return CivilCalendar.plusMonths(days, months);
  }

  /**
   * Whole calendar months from {@code b} to {@code a} (negative when a is earlier): the largest
   * {@code m} with {@code b + m months <= a}, where adding months clamps the day of month (so
   * 2024-01-31 to 2024-02-29 is one month).
   *
   * @param a later timestamp, epoch microseconds
   * @param b earlier timestamp, epoch microseconds
   * @return the months between
   */
  public static long monthsBetween(long a, long b) {
    if (a < b) {
      return -monthsBetween(b, a);
    }
    long da = CivilCalendar.fromEpochDay(Math.floorDiv(a, MICROS_PER_DAY));
    long db = CivilCalendar.fromEpochDay(Math.floorDiv(b, MICROS_PER_DAY));
    long months = (CivilCalendar.year(da) - CivilCalendar.year(db)) * 12
        + CivilCalendar.month(da) - CivilCalendar.month(db);
    if (months > 0 && plusMonths(b, months) > a) {
      months--;
    }
    return months;
  }

  /**
   * Microseconds truncated toward zero to a multiple of a unit (the end unit of a day-time
   * interval qualifier).
   *
   * @param micros interval in microseconds
   * @param unitMicros microseconds in the unit
   * @return the truncated interval
   */
  public static long truncateInterval(long micros, long unitMicros) {
    return micros / unitMicros * unitMicros;
  }

  /**
   * Timestamp rounded half up to a number of fractional-second digits ({@code TIMESTAMP(p)}).
   *
   * @param micros epoch microseconds
   * @param precision fractional digits to keep, 0 to 6
   * @return the rounded timestamp
   */
  public static long roundToPrecision(long micros, int precision) {
    long unit = DecimalRuntime.pow10(6 - precision);
    return Math.floorDiv(micros + unit / 2, unit) * unit;
  }

  private static long monthsPerUnit(int unit) {
    switch (unit) {
      case MONTH:
        return 1;
      case QUARTER:
        return 3;
      case YEAR:
        return 12;
      case DECADE:
        return 120;
      case CENTURY:
        return 1_200;
      default:
        return 12_000;
    }
  }

  private static long isoThursday(long days) {
    return days - (CivilCalendar.dayOfWeek(days) + 6) % 7 + 3;
  }

  private static long isoWeek(long days) {
    long thursday = isoThursday(days);
    long year = CivilCalendar.year(CivilCalendar.fromEpochDay(thursday));
    return (thursday - CivilCalendar.toEpochDay(year, 1, 1)) / 7 + 1;
  }
}
