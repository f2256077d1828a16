package org.laminardb.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.connector.kafka.KafkaTestSupport.await;
import static org.laminardb.connector.kafka.KafkaTestSupport.status;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.laminardb.LaminarDB;
import org.laminardb.QueryResult;
import org.laminardb.Row;
import org.laminardb.error.LaminarDBException;

/**
 * Format avro, and Avro-encoded upsert and debezium records, of the KAFKA source and sink against
 * a real broker.
 */
@Timeout(120)
class KafkaAvroTest extends BrokerTestBase {
  @Test
  void shouldRoundTripEveryTypeThroughAvroSinkAndSource() throws Exception {
    broker.createTopic("avro1", 1);
    String kafka = "KAFKA (brokers = '" + broker.bootstrap() + "', topic = 'avro1', "
        + "format = 'avro'";
    try (LaminarDB db = LaminarDB.open()) {
      String cols = "(b BOOLEAN, i INT, l BIGINT NOT NULL, d DOUBLE, r REAL, m DECIMAL(12, 3), "
          + "s VARCHAR, ts TIMESTAMP, dt DATE)";
      db.execute("CREATE SOURCE s_in " + cols);
      db.execute("CREATE SOURCE s_out " + cols + " FROM " + kafka + ")");
      db.execute("CREATE MATERIALIZED VIEW v AS SELECT * FROM s_out");
      db.execute("CREATE SINK k FROM s_in INTO " + kafka + ", key = 'l')");
      db.execute("INSERT INTO s_in VALUES (true, -7, 1, 2.5, CAST(1.25 AS REAL), 12345.678, "
          + "'héllo', TIMESTAMP '2026-01-02 03:04:05.123', DATE '2026-01-02'), "
          + "(NULL, NULL, 2, NULL, NULL, NULL, NULL, NULL, NULL)");
      QueryResult r = await(db, "SELECT * FROM v ORDER BY l", q -> q.size() == 2);
      assertThat(r.size()).as("status %s", status(db, "s_out")).isEqualTo(2);
      Row a = r.rows().get(0);
      assertThat(a.getBoolean(0)).isTrue();
      assertThat(a.getInt(1)).isEqualTo(-7);
      assertThat(a.getDouble(3)).isEqualTo(2.5);
      assertThat(a.getDouble(4)).isEqualTo(1.25);
      assertThat(a.getBigDecimal(5)).isEqualByComparingTo("12345.678");
      assertThat(a.getString(6)).isEqualTo("héllo");
      assertThat(a.getTimestamp(7)).hasToString("2026-01-02T03:04:05.123");
      assertThat(a.getDate(8)).hasToString("2026-01-02");
      Row b = r.rows().get(1);
      for (int c : new int[] {0, 1, 3, 4, 5, 6, 7, 8}) {
        assertThat(b.isNull(c)).as("column %d", c).isTrue();
      }
    }
  }

