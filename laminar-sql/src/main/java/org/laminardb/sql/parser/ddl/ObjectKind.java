package org.laminardb.sql.parser.ddl;

/** Kind of catalog object named by CREATE, DROP, SHOW and SHOW CREATE statements. */
public enum ObjectKind {
  /** An external input with a schema: {@code CREATE SOURCE}. */
  SOURCE("SOURCE", "SOURCES"),
  /** A continuous query whose changes flow on: {@code CREATE STREAM}. */
  STREAM("STREAM", "STREAMS"),
  /** A continuous query whose result is kept queryable: {@code CREATE MATERIALIZED VIEW}. */
  MATERIALIZED_VIEW("MATERIALIZED VIEW", "MATERIALIZED VIEWS"),
  /** An external output: {@code CREATE SINK}. */
  SINK("SINK", "SINKS"),
  /** A keyed table written by INSERT, UPSERT, UPDATE and DELETE: {@code CREATE TABLE}. */
  TABLE("TABLE", "TABLES"),
  /**
   * A keyed table kept in an external system and read by key by lookup joins: {@code CREATE
   * LOOKUP TABLE}.
   */
  LOOKUP_TABLE("LOOKUP TABLE", "LOOKUP TABLES");

  private final String sqlName;
  private final String sqlPluralName;

  ObjectKind(String sqlName, String sqlPluralName) {
    this.sqlName = sqlName;
    this.sqlPluralName = sqlPluralName;
  }

  /**
   * Keywords naming this kind in SQL, e.g. {@code MATERIALIZED VIEW}.
   *
   * @return the SQL name
   */
  public String sqlName() {
    return sqlName;
  }

  /**
   * Keywords naming objects of this kind in {@code SHOW}, e.g. {@code MATERIALIZED VIEWS}.
   *
   * @return the plural SQL name
   */
  public String sqlPluralName() {
    return sqlPluralName;
  }
}
