package org.laminardb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Results of the differential tests as comparable rows, and their comparison: every value is
 * normalized ({@link #normalize}) so that LaminarDB's and H2's results compare as multisets of rows
 * with numbers equal within a relative tolerance.
 */
final class ResultComparison {
  /** Relative tolerance of numbers (AVG and variances are rounded differently by the engines). */
  private static final BigDecimal TOLERANCE = new BigDecimal("1e-9");
  /** How many differing rows of each side a difference shows. */
  private static final int SHOWN = 12;
  /** Numbers above this (microseconds since the epoch, 1987) are shown as timestamps. */
  private static final BigDecimal SHOWN_AS_TIME = BigDecimal.valueOf(WindowInput.BASE / 2);

  private ResultComparison() {}

  /**
   * A value in comparable form: numbers and timestamps (as epoch microseconds; H2's {@code java.sql.Timestamp} too) as BigDecimal,
   * NULL as null, everything else as its text.
   *
   * @param v a value from either engine
   * @return the normalized value
   */
  static Object normalize(Object v) {
    if (v instanceof LocalDateTime) {
      return BigDecimal.valueOf(WindowInput.micros((LocalDateTime) v));
    }
    if (v instanceof java.sql.Timestamp) {
      return BigDecimal.valueOf(WindowInput.micros(((java.sql.Timestamp) v).toLocalDateTime()));
    }
    if (v instanceof Number) {
      return new BigDecimal(v.toString());
    }
    return v == null ? null : v.toString();
  }

  /**
   * The normalized values of a LaminarDB row.
   *
   * @param r the row
   * @return its values, normalized
   */
  static List<Object> row(Row r) {
    List<Object> row = new ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      row.add(normalize(r.get(i)));
    }
    return row;
  }

  /**
   * The normalized rows of an ad-hoc LaminarDB query.
   *
   * @param db the database
   * @param sql the query
   * @return its rows, normalized
   */
  static List<List<Object>> query(LaminarDB db, String sql) {
    List<List<Object>> out = new ArrayList<>();
    for (Row r : db.query(sql)) {
      out.add(row(r));
    }
    return out;
  }

  /**
   * Asserts that both hold the same multiset of rows ({@link #diff}).
   *
   * @param actual LaminarDB's rows, normalized
   * @param expected the oracle's rows, normalized
   * @param what what is compared, for the failure message
   */
  static void assertSameRows(List<List<Object>> actual, List<List<Object>> expected,
      String what) {
    assertThat(diff(actual, expected)).as(what).isNull();
  }

  /**
   * Compares two results as multisets of rows: rows match when they have the same length and
   * every pair of values is equal, numbers within 1e-9 relative to the expected value (or
   * absolute below 1).
   *
   * @param actual LaminarDB's rows, normalized
   * @param expected the oracle's rows, normalized
   * @return null if both hold the same multiset of rows, else a description of the rows only one
   *     of them has (at most {@value #SHOWN} of each, large numbers shown as timestamps)
   */
  static String diff(List<List<Object>> actual, List<List<Object>> expected) {
    List<List<Object>> left = new ArrayList<>(actual);
    List<List<Object>> missing = new ArrayList<>();
    for (List<Object> want : expected) {
      int match = -1;
      for (int i = 0; i < left.size() && match < 0; i++) {
        if (sameRow(left.get(i), want)) {
          match = i;
        }
      }
      if (match < 0) {
        missing.add(want);
      } else {
        left.remove(match);
      }
    }
    if (missing.isEmpty() && left.isEmpty()) {
      return null;
    }
    return "expected " + expected.size() + " rows, got " + actual.size() + "; missing "
        + show(missing) + "; unexpected " + show(left);
  }

  private static String show(List<List<Object>> rows) {
    List<String> out = new ArrayList<>();
    for (List<Object> r : rows.subList(0, Math.min(rows.size(), SHOWN))) {
      List<String> cells = new ArrayList<>();
      for (Object v : r) {
        if (v instanceof BigDecimal && ((BigDecimal) v).compareTo(SHOWN_AS_TIME) > 0) {
          cells.add(WindowInput.time(((BigDecimal) v).longValueExact()).toString());
        } else {
          cells.add(String.valueOf(v));
        }
      }
      out.add("(" + String.join(", ", cells) + ")");
    }
    return out + (rows.size() > SHOWN ? " and " + (rows.size() - SHOWN) + " more" : "");
  }

  private static boolean sameRow(List<Object> a, List<Object> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Object x = a.get(i);
      Object y = b.get(i);
      if (x instanceof BigDecimal && y instanceof BigDecimal) {
        BigDecimal diff = ((BigDecimal) x).subtract((BigDecimal) y).abs();
        BigDecimal scale = ((BigDecimal) y).abs().max(BigDecimal.ONE);
        if (diff.compareTo(scale.multiply(TOLERANCE)) > 0) {
          return false;
        }
      } else if (x == null ? y != null : !x.equals(y)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The lines of {@code EXPLAIN sql}, one per line.
   *
   * @param db the database
   * @param sql a query or CREATE ... AS query
   * @return the plan text
   */
  static String explain(LaminarDB db, String sql) {
    StringBuilder plan = new StringBuilder();
    for (Row r : db.query("EXPLAIN " + sql)) {
      plan.append(r.getString(0)).append('\n');
    }
    return plan.toString();
  }
}
