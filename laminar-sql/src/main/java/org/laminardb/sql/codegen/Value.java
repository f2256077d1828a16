package org.laminardb.sql.codegen;

import org.apache.calcite.rel.type.RelDataType;

/**
 * Result of translating an expression: a side-effect-free Java expression for the value (a
 * variable, literal or field; unspecified when NULL) and one for its nullness.
 */
final class Value {
  /** Java expression that is never NULL: the nullness expression is {@code false}. */
  static final String NOT_NULL = "false";
  /** Nullness expression of a constant NULL. */
  static final String ALWAYS_NULL = "true";

  final String code;
  final String isNull;
  final JavaKind kind;
  final RelDataType type;

  Value(String code, String isNull, JavaKind kind, RelDataType type) {
    this.code = code;
    this.isNull = isNull;
    this.kind = kind;
    this.type = type;
  }

  /** Whether the value can never be NULL. */
  boolean notNull() {
    return NOT_NULL.equals(isNull);
  }

  /** Whether the value is always NULL. */
  boolean alwaysNull() {
    return ALWAYS_NULL.equals(isNull);
  }

  /** Java condition that holds when this boolean value is TRUE (not NULL and true). */
  String isTrue() {
    if (notNull()) {
      return code;
    }
    return alwaysNull() ? "false" : "(!" + isNull + " && " + code + ")";
  }

  /** Java condition that holds when this boolean value is FALSE (not NULL and false). */
  String isFalse() {
    if (notNull()) {
      return "!" + code;
    }
    return alwaysNull() ? "false" : "(!" + isNull + " && !" + code + ")";
  }

  /** This value's code, or Java null when the value is NULL (for String values). */
  String codeOrNull() {
    if (notNull()) {
      return code;
    }
    return alwaysNull() ? "null" : "(" + isNull + " ? null : " + code + ")";
  }
}
