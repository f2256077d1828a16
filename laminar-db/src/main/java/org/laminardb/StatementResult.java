package org.laminardb;

/**
 * Outcome of {@link LaminarDB#execute(String)}: rows (queries, SHOW, DESCRIBE, EXPLAIN), an update
 * count (INSERT), a live subscription (SUBSCRIBE), or just a completion tag (DDL).
 */
public final class StatementResult {
  /** Kind of outcome. */
  public enum Kind {
    /** Rows: see {@link #rows()}. */
    ROWS,
    /** An update count: see {@link #updateCount()}. */
    UPDATE_COUNT,
    /** A live subscription: see {@link #subscription()}. */
    SUBSCRIPTION,
    /** Completed, with nothing to return. */
    DONE
  }

  private final Kind kind;
  private final String tag;
  private final QueryResult rows;
  private final long updateCount;
  private final Subscription subscription;

  private StatementResult(
      Kind kind, String tag, QueryResult rows, long updateCount, Subscription subscription) {
    this.kind = kind;
    this.tag = tag;
    this.rows = rows;
    this.updateCount = updateCount;
    this.subscription = subscription;
  }

  /**
   * Result carrying rows.
   *
   * @param tag command tag, e.g. {@code SELECT}
   * @param rows the rows
   * @return the result
   */
  public static StatementResult ofRows(String tag, QueryResult rows) {
    return new StatementResult(Kind.ROWS, tag, rows, -1, null);
  }

  /**
   * Result carrying an update count.
   *
   * @param tag command tag, e.g. {@code INSERT}
   * @param count rows affected
   * @return the result
   */
  public static StatementResult ofCount(String tag, long count) {
    return new StatementResult(Kind.UPDATE_COUNT, tag, null, count, null);
  }

  /**
   * Result carrying a subscription.
   *
   * @param subscription the subscription
   * @return the result
   */
  public static StatementResult ofSubscription(Subscription subscription) {
    return new StatementResult(Kind.SUBSCRIPTION, "SUBSCRIBE", null, -1, subscription);
  }

  /**
   * Result of a statement that returns nothing.
   *
   * @param tag command tag, e.g. {@code CREATE SOURCE}
   * @return the result
   */
  public static StatementResult done(String tag) {
    return new StatementResult(Kind.DONE, tag, null, -1, null);
  }

  /**
   * Kind of outcome.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Command tag, as PostgreSQL reports it (e.g. {@code CREATE SOURCE}, {@code INSERT}).
   *
   * @return the tag
   */
  public String tag() {
    return tag;
  }

  /**
   * The rows, for {@link Kind#ROWS}.
   *
   * @return the rows, or null
   */
  public QueryResult rows() {
    return rows;
  }

  /**
   * Rows affected, for {@link Kind#UPDATE_COUNT}; -1 otherwise.
   *
   * @return the count
   */
  public long updateCount() {
    return updateCount;
  }

  /**
   * The subscription, for {@link Kind#SUBSCRIPTION}; the caller must close it.
   *
   * @return the subscription, or null
   */
  public Subscription subscription() {
    return subscription;
  }
}
