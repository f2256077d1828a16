package org.laminardb.sql.codegen;

import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Text forms of TIMESTAMP, DATE and day-time INTERVAL values, PostgreSQL style:
 * {@code 2024-03-01 12:30:00.25}, {@code 2024-03-01}, {@code 1 day 02:00:00}. Parsing accepts
 * ISO 8601 dates and timestamps ({@code T} or blank between date and time, optional seconds and
 * fraction); a trailing zone ({@code Z}, {@code +02}, {@code +02:00}) is ignored as PostgreSQL
 * does for {@code timestamp without time zone}.
 */
public final class TemporalText {
  private TemporalText() {}

  /**
   * Text parsed as a timestamp.
   *
   * @param text the text
   * @return epoch microseconds
   * @throws LaminarDBException {@code 22P02} on bad text
   */
  public static long parseTimestamp(String text) {
    return parse(text, "timestamp");
  }

  /**
   * Text parsed as a date; a time of day after the date is accepted and dropped.
   *
   * @param text the text
   * @return epoch days
   * @throws LaminarDBException {@code 22P02} on bad text
   */
  public static long parseDate(String text) {
    return Math.floorDiv(parse(text, "date"), TemporalRuntime.MICROS_PER_DAY);
  }

  private static long parse(String text, String typeName) {
    Cursor c = new Cursor(text.strip(), text, typeName);
    long days = c.date();
    long time = 0;
    if (c.more() && (c.peek() == 'T' || c.peek() == 't' || c.peek() == ' ')) {
      c.pos++;
      time = c.time();
    }
    c.zone();
    return days * TemporalRuntime.MICROS_PER_DAY + time;
  }

  /**
   * Timestamp as text: {@code YYYY-MM-DD HH:MM:SS} plus the fraction without trailing zeros.
   *
   * @param micros epoch microseconds
   * @return the text
   */
  public static String formatTimestamp(long micros) {
    long days = Math.floorDiv(micros, TemporalRuntime.MICROS_PER_DAY);
    StringBuilder b = new StringBuilder(26);
    appendDate(b, days);
    b.append(' ');
    appendTime(b, micros - days * TemporalRuntime.MICROS_PER_DAY);
    return b.toString();
  }

  /**
   * Date as text {@code YYYY-MM-DD}.
   *
   * @param days epoch days
   * @return the text
   */
  public static String formatDate(long days) {
    StringBuilder b = new StringBuilder(10);
    appendDate(b, days);
    return b.toString();
  }

  /**
   * Day-time interval as text, e.g. {@code 1 day 02:00:00}, {@code -00:00:01.5}.
   *
   * @param micros the interval in microseconds
   * @return the text
   */
  public static String formatInterval(long micros) {
    long days = micros / TemporalRuntime.MICROS_PER_DAY;
    long time = micros - days * TemporalRuntime.MICROS_PER_DAY;
    StringBuilder b = new StringBuilder();
    if (days != 0) {
      b.append(days).append(days == 1 ? " day" : " days");
    }
    if (time != 0 || days == 0) {
      if (b.length() > 0) {
        b.append(' ');
      }
      if (time < 0) {
        b.append('-');
      }
      long abs = Math.abs(time);
      long hours = abs / 3_600_000_000L;
      if (hours < 10) {
        b.append('0');
      }
      b.append(hours).append(':');
      appendClock(b, abs % 3_600_000_000L);
    }
    return b.toString();
  }

  private static void appendDate(StringBuilder b, long days) {
    long date = CivilCalendar.fromEpochDay(days);
    long year = CivilCalendar.year(date);
    long shown = year > 0 ? year : 1 - year;
    String y = Long.toString(shown);
    for (int i = y.length(); i < 4; i++) {
      b.append('0');
    }
    b.append(y).append('-');
    two(b, CivilCalendar.month(date));
    b.append('-');
    two(b, CivilCalendar.day(date));
    if (year <= 0) {
      b.append(" BC");
    }
  }

  private static void appendTime(StringBuilder b, long timeOfDay) {
    two(b, timeOfDay / 3_600_000_000L);
    b.append(':');
    appendClock(b, timeOfDay % 3_600_000_000L);
  }

