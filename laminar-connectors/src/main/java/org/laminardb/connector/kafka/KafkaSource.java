package org.laminardb.connector.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.chunk.Column;
import org.laminardb.core.operator.Watermarks;
import org.laminardb.core.queue.ChunkWriter;
import org.laminardb.internal.ThreadedSource;
import org.laminardb.spi.SourceContext;

/**
 * Running KAFKA source: a daemon thread {@code kafka-<source>} (ring 1) polls a consumer that
 * LaminarDB assigns every partition of the topics itself (no group rebalancing; new partitions
 * are discovered every few seconds), decodes each record into a row of the source's writer and
 * publishes each poll's rows as one batch, followed by the partition-aware watermark.
 *
 * <p>Positions: every chunk carries the next offset of every partition after its rows ({@link
 * ChunkWriter#trackPosition}); a durable database logs it with the chunk and hands it back after
 * a restart ({@link SourceContext#resumePosition()}), where reading resumes, so each record
 * becomes a row exactly once. Partitions without a kept position start at {@code
 * start_timestamp}, else at {@code offset_reset}. With a {@code group_id} the consumed offsets
 * are also committed to Kafka now and then, for monitoring tools only.
 *
 * <p>A failing poll (authorisation, a deleted topic) is retried with exponential back-off up to
 * 10 s; a lost connection is retried by the client itself. The source's status shows either
 * meanwhile.
 */
final class KafkaSource extends ThreadedSource {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final long DISCOVERY_NANOS = 5_000_000_000L;
  private static final long COMMIT_NANOS = 5_000_000_000L;
  private static final long MAX_BACKOFF_NANOS = 10_000_000_000L;

  private final KafkaSourceOptions options;
  private final SourceLayout layout;
  private final RecordDecoder decoder;
  private final int eventTimeColumn;
  /** Whether records without a value are no change (format debezium). */
  private final boolean skipTombstones;
  private final PartitionWatermarks watermarks;
  /** Partitions by slot. */
  private final List<TopicPartition> partitions = new ArrayList<>();
  private final Map<TopicPartition, Integer> slots = new HashMap<>();
  /** Next offset per slot, -1 while unknown. Consumer thread. */
  private long[] next = new long[0];
  private volatile String connectionIssue;
  /** System.nanoTime() since when the consumer has had no broker connection, 0 if connected. */
  private long disconnectedSince;
  private long lastConnectionCheck;
  private volatile BadRecords badRecords;
  /** Why the schema registry could not be asked in the last poll, or null. Consumer thread. */
  private String registryIssue;
  private long registryBackoff;
  /** The registry issue with its back-off, for status(); null while the registry answers. */
  private volatile String registryStatus;

  /** Writer of the dead-letter stream, or null. */
  private final ChunkWriter deadLetterStream;

  KafkaSource(SourceContext context, KafkaSourceOptions options, SourceLayout layout,
      RecordDecoder decoder, ChunkWriter deadLetterStream) {
    super(context, "kafka");
    this.deadLetterStream = deadLetterStream;
    this.options = options;
    this.layout = layout;
    this.decoder = decoder;
    this.eventTimeColumn = context.watermarkColumn();
    this.skipTombstones = decoder.skipsTombstones();
    this.watermarks = new PartitionWatermarks(context.watermarkBoundMicros(),
        context.idleTimeoutNanos());
  }

  @Override
  public String status() {
    String issue = join(connectionIssue, registryStatus);
    BadRecords bad = badRecords;
    return join(issue, bad == null ? null : bad.status());
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + "; " + b;
  }

