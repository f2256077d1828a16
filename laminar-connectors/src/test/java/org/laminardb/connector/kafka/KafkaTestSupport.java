package org.laminardb.connector.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.laminardb.LaminarDB;
import org.laminardb.QueryResult;

/** Producing, consuming and waiting helpers of the Kafka tests. */
final class KafkaTestSupport {
  private KafkaTestSupport() {}

  /** A record to produce: partition, key (or null), value (or null). */
  record Rec(int partition, String key, String value) {}

  static void produce(String bootstrap, String topic, List<Rec> records) throws Exception {
    try (KafkaProducer<String, String> p = new KafkaProducer<>(
        Map.of("bootstrap.servers", bootstrap, "linger.ms", 5), new StringSerializer(),
        new StringSerializer())) {
      for (Rec r : records) {
        p.send(new ProducerRecord<>(topic, r.partition(), r.key(), r.value()));
      }
      p.flush();
    }
  }

  /**
   * Reads every record of a topic from the beginning, as a read_committed consumer, until the
   * topic's end offsets are reached.
   */
  static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic,
      boolean committedOnly) {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers",
        bootstrap, "isolation.level", committedOnly ? "read_committed" : "read_uncommitted"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> tps = new ArrayList<>();
      c.partitionsFor(topic).forEach(pi -> tps.add(new TopicPartition(topic, pi.partition())));
      c.assign(tps);
      c.seekToBeginning(tps);
      Map<TopicPartition, Long> end = c.endOffsets(tps);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        boolean done = true;
        for (TopicPartition tp : tps) {
          if (c.position(tp) < end.get(tp)) {
            done = false;
          }
        }
        if (done) {
          break;
        }
        c.poll(Duration.ofMillis(100)).forEach(out::add);
      }
    }
    return out;
  }

  static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
    List<String> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      out.add(r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8));
    }
    return out;
  }

  /** Runs a query until its result satisfies the condition (30 s at most), returning it. */
  static QueryResult await(LaminarDB db, String sql, Predicate<QueryResult> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    QueryResult r = db.query(sql);
    while (!done.test(r) && System.nanoTime() < deadline) {
      Thread.sleep(25);
      r = db.query(sql);
    }
    return r;
  }

  /** Status of a source as SHOW SOURCES lists it. */
  static String status(LaminarDB db, String source) {
    for (org.laminardb.Row row : db.query("SHOW SOURCES").rows()) {
      if (row.getString(0).equalsIgnoreCase(source)) {
        return row.getString(4);
      }
    }
    return null;
  }
}
