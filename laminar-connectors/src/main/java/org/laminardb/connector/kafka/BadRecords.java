package org.laminardb.connector.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.queue.ChunkWriter;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

/**
 * The {@code on_error} policy of a KAFKA source for records that cannot become rows: {@code fail}
 * stops the source with an error naming the topic, partition and offset; {@code skip} drops the
 * record; {@code dead_letter} writes it unchanged (key, value, headers) to the dead-letter topic
 * with headers {@code laminar.error}, {@code laminar.topic}, {@code laminar.partition} and {@code
 * laminar.offset}, and/or as a row of the dead-letter stream ({@link #STREAM_SCHEMA}). Bad
 * records are counted and the last one is described in the source's status. Consumer thread
 * only (the counters are read by status()).
 */
final class BadRecords implements AutoCloseable {
  /**
   * Columns of a dead-letter stream: {@code topic VARCHAR, partition INT, "offset" BIGINT, error
   * VARCHAR, raw VARCHAR} (the value as UTF-8 text, or {@code \x} and hex digits when it is not
   * UTF-8, NULL for a tombstone).
   */
  static final Schema STREAM_SCHEMA = new Schema(List.of(
      new Field("topic", DataType.of(TypeKind.VARCHAR).withNullable(false)),
      new Field("partition", DataType.of(TypeKind.INT).withNullable(false)),
      new Field("offset", DataType.of(TypeKind.BIGINT).withNullable(false)),
      new Field("error", DataType.of(TypeKind.VARCHAR).withNullable(false)),
      new Field("raw", DataType.of(TypeKind.VARCHAR))));

  private final String source;
  private final String policy;
  private final String deadLetterTopic;
  private final KafkaProducer<byte[], byte[]> deadLetters;
  /** Writer of the dead-letter stream, or null. */
  private final ChunkWriter stream;
  private final String streamName;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private boolean unflushed;
  private volatile long count;
  private volatile String last;

  BadRecords(String source, KafkaSourceOptions options, ChunkWriter stream) {
    this.source = source;
    this.policy = options.onError();
    this.deadLetterTopic = options.deadLetterTopic();
    this.stream = stream;
    this.streamName = options.deadLetterStream();
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
    if (stream != null) {
      int row = stream.beginRow();
      Chunk c = stream.chunk();
      c.columns[0].strings[row] = r.topic();
      c.columns[1].longs[row] = r.partition();
      c.columns[2].longs[row] = r.offset();
      c.columns[3].strings[row] = String.valueOf(e.getMessage());
      if (r.value() == null) {
        c.columns[4].setNull(row);
      } else {
        c.columns[4].strings[row] = text(r.value());
      }
      stream.endRow();
      unflushed = true;
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

  /** Publishes the dead-letter rows written since the last flush. */
  void flush() {
    if (unflushed) {
      stream.flush();
      unflushed = false;
    }
  }

  /** The value as UTF-8 text, or as {@code \x} and lower-case hex digits if it is not UTF-8. */
  private String text(byte[] value) {
    try {
      return utf8.decode(ByteBuffer.wrap(value)).toString();
    } catch (CharacterCodingException notText) {
      return "\\x" + HexFormat.of().formatHex(value);
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
    String to = deadLetterTopic == null ? "stream " + streamName
        : streamName == null ? deadLetterTopic : deadLetterTopic + " and stream " + streamName;
    return n + " bad record" + (n == 1 ? "" : "s") + (policy.equals("skip") ? " skipped"
        : " sent to " + to) + ", last: " + last;
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
