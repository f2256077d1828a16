package org.laminardb.internal;

/**
 * WAL ids of an engine's sources: the next free one for a new source, or the id recorded with
 * the statement being run again (recovery, the background copy), so that the log's chunks find
 * their source. Used with the catalog write lock held.
 */
final class SourceIds {
  private int next = 1;
  /** Id recorded for the statement being run again, 0 otherwise. */
  private int recorded;
  /** Id given to the source the running statement created, 0 if none. */
  private int created;

  /**
   * Clears the per-statement state before a catalog statement runs.
   *
   * @param recordedId the id recorded with a statement run again, 0 if none, negative for a new
   *     statement
   */
  void beginStatement(int recordedId) {
    created = 0;
    recorded = Math.max(0, recordedId);
  }

  /** The id of a source being created. */
  int newSourceId() {
    int id = recorded != 0 ? recorded : next;
    next = Math.max(next, id + 1);
    created = id;
    return id;
  }

  /** The id of the source the last statement created, 0 if none. */
  int created() {
    return created;
  }
}
