package org.laminardb.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.laminardb.connector.kafka.KafkaTestSupport.Rec;

/**
 * End to end through real processes: JSON trades produced to a Kafka topic, a windowed
 * aggregate in a durable LaminarDB running in a child JVM, an exactly-once KAFKA sink; the child
 * is killed with SIGKILL several times mid-stream and restarted, and the broker itself is
 * restarted once; a read_committed consumer must then see every window's result exactly once,
 * equal to what the trades give (the oracle is computed here from the produced trades).
 */
class KafkaExactlyOnceCrashTest extends BrokerTestBase {
  private static final LocalDateTime BASE = LocalDateTime.of(2026, 1, 1, 0, 0);
  private static final String[] SYMS = {"A", "B", "C", "D", "E"};
  @TempDir Path dir;
  @TempDir Path outDir;

  @BeforeAll
  static void createTopics() {
    broker.createTopic("trades", 2);
    broker.createTopic("results", 1);
  }

  private Process startChild() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator
        + "java";
    Path out = Files.createTempFile(outDir, "child", ".out");
    Process p = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
        KafkaPipelineChild.class.getName(), dir.resolve("db").toString(), broker.bootstrap(),
        "300").redirectErrorStream(true).redirectOutput(out.toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.readString(out, StandardCharsets.UTF_8).contains("READY")) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("child did not start: "
            + Files.readString(out, StandardCharsets.UTF_8));
      }
      Thread.sleep(20);
    }
    lastOut = out;
    return p;
  }

  private Path lastOut;

  private static void kill(Process p) throws InterruptedException {
    p.destroyForcibly();
    p.waitFor(30, TimeUnit.SECONDS);
  }

  @Test
  @Timeout(300)
  void shouldDeliverEveryWindowExactlyOnceAcrossKillsAndABrokerRestart() throws Exception {
    Random random = new Random(7);
    Map<String, long[]> expected = new TreeMap<>();
    int total = 6000;
    int slices = 6;
    long id = 0;
    Process child = startChild();
    try {
      for (int slice = 0; slice < slices; slice++) {
        List<Rec> recs = new ArrayList<>();
        for (int i = 0; i < total / slices; i++, id++) {
          // 10 trades per event-time second and partition, slightly out of order inside it.
          LocalDateTime ts = BASE.plusNanos((id * 50 + random.nextInt(40)) * 1_000_000L);
          String sym = SYMS[random.nextInt(SYMS.length)];
          long qty = random.nextInt(10); // 0 is filtered out
          int partition = (int) (id % 2);
          recs.add(new Rec(partition, null, "{\"id\":" + id + ",\"sym\":\"" + sym
              + "\",\"qty\":" + qty + ",\"ts\":\"" + ts + "\"}"));
          if (qty > 0) {
            String key = ts.withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "|" + sym;
            long[] nq = expected.computeIfAbsent(key, k -> new long[2]);
            nq[0]++;
            nq[1] += qty;
          }
        }
        KafkaTestSupport.produce(broker.bootstrap(), "trades", recs);
        Thread.sleep(50 + random.nextInt(600)); // the kill lands while the child works
        if (slice == 2) {
          broker.restart();
          Thread.sleep(1500);
        } else if (slice < slices - 1) {
          kill(child);
          child = startChild();
        }
      }
      // A trade far ahead in each partition closes every window.
      LocalDateTime end = BASE.plusHours(1);
      KafkaTestSupport.produce(broker.bootstrap(), "trades", List.of(
          new Rec(0, null, "{\"id\":-1,\"sym\":\"Z\",\"qty\":0,\"ts\":\"" + end + "\"}"),
          new Rec(1, null, "{\"id\":-2,\"sym\":\"Z\",\"qty\":0,\"ts\":\"" + end + "\"}")));
      List<String> results = awaitResults(expected.size());
      Map<String, Integer> seen = new HashMap<>();
      Map<String, String> values = new HashMap<>();
      for (String json : results) {
        String key = field(json, "window_start") + "|" + field(json, "sym");
        seen.merge(key, 1, Integer::sum);
        values.put(key, field(json, "n") + "," + field(json, "q"));
      }
      assertThat(seen).as("windows delivered more than once; child output %s",
          tail()).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1));
      assertThat(seen.keySet()).as("windows delivered").isEqualTo(expected.keySet());
      expected.forEach((k, nq) ->
          assertThat(values.get(k)).as("window %s", k).isEqualTo(nq[0] + "," + nq[1]));
    } finally {
      kill(child);
    }
  }

  private String tail() throws Exception {
    List<String> lines = Files.readAllLines(lastOut, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
  }

  private static List<String> awaitResults(int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    List<String> v = KafkaTestSupport.values(KafkaTestSupport.readAll(broker.bootstrap(),
        "results", true));
    while (v.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(500);
      v = KafkaTestSupport.values(KafkaTestSupport.readAll(broker.bootstrap(), "results", true));
    }
    Thread.sleep(1500); // anything extra (a duplicate) would show now
    return KafkaTestSupport.values(KafkaTestSupport.readAll(broker.bootstrap(), "results",
        true));
  }

  /** A field of the flat JSON objects the sink writes. */
  private static String field(String json, String name) {
    int at = json.indexOf("\"" + name + "\":") + name.length() + 3;
    int end = at;
    if (json.charAt(at) == '"') {
      end = json.indexOf('"', at + 1) + 1;
    } else {
      while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != '}') {
        end++;
      }
    }
    return json.substring(at, end).replace("\"", "");
  }
}
