package org.laminardb.sql.plan;

import java.math.BigDecimal;

/**
 * Time bounds of an interval join: a pair of rows matches only when {@code lower <= right.time -
 * left.time <= upper}, the times being the inputs' watermarked event-time columns.
 *
 * @param leftTime the left input's event-time column
 * @param rightTime the right input's event-time column
 * @param lower smallest difference, in microseconds
 * @param upper largest difference, in microseconds
 */
public record IntervalBounds(int leftTime, int rightTime, long lower, long upper) {
  /**
   * The bounds for EXPLAIN, e.g. {@code right.ts - left.ts BETWEEN INTERVAL '-1' SECOND AND
   * INTERVAL '2' SECOND}.
   *
   * @param leftName name of the left time column
   * @param rightName name of the right time column
   * @return the description
   */
  String describe(String leftName, String rightName) {
    return "right." + rightName + " - left." + leftName + " BETWEEN " + micros(lower) + " AND "
        + micros(upper);
  }

  /** A number of microseconds as an interval literal, e.g. {@code INTERVAL '1.5' SECOND}. */
  static String micros(long micros) {
    return "INTERVAL '" + BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString()
        + "' SECOND";
  }
}
