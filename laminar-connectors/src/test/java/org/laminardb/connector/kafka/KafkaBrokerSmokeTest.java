package org.laminardb.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class KafkaBrokerSmokeTest {
  @Test
  @Timeout(120)
  void shouldProduceAndConsumeAfterRestart() throws Exception {
    try (KafkaBroker broker = KafkaBroker.start()) {
      broker.createTopic("smoke", 1);
      Map<String, Object> pc = Map.of("bootstrap.servers", broker.bootstrap());
      try (KafkaProducer<String, String> p =
          new KafkaProducer<>(pc, new StringSerializer(), new StringSerializer())) {
        p.send(new ProducerRecord<>("smoke", "k", "v1")).get();
      }
      broker.restart();
      try (KafkaProducer<String, String> p =
          new KafkaProducer<>(pc, new StringSerializer(), new StringSerializer())) {
        p.send(new ProducerRecord<>("smoke", "k", "v2")).get();
      }
      try (KafkaConsumer<String, String> c = new KafkaConsumer<>(
          Map.of("bootstrap.servers", broker.bootstrap()), new StringDeserializer(),
          new StringDeserializer())) {
        TopicPartition tp = new TopicPartition("smoke", 0);
        c.assign(List.of(tp));
        c.seekToBeginning(List.of(tp));
        int n = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (n < 2 && System.nanoTime() < deadline) {
          ConsumerRecords<String, String> rs = c.poll(Duration.ofMillis(200));
          n += rs.count();
        }
        assertThat(n).isEqualTo(2);
      }
    }
  }
}
