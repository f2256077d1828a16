package org.laminardb.storage.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a writing child JVM with SIGKILL and checks that every acknowledged record survived. */
class WalCrashTest {
  @TempDir Path dir;
  @TempDir Path outDir;

  @Test
  void everyAcknowledgedRecordSurvivesKill() throws Exception {
    Random random = new Random(42);
    Map<Long, Integer> seenBefore = new HashMap<>();
    long next = 1;
    for (int round = 0; round < 5; round++) {
      List<Long> acked = runAndKill(next, 150 + random.nextInt(400));
      next += 10_000_000L;
      Map<Long, Integer> present = new HashMap<>();
      try (Wal wal = Wal.open(dir, WalOptions.defaults().withSegmentBytes(4096))) {
        try (WalReader r = wal.reader(1)) {
          long expectLsn = 1;
          while (r.next()) {
            assertThat(r.lsn()).isEqualTo(expectLsn++);
            long n = Long.parseLong(
                new String(r.payload(), 0, r.payloadLength(), StandardCharsets.UTF_8));
            present.merge(n, 1, Integer::sum);
          }
        }
      }
      assertThat(acked).as("round %d acknowledged something", round).isNotEmpty();
      System.out.printf("round %d: %d acknowledged, %d present%n", round, acked.size(),
          present.size() - seenBefore.size());
      for (long n : acked) {
        assertThat(present.get(n)).as("acknowledged %d in round %d", n, round).isEqualTo(1);
      }
      for (Map.Entry<Long, Integer> e : present.entrySet()) {
        assertThat(e.getValue()).as("record %d", e.getKey()).isEqualTo(1);
      }
      assertThat(present.keySet()).containsAll(seenBefore.keySet());
      seenBefore = present;
    }
  }

  /**
   * Starts the writer with stdout going to a file (a pipe's stream is closed under a reader by
   * {@code destroyForcibly}), waits for READY, kills it after {@code millis} ms and returns the
   * acknowledged numbers: only complete lines, since the kill may cut the last one short.
   */
  private List<Long> runAndKill(long start, int millis) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator
        + "java";
    Path out = Files.createTempFile(outDir, "writer", ".out");
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-cp",
        System.getProperty("java.class.path"), CrashWriter.class.getName(), dir.toString(),
        Long.toString(start));
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
    } finally {
      p.destroyForcibly();
      p.waitFor();
    }
    String text = Files.readString(out, StandardCharsets.UTF_8);
    String[] lines = text.substring(0, text.lastIndexOf('\n') + 1).split("\n");
    List<Long> acked = new ArrayList<>();
    for (String line : lines) {
      if (!line.isEmpty() && line.chars().allMatch(Character::isDigit)) {
        acked.add(Long.parseLong(line));
      }
    }
    return acked;
  }
}
