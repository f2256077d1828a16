package org.laminardb.connector.kafka;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.utils.ProducerIdAndEpoch;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * Reads the producer id and epoch of a transactional producer's open transaction, and resumes
 * such a transaction in a new producer after a crash, so that recovery can commit it.
 *
 * <p>Design notes. Kafka's public API cannot commit a transaction its producer did not begin:
 * {@code initTransactions()} of a new producer with the same transactional id aborts it. The
 * two-phase-commit API of KIP-939 ({@code prepareTransaction}, {@code completeTransaction}) is
 * not usable with Kafka 4.3 (its public methods were withdrawn and the coordinator rejects
 * keeping a prepared transaction, KAFKA-20739). Like Apache Flink's Kafka sink, this class
 * therefore sets the transaction manager of a fresh, uninitialised producer to the open
 * transaction (producer id and epoch, state IN_TRANSACTION) through reflection on the
 * kafka-clients internals, then lets {@code commitTransaction()} send the EndTxn request. It is
 * tied to the kafka-clients version pinned by LaminarDB ({@code 4.3.1}); {@link #check()} fails
 * the creation of an exactly-once sink with a clear error if the internals differ.
 */
final class TransactionResume {
  private TransactionResume() {}

  /** Fails with 0A000 if the kafka-clients internals this class needs are missing. */
  static void check() {
    try {
      Class<?> tm = Class.forName(
          "org.apache.kafka.clients.producer.internals.TransactionManager");
      KafkaProducer.class.getDeclaredField("transactionManager");
      tm.getDeclaredField("producerIdAndEpoch");
      tm.getDeclaredField("currentState");
      tm.getDeclaredField("transactionStarted");
      tm.getDeclaredMethod("maybeUpdateTransactionV2Enabled", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw unsupported(e);
    }
  }

  /**
   * The producer id and epoch of a producer's transaction.
   *
   * @param producer a transactional producer in a transaction
   * @return {@code producerId:epoch}
   */
  static String state(KafkaProducer<?, ?> producer) {
    try {
      Object tm = field(producer, KafkaProducer.class, "transactionManager");
      ProducerIdAndEpoch ids = (ProducerIdAndEpoch) field(tm, tm.getClass(),
          "producerIdAndEpoch");
      return ids.producerId + ":" + ids.epoch;
    } catch (ReflectiveOperationException e) {
      throw unsupported(e);
    }
  }

  /**
   * Makes a new producer (transactional id set, {@code initTransactions()} not called) continue
   * the open transaction of a crashed one; commit it then with {@code commitTransaction()}.
   *
   * @param producer the new producer, connected (its metadata fetched)
   * @param state what {@link #state} returned for the transaction
   */
  static void resume(KafkaProducer<?, ?> producer, String state) {
    String[] parts = state.split(":");
    ProducerIdAndEpoch ids = new ProducerIdAndEpoch(Long.parseLong(parts[0]),
        Short.parseShort(parts[1]));
    try {
      Object tm = field(producer, KafkaProducer.class, "transactionManager");
      Class<?> tmClass = tm.getClass();
      synchronized (tm) {
        set(tm, tmClass, "producerIdAndEpoch", ids);
        Class<?> stateClass = Class.forName(tmClass.getName() + "$State");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object inTransaction = Enum.valueOf((Class<Enum>) stateClass.asSubclass(Enum.class),
            "IN_TRANSACTION");
        set(tm, tmClass, "currentState", inTransaction);
        set(tm, tmClass, "transactionStarted", Boolean.TRUE);
        Method v2 = tmClass.getDeclaredMethod("maybeUpdateTransactionV2Enabled", boolean.class);
        v2.setAccessible(true);
        v2.invoke(tm, true);
      }
    } catch (ReflectiveOperationException e) {
      throw unsupported(e);
    }
  }

  private static Object field(Object target, Class<?> type, String name)
      throws ReflectiveOperationException {
    Field f = type.getDeclaredField(name);
    f.setAccessible(true);
    return f.get(target);
  }

  private static void set(Object target, Class<?> type, String name, Object value)
      throws ReflectiveOperationException {
    Field f = type.getDeclaredField(name);
    f.setAccessible(true);
    f.set(target, value);
  }

  private static LaminarDBException unsupported(Exception e) {
    return new LaminarDBException(ErrorCode.FEATURE_NOT_SUPPORTED, "delivery_guarantee = "
        + "'exactly_once' needs the kafka-clients version LaminarDB was built with (4.3.1), "
        + "whose transaction internals it uses to commit after a crash: " + e, e);
  }
}
