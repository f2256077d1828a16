package org.laminardb.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;
import org.laminardb.core.type.DataType;
import org.laminardb.error.ErrorCode;
import org.laminardb.sql.plan.SqlErrors;

/** Evaluates the value expressions an INSERT ... VALUES accepts into Java values. */
final class InsertValues {
  private static final String ACCEPTED = "INSERT ... VALUES accepts literals (numbers, strings, "
      + "TRUE/FALSE, NULL, TIMESTAMP '...', DATE '...'), ? parameters, signed numbers and CAST "
      + "of these";

  private InsertValues() {}

  static Object evaluate(SqlNode node, List<Object> params) {
    if (node instanceof SqlDynamicParam) {
      int index = ((SqlDynamicParam) node).getIndex();
      if (index >= params.size()) {
        throw SqlErrors.at(ErrorCode.INVALID_PARAMETER_VALUE, node,
            "no value given for parameter " + (index + 1));
      }
      return params.get(index);
    }
    if (node instanceof SqlLiteral) {
      return literal((SqlLiteral) node);
    }
    if (node instanceof SqlBasicCall) {
      SqlBasicCall call = (SqlBasicCall) node;
      if (call.getKind() == SqlKind.MINUS_PREFIX || call.getKind() == SqlKind.PLUS_PREFIX) {
        Object v = evaluate(call.operand(0), params);
        if (v instanceof BigDecimal) {
          return call.getKind() == SqlKind.MINUS_PREFIX ? ((BigDecimal) v).negate() : v;
        }
      } else if (call.getKind() == SqlKind.CAST) {
        Object v = evaluate(call.operand(0), params);
        DataType type = ColumnTypes.of((SqlDataTypeSpec) call.operand(1), false);
        return ValueConverter.toJava(ValueConverter.toPhysical(v, type, "CAST"), type);
      }
    }
    throw SqlErrors.unsupported(node, ACCEPTED);
  }

  private static Object literal(SqlLiteral given) {
    SqlLiteral lit = given;
    if (lit instanceof SqlUnknownLiteral) {
      SqlTypeName tag = SqlTypeName.get(((SqlUnknownLiteral) lit).tag);
      if (tag == null) {
        throw SqlErrors.unsupported(lit, "a " + ((SqlUnknownLiteral) lit).tag
            + " literal cannot be inserted; " + ACCEPTED);
      }
      try {
        lit = ((SqlUnknownLiteral) lit).resolve(tag);
      } catch (RuntimeException e) {
        throw SqlErrors.at(ErrorCode.INVALID_TEXT_REPRESENTATION, lit, "invalid " + tag
            + " literal " + lit + ": " + e.getMessage());
      }
    }
    SqlTypeName t = lit.getTypeName();
    switch (t) {
      case NULL:
        return null;
      case BOOLEAN:
        return lit.booleanValue();
      case DECIMAL:
      case DOUBLE:
      case REAL:
      case INTEGER:
      case BIGINT:
        return lit.getValueAs(BigDecimal.class);
      case CHAR:
      case VARCHAR:
        return lit.getValueAs(NlsString.class).getValue();
      case TIMESTAMP:
        return ValueConverter.parseTimestamp(lit.getValueAs(TimestampString.class).toString(),
            "TIMESTAMP literal");
      case DATE:
        return LocalDate.parse(lit.getValueAs(DateString.class).toString());
      default:
        throw SqlErrors.unsupported(lit, "a " + t + " literal cannot be inserted; " + ACCEPTED);
    }
  }
}
