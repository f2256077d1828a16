package org.laminardb.sql.plan;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlGroupedWindowFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.util.Litmus;
import org.laminardb.error.ErrorCode;

/**
 * A group-window call before validation: a window in GROUP BY ({@code tumble(ts, size)}, Calcite's
 * {@code $TUMBLE}), or one of its start, end and rowtime functions ({@code tumble_end(ts, size)},
 * {@code TUMBLE_START(...)}, {@code TUMBLE_ROWTIME(...)}). Names are case-insensitive.
 */
final class GroupWindowCall {
  /** The window families and their argument lists. */
  enum Family {
    TUMBLE(2, 3, "tumble(time_column, size [, offset])"),
    HOP(3, 4, "hop(time_column, slide, size [, offset])"),
    SESSION(2, 2, "session(time_column, gap)"),
    CUMULATE(3, 4, "cumulate(time_column, step, max_size [, offset])");

    final int minArgs;
    final int maxArgs;
    final String signature;

    Family(int minArgs, int maxArgs, String signature) {
      this.minArgs = minArgs;
      this.maxArgs = maxArgs;
      this.signature = signature;
    }

    String lowerName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What a call stands for. */
  enum Role {
    /** The window itself; outside GROUP BY it returns the window start. */
    WINDOW(""),
    /** {@code *_START}: the window start. */
    START("_start"),
    /** {@code *_END}: the window end. */
    END("_end"),
    /** {@code *_ROWTIME}: the window time, the largest time inside the window. */
    ROWTIME("_rowtime");

    final String suffix;

    Role(String suffix) {
      this.suffix = suffix;
    }
  }

  final SqlCall call;
  final Family family;
  final Role role;

  private GroupWindowCall(SqlCall call, Family family, Role role) {
    this.call = call;
    this.family = family;
    this.role = role;
  }

  /**
   * The group-window call a node is, if it is one.
   *
   * @param node any node
   * @return the call, or null when the node is not a group-window call
   */
  static GroupWindowCall of(SqlNode node) {
    if (!(node instanceof SqlCall)) {
      return null;
    }
    SqlCall call = (SqlCall) node;
    if (!(call.getOperator() instanceof SqlGroupedWindowFunction)
        && !(call.getOperator() instanceof SqlUnresolvedFunction)) {
      return null;
    }
    SqlFunction function = (SqlFunction) call.getOperator();
    if (function.getFunctionType() == SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION
        || function.getFunctionType() == SqlFunctionCategory.USER_DEFINED_TABLE_SPECIFIC_FUNCTION) {
      return null;
    }
    String name = function.getName().toLowerCase(Locale.ROOT);
    if (name.startsWith("$")) {
      name = name.substring(1);
    }
    for (Family family : Family.values()) {
      for (Role role : Role.values()) {
        if (name.equals(family.lowerName() + role.suffix)) {
          return new GroupWindowCall(call, family, role);
        }
      }
    }
    return null;
  }

  /**
   * Name of the function as LaminarDB spells it, e.g. {@code tumble_end}.
   *
   * @return the name
   */
  String name() {
    return family.lowerName() + role.suffix;
  }

  /**
   * Checks the number of arguments and that the first is a column.
   *
   * @return this call
   * @throws org.laminardb.error.LaminarDBException for a wrong argument list
   */
  GroupWindowCall checked() {
    int n = call.operandCount();
    if (n < family.minArgs || n > family.maxArgs) {
      throw SqlErrors.at(ErrorCode.UNDEFINED_FUNCTION, call, name() + " takes "
          + argumentCount() + " arguments, found " + n + "; supported: "
          + family.signature.replace(family.lowerName() + "(", name() + "("));
    }
    SqlNode time = call.operand(0);
    if (!(time instanceof SqlIdentifier) || ((SqlIdentifier) time).isStar()) {
      throw SqlErrors.unsupported(time, "the first argument of " + name()
          + " must be the time column of the FROM relation, e.g. "
          + family.signature.replace(family.lowerName() + "(", name() + "("));
    }
    return this;
  }

  private String argumentCount() {
    return family.minArgs == family.maxArgs
        ? Integer.toString(family.minArgs)
        : family.minArgs + " or " + family.maxArgs;
  }

  /**
   * The time column argument.
   *
   * @return the identifier, as written (maybe qualified)
   */
  SqlIdentifier timeColumn() {
    return (SqlIdentifier) call.operand(0);
  }

  /**
   * The arguments after the time column: sizes, slide, gap, step, offset.
   *
   * @return the arguments, as written
   */
  List<SqlNode> parameters() {
    return call.getOperandList().subList(1, call.operandCount());
  }

  /**
   * Whether this call has the same window as a window in GROUP BY: same family, the same time
   * column (a qualifier on one side only is ignored) and deep-equal other arguments.
   *
   * @param window the window in GROUP BY
   * @return true if it matches
   */
  boolean sameWindowAs(GroupWindowCall window) {
    if (family != window.family || call.operandCount() != window.call.operandCount()) {
      return false;
    }
    if (!sameColumn(timeColumn(), window.timeColumn())) {
      return false;
    }
    List<SqlNode> mine = parameters();
    List<SqlNode> theirs = window.parameters();
    for (int i = 0; i < mine.size(); i++) {
      if (!mine.get(i).equalsDeep(theirs.get(i), Litmus.IGNORE)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameColumn(SqlIdentifier a, SqlIdentifier b) {
    List<String> x = a.names;
    List<String> y = b.names;
    int common = Math.min(x.size(), y.size());
    for (int i = 1; i <= common; i++) {
      if (!x.get(x.size() - i).equalsIgnoreCase(y.get(y.size() - i))) {
        return false;
      }
    }
    return true;
  }
}
