package org.laminardb.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.connector.kafka.KafkaTestSupport.await;
import static org.laminardb.connector.kafka.KafkaTestSupport.produce;
import static org.laminardb.connector.kafka.KafkaTestSupport.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.laminardb.LaminarDB;
import org.laminardb.QueryResult;
import org.laminardb.Row;
import org.laminardb.connector.kafka.KafkaTestSupport.Rec;
import org.laminardb.error.LaminarDBException;

/** The KAFKA source against a real broker (one per class). */
@Timeout(120)
class KafkaSourceTest extends BrokerTestBase {
  @TempDir Path dir;

  private static String trade(long id, String sym, double price, String ts) {
    return "{\"id\":" + id + ",\"sym\":\"" + sym + "\",\"price\":" + price + ",\"ts\":\"" + ts
        + "\"}";
  }

  private String kafka(String topic, String more) {
    return "FROM KAFKA (brokers = '" + broker.bootstrap() + "', topic = '" + topic + "'"
        + (more.isEmpty() ? "" : ", " + more) + ")";
  }

  @Test
  void shouldReadJsonWithMetadataColumns() throws Exception {
    broker.createTopic("json1", 2);
    List<Rec> recs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      recs.add(new Rec(i % 2, "k" + i, trade(i, i % 3 == 0 ? "A" : "B", i,
          "2026-01-01 00:00:0" + (i % 10))));
    }
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE t (id BIGINT, sym VARCHAR, price DOUBLE, ts TIMESTAMP, "
          + "_partition INT, _offset BIGINT, _key VARCHAR, _timestamp TIMESTAMP) "
          + kafka("json1", "format = 'json', group_id = 'monitor1'"));
      db.execute("CREATE MATERIALIZED VIEW v AS SELECT _partition, COUNT(*) AS n, "
          + "SUM(id) AS s, MAX(_offset) AS mo, COUNT(_key) AS nk, COUNT(_timestamp) AS nt "
          + "FROM t GROUP BY _partition");
      produce(broker.bootstrap(), "json1", recs);
      QueryResult r = await(db, "SELECT * FROM v ORDER BY _partition",
          q -> q.size() == 2 && q.rows().get(0).getLong(1) + q.rows().get(1).getLong(1) == 100);
      assertThat(r.size()).isEqualTo(2);
      Row p0 = r.rows().get(0);
      assertThat(p0.getLong(1)).isEqualTo(50);
      assertThat(p0.getLong(2)).isEqualTo(2450); // 0 + 2 + ... + 98
      assertThat(p0.getLong(3)).isEqualTo(49);
      assertThat(p0.getLong(4)).isEqualTo(50);
      assertThat(p0.getLong(5)).isEqualTo(50);
      assertThat(status(db, "t")).isEqualTo("RUNNING");
      // The consumed offsets reach the group, for monitoring tools (every 5 s).
      long deadline = System.nanoTime() + 30_000_000_000L;
      long committed = 0;
      try (org.apache.kafka.clients.admin.Admin admin = broker.admin()) {
        while (committed < 100 && System.nanoTime() < deadline) {
          Thread.sleep(200);
          committed = admin.listConsumerGroupOffsets("monitor1").partitionsToOffsetAndMetadata()
              .get().values().stream().mapToLong(o -> o.offset()).sum();
        }
      }
      assertThat(committed).as("offsets committed to group monitor1").isEqualTo(100);
    }
  }

  @Test
  void shouldReadCsvAndRawWithBuilderVariables() throws Exception {
    broker.createTopic("csv1", 1);
    try (LaminarDB db = LaminarDB.builder().variable("LAMINAR_TEST_BROKERS", broker.bootstrap())
        .open()) {
      db.execute("CREATE SOURCE c (id INT, name VARCHAR, x DOUBLE) "
          + kafka("csv1", "format = 'csv'"));
      db.execute("CREATE SOURCE r (line VARCHAR, _offset BIGINT) FROM KAFKA ("
          + "brokers = '${LAMINAR_TEST_BROKERS}', topic = 'csv1', format = 'raw')");
      db.execute("CREATE MATERIALIZED VIEW vc AS SELECT id, name, x FROM c");
      db.execute("CREATE MATERIALIZED VIEW vr AS SELECT _offset, line FROM r");
      produce(broker.bootstrap(), "csv1", List.of(new Rec(0, null, "1,\"A, Inc\",2.5"),
          new Rec(0, null, "2,,3.5"), new Rec(0, null, "3,C,")));
      QueryResult c = await(db, "SELECT * FROM vc ORDER BY id", q -> q.size() == 3);
      assertThat(c.rows()).extracting(row -> row.get(0) + "|" + row.get(1) + "|" + row.get(2))
          .containsExactly("1|A, Inc|2.5", "2|null|3.5", "3|C|null");
      QueryResult raw = await(db, "SELECT * FROM vr ORDER BY _offset", q -> q.size() == 3);
      assertThat(raw.size()).as("status %s", status(db, "r")).isEqualTo(3);
      assertThat(raw.rows().get(0).getString(1)).isEqualTo("1,\"A, Inc\",2.5");
    }
  }

  @Test
  void shouldCombinePartitionWatermarksAsMinimumAndSkipIdlePartitions() throws Exception {
    broker.createTopic("wm1", 2);
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE t (id BIGINT, sym VARCHAR, price DOUBLE, ts TIMESTAMP, "
          + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) " + kafka("wm1", "")
          + " WITH ('watermark.idle_timeout' = '4s')");
      db.execute("CREATE MATERIALIZED VIEW w AS SELECT window_start, COUNT(*) AS n "
          + "FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
          + "GROUP BY window_start, window_end EMIT ON WINDOW CLOSE");
      long created = System.nanoTime();
      // Partition 0 runs ahead; partition 1 is behind: the window [0, 10) stays open until
      // partition 1 has been idle for the timeout.
      produce(broker.bootstrap(), "wm1", List.of(
          new Rec(0, null, trade(1, "A", 1, "2026-01-01 00:00:01")),
          new Rec(1, null, trade(2, "A", 1, "2026-01-01 00:00:02")),
          new Rec(0, null, trade(3, "A", 1, "2026-01-01 00:00:30"))));
      Thread.sleep(1000);
      if (System.nanoTime() - created < 3_000_000_000L) {
        assertThat(db.query("SELECT * FROM w").size())
            .as("window closed although partition 1 is behind and not idle yet").isZero();
      }
      // Partition 0 stays active; partition 1 goes idle and stops holding the watermark back.
      long deadline = System.nanoTime() + 20_000_000_000L;
      int second = 31;
      while (db.query("SELECT n FROM w").size() == 0 && System.nanoTime() < deadline) {
        produce(broker.bootstrap(), "wm1", List.of(new Rec(0, null,
            trade(100 + second, "A", 1, "2026-01-01 00:00:" + Math.min(second++, 39)))));
        Thread.sleep(300);
      }
      QueryResult r = db.query("SELECT n FROM w");
      assertThat(r.size()).as("window closed once partition 1 went idle").isEqualTo(1);
      assertThat(r.rows().get(0).getLong(0)).isEqualTo(2);
      // Partition 1 catches up: it is active again and the watermark moves with the minimum.
      produce(broker.bootstrap(), "wm1", List.of(
          new Rec(1, null, trade(4, "A", 1, "2026-01-01 00:00:45")),
          new Rec(0, null, trade(5, "A", 1, "2026-01-01 00:00:50"))));
      r = await(db, "SELECT n FROM w", q -> q.size() == 2);
      assertThat(r.size()).as("window [30, 40) closed by min(45, 50) - 1").isEqualTo(2);
    }
  }

  @Test
  void shouldFailOnBadRecordNamingTopicPartitionOffset() throws Exception {
    broker.createTopic("bad1", 1);
    produce(broker.bootstrap(), "bad1", List.of(new Rec(0, null, trade(1, "A", 1,
        "2026-01-01 00:00:01")), new Rec(0, null, "{not json"),
        new Rec(0, null, trade(3, "A", 1, "2026-01-01 00:00:03"))));
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE t (id BIGINT, sym VARCHAR, price DOUBLE, ts TIMESTAMP) "
          + kafka("bad1", "on_error = 'fail'"));
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!status(db, "t").startsWith("FAILED") && System.nanoTime() < deadline) {
        Thread.sleep(25);
      }
      assertThat(status(db, "t")).startsWith("FAILED")
          .contains("topic bad1 partition 0 offset 1").contains("malformed JSON");
    }
  }

  @Test
  void shouldSkipBadRecordsAndCountThem() throws Exception {
    broker.createTopic("bad2", 1);
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE t (id BIGINT, sym VARCHAR, price DOUBLE, ts TIMESTAMP) "
          + kafka("bad2", "on_error = 'skip'"));
      db.execute("CREATE MATERIALIZED VIEW v AS SELECT COUNT(*) AS n, SUM(id) AS s FROM t");
      produce(broker.bootstrap(), "bad2", List.of(new Rec(0, null, trade(1, "A", 1,
          "2026-01-01 00:00:01")), new Rec(0, null, "{\"id\": \"x\"}"),
          new Rec(0, null, "[1]"), new Rec(0, null, trade(4, "A", 1, "2026-01-01 00:00:03"))));
      QueryResult r = await(db, "SELECT n, s FROM v",
          q -> q.size() == 1 && q.rows().get(0).getLong(0) == 2);
      assertThat(r.rows().get(0).getLong(1)).isEqualTo(5);
      assertThat(status(db, "t")).startsWith("RUNNING (2 bad records skipped, last: topic bad2 "
          + "partition 0 offset 2: ");
    }
  }

  @Test
  void shouldSendBadRecordsToDeadLetterTopic() throws Exception {
    broker.createTopic("bad3", 1);
    broker.createTopic("bad3_dlq", 1);
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE t (id BIGINT, sym VARCHAR, price DOUBLE, ts TIMESTAMP) "
          + kafka("bad3", "on_error = 'dead_letter', dead_letter_topic = 'bad3_dlq'"));
      db.execute("CREATE MATERIALIZED VIEW v AS SELECT COUNT(*) AS n FROM t");
      produce(broker.bootstrap(), "bad3", List.of(new Rec(0, "k1",
          "{\"id\": 1, \"ts\": \"x\"}"),
          new Rec(0, null, trade(2, "A", 1, "2026-01-01 00:00:03"))));
      await(db, "SELECT n FROM v", q -> q.size() == 1 && q.rows().get(0).getLong(0) == 1);
      List<ConsumerRecord<byte[], byte[]>> dlq =
          KafkaTestSupport.readAll(broker.bootstrap(), "bad3_dlq", true);
      assertThat(dlq).hasSize(1);
      ConsumerRecord<byte[], byte[]> d = dlq.get(0);
      assertThat(new String(d.key(), StandardCharsets.UTF_8)).isEqualTo("k1");
      assertThat(new String(d.headers().lastHeader("laminar.offset").value(),
          StandardCharsets.UTF_8)).isEqualTo("0");
      assertThat(new String(d.headers().lastHeader("laminar.error").value(),
          StandardCharsets.UTF_8)).contains("TIMESTAMP");
      assertThat(status(db, "t")).contains("1 bad record sent to bad3_dlq");
    }
  }

  @Test
  void shouldShowLostConnectionAndCarryOnWhenTheBrokerReturns() throws Exception {
    broker.createTopic("conn1", 1);
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE t (id BIGINT, sym VARCHAR, price DOUBLE, ts TIMESTAMP) "
          + kafka("conn1", ""));
      db.execute("CREATE MATERIALIZED VIEW v AS SELECT COUNT(*) AS n FROM t");
      produce(broker.bootstrap(), "conn1", List.of(new Rec(0, null, trade(1, "A", 1,
          "2026-01-01 00:00:01"))));
      await(db, "SELECT n FROM v", q -> q.size() == 1 && q.rows().get(0).getLong(0) == 1);
      broker.kill();
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!status(db, "t").contains("no connection") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(status(db, "t")).contains("no connection to " + broker.bootstrap());
      broker.restart();
      produce(broker.bootstrap(), "conn1", List.of(new Rec(0, null, trade(2, "A", 1,
          "2026-01-01 00:00:02"))));
      QueryResult r = await(db, "SELECT n FROM v",
          q -> q.size() == 1 && q.rows().get(0).getLong(0) == 2);
      assertThat(r.rows().get(0).getLong(0)).isEqualTo(2);
      deadline = System.nanoTime() + 30_000_000_000L;
      while (!status(db, "t").equals("RUNNING") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(status(db, "t")).isEqualTo("RUNNING");
    }
  }

  @Test
  void shouldApplyDebeziumChangeEventsToAKeyedSource() throws Exception {
    broker.createTopic("dbz1", 1);
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE acc (id BIGINT, v VARCHAR, PRIMARY KEY (id)) "
          + kafka("dbz1", "format = 'debezium'"));
      db.execute("CREATE MATERIALIZED VIEW v AS SELECT id, v FROM acc");
      db.execute("CREATE MATERIALIZED VIEW n AS SELECT COUNT(*) AS n FROM acc");
      produce(broker.bootstrap(), "dbz1", List.of(
          new Rec(0, "1", "{\"before\":null,\"after\":{\"id\":1,\"v\":\"a\"},\"op\":\"c\"}"),
          new Rec(0, "2", "{\"before\":null,\"after\":{\"id\":2,\"v\":\"b\"},\"op\":\"c\"}"),
          new Rec(0, "1", "{\"before\":{\"id\":1,\"v\":\"a\"},\"after\":{\"id\":1,\"v\":\"c\"},"
              + "\"op\":\"u\"}"),
          new Rec(0, "2", "{\"op\":\"d\",\"before\":{\"id\":2,\"v\":\"b\"},\"after\":null}"),
          new Rec(0, "2", null),
          new Rec(0, "3", "{\"schema\":{},\"payload\":{\"before\":null,"
              + "\"after\":{\"id\":3,\"v\":\"d\"},\"op\":\"r\",\"ts_ms\":1}}")));
      QueryResult r = await(db, "SELECT * FROM v ORDER BY id", q -> q.size() == 2
          && q.rows().get(1).getLong(0) == 3);
      assertThat(r.rows()).extracting(row -> row.getLong(0) + "=" + row.getString(1))
          .containsExactly("1=c", "3=d");
      assertThat(db.query("SELECT n FROM n").rows().get(0).getLong(0)).isEqualTo(2);
      assertThat(status(db, "acc")).isEqualTo("RUNNING");
    }
  }

  @Test
  void shouldReadAnUpsertTopicWrittenByTheUpsertSinkAsATable() throws Exception {
    broker.createTopic("ups_json", 1);
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE TABLE t (k1 BIGINT NOT NULL, k2 VARCHAR NOT NULL, v VARCHAR, "
          + "n INT NOT NULL, PRIMARY KEY (k1, k2))");
      db.execute("CREATE SINK ups_out FROM t INTO KAFKA (brokers = '" + broker.bootstrap()
          + "', topic = 'ups_json', format = 'upsert', key = 'k1,k2')");
      db.execute("CREATE SOURCE s (k1 BIGINT NOT NULL, k2 VARCHAR NOT NULL, v VARCHAR, "
          + "n INT NOT NULL, PRIMARY KEY (k1, k2)) "
          + kafka("ups_json", "format = 'upsert', on_error = 'skip'"));
      db.execute("CREATE MATERIALIZED VIEW v AS SELECT * FROM s");
      db.execute("CREATE MATERIALIZED VIEW c AS SELECT COUNT(*) AS n FROM s");
      db.execute("INSERT INTO t VALUES (1, 'a', 'x', 1), (1, 'b', 'y', 2), (2, 'a', NULL, 3)");
      db.execute("UPDATE t SET v = 'z' WHERE k1 = 1 AND k2 = 'b'");
      db.execute("DELETE FROM t WHERE k1 = 2");
      db.execute("INSERT INTO t VALUES (3, 'c', 'w', 4)");
      db.execute("DELETE FROM t WHERE k1 = 1 AND k2 = 'a'");
      db.execute("UPDATE t SET n = 5 WHERE k1 = 3");
      List<String> table = rows(db.query("SELECT * FROM t ORDER BY k1, k2"));
      assertThat(table).containsExactly("1|b|z|2", "3|c|w|5");
      QueryResult r = await(db, "SELECT * FROM v ORDER BY k1, k2",
          q -> rows(q).equals(table));
      assertThat(rows(r)).isEqualTo(table);
      assertThat(db.query("SELECT n FROM c").rows().get(0).getLong(0)).isEqualTo(2);
      assertThat(status(db, "s")).isEqualTo("RUNNING");
      // Records of other producers: the value wins over a disagreeing key; a value-less record
      // deletes its key's row; tombstones without a key, or whose key lacks a key column or is
      // not JSON, are bad records; a tombstone of an absent key changes nothing.
      produce(broker.bootstrap(), "ups_json", List.of(
          new Rec(0, "{\"k1\":7,\"k2\":\"q\"}", "{\"k1\":6,\"k2\":\"r\",\"n\":1}"),
          new Rec(0, "{\"K1\":3,\"k2\":\"c\",\"other\":true}", null),
          new Rec(0, null, null),
          new Rec(0, "{\"k1\":1}", null),
          new Rec(0, "not json", null),
          new Rec(0, "{\"k1\":8,\"k2\":\"none\"}", null)));
      r = await(db, "SELECT * FROM v ORDER BY k1, k2",
          q -> rows(q).equals(List.of("1|b|z|2", "6|r|null|1")));
      assertThat(rows(r)).containsExactly("1|b|z|2", "6|r|null|1");
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!String.valueOf(status(db, "s")).contains("3 bad records")
          && System.nanoTime() < deadline) {
        Thread.sleep(25);
      }
      assertThat(status(db, "s")).contains("3 bad records skipped")
          .contains("the key of a tombstone does not decode into the key columns")
          .contains("malformed JSON");
    }
  }

  /** Rows as {@code a|b|c} text, NULL as {@code null}. */
  private static List<String> rows(QueryResult r) {
    List<String> out = new ArrayList<>();
    for (Row row : r.rows()) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        b.append(i == 0 ? "" : "|").append(row.getString(i));
      }
      out.add(b.toString());
    }
    return out;
  }

  @Test
  void shouldStartAtTheLatestOffsetOrAtATimestamp() throws Exception {
    broker.createTopic("start1", 1);
    long base = System.currentTimeMillis() - 60_000;
    try (org.apache.kafka.clients.producer.KafkaProducer<String, String> p =
        new org.apache.kafka.clients.producer.KafkaProducer<>(java.util.Map.of(
            "bootstrap.servers", broker.bootstrap()),
            new org.apache.kafka.common.serialization.StringSerializer(),
            new org.apache.kafka.common.serialization.StringSerializer())) {
      for (long i = 1; i <= 3; i++) {
        p.send(new org.apache.kafka.clients.producer.ProducerRecord<>("start1", 0,
            base + i * 1000, null, trade(i, "A", 1, "2026-01-01 00:00:01")));
      }
      p.flush();
    }
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE newest (id BIGINT, sym VARCHAR, price DOUBLE, ts TIMESTAMP) "
          + kafka("start1", "offset_reset = 'latest'"));
      db.execute("CREATE SOURCE fromts (id BIGINT, sym VARCHAR, price DOUBLE, ts TIMESTAMP, "
          + "_timestamp TIMESTAMP) " + kafka("start1", "start_timestamp = '" + (base + 2000) + "', "
          + "'start.delay' = '1 s'"));
      db.execute("CREATE MATERIALIZED VIEW vl AS SELECT id FROM newest");
      db.execute("CREATE MATERIALIZED VIEW vt AS SELECT id, _timestamp FROM fromts");
      // The source at a timestamp reads 2 and 3 once its start delay is over.
      assertThat(await(db, "SELECT id FROM vt ORDER BY id", q -> q.size() == 2).rows())
          .extracting(row -> row.getLong(0)).containsExactly(2L, 3L);
      // The latest offset is looked up when the source starts, which nothing shows: new
      // records (4, 5, ...) until one arrives; none of 1 to 3 may.
      long next = 4;
      QueryResult l = db.query("SELECT id FROM vl");
      for (long deadline = System.nanoTime() + 30_000_000_000L;
          l.size() == 0 && System.nanoTime() < deadline; next++) {
        produce(broker.bootstrap(), "start1", List.of(new Rec(0, null,
            trade(next, "A", 1, "2026-01-01 00:00:01"))));
        long wait = System.nanoTime() + 500_000_000L;
        while ((l = db.query("SELECT id FROM vl")).size() == 0 && System.nanoTime() < wait) {
          Thread.sleep(25);
        }
      }
      assertThat(l.rows()).isNotEmpty().extracting(row -> row.getLong(0))
          .allMatch(id -> id >= 4);
      long last = next - 1;
      QueryResult t = await(db, "SELECT id FROM vt ORDER BY id", q -> q.size() == last - 1);
      assertThat(t.rows()).extracting(row -> row.getLong(0)).containsExactlyElementsOf(
          java.util.stream.LongStream.rangeClosed(2, last).boxed().toList());
    }
  }

  @Test
  void shouldReadTopicListsAndDiscoverTopicsMatchingAPattern() throws Exception {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE pat (id BIGINT, sym VARCHAR, price DOUBLE, ts TIMESTAMP) "
          + "FROM KAFKA (brokers = '" + broker.bootstrap() + "', topic_pattern = 'pat[0-9]+')");
      db.execute("CREATE MATERIALIZED VIEW vp AS SELECT COUNT(*) AS n FROM pat");
      broker.createTopic("pat1", 1);
      produce(broker.bootstrap(), "pat1", List.of(new Rec(0, null,
          trade(1, "A", 1, "2026-01-01 00:00:01"))));
      await(db, "SELECT n FROM vp", q -> q.size() == 1 && q.rows().get(0).getLong(0) == 1);
      db.execute("CREATE SOURCE list (id BIGINT, sym VARCHAR, price DOUBLE, ts TIMESTAMP) "
          + "FROM KAFKA (brokers = '" + broker.bootstrap() + "', topic = 'pat1, pat2', "
          + "'start.delay' = '500 ms')");
      db.execute("CREATE MATERIALIZED VIEW vl AS SELECT COUNT(*) AS n FROM list");
      broker.createTopic("pat2", 2); // both sources look for new partitions every 5 s
      produce(broker.bootstrap(), "pat2", List.of(new Rec(1, null,
          trade(2, "A", 1, "2026-01-01 00:00:01"))));
      QueryResult p = await(db, "SELECT n FROM vp",
          q -> q.size() == 1 && q.rows().get(0).getLong(0) == 2);
      assertThat(p.rows().get(0).getLong(0)).isEqualTo(2);
      QueryResult l = await(db, "SELECT n FROM vl",
          q -> q.size() == 1 && q.rows().get(0).getLong(0) == 2);
      assertThat(l.rows().get(0).getLong(0)).isEqualTo(2);
    }
  }

  @Test
  void shouldSendBadRecordsToADeadLetterStreamDroppedWithTheSource() throws Exception {
    broker.createTopic("bad4", 1);
    try (LaminarDB db = LaminarDB.open(dir)) {
      db.execute("CREATE SOURCE t (id BIGINT, sym VARCHAR) "
          + kafka("bad4", "on_error = 'dead_letter', dead_letter_stream = 't_bad'"));
      db.execute("CREATE MATERIALIZED VIEW bad AS SELECT * FROM t_bad");
      produce(broker.bootstrap(), "bad4", List.of(new Rec(0, "k1", "{\"id\": \"x\"}"),
          new Rec(0, null, "{\"id\": 2}"), new Rec(0, "k3", null)));
      QueryResult r = await(db, "SELECT topic, \"partition\", \"offset\", error, raw "
          + "FROM bad ORDER BY \"offset\"", q -> q.size() == 2);
      assertThat(r.size()).as("status %s", status(db, "t")).isEqualTo(2);
      assertThat(r.rows().get(0).getString(0)).isEqualTo("bad4");
      assertThat(r.rows().get(0).getInt(1)).isZero();
      assertThat(r.rows().get(0).getLong(2)).isZero();
      assertThat(r.rows().get(0).getString(3)).contains("BIGINT");
      assertThat(r.rows().get(0).getString(4)).isEqualTo("{\"id\": \"x\"}");
      assertThat(r.rows().get(1).getLong(2)).isEqualTo(2);
      assertThat(r.rows().get(1).isNull(4)).isTrue(); // a tombstone
      assertThat(status(db, "t")).contains("2 bad records sent to stream t_bad");
      assertThatThrownBy(() -> db.execute("CREATE SOURCE u (id BIGINT) " + kafka("bad4",
          "on_error = 'dead_letter', dead_letter_stream = 'bad'")))
          .hasMessageContaining("already exists");
      assertThatThrownBy(() -> db.execute("DROP STREAM t_bad"))
          .hasMessageContaining("DROP SOURCE t CASCADE");
      assertThatThrownBy(() -> db.execute("DROP SOURCE t")).hasMessageContaining("t_bad");
    }
    try (LaminarDB db = LaminarDB.open(dir)) { // the stream comes back with its source
      produce(broker.bootstrap(), "bad4", List.of(new Rec(0, null, "{\"id\": \"y\"}")));
      QueryResult r = await(db, "SELECT \"offset\" FROM bad WHERE \"offset\" = 3",
          q -> q.size() == 1);
      assertThat(r.size()).as("status %s", status(db, "t")).isEqualTo(1);
      db.execute("DROP SOURCE t CASCADE");
      assertThatThrownBy(() -> db.query("SELECT * FROM bad")).hasMessageContaining("bad");
      db.execute("CREATE SOURCE t_bad (id BIGINT)"); // the name is free again
    }
  }

  @Test
  void shouldRejectBadOptions() {
    try (LaminarDB db = LaminarDB.open()) {
      assertThatThrownBy(() -> db.execute("CREATE SOURCE t (id BIGINT) "
          + kafka("x", "colour = 'red'"))).isInstanceOf(LaminarDBException.class)
          .hasMessageContaining("unknown KAFKA option 'colour'");
      assertThatThrownBy(() -> db.execute("CREATE SOURCE t (id BIGINT) "
          + kafka("x", "format = 'debezium'"))).hasMessageContaining("PRIMARY KEY");
      assertThatThrownBy(() -> db.execute("CREATE SOURCE t (id BIGINT) "
          + kafka("x", "format = 'upsert'"))).hasMessageContaining("needs a PRIMARY KEY")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("0A000");
      assertThatThrownBy(() -> db.execute("CREATE SOURCE t (_partition INT, v VARCHAR, "
          + "PRIMARY KEY (_partition)) " + kafka("x", "format = 'upsert'")))
          .hasMessageContaining("metadata column")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("0A000");
      assertThatThrownBy(() -> db.execute("CREATE SOURCE t (id BIGINT, PRIMARY KEY (id)) "
          + kafka("x", "format = 'upsert', encode = 'xml'"))).hasMessageContaining(
          "one of json, avro")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("22023");
      assertThatThrownBy(() -> db.execute("CREATE SOURCE t (id BIGINT, PRIMARY KEY (id)) "
          + kafka("x", "format = 'upsert', 'avro.schema' = '{}'")))
          .hasMessageContaining("avro.schema")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("22023");
      assertThatThrownBy(() -> db.execute("CREATE SOURCE t (id BIGINT) FROM KAFKA ("
          + "brokers = '${LAMINAR_TEST_UNSET_VAR}', topic = 'x')"))
          .hasMessageContaining("${LAMINAR_TEST_UNSET_VAR}");
    }
  }

  @Test
  void shouldResumeFromKeptOffsetsAfterReopen() throws Exception {
    broker.createTopic("dur1", 2);
    List<Rec> first = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      first.add(new Rec(i % 2, null, trade(i, "A", 1, "2026-01-01 00:00:01")));
    }
    try (LaminarDB db = LaminarDB.open(dir)) {
      db.execute("CREATE SOURCE t (id BIGINT, sym VARCHAR, price DOUBLE, ts TIMESTAMP) "
          + kafka("dur1", "offset_reset = 'earliest'"));
      db.execute("CREATE MATERIALIZED VIEW v AS SELECT COUNT(*) AS n, SUM(id) AS s FROM t");
      produce(broker.bootstrap(), "dur1", first);
      await(db, "SELECT n FROM v", q -> q.size() == 1 && q.rows().get(0).getLong(0) == 50);
      db.checkpoint();
    }
    List<Rec> second = new ArrayList<>();
    for (int i = 51; i <= 80; i++) {
      second.add(new Rec(i % 2, null, trade(i, "A", 1, "2026-01-01 00:00:01")));
    }
    produce(broker.bootstrap(), "dur1", second);
    try (LaminarDB db = LaminarDB.open(dir)) {
      QueryResult r = await(db, "SELECT n, s FROM v",
          q -> q.size() == 1 && q.rows().get(0).getLong(0) >= 80);
      Thread.sleep(500); // nothing more may come
      r = db.query("SELECT n, s FROM v");
      assertThat(r.rows().get(0).getLong(0)).isEqualTo(80);
      assertThat(r.rows().get(0).getLong(1)).isEqualTo(80 * 81 / 2);
    }
    List<Rec> third = new ArrayList<>();
    for (int i = 81; i <= 90; i++) {
      third.add(new Rec(i % 2, null, trade(i, "A", 1, "2026-01-01 00:00:01")));
    }
    produce(broker.bootstrap(), "dur1", third);
    // Reopen without a checkpoint since the last run: the position comes from the WAL.
    try (LaminarDB db = LaminarDB.open(dir)) {
      QueryResult r = await(db, "SELECT n, s FROM v",
          q -> q.size() == 1 && q.rows().get(0).getLong(0) >= 90);
      Thread.sleep(500);
      r = db.query("SELECT n, s FROM v");
      assertThat(r.rows().get(0).getLong(0)).isEqualTo(90);
      assertThat(r.rows().get(0).getLong(1)).isEqualTo(90 * 91 / 2);
    }
  }
}
