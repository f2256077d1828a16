package org.laminardb.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.laminardb.LaminarDB;

/**
 * Kafka → LaminarDB → Kafka throughput, against a running broker: N JSON (CSV, Avro) trades are
 * produced into a fresh topic first (not measured); then either LaminarDB reads them with a
 * KAFKA source, filters ({@code qty > 0}) and aggregates them in one-second tumbling windows per
 * symbol, and writes the windows with a KAFKA sink ({@code --mode laminar}), or a plain consumer
 * → producer loop copies every record to another topic ({@code --mode copy}), the floor of any
 * Kafka-to-Kafka pipeline on the same broker. Prints records per second of wall-clock time and
 * records per CPU-second of this process (the broker runs elsewhere), timed from the moment the
 * pipeline exists to the moment its last output is acknowledged (LaminarDB: the window of a final
 * sentinel record appears in the output topic; copy: the last copied record is flushed). The
 * LaminarDB source starts reading when it is created, before the sink exists: the records of the
 * event-time seconds before the first window the sink wrote (1000 per second) are left out of
 * the timed count ({@code timed=}). The output count includes windows read within 2 s after the
 * end (not timed).
 *
 * <p>Usage: {@code KafkaHarness --brokers host:port [--records N] [--partitions P] [--mode
 * laminar|copy] [--format json|csv|avro] [--guarantee at_least_once|exactly_once]}.
 */
public final class KafkaHarness {
  private static final LocalDateTime BASE = LocalDateTime.of(2026, 1, 1, 0, 0);
  private static final String[] SYMS = {"AAPL", "MSFT", "GOOG", "AMZN", "META", "NVDA", "TSLA",
      "ORCL"};

  private KafkaHarness() {}

