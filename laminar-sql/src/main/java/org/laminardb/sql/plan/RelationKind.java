package org.laminardb.sql.plan;

/** Kind of a named relation in the catalog. */
public enum RelationKind {
  /** Data pushed in or read by a connector; unbounded and append-only. */
  SOURCE("SOURCE"),
  /** Named continuous query whose output is not stored. */
  STREAM("STREAM"),
  /** Named continuous query whose result is stored and queryable. */
  MATERIALIZED_VIEW("MATERIALIZED VIEW"),
  /** Output to an external system. */
  SINK("SINK"),
  /** Keyed rows written by INSERT, UPSERT, UPDATE and DELETE; stored and queryable. */
  TABLE("TABLE"),
  /** Keyed rows in an external system, read by key by lookup joins; not stored. */
  LOOKUP_TABLE("LOOKUP TABLE");

  private final String sqlName;

  RelationKind(String sqlName) {
    this.sqlName = sqlName;
  }

  /**
   * SQL spelling, e.g. {@code MATERIALIZED VIEW}.
   *
   * @return the SQL name
   */
  public String sqlName() {
    return sqlName;
  }
}
