package org.laminardb.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.connector.kafka.KafkaTestSupport.readAll;
import static org.laminardb.connector.kafka.KafkaTestSupport.values;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.laminardb.LaminarDB;
import org.laminardb.core.chunk.Chunk;
import org.laminardb.core.type.DataType;
import org.laminardb.core.type.Field;
import org.laminardb.core.type.Schema;
import org.laminardb.core.type.TypeKind;
import org.laminardb.error.LaminarDBException;
import org.laminardb.spi.SinkContext;
import org.laminardb.spi.TransactionalSinkConnector;

/** The KAFKA sink against a real broker (one per class). */
@Timeout(120)
class KafkaSinkTest extends BrokerTestBase {
  private String into(String topic, String more) {
    return "INTO KAFKA (brokers = '" + broker.bootstrap() + "', topic = '" + topic + "'"
        + (more.isEmpty() ? "" : ", " + more) + ")";
  }

  private static List<String> awaitValues(String topic, boolean committed, int n)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<String> v = values(readAll(broker.bootstrap(), topic, committed));
    while (v.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(100);
      v = values(readAll(broker.bootstrap(), topic, committed));
    }
    return v;
  }

  @Test
  void shouldWriteAppendOnlyJsonAndCsvAtLeastOnce() throws Exception {
    broker.createTopic("out_json", 1);
    broker.createTopic("out_csv", 1);
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE s (id BIGINT, name VARCHAR, price DECIMAL(10, 2), "
          + "ts TIMESTAMP)");
      db.execute("CREATE SINK kj " + into("out_json", "format = 'json', key = 'id'")
          + " AS SELECT * FROM s WHERE id > 1");
      db.execute("CREATE SINK kc FROM s " + into("out_csv", "format = 'csv'"));
      db.execute("INSERT INTO s VALUES (1, 'a', 1.50, TIMESTAMP '2026-01-01 00:00:00'), "
          + "(2, 'b, c', 2.25, TIMESTAMP '2026-01-01 00:00:01.5'), (3, NULL, NULL, NULL)");
      assertThat(awaitValues("out_json", false, 2)).containsExactly(
          "{\"id\":2,\"name\":\"b, c\",\"price\":2.25,\"ts\":\"2026-01-01T00:00:01.5\"}",
          "{\"id\":3,\"name\":null,\"price\":null,\"ts\":null}");
      assertThat(awaitValues("out_csv", false, 3)).containsExactly(
          "1,a,1.50,2026-01-01T00:00:00", "2,\"b, c\",2.25,2026-01-01T00:00:01.5", "3,,,");
      List<ConsumerRecord<byte[], byte[]>> keyed = readAll(broker.bootstrap(), "out_json", false);
      assertThat(new String(keyed.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":2}");
    }
  }

  @Test
  void shouldMakeRowsVisibleOnlyWhenTheCheckpointCompletes() throws Exception {
    broker.createTopic("out_eos", 1);
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE s (id BIGINT, v DOUBLE)");
      db.execute("CREATE SINK k FROM s " + into("out_eos",
          "delivery_guarantee = 'exactly_once'"));
      db.execute("INSERT INTO s VALUES (1, 1.0), (2, 2.0)");
      assertThat(awaitValues("out_eos", false, 2)).hasSize(2);
      assertThat(values(readAll(broker.bootstrap(), "out_eos", true)))
          .as("uncommitted rows are invisible to read_committed").isEmpty();
      db.checkpoint();
      assertThat(awaitValues("out_eos", true, 2)).hasSize(2);
      db.execute("INSERT INTO s VALUES (3, 3.0)");
      db.checkpoint();
      assertThat(awaitValues("out_eos", true, 3)).containsExactly("{\"id\":1,\"v\":1.0}",
          "{\"id\":2,\"v\":2.0}", "{\"id\":3,\"v\":3.0}");
    }
  }

  @Test
  void shouldWriteUpsertsWithTombstonesAndDebeziumEnvelopes() throws Exception {
    broker.createTopic("out_upsert", 1);
    broker.createTopic("out_dbz", 1);
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE TABLE t (id BIGINT, v VARCHAR, PRIMARY KEY (id))");
      assertThatThrownBy(() -> db.execute("CREATE SINK bad FROM t " + into("out_upsert", "")))
          .isInstanceOf(LaminarDBException.class).hasMessageContaining("changelog");
      db.execute("CREATE SINK u FROM t " + into("out_upsert", "format = 'upsert', key = 'id'"));
      db.execute("CREATE SINK d FROM t " + into("out_dbz", "format = 'debezium', key = 'id'"));
      db.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
      db.execute("UPDATE t SET v = 'c' WHERE id = 1");
      db.execute("DELETE FROM t WHERE id = 2");
      List<String> upserts = awaitValues("out_upsert", false, 4);
      assertThat(upserts).containsExactly("{\"id\":1,\"v\":\"a\"}", "{\"id\":2,\"v\":\"b\"}",
          "{\"id\":1,\"v\":\"c\"}", null);
      assertThat(awaitValues("out_dbz", false, 4)).containsExactly(
          "{\"before\":null,\"after\":{\"id\":1,\"v\":\"a\"},\"op\":\"c\"}",
          "{\"before\":null,\"after\":{\"id\":2,\"v\":\"b\"},\"op\":\"c\"}",
          "{\"before\":{\"id\":1,\"v\":\"a\"},\"after\":{\"id\":1,\"v\":\"c\"},\"op\":\"u\"}",
          "{\"before\":{\"id\":2,\"v\":\"b\"},\"after\":null,\"op\":\"d\"}");
    }
  }

  @Test
  void shouldCommitThePreCommittedTransactionOnRecoveryAndAbortLaterOnes() throws Exception {
    broker.createTopic("out_recover", 1);
    Schema schema = new Schema(List.of(new Field("id", DataType.of(TypeKind.BIGINT))));
    SinkContext ctx = new SinkContext() {
      @Override
      public String sinkName() {
        return "rec";
      }

      @Override
      public Schema schema() {
        return schema;
      }

      @Override
      public Map<String, String> options() {
        return Map.of("brokers", broker.bootstrap(), "topic", "out_recover",
            "delivery_guarantee", "exactly_once");
      }

      @Override
      public boolean appendOnly() {
        return true;
      }
    };
    KafkaSinkConnectorFactory factory = new KafkaSinkConnectorFactory();
    TransactionalSinkConnector first = (TransactionalSinkConnector) factory.create(ctx);
    first.recover(0, null);
    first.begin(1);
    first.write(chunk(schema, 1, 2, 3));
    String state = first.preCommit(1);
    first.begin(2);
    first.write(chunk(schema, 4));
    first.preCommit(2);
    first.begin(3);
    first.write(chunk(schema, 5));
    // The process dies here: epoch 1's checkpoint completed but its commit did not run; the
    // checkpoint of epoch 2 did not complete; epoch 3 was open. (The producers are left open.)
    assertThat(values(readAll(broker.bootstrap(), "out_recover", true))).isEmpty();
    try (TransactionalSinkConnector second = (TransactionalSinkConnector) factory.create(ctx)) {
      second.recover(1, state);
      assertThat(values(readAll(broker.bootstrap(), "out_recover", true)))
          .containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":3}");
      second.begin(2);
      second.write(chunk(schema, 6));
      second.preCommit(2);
      second.commit(2);
      assertThat(values(readAll(broker.bootstrap(), "out_recover", true)))
          .containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":3}", "{\"id\":6}");
      // A second recovery of the same epoch finds it committed and changes nothing.
      try (TransactionalSinkConnector third =
          (TransactionalSinkConnector) factory.create(ctx)) {
        third.recover(1, state);
      }
      assertThat(values(readAll(broker.bootstrap(), "out_recover", true))).hasSize(4);
    }
  }

  @Test
  void shouldNotCommitALaterEpochWhenRecoveringAnEmptyOne() throws Exception {
    broker.createTopic("out_empty_epoch", 1);
    Schema schema = new Schema(List.of(new Field("id", DataType.of(TypeKind.BIGINT))));
    SinkContext ctx = context("empty", schema, "out_empty_epoch");
    KafkaSinkConnectorFactory factory = new KafkaSinkConnectorFactory();
    TransactionalSinkConnector first = (TransactionalSinkConnector) factory.create(ctx);
    first.recover(0, null);
    first.begin(1);
    // No rows: the transaction never reaches the broker, so its producer keeps its epoch, and
    // the next transaction of that transactional id has the same producer id and epoch.
    String state = first.preCommit(1);
    first.begin(2);
    first.commit(1);
    first.write(chunk(schema, 1));
    first.preCommit(2);
    first.begin(3);
    first.write(chunk(schema, 2));
    first.preCommit(3);
    // The process dies here: checkpoint 1 is the last complete one; epochs 2 and 3 come again
    // from the log after it, so committing either now would deliver their rows twice.
    try (TransactionalSinkConnector second = (TransactionalSinkConnector) factory.create(ctx)) {
      second.recover(1, state);
      assertThat(values(readAll(broker.bootstrap(), "out_empty_epoch", true))).isEmpty();
    }
  }

  private static SinkContext context(String name, Schema schema, String topic) {
    return new SinkContext() {
      @Override
      public String sinkName() {
        return name;
      }

      @Override
      public Schema schema() {
        return schema;
      }

      @Override
      public Map<String, String> options() {
        return Map.of("brokers", broker.bootstrap(), "topic", topic,
            "delivery_guarantee", "exactly_once");
      }

      @Override
      public boolean appendOnly() {
        return true;
      }
    };
  }

  private static Chunk chunk(Schema schema, long... ids) {
    Chunk c = new Chunk(schema, 16);
    for (int i = 0; i < ids.length; i++) {
      c.columns[0].longs[i] = ids[i];
    }
    c.size = ids.length;
    return c;
  }
}