  @Test
  void shouldReadAWriterSchemaOfItsOwnAndCountBadRecords() throws Exception {
    broker.createTopic("avro2", 1);
    String schemaJson = "{\"type\":\"record\",\"name\":\"Trade\",\"fields\":["
        + "{\"name\":\"id\",\"type\":\"int\"},"
        + "{\"name\":\"extra\",\"type\":\"string\"},"
        + "{\"name\":\"sym\",\"type\":[\"null\",\"string\"],\"default\":null},"
        + "{\"name\":\"ts\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}}]}";
    Schema schema = new Schema.Parser().parse(schemaJson);
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE t (id BIGINT, sym VARCHAR, ts TIMESTAMP, missing DOUBLE) "
          + "FROM KAFKA (brokers = '" + broker.bootstrap() + "', topic = 'avro2', "
          + "format = 'avro', on_error = 'skip', 'avro.schema' = '"
          + schemaJson.replace("'", "''") + "')");
      db.execute("CREATE MATERIALIZED VIEW v AS SELECT * FROM t");
      try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers",
          broker.bootstrap()), new ByteArraySerializer(), new ByteArraySerializer())) {
        GenericData.Record rec = new GenericData.Record(schema);
        rec.put("id", 42);
        rec.put("extra", "ignored");
        rec.put("sym", "ABC");
        rec.put("ts", 1_767_225_600_250L); // 2026-01-01T00:00:00.250Z
        p.send(new ProducerRecord<>("avro2", encode(schema, rec)));
        p.send(new ProducerRecord<>("avro2", new byte[] {1, 2, 3}));
        p.flush();
      }
      QueryResult r = await(db, "SELECT * FROM v", q -> q.size() == 1);
      assertThat(r.size()).isEqualTo(1);
      Row row = r.rows().get(0);
      assertThat(row.getLong(0)).isEqualTo(42);
      assertThat(row.getString(1)).isEqualTo("ABC");
      assertThat(row.getTimestamp(2)).hasToString("2026-01-01T00:00:00.250");
      assertThat(row.isNull(3)).isTrue();
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!status(db, "t").contains("1 bad record") && System.nanoTime() < deadline) {
        Thread.sleep(25);
      }
      assertThat(status(db, "t")).contains("1 bad record skipped").contains("offset 1")
          .contains("malformed Avro");
      assertThatThrownBy(() -> db.execute("CREATE SOURCE u (id BIGINT) FROM KAFKA (brokers = '"
          + broker.bootstrap() + "', topic = 'avro2', format = 'avro', 'avro.schema' = '{')"))
          .hasMessageContaining("avro.schema");
    }
  }

  @Test
  void shouldReadTheConfluentWireFormatWithEvolvingWriterSchemas() throws Exception {
    broker.createTopic("sr1", 1);
    Schema v1 = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Trade\","
        + "\"namespace\":\"com.example\",\"fields\":["
        + "{\"name\":\"id\",\"type\":\"long\"},"
        + "{\"name\":\"sym\",\"type\":\"string\"},"
        + "{\"name\":\"ts\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}},"
        + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
    // v2: 'id' narrowed to int, 'note' dropped, 'venue' added.
    Schema v2 = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Trade\","
        + "\"namespace\":\"com.example\",\"fields\":["
        + "{\"name\":\"id\",\"type\":\"int\"},"
        + "{\"name\":\"venue\",\"type\":\"string\"},"
        + "{\"name\":\"sym\",\"type\":\"string\"},"
        + "{\"name\":\"ts\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}}]}");
    try (StandInSchemaRegistry registry = new StandInSchemaRegistry().start();
        LaminarDB db = LaminarDB.open()) {
      int id1 = registry.register("sr1-value", v1);
      int id2 = registry.register("sr1-value", v2);
      db.execute("CREATE SOURCE t (id BIGINT, sym VARCHAR, ts TIMESTAMP, note VARCHAR) "
          + "FROM KAFKA (brokers = '" + broker.bootstrap() + "', topic = 'sr1', "
          + "format = 'avro', schema_registry_url = '" + registry.url() + "/', "
          + "schema_registry_user = 'reader', schema_registry_password = 's3cret', "
          + "on_error = 'skip')");
      db.execute("CREATE MATERIALIZED VIEW v AS SELECT * FROM t");
      GenericData.Record a = new GenericData.Record(v1);
      a.put("id", 1L);
      a.put("sym", "ABC");
      a.put("ts", 1_767_225_600_250L); // 2026-01-01T00:00:00.250Z
      a.put("note", "first");
      GenericData.Record b = new GenericData.Record(v2);
      b.put("id", 2);
      b.put("venue", "XNAS");
      b.put("sym", "DEF");
      b.put("ts", 1_767_225_601_000L);
      produceValues("sr1", wire(id1, v1, a), wire(id2, v2, b), encode(v1, a),
          wire(9999, v1, a));
      QueryResult r = await(db, "SELECT * FROM v ORDER BY id", q -> q.size() == 2);
      assertThat(r.size()).as("status %s", status(db, "t")).isEqualTo(2);
      assertThat(r.rows().get(0).getString(1)).isEqualTo("ABC");
      assertThat(r.rows().get(0).getTimestamp(2)).hasToString("2026-01-01T00:00:00.250");
      assertThat(r.rows().get(0).getString(3)).isEqualTo("first");
      assertThat(r.rows().get(1).getLong(0)).isEqualTo(2);
      assertThat(r.rows().get(1).getString(1)).isEqualTo("DEF");
      assertThat(r.rows().get(1).getTimestamp(2)).hasToString("2026-01-01T00:00:01");
      assertThat(r.rows().get(1).isNull(3)).isTrue();
      awaitStatus(db, "t", "2 bad records");
      assertThat(status(db, "t")).contains("2 bad records skipped").contains("offset 3")
          .contains("schema id 9999 is unknown to the schema registry");
      assertThat(registry.authorizations()).isNotEmpty().allMatch(h -> h.equals("Basic "
          + java.util.Base64.getEncoder().encodeToString("reader:s3cret".getBytes(UTF_8))));
    }
  }

  @Test
  void shouldRetryARegistryThatIsDownAndSendUnknownIdsToTheDeadLetterTopic() throws Exception {
    broker.createTopic("sr2", 1);
    broker.createTopic("sr2_bad", 1);
    Schema v1 = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"X\","
        + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}");
    try (StandInSchemaRegistry registry = new StandInSchemaRegistry();
        LaminarDB db = LaminarDB.open()) {
      int id = registry.register("sr2-value", v1); // the registry is not listening yet
      db.execute("CREATE SOURCE t (id BIGINT) FROM KAFKA (brokers = '" + broker.bootstrap()
          + "', topic = 'sr2', format = 'avro', schema_registry_url = '" + registry.url()
          + "', on_error = 'dead_letter', dead_letter_topic = 'sr2_bad')");
      db.execute("CREATE MATERIALIZED VIEW v AS SELECT * FROM t");
      GenericData.Record a = new GenericData.Record(v1);
      a.put("id", 7L);
      produceValues("sr2", wire(id, v1, a), wire(id + 1, v1, a));
      awaitStatus(db, "t", "cannot be reached");
      assertThat(status(db, "t")).contains("schema registry " + registry.url())
          .contains("retrying in");
      assertThat(db.query("SELECT * FROM v").size()).isZero();
      registry.start();
      QueryResult r = await(db, "SELECT * FROM v", q -> q.size() == 1);
      assertThat(r.size()).as("status %s", status(db, "t")).isEqualTo(1);
      assertThat(r.rows().get(0).getLong(0)).isEqualTo(7);
      awaitStatus(db, "t", "1 bad record");
      assertThat(status(db, "t")).doesNotContain("cannot be reached")
          .contains("1 bad record sent to sr2_bad").contains("schema id " + (id + 1));
      assertThat(KafkaTestSupport.readAll(broker.bootstrap(), "sr2_bad", false)).hasSize(1);
    }
  }

  @Test
  void shouldRegisterTheDerivedSchemaAndWriteTheWireFormat() throws Exception {
    broker.createTopic("sr3", 1);
    try (StandInSchemaRegistry registry = new StandInSchemaRegistry().start();
        LaminarDB db = LaminarDB.open()) {
      String kafka = "KAFKA (brokers = '" + broker.bootstrap() + "', topic = 'sr3', "
          + "format = 'avro', schema_registry_url = '" + registry.url() + "'";
      db.execute("CREATE SOURCE s_in (id BIGINT NOT NULL, name VARCHAR, m DECIMAL(10, 2))");
      db.execute("CREATE SOURCE s_out (id BIGINT, name VARCHAR, m DECIMAL(10, 2)) FROM "
          + kafka + ")");
      db.execute("CREATE MATERIALIZED VIEW v AS SELECT * FROM s_out");
      db.execute("CREATE SINK k FROM s_in INTO " + kafka + ", key = 'id')");
      db.execute("INSERT INTO s_in VALUES (1, 'a', 1.25), (2, NULL, NULL)");
      QueryResult r = await(db, "SELECT * FROM v ORDER BY id", q -> q.size() == 2);
      assertThat(r.size()).as("status %s", status(db, "s_out")).isEqualTo(2);
      assertThat(r.rows().get(0).getString(1)).isEqualTo("a");
      assertThat(r.rows().get(0).getBigDecimal(2)).isEqualByComparingTo("1.25");
      assertThat(r.rows().get(1).isNull(1)).isTrue();
      assertThat(registry.subjects()).containsExactlyInAnyOrder("sr3-key", "sr3-value");
      var records = KafkaTestSupport.readAll(broker.bootstrap(), "sr3", false);
      assertThat(records).hasSize(2);
      for (var rec : records) {
        assertThat(rec.value()[0]).isZero();
        assertThat(rec.key()[0]).isZero();
        int id = java.nio.ByteBuffer.wrap(rec.value(), 1, 4).getInt();
        assertThat(registry.schema(id).getField("name")).isNotNull();
      }
    }
  }

  @Test
  void shouldRejectSchemaRegistryOptionsThatDoNotFit() {
    try (LaminarDB db = LaminarDB.open()) {
      String start = "CREATE SOURCE u (id BIGINT) FROM KAFKA (brokers = '" + broker.bootstrap()
          + "', topic = 'sr4', ";
      assertThatThrownBy(() -> db.execute(start + "format = 'json', "
          + "schema_registry_url = 'http://localhost:1')"))
          .hasMessageContaining("Avro records only")
          .extracting(e -> ((org.laminardb.error.LaminarDBException) e).sqlState())
          .isEqualTo("0A000");
      assertThatThrownBy(() -> db.execute(start + "format = 'avro', "
          + "schema_registry_url = 'localhost:8081')"))
          .hasMessageContaining("http:// or https:// URL");
      assertThatThrownBy(() -> db.execute(start + "format = 'avro', "
          + "schema_registry_url = 'http://localhost:1', 'avro.schema' = '{}')"))
          .hasMessageContaining("avro.schema");
    }
  }

  @Test
  void shouldWriteAvroUpsertsWithTombstonesAndReadTheRowsBack() throws Exception {
    broker.createTopic("ups1", 1);
    broker.createTopic("ups2", 1);
    try (StandInSchemaRegistry registry = new StandInSchemaRegistry().start();
        LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE TABLE t (id BIGINT NOT NULL, v VARCHAR, PRIMARY KEY (id))");
      String plain = "KAFKA (brokers = '" + broker.bootstrap() + "', topic = 'ups1', ";
      String wire = "KAFKA (brokers = '" + broker.bootstrap() + "', topic = 'ups2', "
          + "schema_registry_url = '" + registry.url() + "', ";
      db.execute("CREATE SINK u1 FROM t INTO " + plain + "format = 'upsert', encode = 'avro', "
          + "key = 'id')");
      db.execute("CREATE SINK u2 FROM t INTO " + wire + "format = 'upsert', encode = 'avro', "
          + "key = 'id')");
      // The values read back as format avro; a tombstone is a bad record there.
      db.execute("CREATE SOURCE b1 (id BIGINT NOT NULL, v VARCHAR) FROM " + plain
          + "format = 'avro', on_error = 'skip')");
      db.execute("CREATE SOURCE b2 (id BIGINT, v VARCHAR) FROM " + wire
          + "format = 'avro', on_error = 'skip')");
      db.execute("CREATE MATERIALIZED VIEW v1 AS SELECT * FROM b1");
      db.execute("CREATE MATERIALIZED VIEW v2 AS SELECT * FROM b2");
      db.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
      db.execute("UPDATE t SET v = 'c' WHERE id = 1");
      db.execute("DELETE FROM t WHERE id = 2");
      for (String view : new String[] {"v1", "v2"}) {
        QueryResult r = await(db, "SELECT * FROM " + view, q -> q.size() == 3);
        assertThat(r.rows()).as(view).extracting(row -> row.getLong(0) + "=" + row.getString(1))
            .containsExactlyInAnyOrder("1=a", "2=b", "1=c");
      }
      awaitStatus(db, "b1", "1 bad record");
      assertThat(status(db, "b1")).contains("1 bad record skipped").contains("offset 3");
      assertThat(registry.subjects()).containsExactlyInAnyOrder("ups2-key", "ups2-value");
      Schema key = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"k\",\"fields\":"
          + "[{\"name\":\"id\",\"type\":\"long\"}]}");
      Schema value = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"v\",\"fields\":"
          + "[{\"name\":\"id\",\"type\":\"long\"},"
          + "{\"name\":\"v\",\"type\":[\"null\",\"string\"],\"default\":null}]}");
      for (String topic : new String[] {"ups1", "ups2"}) {
        int skip = topic.equals("ups2") ? 5 : 0;
        List<String> seen = new ArrayList<>();
        for (var rec : KafkaTestSupport.readAll(broker.bootstrap(), topic, false)) {
          if (skip > 0) {
            assertThat(rec.key()[0]).isZero();
            assertThat(registry.schema(java.nio.ByteBuffer.wrap(rec.key(), 1, 4).getInt())
                .getName()).isEqualTo("u2_key");
          }
          String k = decode(key, rec.key(), skip).get("id").toString();
          seen.add(k + "=" + (rec.value() == null ? "tombstone"
              : decode(value, rec.value(), skip).get("v")));
        }
        assertThat(seen).as(topic).containsExactly("1=a", "2=b", "1=c", "2=tombstone");
      }
    }
  }

  @Test
  void shouldReadAvroUpsertTopicsAsTablesWithAndWithoutARegistry() throws Exception {
    broker.createTopic("upsa1", 1);
    broker.createTopic("upsa2", 1);
    try (StandInSchemaRegistry registry = new StandInSchemaRegistry().start();
        LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE TABLE t (id BIGINT NOT NULL, v VARCHAR, ts TIMESTAMP, "
          + "PRIMARY KEY (id))");
      String plain = "KAFKA (brokers = '" + broker.bootstrap() + "', topic = 'upsa1', "
          + "format = 'upsert', encode = 'avro'";
      String wire = "KAFKA (brokers = '" + broker.bootstrap() + "', topic = 'upsa2', "
          + "format = 'upsert', encode = 'avro', schema_registry_url = '" + registry.url()
          + "'";
      db.execute("CREATE SINK u1 FROM t INTO " + plain + ", key = 'id')");
      db.execute("CREATE SINK u2 FROM t INTO " + wire + ", key = 'id')");
      // Without a registry the columns have the sink's order, types and nullability; with it
      // they are matched by name (here another order, and without ts).
      db.execute("CREATE SOURCE a1 (id BIGINT NOT NULL, v VARCHAR, ts TIMESTAMP, "
          + "PRIMARY KEY (id)) FROM " + plain + ", on_error = 'skip')");
      db.execute("CREATE SOURCE a2 (v VARCHAR, id BIGINT NOT NULL, PRIMARY KEY (id)) FROM "
          + wire + ", on_error = 'skip')");
      db.execute("CREATE MATERIALIZED VIEW v1 AS SELECT id, v, ts FROM a1");
      db.execute("CREATE MATERIALIZED VIEW v2 AS SELECT id, v FROM a2");
      db.execute("INSERT INTO t VALUES (1, 'a', TIMESTAMP '2026-01-01 00:00:00.5'), "
          + "(2, 'b', NULL), (3, 'x', NULL)");
      db.execute("UPDATE t SET v = 'c' WHERE id = 1");
      db.execute("DELETE FROM t WHERE id = 2");
      db.execute("INSERT INTO t VALUES (4, 'd', NULL)");
      db.execute("DELETE FROM t WHERE id = 3");
      List<String> table = new ArrayList<>();
      for (Row row : db.query("SELECT id, v, ts FROM t ORDER BY id").rows()) {
        table.add(row.getLong(0) + "=" + row.getString(1) + "@" + row.getString(2));
      }
      assertThat(table).containsExactly("1=c@2026-01-01T00:00:00.500", "4=d@null");
      QueryResult r1 = await(db, "SELECT id, v, ts FROM v1 ORDER BY id", q -> q.size() == 2
          && "c".equals(q.rows().get(0).getString(1)) && q.rows().get(1).getLong(0) == 4);
      assertThat(r1.rows()).extracting(row -> row.getLong(0) + "=" + row.getString(1) + "@"
          + row.getString(2)).isEqualTo(table);
      QueryResult r2 = await(db, "SELECT id, v FROM v2 ORDER BY id", q -> q.size() == 2
          && "c".equals(q.rows().get(0).getString(1)) && q.rows().get(1).getLong(0) == 4);
      assertThat(r2.rows()).extracting(row -> row.getLong(0) + "=" + row.getString(1))
          .containsExactly("1=c", "4=d");
      assertThat(status(db, "a1")).isEqualTo("RUNNING");
      assertThat(status(db, "a2")).isEqualTo("RUNNING");
      // A tombstone whose key is not in the wire format, and one without a key, are bad.
      try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers",
          broker.bootstrap()), new ByteArraySerializer(), new ByteArraySerializer())) {
        p.send(new ProducerRecord<>("upsa2", null, null));
        p.send(new ProducerRecord<>("upsa2", new byte[] {2}, null));
        p.flush();
      }
      awaitStatus(db, "a2", "2 bad records");
      assertThat(status(db, "a2")).contains("2 bad records skipped")
          .contains("the key of a tombstone does not decode into the key columns: not in the "
              + "Confluent wire format");
    }
  }

  @Test
  void shouldRoundTripAvroDebeziumEnvelopesWithAndWithoutARegistry() throws Exception {
    broker.createTopic("dbza1", 1);
    broker.createTopic("dbza2", 1);
    try (StandInSchemaRegistry registry = new StandInSchemaRegistry().start();
        LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE TABLE t (id BIGINT NOT NULL, v VARCHAR, ts TIMESTAMP, "
          + "PRIMARY KEY (id))");
      String plain = "KAFKA (brokers = '" + broker.bootstrap() + "', topic = 'dbza1', "
          + "format = 'debezium', encode = 'avro'";
      String wire = "KAFKA (brokers = '" + broker.bootstrap() + "', topic = 'dbza2', "
          + "format = 'debezium', encode = 'avro', schema_registry_url = '" + registry.url()
          + "'";
      db.execute("CREATE SINK d1 FROM t INTO " + plain + ")");
      db.execute("CREATE SINK d2 FROM t INTO " + wire + ", key = 'id')");
      db.execute("CREATE SOURCE a1 (id BIGINT NOT NULL, v VARCHAR, ts TIMESTAMP, "
          + "PRIMARY KEY (id)) FROM " + plain + ")");
      db.execute("CREATE SOURCE a2 (id BIGINT NOT NULL, v VARCHAR, PRIMARY KEY (id)) FROM "
          + wire + ")");
      db.execute("CREATE MATERIALIZED VIEW v1 AS SELECT id, v, ts FROM a1");
      db.execute("CREATE MATERIALIZED VIEW v2 AS SELECT id, v FROM a2");
      db.execute("INSERT INTO t VALUES (1, 'a', TIMESTAMP '2026-01-01 00:00:00.5'), "
          + "(2, 'b', NULL), (3, 'x', NULL)");
      db.execute("UPDATE t SET v = 'c' WHERE id = 1");
      db.execute("DELETE FROM t WHERE id = 2");
      for (String view : new String[] {"v1", "v2"}) {
        QueryResult r = await(db, "SELECT id, v FROM " + view + " ORDER BY id",
            q -> q.size() == 2 && "c".equals(q.rows().get(0).getString(1)));
        assertThat(r.rows()).as(view).extracting(row -> row.getLong(0) + "=" + row.getString(1))
            .containsExactly("1=c", "3=x");
      }
      assertThat(db.query("SELECT ts FROM v1 WHERE id = 1").rows().get(0).getTimestamp(0))
          .hasToString("2026-01-01T00:00:00.500");
      assertThat(status(db, "a1")).isEqualTo("RUNNING");
      assertThat(status(db, "a2")).isEqualTo("RUNNING");
      assertThat(registry.subjects()).containsExactlyInAnyOrder("dbza2-key", "dbza2-value");
      List<String> ops = new ArrayList<>();
      for (var rec : KafkaTestSupport.readAll(broker.bootstrap(), "dbza2", false)) {
        Schema writer = registry.schema(java.nio.ByteBuffer.wrap(rec.value(), 1, 4).getInt());
        assertThat(writer.getName()).isEqualTo("d2_envelope");
        GenericRecord e = decode(writer, rec.value(), 5);
        ops.add(e.get("op") + ":" + (e.get("before") == null ? "-"
            : ((GenericRecord) e.get("before")).get("v")) + ">" + (e.get("after") == null
            ? "-" : ((GenericRecord) e.get("after")).get("v")));
      }
      assertThat(ops).containsExactly("c:->a", "c:->b", "c:->x", "u:a>c", "d:b>-");
    }
  }

  @Test
  void shouldReadDebeziumAvroEventsOfAForeignWriterSchema() throws Exception {
    broker.createTopic("dbza3", 1);
    // The shape of Debezium's Avro events: a Value record in before/after, op, source, ts_ms.
    String valueJson = "{\"type\":\"record\",\"name\":\"Value\",\"namespace\":\"shop.public.acc\","
        + "\"fields\":[{\"name\":\"id\",\"type\":\"int\"},"
        + "{\"name\":\"name\",\"type\":[\"null\",\"string\"],\"default\":null},"
        + "{\"name\":\"updated\",\"type\":[\"null\",{\"type\":\"long\","
        + "\"logicalType\":\"timestamp-millis\"}],\"default\":null}]}";
    Schema envelope = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Envelope\","
        + "\"namespace\":\"shop.public.acc\",\"fields\":["
        + "{\"name\":\"before\",\"type\":[\"null\"," + valueJson + "],\"default\":null},"
        + "{\"name\":\"after\",\"type\":[\"null\",\"Value\"],\"default\":null},"
        + "{\"name\":\"source\",\"type\":{\"type\":\"record\",\"name\":\"Source\",\"fields\":["
        + "{\"name\":\"db\",\"type\":\"string\"}]}},"
        + "{\"name\":\"op\",\"type\":\"string\"},"
        + "{\"name\":\"ts_ms\",\"type\":[\"null\",\"long\"],\"default\":null}]}");
    Schema value = envelope.getField("after").schema().getTypes().get(1);
    try (StandInSchemaRegistry registry = new StandInSchemaRegistry().start();
        LaminarDB db = LaminarDB.open()) {
      int id = registry.register("dbza3-value", envelope);
      int notEnvelope = registry.register("other-value", value);
      db.execute("CREATE SOURCE acc (id BIGINT NOT NULL, name VARCHAR, updated TIMESTAMP, "
          + "PRIMARY KEY (id)) FROM KAFKA (brokers = '" + broker.bootstrap() + "', "
          + "topic = 'dbza3', format = 'debezium', encode = 'avro', schema_registry_url = '"
          + registry.url() + "', on_error = 'skip')");
      db.execute("CREATE MATERIALIZED VIEW v AS SELECT * FROM acc");
      GenericData.Record source = new GenericData.Record(envelope.getField("source").schema());
      source.put("db", "shop");
      GenericData.Record r1 = row(value, 1, "ann", 1_767_225_600_250L);
      GenericData.Record r2 = row(value, 2, "bob", null);
      GenericData.Record r2b = row(value, 2, "bea", null);
      GenericData.Record r3 = row(value, 3, "cy", null);
      produceValues("dbza3", wire(id, envelope, event(envelope, source, null, r1, "r")),
          wire(id, envelope, event(envelope, source, null, r2, "c")),
          wire(id, envelope, event(envelope, source, r2, r2b, "u")),
          wire(id, envelope, event(envelope, source, null, r3, "c")),
          wire(id, envelope, event(envelope, source, r3, null, "d")), null,
          wire(id, envelope, event(envelope, source, null, null, "t")),
          wire(notEnvelope, value, r1));
      QueryResult r = await(db, "SELECT * FROM v ORDER BY id", q -> q.size() == 2
          && "bea".equals(q.rows().get(1).getString(1)));
      assertThat(r.rows()).extracting(row -> row.getLong(0) + "=" + row.getString(1))
          .containsExactly("1=ann", "2=bea");
      assertThat(r.rows().get(0).getTimestamp(2)).hasToString("2026-01-01T00:00:00.250");
      assertThat(r.rows().get(1).isNull(2)).isTrue();
      awaitStatus(db, "acc", "2 bad records");
      assertThat(status(db, "acc")).contains("2 bad records skipped").contains("offset 7")
          .contains("is not a Debezium change event");
    }
  }

  @Test
  void shouldRejectEncodeOptionsThatDoNotFit() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE TABLE t (id BIGINT NOT NULL, PRIMARY KEY (id))");
      String sink = "CREATE SINK k FROM t INTO KAFKA (brokers = '" + broker.bootstrap()
          + "', topic = 'enc', ";
      db.execute("CREATE SOURCE plain (id BIGINT)");
      assertThatThrownBy(() -> db.execute("CREATE SINK k FROM plain INTO KAFKA (brokers = '"
          + broker.bootstrap() + "', topic = 'enc', format = 'avro', encode = 'avro')"))
          .hasMessageContaining("'encode' applies to format = 'upsert' or 'debezium' only")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("0A000");
      assertThatThrownBy(() -> db.execute(sink + "format = 'debezium', encode = 'protobuf')"))
          .hasMessageContaining("one of json, avro")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("22023");
      assertThatThrownBy(() -> db.execute(sink + "format = 'upsert', key = 'id', "
          + "schema_registry_url = 'http://localhost:1')"))
          .hasMessageContaining("encode = 'avro'")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("0A000");
      String source = "CREATE SOURCE s (id BIGINT NOT NULL, PRIMARY KEY (id)) FROM KAFKA ("
          + "brokers = '" + broker.bootstrap() + "', topic = 'enc', ";
      assertThatThrownBy(() -> db.execute(source + "format = 'avro', encode = 'avro')"))
          .hasMessageContaining("'encode' applies to format = 'upsert' or 'debezium' only")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("0A000");
      assertThatThrownBy(() -> db.execute(source + "format = 'debezium', "
          + "schema_registry_url = 'http://localhost:1')"))
          .hasMessageContaining("encoded as JSON")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("0A000");
      assertThatThrownBy(() -> db.execute(source + "format = 'upsert', "
          + "schema_registry_url = 'http://localhost:1')"))
          .hasMessageContaining("encoded as JSON")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("0A000");
      assertThatThrownBy(() -> db.execute(source + "format = 'upsert', encode = 'avro', "
          + "schema_registry_url = 'http://localhost:1', 'avro.schema' = '{}')"))
          .hasMessageContaining("avro.schema")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("22023");
      assertThatThrownBy(() -> db.execute("CREATE SOURCE s3 (id BIGINT) FROM KAFKA (brokers = '"
          + broker.bootstrap() + "', topic = 'enc', format = 'upsert', encode = 'avro')"))
          .hasMessageContaining("PRIMARY KEY")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("0A000");
      assertThatThrownBy(() -> db.execute(source + "format = 'debezium', encode = 'avro', "
          + "'avro.schema' = '{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"id\","
          + "\"type\":\"long\"}]}')"))
          .hasMessageContaining("Debezium change events")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("22023");
      assertThatThrownBy(() -> db.execute("CREATE SOURCE s2 (id BIGINT) FROM KAFKA (brokers = '"
          + broker.bootstrap() + "', topic = 'enc', format = 'debezium', encode = 'avro')"))
          .hasMessageContaining("PRIMARY KEY")
          .extracting(e -> ((LaminarDBException) e).sqlState()).isEqualTo("0A000");
    }
  }

  private static GenericData.Record row(Schema schema, int id, String name, Long updated) {
    GenericData.Record r = new GenericData.Record(schema);
    r.put("id", id);
    r.put("name", name);
    r.put("updated", updated);
    return r;
  }

  private static GenericData.Record event(Schema envelope, GenericData.Record source,
      GenericData.Record before, GenericData.Record after, String op) {
    GenericData.Record e = new GenericData.Record(envelope);
    e.put("before", before);
    e.put("after", after);
    e.put("source", source);
    e.put("op", op);
    e.put("ts_ms", 1L);
    return e;
  }

  private static GenericRecord decode(Schema schema, byte[] bytes, int offset) throws Exception {
    return new GenericDatumReader<GenericRecord>(schema).read(null,
        DecoderFactory.get().binaryDecoder(bytes, offset, bytes.length - offset, null));
  }

  private static void produceValues(String topic, byte[]... values) throws Exception {
    try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers",
        broker.bootstrap()), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (byte[] v : values) {
        p.send(new ProducerRecord<>(topic, v));
      }
      p.flush();
    }
  }

  private static void awaitStatus(LaminarDB db, String source, String part)
      throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!String.valueOf(status(db, source)).contains(part) && System.nanoTime() < deadline) {
      Thread.sleep(25);
    }
  }

  /** A value in the Confluent wire format: magic byte 0, the schema id, the Avro body. */
  private static byte[] wire(int id, Schema schema, GenericData.Record rec) throws Exception {
    byte[] body = encode(schema, rec);
    return java.nio.ByteBuffer.allocate(5 + body.length).put((byte) 0).putInt(id).put(body)
        .array();
  }

  private static byte[] encode(Schema schema, GenericData.Record rec) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder e = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericData.Record>(schema).write(rec, e);
    e.flush();
    return out.toByteArray();
  }
}