  /** Appends {@code MM:SS[.ffffff]} of microseconds within an hour. */
  private static void appendClock(StringBuilder b, long micros) {
    two(b, micros / 60_000_000L);
    b.append(':');
    two(b, micros % 60_000_000L / 1_000_000L);
    long fraction = micros % 1_000_000L;
    if (fraction != 0) {
      String f = Long.toString(1_000_000L + fraction).substring(1);
      int end = f.length();
      while (f.charAt(end - 1) == '0') {
        end--;
      }
      b.append('.').append(f, 0, end);
    }
  }

  private static void two(StringBuilder b, long v) {
    if (v < 10) {
      b.append('0');
    }
    b.append(v);
  }

  /** Position in a temporal text being parsed. */
  private static final class Cursor {
    private final String s;
    private final String original;
    private final String typeName;
    int pos;

    Cursor(String s, String original, String typeName) {
      this.s = s;
      this.original = original;
      this.typeName = typeName;
    }

    boolean more() {
      return pos < s.length();
    }

    char peek() {
      return s.charAt(pos);
    }

    long date() {
      boolean negative = more() && peek() == '-';
      if (negative || more() && peek() == '+') {
        pos++;
      }
      long year = number(4, 9);
      expect('-');
      int month = (int) number(1, 2);
      expect('-');
      int day = (int) number(1, 2);
      if (negative) {
        year = -year;
      }
      if (month < 1 || month > 12 || day < 1 || day > CivilCalendar.monthLength(year, month)) {
        throw bad();
      }
      return CivilCalendar.toEpochDay(year, month, day);
    }

    long time() {
      long hour = number(1, 2);
      expect(':');
      long minute = number(2, 2);
      long second = 0;
      long fraction = 0;
      if (more() && peek() == ':') {
        pos++;
        second = number(2, 2);
        if (more() && peek() == '.') {
          pos++;
          fraction = fraction();
        }
      }
      if (hour > 24 || minute > 59 || second > 60
          || hour == 24 && (minute != 0 || second != 0 || fraction != 0)) {
        throw bad();
      }
      return ((hour * 60 + minute) * 60 + second) * TemporalRuntime.MICROS_PER_SECOND + fraction;
    }

    /** Fraction digits as microseconds, rounded half up at the seventh digit. */
    long fraction() {
      int start = pos;
      long micros = 0;
      int digits = 0;
      while (more() && Character.isDigit(peek())) {
        if (digits < 6) {
          micros = micros * 10 + (peek() - '0');
        } else if (digits == 6 && peek() >= '5') {
          micros++;
        }
        digits++;
        pos++;
      }
      if (pos == start) {
        throw bad();
      }
      for (; digits < 6; digits++) {
        micros *= 10;
      }
      return micros;
    }

    void zone() {
      while (more() && peek() == ' ') {
        pos++;
      }
      if (!more()) {
        return;
      }
      if (peek() == 'Z' || peek() == 'z') {
        pos++;
      } else if (peek() == '+' || peek() == '-') {
        pos++;
        number(1, 2);
        if (more() && peek() == ':') {
          pos++;
        }
        if (more()) {
          number(2, 2);
        }
      }
      if (more()) {
        throw bad();
      }
    }

    private long number(int minDigits, int maxDigits) {
      int start = pos;
      long v = 0;
      while (more() && Character.isDigit(peek()) && pos - start < maxDigits) {
        v = v * 10 + (peek() - '0');
        pos++;
      }
      if (pos - start < minDigits) {
        throw bad();
      }
      return v;
    }

    private void expect(char c) {
      if (!more() || peek() != c) {
        throw bad();
      }
      pos++;
    }

    private LaminarDBException bad() {
      return new LaminarDBException(ErrorCode.INVALID_TEXT_REPRESENTATION,
          "invalid input syntax for type " + typeName + ": \"" + original
              + "\"; expected YYYY-MM-DD[ HH:MM[:SS[.ffffff]]]");
    }
  }
}
