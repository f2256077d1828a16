package org.laminardb.sql.codegen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;

/**
 * Literals as Java source in LaminarDB's representation: DECIMAL unscaled at the literal's
 * scale, TIMESTAMP in epoch microseconds, DATE in epoch days, day-time intervals in microseconds
 * (Calcite holds them in milliseconds) and year-month intervals in months.
 */
final class Literals {
  private Literals() {}

  static Value translate(RexTranslator t, RexLiteral literal) {
    RelDataType type = literal.getType();
    if (literal.isNull()) {
      return t.nullOf(type);
    }
    JavaKind kind = SqlTypes.javaKind(type);
    return new Value(source(literal), Value.NOT_NULL, kind, type);
  }

  private static String source(RexLiteral literal) {
    RelDataType type = literal.getType();
    switch (SqlTypes.family(type)) {
      case BOOLEAN:
        return Boolean.TRUE.equals(literal.getValueAs(Boolean.class)) ? "true" : "false";
      case INTEGER:
        return longLiteral(literal.getValueAs(BigDecimal.class).longValueExact());
      case DECIMAL:
        return longLiteral(literal.getValueAs(BigDecimal.class)
            .setScale(SqlTypes.scale(type), RoundingMode.HALF_UP).unscaledValue().longValueExact());
      case DOUBLE:
        return doubleLiteral(literal.getValueAs(Double.class));
      case STRING:
        return stringLiteral(literal.getValueAs(NlsString.class).getValue());
      case TIMESTAMP:
        return longLiteral(TemporalText.parseTimestamp(
            literal.getValueAs(TimestampString.class).toString()));
      case DATE:
        return longLiteral(literal.getValueAs(DateString.class).getDaysSinceEpoch());
      case INTERVAL_DAY_TIME:
        return longLiteral(literal.getValueAs(BigDecimal.class).longValueExact() * 1000L);
      case INTERVAL_YEAR_MONTH:
        return longLiteral(literal.getValueAs(BigDecimal.class).longValueExact());
      default:
        throw RexTranslator.unsupported("literal of type " + type.getFullTypeString());
    }
  }

  static String longLiteral(long v) {
    return v == Long.MIN_VALUE ? "Long.MIN_VALUE" : "(" + v + "L)";
  }

  static String doubleLiteral(double d) {
    if (Double.isNaN(d)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    return "(" + d + "d)";
  }

  /**
   * Java string literal of a text: control characters as octal escapes (unicode escapes of
   * line breaks would end the literal), other non-ASCII characters as unicode escapes.
   */
  static String stringLiteral(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        b.append(c);
      } else if (c < 0x80) {
        b.append(String.format("\\%03o", (int) c));
      } else {
        b.append(String.format("\\u%04x", (int) c));
      }
    }
    return b.append('"').toString();
  }
}
