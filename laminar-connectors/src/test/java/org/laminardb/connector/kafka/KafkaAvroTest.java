package org.laminardb.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.connector.kafka.KafkaTestSupport.await;
import static org.laminardb.connector.kafka.KafkaTestSupport.status;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.laminardb.LaminarDB;
import org.laminardb.QueryResult;
import org.laminardb.Row;

/** Format avro of the KAFKA source and sink against a real broker. */
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

  private static byte[] encode(Schema schema, GenericData.Record rec) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder e = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericData.Record>(schema).write(rec, e);
    e.flush();
    return out.toByteArray();
  }
}
