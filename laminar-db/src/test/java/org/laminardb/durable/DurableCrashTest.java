package org.laminardb.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.laminardb.LaminarDB;
import org.laminardb.Row;

/**
 * Kills a child JVM writing to a durable database ({@link DurableCrashWriter}) with SIGKILL at
 * random moments, several times over the same directory, and checks that every acknowledged row
 * survived exactly once and that nothing else appeared but the batch in flight at each kill; and
 * that the exactly-once FILES sink of every row, once a final checkpoint commits it, holds each row
 * exactly once. With checkpoints every 40 ms, kills also land during checkpoints and sink commits.
 */
class DurableCrashTest {
  private static final int ROUNDS = 8;

  @TempDir Path dir;
  @TempDir Path outDir;

  /** What one child printed: acknowledged ids and the range of its last attempted write. */
  private record Round(Set<Long> acked, long tryFirst, long tryLast) {}

  @TempDir Path sinkDir;

  private Round runAndKill(long seed, int millis, int checkpointMillis, boolean background)
      throws Exception {
    try (ChildJvm child = ChildJvm.start(outDir, DurableCrashWriter.class, dir.toString(),
        Long.toString(seed), Integer.toString(checkpointMillis), sinkDir.toString(),
        Boolean.toString(background))) {
      child.awaitLine("READY", Duration.ofSeconds(30));
      Thread.sleep(millis);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (parse(child.lines()).acked().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(child.isAlive()).as("writer still running at the kill; output ends %s",
          tail(child.lines())).isTrue();
      child.kill();
      return parse(child.lines());
    }
  }

  private static List<String> tail(List<String> lines) {
    return lines.subList(Math.max(0, lines.size() - 5), lines.size());
  }

  private static Round parse(List<String> lines) {
    Set<Long> acked = new HashSet<>();
    long first = 0;
    long last = 0;
    for (String line : lines) {
      if (line.startsWith("TRY ")) {
        String[] parts = line.split(" ");
        first = Long.parseLong(parts[1]);
        last = Long.parseLong(parts[2]);
      } else if (!line.isEmpty() && line.chars().allMatch(Character::isDigit)) {
        acked.add(Long.parseLong(line));
      }
    }
    return new Round(acked, first, last);
  }

  @org.junit.jupiter.params.ParameterizedTest(
      name = "checkpoint every {0} ms (0: never), background copy: {1}")
  @org.junit.jupiter.params.provider.CsvSource({"0, false", "40, false", "40, true"})
  @Timeout(90)
  void shouldKeepEveryAcknowledgedRowExactlyOnceAcrossKills(int checkpointMillis,
      boolean background) throws Exception {
    Random random = new Random(20260101 + checkpointMillis);
    Set<Long> acked = new HashSet<>();
    Set<Long> inFlight = new HashSet<>();
    for (int round = 0; round < ROUNDS; round++) {
      Round r = runAndKill(random.nextLong(), 50 + random.nextInt(600), checkpointMillis,
          background);
      assertThat(r.acked()).as("round %d acknowledged something", round).isNotEmpty();
      acked.addAll(r.acked());
      for (long id = r.tryFirst(); id <= r.tryLast(); id++) {
        inFlight.add(id);
      }
    }
    try (LaminarDB db = LaminarDB.open(dir)) {
      Map<Long, Long> perId = new HashMap<>();
      for (Row row : db.query("SELECT id, c FROM per_id").rows()) {
        perId.put(row.getLong(0), row.getLong(1));
      }
      assertThat(perId.keySet()).as("acknowledged ids").containsAll(acked);
      assertThat(perId).as("ids counted more than once").allSatisfy((id, c) ->
          assertThat(c).as("count of id %d", id).isEqualTo(1));
      Set<Long> unacknowledged = new HashSet<>(perId.keySet());
      unacknowledged.removeAll(acked);
      assertThat(inFlight).as("ids present without an acknowledgement were being written at a "
          + "kill").containsAll(unacknowledged);
      Row totals = db.query("SELECT n, s FROM totals").rows().get(0);
      assertThat(totals.getLong(0)).isEqualTo(perId.size());
      assertThat(totals.getLong(1))
          .isEqualTo(perId.keySet().stream().mapToLong(Long::longValue).sum());
      if (checkpointMillis > 0) {
        assertThat(db.checkpoints()).as("checkpoints kept").isNotEmpty();
      }
      db.checkpoint();
      List<String> sunk = FileSinkEngineTest.committedLines(sinkDir);
      Map<Long, Long> sunkCounts = new HashMap<>();
      for (String line : sunk) {
        sunkCounts.merge(Long.parseLong(line.substring(0, line.indexOf(','))), 1L, Long::sum);
      }
      assertThat(sunkCounts).as("ids in the FILES sink's committed output more than once")
          .allSatisfy((id, c) -> assertThat(c).as("id %d", id).isEqualTo(1));
      Set<Long> missing = new java.util.TreeSet<>(perId.keySet());
      missing.removeAll(sunkCounts.keySet());
      Set<Long> extra = new java.util.TreeSet<>(sunkCounts.keySet());
      extra.removeAll(perId.keySet());
      assertThat(missing).as("ids counted but missing from the sink's committed output (files %s)",
          java.nio.file.Files.list(sinkDir).sorted().toList()).isEmpty();
      assertThat(extra).as("ids in the sink's committed output but not counted").isEmpty();
      System.out.printf("%d rounds: %d acknowledged, %d present, last checkpoint %d%n", ROUNDS,
          acked.size(), perId.size(), db.lastCheckpointEpoch());
    }
  }

  @Test
  @Timeout(60)
  void shouldRefuseADirectoryHeldByAnotherProcessUntilItDies() throws Exception {
    Round r;
    try (ChildJvm child = ChildJvm.start(outDir, DurableCrashWriter.class, dir.toString(), "1")) {
      child.awaitLine("READY", Duration.ofSeconds(30));
      assertThatThrownBy(() -> LaminarDB.open(dir).close())
          .extracting(Rows::sqlState).isEqualTo("55006");
      child.kill();
      r = parse(child.lines());
    }
    // The kill released the OS lock.
    try (LaminarDB db = LaminarDB.open(dir)) {
      long n = db.query("SELECT n FROM totals").rows().get(0).getLong(0);
      assertThat(n).isGreaterThanOrEqualTo(r.acked().size());
    }
  }
}
