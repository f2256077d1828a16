package org.laminardb.sql.codegen;

/**
 * Proleptic Gregorian calendar arithmetic on epoch days without allocation. A calendar date is
 * packed into one long as {@code year << 9 | month << 5 | day} (year may be negative).
 *
 * <p>Days are counted from 0000-03-01, so that the leap day ends a year and every 400 years
 * (146097 days) repeat the same pattern.
 */
final class CivilCalendar {
  /** Days from 0000-03-01 to 1970-01-01. */
  private static final long SHIFT = 719_468;
  private static final int DAYS_PER_ERA = 146_097;
  /** First day of each month within a March-based year. */
  private static final int[] MONTH_START = {0, 31, 61, 92, 122, 153, 184, 214, 245, 275, 306, 337};

  private CivilCalendar() {}

  static long pack(long year, long month, long day) {
    return year << 9 | month << 5 | day;
  }

  static long year(long packed) {
    return packed >> 9;
  }

  static int month(long packed) {
    return (int) (packed >> 5) & 15;
  }

  static int day(long packed) {
    return (int) packed & 31;
  }

  /** Epoch day of a calendar date; the day may exceed the month's length (it then rolls on). */
  static long toEpochDay(long year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    int yearOfEra = (int) (y - era * 400);
    int marchMonth = month > 2 ? month - 3 : month + 9;
    long dayOfEra = startOfYear(yearOfEra) + MONTH_START[marchMonth] + day - 1;
    return era * DAYS_PER_ERA + dayOfEra - SHIFT;
  }

  /** Packed calendar date of an epoch day. */
  static long fromEpochDay(long epochDay) {
    long z = epochDay + SHIFT;
    long era = Math.floorDiv(z, DAYS_PER_ERA);
    int dayOfEra = (int) (z - era * DAYS_PER_ERA);
    int yearOfEra = dayOfEra * 400 / DAYS_PER_ERA;
    while (yearOfEra < 399 && startOfYear(yearOfEra + 1) <= dayOfEra) {
      yearOfEra++;
    }
    while (startOfYear(yearOfEra) > dayOfEra) {
      yearOfEra--;
    }
    int dayOfYear = dayOfEra - startOfYear(yearOfEra);
    int marchMonth = 11;
    while (MONTH_START[marchMonth] > dayOfYear) {
      marchMonth--;
    }
    int day = dayOfYear - MONTH_START[marchMonth] + 1;
    int month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
    long year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
    return pack(year, month, day);
  }

  static boolean isLeapYear(long year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  static int monthLength(long year, int month) {
    switch (month) {
      case 2:
        return isLeapYear(year) ? 29 : 28;
      case 4: case 6: case 9: case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Epoch day plus a number of calendar months, the day clamped to the target month's end. */
  static long plusMonths(long epochDay, long months) {
    long date = fromEpochDay(epochDay);
    long total = year(date) * 12 + month(date) - 1 + months;
    long year = Math.floorDiv(total, 12);
    int month = Math.floorMod(total, 12) + 1;
    int day = Math.min(day(date), monthLength(year, month));
    return toEpochDay(year, month, day);
  }

  /** Day of the week, 0 for Sunday to 6 for Saturday. */
  static int dayOfWeek(long epochDay) {
    return Math.floorMod(epochDay + 4, 7);
  }

  /** Day within a March-based year of era at which year {@code yearOfEra} starts. */
  private static int startOfYear(int yearOfEra) {
    return yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100;
  }
}
