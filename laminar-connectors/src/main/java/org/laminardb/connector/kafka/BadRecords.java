package org.laminardb.connector.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * The {@code on_error} policy of a KAFKA source for records that cannot become rows: {@code fail}
 * stops the source with an error naming the topic, partition and offset; {@code skip} drops the
 * record; {@code dead_letter} writes it unchanged (key, value, headers) to the dead-letter topic
 * with headers {@code laminar.error}, {@code laminar.topic}, {@code laminar.partition} and {@code
 * laminar.offset}. Bad records are counted and the last one is described in the source's
 * status. Consumer thread only (the counters are read by status()).
 */
final class BadRecords implements AutoCloseable {
  private final String source;
  private final String policy;
  private final String deadLetterTopic;
  private final KafkaProducer<byte[], byte[]> deadLetters;
  private volatile long count;
  private volatile String last;

  BadRecords(String source, KafkaSourceOptions options) {
    this.source = source;
    this.policy = options.onError();
    this.deadLetterTopic = options.deadLetterTopic();
    if (deadLetterTopic != null) {
      Properties p = new Properties();
      p.putAll(options.client());
      p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.brokers());
      p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
      p.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
      deadLetters = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    } else {
      deadLetters = null;
    }
  }

  /**
   * Handles a bad record by the policy.
   *
   * @param r the record
   * @param e what is wrong with it
   * @throws LaminarDBException 22000 under {@code on_error = 'fail'}, or if the dead-letter
   *     topic cannot be written
   */
  void handle(ConsumerRecord<byte[], byte[]> r, BadRecordException e) {
    String where = "topic " + r.topic() + " partition " + r.partition() + " offset " + r.offset();
    count++;
    last = where + ": " + e.getMessage();
    if (policy.equals("fail")) {
      throw new LaminarDBException(ErrorCode.DATA_EXCEPTION, "KAFKA source " + source
          + " read a bad record in " + last + " (on_error = 'fail'; 'skip' and 'dead_letter' "
          + "keep the source running)");
    }
    if (deadLetters != null) {
      ProducerRecord<byte[], byte[]> dl = new ProducerRecord<>(deadLetterTopic, null, r.key(),
          r.value(), r.headers());
      dl.headers().add("laminar.error", utf8(e.getMessage()))
          .add("laminar.topic", utf8(r.topic()))
          .add("laminar.partition", utf8(Integer.toString(r.partition())))
          .add("laminar.offset", utf8(Long.toString(r.offset())));
      try {
        deadLetters.send(dl).get(60, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException ex) {
        throw new LaminarDBException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE, "KAFKA source "
            + source + " cannot write the bad record in " + where + " to dead-letter topic "
            + deadLetterTopic + ": " + ex.getMessage(), ex);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new LaminarDBException(ErrorCode.QUERY_CANCELED, "interrupted while writing a "
            + "bad record to the dead-letter topic", ex);
      }
    }
  }

  /**
   * Bad records met so far in this run.
   *
   * @return the count
   */
  long count() {
    return count;
  }

  /**
   * Status text, or null if there were none.
   *
   * @return e.g. "3 bad records skipped, last: topic t partition 0 offset 7: ..."
   */
  String status() {
    long n = count;
    if (n == 0) {
      return null;
    }
    return n + " bad record" + (n == 1 ? "" : "s") + (policy.equals("skip") ? " skipped"
        : " sent to " + deadLetterTopic) + ", last: " + last;
  }

  private static byte[] utf8(String s) {
    return String.valueOf(s).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    if (deadLetters != null) {
      deadLetters.close(java.time.Duration.ofSeconds(5));
    }
  }
}
