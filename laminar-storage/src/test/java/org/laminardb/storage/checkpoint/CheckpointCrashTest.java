package org.laminardb.storage.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM writing checkpoints with SIGKILL and checks that reopening always finds a
 * complete checkpoint, at least as new as the last one acknowledged, whose state matches its
 * manifest.
 */
class CheckpointCrashTest {
  @TempDir Path dir;
  @TempDir Path outDir;

  @Test
  void reopenFindsTheLatestAcknowledgedCheckpoint() throws Exception {
    Random random = new Random(7);
    long lastAcked = 0;
    for (int round = 0; round < 5; round++) {
      List<Long> acked = runAndKill(100 + random.nextInt(400));
      assertThat(acked).as("round %d acknowledged something", round).isNotEmpty();
      lastAcked = acked.get(acked.size() - 1);
      try (CheckpointStore store = CheckpointStore.open(dir, 2)) {
        List<String> skipped = new ArrayList<>();
        Checkpoint cp = store.latestValid(skipped).orElseThrow();
        long e = cp.epoch();
        System.out.printf("round %d: last acknowledged %d, recovered %d, skipped %s%n", round,
            lastAcked, e, skipped);
        assertThat(e).as("round %d", round).isBetween(lastAcked, lastAcked + 1);
        assertThat(cp.manifest().sourceOffsets()).isEqualTo(Map.of("src", e * 10));
        assertThat(cp.manifest().watermarks()).isEqualTo(Map.of("src", e * 100));
        assertThat(cp.manifest().sinkStates()).isEqualTo(Map.of("sink", "txn-" + e));
        for (int f = 0; f < 3; f++) {
          assertThat(cp.readStateFile("op" + f)).as("epoch %d file %d", e, f)
              .isEqualTo(CheckpointCrashWriter.state(e, f));
        }
        assertThat(store.list().size()).isBetween(1, 3);
      }
    }
  }

  /** Starts the writer, waits for READY, kills it after {@code millis} ms, returns the acks. */
  private List<Long> runAndKill(int millis) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator
        + "java";
    Path out = Files.createTempFile(outDir, "writer", ".out");
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-cp",
        System.getProperty("java.class.path"), CheckpointCrashWriter.class.getName(),
        dir.toString());
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
      while (Files.readString(out, StandardCharsets.UTF_8).split("\n", -1).length < 3) {
        assertThat(p.isAlive()).as("writer exited early with %s", out).isTrue();
        assertThat(System.nanoTime()).as("no checkpoint completed").isLessThan(ackedBy);
        Thread.sleep(5);
      }
    } finally {
      p.destroyForcibly();
      p.waitFor(60, TimeUnit.SECONDS);
    }
    String text = Files.readString(out, StandardCharsets.UTF_8);
    List<Long> acked = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 1; i < lines.length - 1; i++) { // the last piece may be cut short
      acked.add(Long.parseLong(lines[i]));
    }
    return acked;
  }
}