  @Override
  protected void produce(ChunkWriter writer) {
    long startAt = System.nanoTime() + options.startDelayNanos();
    long wait;
    while (!stopping() && (wait = startAt - System.nanoTime()) > 0) {
      LockSupport.parkNanos(this, wait); // views created right after the source see every row
    }
    if (stopping()) {
      return;
    }
    writer.trackPosition(() -> KafkaPositions.encode(partitions, next, partitions.size()));
    try (BadRecords bad = new BadRecords(context.sourceName(), options,
        deadLetterStream);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
            new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      badRecords = bad;
      Map<TopicPartition, Long> kept = KafkaPositions.decode(context.resumePosition());
      long lastDiscovery = 0;
      long lastCommit = System.nanoTime();
      long lastWatermark = Watermarks.NONE;
      long backoff = 0;
      while (!stopping()) {
        ConsumerRecords<byte[], byte[]> records;
        try {
          long now = System.nanoTime();
          if (now - lastDiscovery >= DISCOVERY_NANOS || partitions.isEmpty()) {
            discover(consumer, kept);
            lastDiscovery = now;
          }
          if (partitions.isEmpty()) {
            // No topic yet (or none matches the pattern): look again after a poll interval.
            LockSupport.parkNanos(this, POLL.toNanos());
            continue;
          }
          records = consumer.poll(POLL);
          if (options.groupId() != null && now - lastCommit >= COMMIT_NANOS) {
            commitForMonitoring(consumer);
            lastCommit = now;
          }
          backoff = 0;
          connectionIssue = disconnection(consumer, now);
        } catch (WakeupException | InterruptException e) {
          if (stopping()) {
            Thread.interrupted(); // let the consumer close cleanly
            return;
          }
          throw e;
        } catch (KafkaException e) {
          if (stopping()) {
            return;
          }
          backoff = backoff == 0 ? 100_000_000L : Math.min(backoff * 2, MAX_BACKOFF_NANOS);
          connectionIssue = "retrying in " + backoff / 1_000_000 + " ms after: " + e;
          LockSupport.parkNanos(this, backoff);
          continue;
        }
        boolean skipped = write(records, consumer, writer, bad);
        long wm = eventTimeColumn < 0 ? Watermarks.NONE : watermarks.current(System.nanoTime());
        if (wm != Watermarks.NONE && wm > lastWatermark) {
          lastWatermark = wm;
          writer.watermark(wm);
        } else if (!records.isEmpty()) {
          writer.flush(skipped);
        }
        bad.flush(); // after the poll's good rows
        if (registryIssue != null) {
          registryBackoff = registryBackoff == 0 ? 100_000_000L
              : Math.min(registryBackoff * 2, MAX_BACKOFF_NANOS);
          registryStatus = registryIssue + " (retrying in " + registryBackoff / 1_000_000
              + " ms)";
          LockSupport.parkNanos(this, registryBackoff);
        } else if (registryBackoff != 0) {
          registryBackoff = 0;
          registryStatus = null;
        }
      }
    }
  }

  /**
   * Describes a lost connection: the consumer reconnects by itself (with Kafka's reconnect
   * back-off) and its polls just return nothing meanwhile, so the source looks at the client's
   * {@code connection-count} metric once a second.
   */
  private String disconnection(KafkaConsumer<byte[], byte[]> consumer, long now) {
    if (now - lastConnectionCheck < 1_000_000_000L) {
      return connectionIssue;
    }
    lastConnectionCheck = now;
    double connections = 1;
    for (Map.Entry<org.apache.kafka.common.MetricName, ? extends org.apache.kafka.common.Metric>
        e : consumer.metrics().entrySet()) {
      if (e.getKey().name().equals("connection-count")
          && e.getKey().group().equals("consumer-metrics")) {
        Object v = e.getValue().metricValue();
        connections = v instanceof Number ? ((Number) v).doubleValue() : 1;
      }
    }
    if (connections > 0) {
      disconnectedSince = 0;
      return null;
    }
    if (disconnectedSince == 0) {
      disconnectedSince = now;
    }
    long seconds = (now - disconnectedSince) / 1_000_000_000L;
    return seconds < 2 ? null : "no connection to " + options.brokers() + " for " + seconds
        + " s, reconnecting";
  }

