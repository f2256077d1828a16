package org.laminardb.sql.parser.ddl;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Helpers shared by the statement nodes of this package. */
final class DdlNodes {
  private DdlNodes() {}

  /** Creates the operator of a statement node; nodes compare equal only with the same name. */
  static SqlSpecialOperator operator(String name, SqlKind kind) {
    return new SqlSpecialOperator(name.toUpperCase(Locale.ROOT), kind);
  }

  /** Boolean literal standing for a flag in an operand list (so flags take part in equality). */
  static SqlLiteral flag(boolean value) {
    return SqlLiteral.createBoolean(value, SqlParserPos.ZERO);
  }

  /** Symbol literal standing for an enum value in an operand list. */
  static SqlLiteral symbol(Enum<?> value) {
    return SqlLiteral.createSymbol(value, SqlParserPos.ZERO);
  }

  /** Copies identifiers out of a node list. */
  static List<SqlIdentifier> identifiers(SqlNodeList list) {
    return list.stream().map(SqlIdentifier.class::cast).toList();
  }

  /**
   * Writes the event-time clauses after a query: {@code EMIT ...}, {@code ALLOW LATENESS
   * interval}, {@code LATE DATA TO name}; each only when present (non-null).
   */
  static void unparseEventTime(SqlWriter writer, SqlNode emit, SqlNode allowedLateness,
      SqlNode lateDataTo) {
    if (emit != null) {
      writer.newlineAndIndent();
      emit.unparse(writer, 0, 0);
    }
    if (allowedLateness != null) {
      writer.keyword("ALLOW LATENESS");
      allowedLateness.unparse(writer, 0, 0);
    }
    if (lateDataTo != null) {
      writer.keyword("LATE DATA TO");
      lateDataTo.unparse(writer, 0, 0);
    }
  }

  /** Writes {@code ( a, b, ... )}. */
  static void unparseParenthesized(SqlWriter writer, List<? extends SqlNode> nodes) {
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode node : nodes) {
      writer.sep(",");
      node.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }

  /** Writes {@code connector ( 'key' = value, ... )}. */
  static void unparseConnector(
      SqlWriter writer, SqlIdentifier connector, List<SqlOption> options) {
    connector.unparse(writer, 0, 0);
    unparseParenthesized(writer, options);
  }
}
