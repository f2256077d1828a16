package org.laminardb.connector.kafka;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process) running
 * in a child JVM on the test class path: formatted in a temporary log directory, listening on
 * free ports of localhost. {@link #kill()} is SIGKILL; {@link #restart()} starts it again on the
 * same ports and data. Its output goes to {@code broker.log} in the directory, printed by {@link
 * #logTail()} when a test fails.
 */
final class KafkaBroker implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final int controllerPort;
  private final Path config;
  private Process process;

  private KafkaBroker(Path dir) throws IOException {
    this.dir = dir;
    this.port = freePort();
    this.controllerPort = freePort();
    this.config = dir.resolve("server.properties");
  }

  /**
   * Formats and starts a broker in a fresh temporary directory.
   *
   * @return the running broker, accepting connections
   * @throws Exception if it does not start within a minute
   */
  static KafkaBroker start() throws Exception {
    KafkaBroker broker = new KafkaBroker(Files.createTempDirectory("laminar-kafka"));
    broker.format();
    broker.launch();
    return broker;
  }

  /**
   * Bootstrap servers of the broker.
   *
   * @return host:port
   */
  String bootstrap() {
    return "localhost:" + port;
  }

  /**
   * Creates a topic.
   *
   * @param name the topic
   * @param partitions its partitions
   */
  void createTopic(String name, int partitions) {
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all()
          .get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create topic " + name + "; broker log:\n"
          + logTail(), e);
    }
  }

  /**
   * An admin client of the broker (close it).
   *
   * @return the client
   */
  Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
  }

  /** Kills the broker with SIGKILL and waits for it to be gone. */
  void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  /**
   * Kills the broker and starts it again on the same ports and data.
   *
   * @throws Exception if it does not come back within a minute
   */
  void restart() throws Exception {
    kill();
    launch();
  }

  /**
   * Last lines of the broker's output.
   *
   * @return up to 60 lines
   */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("broker.log"), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no broker log: " + e + ")";
    }
  }

  @Override
  public void close() throws IOException {
    kill();
    deleteTree(dir);
  }

  private void format() throws Exception {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
    p.setProperty("listeners",
        "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("log.dirs", dir.resolve("data").toString());
    p.setProperty("num.partitions", "1");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("auto.create.topics.enable", "false");
    try (var out = Files.newOutputStream(config)) {
      p.store(out, "LaminarDB test broker");
    }
    String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
    Process format = java("kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
        config.toString());
    if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
      format.destroyForcibly();
      throw new IllegalStateException("formatting the broker's storage failed:\n" + logTail());
    }
  }

  private void launch() throws Exception {
    process = java("kafka.Kafka", config.toString());
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!accepting()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("the Kafka broker did not start; log:\n" + logTail());
      }
      Thread.sleep(50);
    }
  }

  private boolean accepting() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("localhost", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private Process java(String main, String... args) throws IOException {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator
        + "java";
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
