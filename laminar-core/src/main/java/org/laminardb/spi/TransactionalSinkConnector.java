package org.laminardb.spi;

/**
 * Sink that takes part in checkpoints with a two-phase commit, for exactly-once output: the rows
 * written between two checkpoints form one epoch, which becomes visible outside only once the
 * checkpoint that covers them is complete.
 *
 * <p>Every method is called on the sink's own thread, one at a time, in this order per epoch:
 * {@link #begin(long)}, {@link #write} any number of times, {@link #preCommit(long)} (at the
 * checkpoint barrier: make the epoch's rows durable but not visible), then later {@link
 * #commit(long)} once the checkpoint's manifest is durable, or {@link #abort(long)}. The next
 * epoch begins right after {@code preCommit}, so {@code commit(e)} may come after {@code
 * begin(e + 1)} and writes of epoch {@code e + 1}.
 *
 * <p>Recovery: when a database reopens, {@link #recover(long, String)} is called first with the
 * last epoch whose checkpoint completed and the state its {@code preCommit} returned; the sink
 * commits that epoch if it had not finished committing, and aborts every later epoch (their
 * rows are produced again from the log). {@code commit} and {@code abort} must be idempotent.
 */
public interface TransactionalSinkConnector extends SinkConnector {
  /**
   * Recovers after a restart, before the first {@link #begin(long)}.
   *
   * @param committedEpoch the epoch of the newest complete checkpoint, 0 if there is none
   * @param state what {@link #preCommit(long)} returned for that epoch, or null if none
   */
  void recover(long committedEpoch, String state);

  /**
   * Starts an epoch: the rows written until {@link #preCommit(long)} belong to it.
   *
   * @param epoch the epoch, larger than every earlier one
   */
  void begin(long epoch);

  /**
   * Makes the epoch's rows durable, ready to be made visible by {@link #commit(long)}.
   *
   * @param epoch the epoch begun last
   * @return state to keep in the checkpoint manifest for {@link #recover(long, String)} (at most a
   *     few KiB of text), or null
   */
  String preCommit(long epoch);

  /**
   * Makes a pre-committed epoch visible. Idempotent.
   *
   * @param epoch the epoch
   */
  void commit(long epoch);

  /**
   * Discards an epoch's rows. Idempotent.
   *
   * @param epoch the epoch
   */
  void abort(long epoch);
}
