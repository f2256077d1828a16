package org.laminardb.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converter of command-line durations: {@code 500ms}, {@code 10s}, {@code 1.5s}, {@code 2m},
 * {@code 1h}, a plain number of seconds, or ISO-8601 such as {@code PT10S}.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

  /** Creates the converter. */
  public DurationConverter() {
    // stateless
  }

  @Override
  public Duration convert(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      Matcher m = SIMPLE.matcher(v);
      if (m.matches()) {
        BigDecimal millis = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(
            unitMillis(m.group(2))));
        return Duration.ofMillis(millis.longValue());
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      // reported below
    }
    throw new TypeConversionException("invalid duration '" + value
        + "': use for example 500ms, 10s, 2m, 1h or PT10S");
  }

  private static long unitMillis(String unit) {
    if (unit == null || unit.equals("s")) {
      return 1_000;
    }
    switch (unit) {
      case "ms":
        return 1;
      case "h":
        return 3_600_000;
      default:
        return 60_000;
    }
  }
}