  /**
   * Runs the harness.
   *
   * @param args see the class documentation
   * @throws Exception if the run fails
   */
  public static void main(String[] args) throws Exception {
    String brokers = null;
    long records = 1_000_000;
    int partitions = 2;
    String mode = "laminar";
    String format = "json";
    String guarantee = "at_least_once";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--brokers" -> brokers = args[++i];
        case "--records" -> records = Long.parseLong(args[++i]);
        case "--partitions" -> partitions = Integer.parseInt(args[++i]);
        case "--mode" -> mode = args[++i];
        case "--format" -> format = args[++i];
        case "--guarantee" -> guarantee = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (brokers == null) {
      throw new IllegalArgumentException("--brokers host:port is required");
    }
    String run = Long.toString(System.currentTimeMillis(), 36);
    String in = "trades-" + run;
    String out = "out-" + run;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
      admin.createTopics(List.of(new NewTopic(in, partitions, (short) 1),
          new NewTopic(out, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
    }
    preload(brokers, in, records, partitions, format);
    double[] result = mode.equals("copy") ? copy(brokers, in, out, records + partitions * 2L)
        : laminar(brokers, in, out, format, guarantee);
    double timed = records - result[3];
    System.out.printf("RESULT mode=%s format=%s guarantee=%s records=%d timed=%.0f "
            + "partitions=%d seconds=%.2f records/s=%.0f records/cpu-s=%.0f outputs=%.0f%n",
        mode, format, mode.equals("copy") ? "-" : guarantee, records, timed, partitions,
        result[0], timed / result[0], timed / result[1], result[2]);
  }

  private static KafkaProducer<byte[], byte[]> producer(String brokers) {
    return new KafkaProducer<>(Map.of("bootstrap.servers", brokers, "linger.ms", 20,
        "batch.size", 262_144, "compression.type", "lz4"), new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  /** Trades: 1000 per event-time second, a tenth with qty 0; then sentinels per partition. */
  private static void preload(String brokers, String topic, long records, int partitions,
      String format) {
    Random random = new Random(42);
    try (KafkaProducer<byte[], byte[]> p = producer(brokers)) {
      for (long id = 0; id < records; id++) {
        LocalDateTime ts = BASE.plusNanos(id * 1_000_000L);
        String sym = SYMS[random.nextInt(SYMS.length)];
        long qty = random.nextInt(10);
        double price = 100 + random.nextInt(10_000) / 100.0;
        p.send(new ProducerRecord<>(topic, (int) (id % partitions), null,
            trade(format, id, sym, qty, price, ts.toString())));
      }
      LocalDateTime end = BASE.plusNanos(records * 1_000_000L).plusHours(1);
      for (int part = 0; part < partitions; part++) {
        p.send(new ProducerRecord<>(topic, part, null, trade(format, -1, "END", 1, 0,
            end.toString())));
        p.send(new ProducerRecord<>(topic, part, null, trade(format, -2, "END", 0, 0,
            end.plusMinutes(1).toString())));
      }
      p.flush();
    }
  }

  /** The record schema the KAFKA source derives for the trades columns (all nullable). */
  private static final org.apache.avro.Schema AVRO = new org.apache.avro.Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"trades\",\"namespace\":\"org.laminardb\",\"fields\":["
      + "{\"name\":\"id\",\"type\":[\"null\",\"long\"],\"default\":null},"
      + "{\"name\":\"sym\",\"type\":[\"null\",\"string\"],\"default\":null},"
      + "{\"name\":\"qty\",\"type\":[\"null\",\"long\"],\"default\":null},"
      + "{\"name\":\"price\",\"type\":[\"null\",\"double\"],\"default\":null},"
      + "{\"name\":\"ts\",\"type\":[\"null\",{\"type\":\"long\","
      + "\"logicalType\":\"local-timestamp-micros\"}],\"default\":null}]}");

  private static byte[] trade(String format, long id, String sym, long qty, double price,
      String ts) {
    if (format.equals("avro")) {
      return avroTrade(id, sym, qty, price, LocalDateTime.parse(ts));
    }
    String text = format.equals("csv") ? id + "," + sym + "," + qty + "," + price + "," + ts
        : "{\"id\":" + id + ",\"sym\":\"" + sym + "\",\"qty\":" + qty + ",\"price\":" + price
            + ",\"ts\":\"" + ts + "\"}";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] avroTrade(long id, String sym, long qty, double price,
      LocalDateTime ts) {
    org.apache.avro.generic.GenericData.Record r = new org.apache.avro.generic.GenericData.Record(
        AVRO);
    r.put("id", id);
    r.put("sym", sym);
    r.put("qty", qty);
    r.put("price", price);
    r.put("ts", ts.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L + ts.getNano() / 1000);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64);
    org.apache.avro.io.BinaryEncoder e =
        org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
    try {
      new org.apache.avro.generic.GenericDatumWriter<org.apache.avro.generic.GenericData.Record>(
          AVRO).write(r, e);
      e.flush();
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
    return out.toByteArray();
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Returns seconds, CPU seconds, output records. */
  private static double[] laminar(String brokers, String in, String out, String format,
      String guarantee) throws Exception {
    try (LaminarDB db = LaminarDB.builder().checkpointInterval(Duration.ofSeconds(1)).open();
        KafkaConsumer<byte[], byte[]> watch = consumer(brokers)) {
      TopicPartition outTp = new TopicPartition(out, 0);
      watch.assign(List.of(outTp));
      watch.seekToBeginning(List.of(outTp));
      db.execute("CREATE SOURCE trades (id BIGINT, sym VARCHAR, qty BIGINT, price DOUBLE, "
          + "ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) FROM KAFKA (brokers = '"
          + brokers + "', topic = '" + in + "', format = '" + format + "')");
      db.execute("CREATE SINK results INTO KAFKA (brokers = '" + brokers + "', topic = '" + out
          + "', format = 'json', delivery_guarantee = '" + guarantee + "') AS "
          + "SELECT window_start, sym, COUNT(*) AS n, SUM(qty) AS q, MAX(price) AS hi "
          + "FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' SECOND)) "
          + "WHERE qty > 0 GROUP BY window_start, window_end, sym EMIT ON WINDOW CLOSE");
      // Timed from here: the source may have read (and the sink missed) the first rows while
      // the sink was being planned; they are left out (see firstSecond below).
      long t0 = System.nanoTime();
      long c0 = cpuNanos();
      long firstSecond = -1;
      long outputs = 0;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (true) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no final window after 10 minutes; source status: "
              + db.query("SHOW SOURCES").rows().get(0).get(4));
        }
        boolean end = false;
        for (ConsumerRecord<byte[], byte[]> r : watch.poll(Duration.ofMillis(20))) {
          outputs++;
          String json = new String(r.value(), StandardCharsets.UTF_8);
          end |= json.contains("\"END\"");
          if (firstSecond < 0) {
            int at = json.indexOf("\"window_start\":\"") + 16;
            firstSecond = java.time.Duration.between(BASE,
                LocalDateTime.parse(json.substring(at, json.indexOf('"', at)))).toSeconds();
          }
        }
        if (end) {
          break;
        }
      }
      // Trades are 1000 per event-time second: the windows before the first one the sink wrote
      // were read before it existed.
      double[] result = {(System.nanoTime() - t0) / 1e9, (cpuNanos() - c0) / 1e9, 0,
          Math.max(0, firstSecond) * 1000};
      // Windows that closed with the final one may follow it in the topic: count them too.
      long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (System.nanoTime() < drainUntil) {
        outputs += watch.poll(Duration.ofMillis(100)).count();
      }
      result[2] = outputs;
      return result;
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String brokers) {
    return new KafkaConsumer<>(Map.of("bootstrap.servers", brokers, "max.poll.records", 2000,
        "isolation.level", "read_uncommitted"), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  private static double[] copy(String brokers, String in, String out, long total) {
    long t0 = System.nanoTime();
    long c0 = cpuNanos();
    long copied = 0;
    try (KafkaConsumer<byte[], byte[]> c = consumer(brokers);
        KafkaProducer<byte[], byte[]> p = producer(brokers)) {
      List<TopicPartition> tps = new ArrayList<>();
      c.partitionsFor(in).forEach(pi -> tps.add(new TopicPartition(in, pi.partition())));
      c.assign(tps);
      c.seekToBeginning(tps);
      while (copied < total) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
          p.send(new ProducerRecord<>(out, r.key(), r.value()));
          copied++;
        }
      }
      p.flush();
    }
    return new double[] {(System.nanoTime() - t0) / 1e9, (cpuNanos() - c0) / 1e9, copied, 0};
  }
}
