package org.laminardb.error;

/**
 * Catalogue of user-facing errors: each has a PostgreSQL SQLSTATE code. Messages are written at
 * the throw site and say what was wrong, where, and what is accepted.
 */
public enum ErrorCode {
  /** Syntax error. */
  SYNTAX_ERROR("42601"),
  /** Unknown table, source, stream or view. */
  UNDEFINED_RELATION("42P01"),
  /** Unknown column. */
  UNDEFINED_COLUMN("42703"),
  /** Unknown function or wrong argument types. */
  UNDEFINED_FUNCTION("42883"),
  /** An object of that name exists already. */
  DUPLICATE_OBJECT("42P07"),
  /** A column name appears twice. */
  DUPLICATE_COLUMN("42701"),
  /** Value or expression of the wrong type. */
  DATATYPE_MISMATCH("42804"),
  /** An object of a different kind was named (e.g. DROP STREAM on a source). */
  WRONG_OBJECT_TYPE("42809"),
  /** A column used outside an aggregate is not in GROUP BY. */
  GROUPING_ERROR("42803"),
  /** Other semantic error in a statement. */
  INVALID_STATEMENT("42000"),
  /** Dropping an object others depend on without CASCADE. */
  DEPENDENT_OBJECTS_STILL_EXIST("2BP01"),
  /** NULL written to a NOT NULL column. */
  NOT_NULL_VIOLATION("23502"),
  /** A literal or value that cannot be read as its type. */
  INVALID_TEXT_REPRESENTATION("22P02"),
  /** A numeric value out of the range of its type. */
  NUMERIC_VALUE_OUT_OF_RANGE("22003"),
  /** Division by zero. */
  DIVISION_BY_ZERO("22012"),
  /** Other bad data value. */
  DATA_EXCEPTION("22000"),
  /** Bad option or parameter value. */
  INVALID_PARAMETER_VALUE("22023"),
  /** Syntax that is recognised but not supported. */
  FEATURE_NOT_SUPPORTED("0A000"),
  /** The operation was cancelled or timed out. */
  QUERY_CANCELED("57014"),
  /** An external system (e.g. the database of a lookup table) cannot be reached. */
  CONNECTION_FAILURE("08006"),
  /** The object or database is closed or not in a state to do this. */
  OBJECT_NOT_IN_PREREQUISITE_STATE("55000"),
  /** The object is locked by another process or instance (e.g. a WAL directory). */
  OBJECT_IN_USE("55006"),
  /** Stored data failed a check (checksum, format, sequence): it is corrupted. */
  DATA_CORRUPTED("XX001"),
  /** Undefined connector, or its artifact is missing. */
  UNDEFINED_OBJECT("42704"),
  /** Internal error: a bug. */
  INTERNAL_ERROR("XX000");

  private final String sqlState;

  ErrorCode(String sqlState) {
    this.sqlState = sqlState;
  }

  /**
   * Five-character SQLSTATE code.
   *
   * @return the SQLSTATE
   */
  public String sqlState() {
    return sqlState;
  }
}
