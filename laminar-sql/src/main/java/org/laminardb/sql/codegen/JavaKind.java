package org.laminardb.sql.codegen;

/** Java type that holds a SQL value inside generated code. */
enum JavaKind {
  /** {@code boolean}: SQL BOOLEAN. */
  BOOLEAN("boolean", "false"),
  /** {@code long}: integers, DECIMAL (unscaled), TIMESTAMP, DATE, INTERVAL. */
  LONG("long", "0L"),
  /** {@code double}: DOUBLE, REAL. */
  DOUBLE("double", "0.0d"),
  /** {@code String}: CHAR, VARCHAR. */
  STRING("String", "null");

  private final String javaType;
  private final String defaultValue;

  JavaKind(String javaType, String defaultValue) {
    this.javaType = javaType;
    this.defaultValue = defaultValue;
  }

  /** Java type name as written in source. */
  String javaType() {
    return javaType;
  }

  /** Literal of the type's default value, used for NULL slots. */
  String defaultValue() {
    return defaultValue;
  }
}
