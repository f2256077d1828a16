package org.laminardb.storage.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laminardb.storage.testing.KilledChild;

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
      List<Long> acked = KilledChild.runAndKill(outDir, CheckpointCrashWriter.class,
          100 + random.nextInt(400), 1, dir.toString());
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
}