  /**
   * Writes a poll's records as rows; returns whether a bad record moved the position. A
   * partition whose record needs a schema the registry cannot give now is sought back to that
   * record ({@link #registryIssue} says why), to be read again after a back-off.
   */
  private boolean write(ConsumerRecords<byte[], byte[]> records,
      KafkaConsumer<byte[], byte[]> consumer, ChunkWriter writer, BadRecords bad) {
    boolean skipped = false;
    registryIssue = null;
    long now = System.nanoTime();
    for (TopicPartition tp : records.partitions()) {
      Integer boxed = slots.get(tp);
      if (boxed == null) {
        continue; // unassigned meanwhile
      }
      int slot = boxed;
      watermarks.touch(slot, now);
      for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
        if (skipTombstones && r.value() == null) {
          next[slot] = r.offset() + 1; // written with the next chunk
          continue;
        }
        int row = writer.beginRow();
        Chunk chunk = writer.chunk();
        try {
          decoder.decode(r.key(), r.value(), chunk, row);
          metadata(r, chunk, row);
        } catch (BadRecordException e) {
          writer.abortRow();
          next[slot] = r.offset() + 1;
          bad.handle(r, e);
          skipped = true;
          continue;
        } catch (SchemaRegistryClient.Unavailable e) {
          writer.abortRow();
          consumer.seek(tp, r.offset()); // read again (next[slot] is still this offset)
          registryIssue = e.getMessage();
          break;
        }
        if (eventTimeColumn >= 0) {
          Column c = chunk.columns[eventTimeColumn];
          if (!c.isNull(row)) {
            watermarks.observe(slot, c.longs[row]);
          }
        }
        next[slot] = r.offset() + 1; // before endRow: a full chunk is published inside it
        writer.endRow();
      }
    }
    return skipped;
  }

  private void metadata(ConsumerRecord<byte[], byte[]> r, Chunk chunk, int row) {
    if (layout.partition >= 0) {
      chunk.columns[layout.partition].longs[row] = r.partition();
    }
    if (layout.offset >= 0) {
      chunk.columns[layout.offset].longs[row] = r.offset();
    }
    if (layout.timestamp >= 0) {
      chunk.columns[layout.timestamp].longs[row] = r.timestamp() * 1000L;
    }
    if (layout.key >= 0) {
      if (r.key() == null) {
        Cells.setNull(chunk.columns[layout.key], layout.names[layout.key], row);
      } else {
        chunk.columns[layout.key].strings[row] = new String(r.key(), StandardCharsets.UTF_8);
      }
    }
  }

  /** Assigns every partition of the topics, seeking new ones to their start. */
  private void discover(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> kept) {
    List<TopicPartition> found = new ArrayList<>();
    if (options.pattern() != null) {
      for (Map.Entry<String, List<PartitionInfo>> e : consumer.listTopics(POLL.multipliedBy(50))
          .entrySet()) {
        if (options.pattern().matcher(e.getKey()).matches()) {
          e.getValue().forEach(p -> found.add(new TopicPartition(p.topic(), p.partition())));
        }
      }
    } else {
      for (String topic : options.topics()) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, POLL.multipliedBy(50));
        if (infos != null) {
          infos.forEach(p -> found.add(new TopicPartition(p.topic(), p.partition())));
        }
      }
    }
    List<TopicPartition> added = new ArrayList<>();
    for (TopicPartition tp : found) {
      if (!slots.containsKey(tp)) {
        slots.put(tp, partitions.size());
        partitions.add(tp);
        added.add(tp);
      }
    }
    if (added.isEmpty()) {
      return;
    }
    long[] grown = java.util.Arrays.copyOf(next, partitions.size());
    java.util.Arrays.fill(grown, next.length, grown.length, -1L);
    next = grown;
    watermarks.ensure(partitions.size(), System.nanoTime());
    consumer.assign(partitions);
    seek(consumer, added, kept);
  }

  private void seek(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> added,
      Map<TopicPartition, Long> kept) {
    List<TopicPartition> fresh = new ArrayList<>();
    for (TopicPartition tp : added) {
      Long offset = kept.get(tp);
      if (offset != null) {
        consumer.seek(tp, offset);
        next[slots.get(tp)] = offset;
      } else {
        fresh.add(tp);
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    boolean restart = !kept.isEmpty();
    if (options.startTimestampMillis() >= 0 && !restart) {
      Map<TopicPartition, Long> times = new HashMap<>();
      fresh.forEach(tp -> times.put(tp, options.startTimestampMillis()));
      Map<TopicPartition, OffsetAndTimestamp> at = consumer.offsetsForTimes(times);
      List<TopicPartition> none = new ArrayList<>();
      for (TopicPartition tp : fresh) {
        OffsetAndTimestamp o = at.get(tp);
        if (o == null) {
          none.add(tp);
        } else {
          consumer.seek(tp, o.offset());
        }
      }
      if (!none.isEmpty()) {
        consumer.seekToEnd(none); // (an empty list would mean every assigned partition)
      }
    } else if (options.latest() && !restart) {
      consumer.seekToEnd(fresh);
    } else {
      // A partition created after the source started (or after the kept position) is read
      // from its beginning, so that none of its records is missed.
      consumer.seekToBeginning(fresh);
    }
    for (TopicPartition tp : fresh) {
      // Resolve the start now, so that the position is explicit from the first chunk on.
      next[slots.get(tp)] = consumer.position(tp, POLL.multipliedBy(300));
    }
  }

  private void commitForMonitoring(KafkaConsumer<byte[], byte[]> consumer) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (int i = 0; i < partitions.size(); i++) {
      if (next[i] >= 0) {
        offsets.put(partitions.get(i), new OffsetAndMetadata(next[i]));
      }
    }
    if (!offsets.isEmpty()) {
      consumer.commitAsync(offsets, null);
    }
  }

  private Properties consumerProperties() {
    Properties p = new Properties();
    p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    p.putAll(options.client());
    p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.brokers());
    p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, options.latest() ? "latest"
        : "earliest");
    if (options.groupId() != null) {
      p.setProperty(ConsumerConfig.GROUP_ID_CONFIG, options.groupId());
    } else {
      p.remove(ConsumerConfig.GROUP_ID_CONFIG);
    }
    p.setProperty(ConsumerConfig.CLIENT_ID_CONFIG, "laminardb-" + context.sourceName());
    return p;
  }
}
