package org.laminardb.connector.kafka;

import java.nio.file.Path;
import java.time.Duration;
import org.laminardb.LaminarDB;

/**
 * Child process of {@link KafkaExactlyOnceCrashTest}: opens (or recovers) a durable database
 * with a KAFKA source of JSON trades, a one-second tumbling-window aggregate and an exactly-once
 * KAFKA sink of its results, checkpointing every few hundred milliseconds; prints READY and runs
 * until it is killed.
 */
public final class KafkaPipelineChild {
  private KafkaPipelineChild() {}

  /**
   * Runs the pipeline.
   *
   * @param args the database directory, the bootstrap servers, the checkpoint interval (ms)
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String brokers = args[1];
    LaminarDB db = LaminarDB.builder().path(dir)
        .checkpointInterval(Duration.ofMillis(Long.parseLong(args[2]))).open();
    db.execute("CREATE SOURCE IF NOT EXISTS trades (id BIGINT, sym VARCHAR, qty BIGINT, "
        + "ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '0' SECOND) FROM KAFKA ("
        + "brokers = '" + brokers + "', topic = 'trades', group_id = 'crash-test', "
        + "format = 'json')");
    db.execute("CREATE SINK IF NOT EXISTS results INTO KAFKA (brokers = '" + brokers
        + "', topic = 'results', format = 'json', delivery_guarantee = 'exactly_once') AS "
        + "SELECT window_start, sym, COUNT(*) AS n, SUM(qty) AS q "
        + "FROM TABLE(TUMBLE(TABLE trades, DESCRIPTOR(ts), INTERVAL '1' SECOND)) "
        + "WHERE qty > 0 GROUP BY window_start, window_end, sym EMIT ON WINDOW CLOSE");
    System.out.println("READY");
    System.out.flush();
    while (true) {
      Thread.sleep(200);
      for (org.laminardb.Row r : db.query("SHOW SOURCES").rows()) {
        System.out.println("STATUS " + r.getString(0) + " " + r.getString(4));
      }
      for (org.laminardb.Row r : db.query("SHOW SINKS").rows()) {
        System.out.println("STATUS " + r.getString(0) + " " + r.get(r.size() - 1));
      }
      System.out.flush();
    }
  }
}
