package org.laminardb.storage.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a writer main class in a child JVM and kills it with SIGKILL, for crash tests. The child
 * prints {@code READY} once set up, then one acknowledged number per line on stdout.
 */
public final class KilledChild {
  private KilledChild() {}

  /**
   * Starts the child with stdout going to a file (a pipe's stream is closed under a reader by
   * {@code destroyForcibly}), waits for {@code READY}, lets it run {@code millis} ms and until it
   * has acknowledged at least {@code minAcks} numbers, kills it, and returns the acknowledged
   * numbers: only complete lines, since the kill may cut the last one short.
   *
   * @param outDir directory for the output file
   * @param main the child's main class (on the test class path)
   * @param millis how long to let it run after READY
   * @param minAcks acknowledgements to wait for before killing
   * @param args the child's arguments
   * @return the acknowledged numbers, in output order
   * @throws Exception if starting, waiting or reading fails
   */
  public static List<Long> runAndKill(Path outDir, Class<?> main, int millis, int minAcks,
      String... args) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator
        + "java";
    Path out = Files.createTempFile(outDir, "writer", ".out");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-cp",
        System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.redirectOutput(out.toFile());
    Process p = pb.start();
    try {
      long readyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(out, StandardCharsets.UTF_8).startsWith("READY\n")) {
        assertThat(p.isAlive()).as("writer exited early with %s", out).isTrue();
        assertThat(System.nanoTime()).as("writer not ready").isLessThan(readyBy);
        Thread.sleep(5);
      }
      Thread.sleep(millis);
      long ackedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (acks(out).size() < minAcks) {
        assertThat(p.isAlive()).as("writer exited early with %s", out).isTrue();
        assertThat(System.nanoTime()).as("too few acknowledgements").isLessThan(ackedBy);
        Thread.sleep(5);
      }
    } finally {
      p.destroyForcibly();
      p.waitFor(60, TimeUnit.SECONDS);
    }
    return acks(out);
  }

  private static List<Long> acks(Path out) throws java.io.IOException {
    String text = Files.readString(out, StandardCharsets.UTF_8);
    List<Long> acked = new ArrayList<>();
    for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
      if (!line.isEmpty() && line.chars().allMatch(Character::isDigit)) {
        acked.add(Long.parseLong(line));
      }
    }
    return acked;
  }
}
