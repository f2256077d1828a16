package org.laminardb.connector.kafka;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.RowKind;
import org.laminardb.core.type.Schema;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;
import org.laminardb.spi.TransactionalSinkConnector;

/**
 * Running KAFKA sink. At least once: one idempotent producer; each checkpoint's pre-commit
 * flushes it, so every row before a complete checkpoint is in Kafka. Exactly once: each epoch is
 * one Kafka transaction of a small pool of transactional producers (ids {@code
 * <transactional_id_prefix>-0 .. -4}, the last committed one kept idle until another commits, see
 * {@link #lastCommittedSlot}); pre-commit flushes the transaction and keeps its producer id and
 * epoch in the checkpoint, commit commits it once the checkpoint is complete, and
 * recovery commits the transaction of the last complete checkpoint (see {@link
 * TransactionResume}) and aborts every later one by initialising every producer of the pool.
 *
 * <p>Sink thread only (the engine calls one method at a time); send callbacks only record the
 * first failure, which the next pre-commit or write reports.
 */
final class KafkaSink implements TransactionalSinkConnector {
  /** Transactional producers: enough for the open epoch plus pre-committed ones. */
  static final int POOL = 5;
  /** How long the first write retries a schema registry that cannot be reached. */
  private static final long REGISTRY_RETRY_NANOS = 60_000_000_000L;

  private final String sink;
  private final KafkaSinkOptions options;
  private final RecordEncoder encoder;
  /**
   * Avro encoders of values (rows, or change events for format debezium) and keys (format avro,
   * or encode avro), else null.
   */
  private final AvroRowEncoder avroValues;
  private final AvroRowEncoder avroKeys;
  /** Client of the schema registry (Avro with schema_registry_url), else null. */
  private final SchemaRegistryClient registry;
  private final Callback onSent = (metadata, error) -> {
    if (error != null) {
      recordFailure(error);
    }
  };
  private volatile Exception failure;
  /** At-least-once producer, or null. */
  private KafkaProducer<byte[], byte[]> plain;
  /** Transactional producers by slot (created on recovery); empty at least once. */
  private final java.util.List<KafkaProducer<byte[], byte[]>> pool = new java.util.ArrayList<>();
  /** Epoch each slot's open transaction belongs to, 0 if free. */
  private final long[] slotEpoch = new long[POOL];
  /**
   * The slot of the last committed epoch, kept out of use until another epoch commits: recovery
   * commits the last complete checkpoint's transaction by its producer id and epoch, and the next
   * transaction of the same id may have that same id and epoch: always when the committed one
   * wrote no rows (it never reached the broker, so its commit bumped no epoch, also with the
   * per-transaction epoch bumps of transaction version 2), and for every transaction on brokers
   * without those bumps. Reusing the slot at once would let recovery commit rows written after
   * that checkpoint, which the log then produces again (each delivered twice). -1 for none.
   */
  private int lastCommittedSlot = -1;
  private final Map<Long, Integer> slotOfEpoch = new HashMap<>();
  /** Epoch being written (exactly once), 0 before begin. */
  private long openEpoch;

  KafkaSink(String sink, Schema schema, KafkaSinkOptions options) {
    this.sink = sink;
    this.options = options;
    this.encoder = new RecordEncoder(schema);
    boolean avro = options.avro();
    this.avroValues = !avro ? null : options.format().equals("debezium")
        ? AvroRowEncoder.envelopes(sink, schema) : new AvroRowEncoder(sink, schema, null);
    this.avroKeys = avro && options.key().length > 0
        ? new AvroRowEncoder(sink + "_key", schema, options.key()) : null;
    this.registry = options.registry() == null ? null
        : new SchemaRegistryClient(options.registry());
    if (options.exactlyOnce()) {
      TransactionResume.check();
    } else {
      plain = new KafkaProducer<>(producerProperties(null), new ByteArraySerializer(),
          new ByteArraySerializer());
    }
  }

  private void recordFailure(Exception error) {
    if (failure == null) {
      failure = error;
    }
  }

