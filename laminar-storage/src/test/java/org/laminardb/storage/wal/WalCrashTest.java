package org.laminardb.storage.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laminardb.storage.testing.KilledChild;

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
      List<Long> acked = KilledChild.runAndKill(outDir, CrashWriter.class, 150 + random.nextInt(400), 0,
          dir.toString(), Long.toString(next));
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
}
