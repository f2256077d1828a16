package org.laminardb.sql.parser.ddl;

/** Policy of an EMIT clause: when a continuous query publishes results. */
public enum EmitMode {
  /** {@code EMIT CHANGES}: every change, including retractions of earlier results. */
  CHANGES("CHANGES"),
  /** {@code EMIT ON WINDOW CLOSE} (or {@code AFTER WATERMARK}): once a window is complete. */
  ON_WINDOW_CLOSE("ON WINDOW CLOSE"),
  /** {@code EMIT ON UPDATE}: every change of a result, as a changelog. */
  ON_UPDATE("ON UPDATE"),
  /** {@code EMIT FINAL}: only final results, never a retraction. */
  FINAL("FINAL"),
  /** {@code EMIT PERIODICALLY interval} (or {@code EVERY}): the current results at a fixed rate. */
  PERIODIC("PERIODICALLY");

  private final String sql;

  EmitMode(String sql) {
    this.sql = sql;
  }

  /**
   * Keywords that follow {@code EMIT} for this mode in SQL, e.g. {@code ON WINDOW CLOSE}.
   *
   * @return the SQL keywords
   */
  public String sql() {
    return sql;
  }
}