  private Properties producerProperties(String transactionalId) {
    Properties p = new Properties();
    p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
    p.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    if (transactionalId != null) {
      // The longest a pending epoch may wait for its commit (across a restart) before the
      // broker aborts it: the broker's default maximum, 15 minutes.
      p.setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "900000");
    }
    p.putAll(options.client());
    p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.brokers());
    p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
    p.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.setProperty(ProducerConfig.CLIENT_ID_CONFIG, transactionalId != null ? transactionalId
        : "laminardb-" + sink);
    if (transactionalId != null) {
      p.setProperty(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    }
    return p;
  }

  private String transactionalId(int slot) {
    return options.transactionalIdPrefix() + "-" + slot;
  }

  @Override
  public void recover(long committedEpoch, String state) {
    if (!options.exactlyOnce()) {
      return;
    }
    if (state != null && !state.isEmpty()) {
      int bar = state.indexOf('|');
      String txnId = state.substring(0, bar);
      try (KafkaProducer<byte[], byte[]> resumed = new KafkaProducer<>(
          producerProperties(txnId), new ByteArraySerializer(), new ByteArraySerializer())) {
        resumed.partitionsFor(options.topic()); // connects: the broker's features are known
        TransactionResume.resume(resumed, state.substring(bar + 1));
        resumed.commitTransaction();
      } catch (ProducerFencedException | InvalidProducerEpochException
          | InvalidTxnStateException e) {
        // Committed before the crash already (the coordinator has moved past that epoch).
      }
    }
    // Initialising every producer of the pool aborts the transactions of later epochs.
    for (int slot = 0; slot < POOL; slot++) {
      KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(
          producerProperties(transactionalId(slot)), new ByteArraySerializer(),
          new ByteArraySerializer());
      pool.add(p);
      p.initTransactions();
    }
  }

  @Override
  public void begin(long epoch) {
    if (!options.exactlyOnce()) {
      return;
    }
    int slot = -1;
    for (int i = 0; i < POOL && slot < 0; i++) {
      if (slotEpoch[i] == 0 && i != lastCommittedSlot) {
        slot = i;
      }
    }
    if (slot < 0) {
      throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "KAFKA sink "
          + sink + " has " + POOL + " epochs waiting for their checkpoints to complete: "
          + Arrays.toString(slotEpoch));
    }
    pool.get(slot).beginTransaction();
    slotEpoch[slot] = epoch;
    slotOfEpoch.put(epoch, slot);
    openEpoch = epoch;
  }

  @Override
  public void write(Chunk chunk) {
    checkFailure();
    if (registry != null && !avroValues.hasSchemaId()) {
      registerSchemas();
    }
    KafkaProducer<byte[], byte[]> producer = plain != null ? plain
        : pool.get(slotOfEpoch.get(openEpoch));
    int[] key = options.key();
    for (int r = 0; r < chunk.size; r++) {
      byte kind = chunk.kinds[r];
      byte[] k = key.length == 0 ? null : key(chunk, r);
      byte[] v;
      switch (options.format()) {
        case "upsert":
          if (kind == RowKind.UPDATE_BEFORE && nextIsUpdateOfSameKey(chunk, r, k)) {
            continue; // the +U that follows replaces the row
          }
          v = kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER
              ? avroValues != null ? avroValues.encode(chunk, r) : encoder.json(chunk, r, null)
              : null;
          break;
        case "debezium":
          if (kind == RowKind.UPDATE_BEFORE && r + 1 < chunk.size
              && chunk.kinds[r + 1] == RowKind.UPDATE_AFTER) {
            v = envelope(chunk, r, chunk, r + 1, "u");
            r++;
          } else if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
            v = envelope(null, 0, chunk, r, "c");
          } else {
            v = envelope(chunk, r, null, 0, "d");
          }
          break;
        case "csv":
          v = encoder.csv(chunk, r, null);
          break;
        case "avro":
          v = avroValues.encode(chunk, r);
          break;
        default:
          v = encoder.json(chunk, r, null);
          break;
      }
      producer.send(new ProducerRecord<>(options.topic(), k, v), onSent);
    }
  }

  /** The record key of a row: an Avro record, a CSV line or a JSON object of the key columns. */
  private byte[] key(Chunk chunk, int row) {
    return avroKeys != null ? avroKeys.encode(chunk, row)
        : options.format().equals("csv") ? encoder.csv(chunk, row, options.key())
        : encoder.json(chunk, row, options.key());
  }

  /** A change event of format debezium, in Avro or JSON. */
  private byte[] envelope(Chunk before, int beforeRow, Chunk after, int afterRow, String op) {
    return avroValues != null ? avroValues.envelope(before, beforeRow, after, afterRow, op)
        : encoder.envelope(before, beforeRow, after, afterRow, op);
  }

  /**
   * Registers the value schema under subject {@code <topic>-value} (and the key schema under
   * {@code <topic>-key}) before the first record is written, retrying for up to a minute.
   */
  private void registerSchemas() {
    long deadline = System.nanoTime() + REGISTRY_RETRY_NANOS;
    long backoff = 100_000_000L;
    while (true) {
      try {
        if (avroKeys != null && !avroKeys.hasSchemaId()) {
          avroKeys.prefixWithSchemaId(registry.register(options.topic() + "-key",
              avroKeys.schema()));
        }
        avroValues.prefixWithSchemaId(registry.register(options.topic() + "-value",
            avroValues.schema()));
        return;
      } catch (SchemaRegistryClient.Unavailable e) {
        if (System.nanoTime() + backoff > deadline || Thread.currentThread().isInterrupted()) {
          throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "KAFKA sink "
              + sink + " cannot register its Avro schema for topic " + options.topic() + ": "
              + e.getMessage(), e);
        }
        java.util.concurrent.locks.LockSupport.parkNanos(this, backoff);
        backoff = Math.min(backoff * 2, 10_000_000_000L);
      }
    }
  }

  private boolean nextIsUpdateOfSameKey(Chunk chunk, int r, byte[] key) {
    return r + 1 < chunk.size && chunk.kinds[r + 1] == RowKind.UPDATE_AFTER
        && Arrays.equals(key, key(chunk, r + 1));
  }

  @Override
  public String preCommit(long epoch) {
    if (!options.exactlyOnce()) {
      flush(plain);
      return null;
    }
    Integer slot = slotOfEpoch.get(epoch);
    if (slot == null) {
      return null;
    }
    flush(pool.get(slot));
    return transactionalId(slot) + "|" + TransactionResume.state(pool.get(slot));
  }

  private void flush(KafkaProducer<byte[], byte[]> producer) {
    try {
      producer.flush();
    } catch (KafkaException e) {
      recordFailure(e);
    }
    checkFailure();
  }

  @Override
  public void commit(long epoch) {
    Integer slot = options.exactlyOnce() ? slotOfEpoch.remove(epoch) : null;
    if (slot == null) {
      return; // at least once, or committed already
    }
    pool.get(slot).commitTransaction();
    slotEpoch[slot] = 0;
    lastCommittedSlot = slot;
  }

  @Override
  public void abort(long epoch) {
    Integer slot = options.exactlyOnce() ? slotOfEpoch.remove(epoch) : null;
    if (slot == null) {
      return;
    }
    pool.get(slot).abortTransaction();
    slotEpoch[slot] = 0;
  }

  private void checkFailure() {
    Exception e = failure;
    if (e != null) {
      throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "KAFKA sink "
          + sink + " cannot write to topic " + options.topic() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (plain != null) {
      plain.close(Duration.ofSeconds(10));
    }
    if (!pool.isEmpty()) {
      Integer open = slotOfEpoch.get(openEpoch);
      for (int slot = 0; slot < pool.size(); slot++) {
        try {
          if (open != null && open == slot) {
            pool.get(slot).abortTransaction(); // its rows come again from the log, or are gone
          }
        } catch (KafkaException e) {
          // closing anyway; the next recovery aborts it
        }
        // Pre-committed transactions stay open: the next recovery commits the one of the
        // last complete checkpoint.
        pool.get(slot).close(Duration.ofSeconds(10));
      }
    }
  }
}
