package org.laminardb.sql.codegen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Growing body of the generated per-row code: indented statements, fresh variable names, block
 * scopes that bound the reuse of common subexpressions, constant objects handed to the generated
 * class, and per-chunk values (the clock) the prologue must compute.
 */
final class CodeEmitter {
  private final StringBuilder body = new StringBuilder();
  private final Deque<Map<Integer, Value>> scopes = new ArrayDeque<>();
  private final List<Object> constants = new ArrayList<>();
  private final List<String> constantTypes = new ArrayList<>();
  private int indent;
  private int counter;
  private boolean usesClock;

  CodeEmitter(int indent) {
    this.indent = indent;
    scopes.push(new HashMap<>());
  }

  /** Appends one statement line. */
  void line(String statement) {
    body.append("  ".repeat(indent)).append(statement).append('\n');
  }

  /** Opens a block whose statements may not run or whose variables end with it. */
  void open(String header) {
    line(header);
    indent++;
    scopes.push(new HashMap<>());
  }

  /** Closes the innermost block. */
  void close() {
    scopes.pop();
    indent--;
    line("}");
  }

  /** A new, unique identifier with a prefix. */
  String fresh(String prefix) {
    return prefix + counter++;
  }

  /** Value already computed for a program expression and visible here, or null. */
  Value cached(int index) {
    for (Map<Integer, Value> scope : scopes) {
      Value v = scope.get(index);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** Records the value of a program expression in the innermost scope. */
  void cache(int index, Value value) {
    scopes.peek().put(index, value);
  }

  /**
   * Field name of a constant object handed to the generated class.
   *
   * @param value the object
   * @param javaType its type as written in source
   */
  String constant(Object value, String javaType) {
    constants.add(value);
    constantTypes.add(javaType);
    return "k" + (constants.size() - 1);
  }

  /** Name of the per-chunk variable holding the current time in epoch microseconds. */
  String clock() {
    usesClock = true;
    return "now";
  }

  boolean usesClock() {
    return usesClock;
  }

  List<Object> constants() {
    return constants;
  }

  List<String> constantTypes() {
    return constantTypes;
  }

  String body() {
    return body.toString();
  }
}
