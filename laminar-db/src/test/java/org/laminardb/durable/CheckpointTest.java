package org.laminardb.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.laminardb.CheckpointStats;
import org.laminardb.LaminarDB;
import org.laminardb.SourceWriter;
import org.laminardb.WalSync;

/**
 * Checkpoints of a durable database: what they keep, list and delete, and recovery from them,
 * also when the newest one is damaged.
 */
@Timeout(60)
class CheckpointTest {
  @TempDir Path dir;

  private LaminarDB open() {
    return LaminarDB.builder().path(dir).walSync(WalSync.NONE).walSegmentBytes(4096)
        .checkpointInterval(Duration.ZERO).checkpointsKept(2).open();
  }

  private static void define(LaminarDB db) {
    db.execute("CREATE SOURCE t (k VARCHAR, v BIGINT, ts TIMESTAMP, "
        + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
    db.execute("CREATE MATERIALIZED VIEW per_k AS SELECT k, SUM(v) AS s, COUNT(*) AS n, "
        + "COUNT(DISTINCT v) AS d, MAX(v) AS mx FROM t GROUP BY k");
    db.execute("CREATE MATERIALIZED VIEW per_min AS SELECT window_start, k, COUNT(*) AS n "
        + "FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) "
        + "GROUP BY window_start, window_end, k");
  }

  private static void write(LaminarDB db, int from, int to) {
    try (SourceWriter w = db.source("t")) {
      for (int i = from; i < to; i++) {
        w.insert("k" + (i % 5), (long) i,
            java.time.LocalDateTime.of(2026, 1, 1, 0, 0).plusSeconds(i * 7L));
      }
    }
  }

  private static List<String> contents(LaminarDB db) {
    List<String> out = new ArrayList<>(Rows.of(db, "SELECT * FROM per_k ORDER BY k"));
    out.addAll(Rows.of(db, "SELECT * FROM per_min ORDER BY window_start, k"));
    out.add("wm " + db.watermark("t"));
    return out;
  }

  @Test
  void shouldListCheckpointsKeepTheNewestAndDeleteTheLogTheyCover() throws IOException {
    List<String> before;
    try (LaminarDB db = open()) {
      define(db);
      for (int round = 0; round < 4; round++) {
        write(db, round * 300, round * 300 + 300);
        CheckpointStats stats = db.checkpoint();
        assertThat(stats.epoch()).isEqualTo(round + 1);
        assertThat(stats.sizeBytes()).isPositive();
        assertThat(stats.pauseMicros()).isNotNegative();
      }
      assertThat(db.lastCheckpointEpoch()).isEqualTo(4);
      assertThat(db.checkpoints()).extracting(CheckpointStats::epoch).containsExactly(3L, 4L);
      assertThat(Rows.of(db, "SHOW CHECKPOINTS")).hasSize(2);
      assertThat(db.query("SHOW CHECKPOINTS").columns().get(0).name()).isEqualTo("epoch");
      before = contents(db);
    }
    try (Stream<Path> segments = Files.list(dir.resolve("wal"))) {
      assertThat(segments.filter(p -> p.toString().endsWith(".seg")).count())
          .as("segments left after checkpoints truncated the log").isLessThan(8);
    }
    try (Stream<Path> segments = Files.list(dir.resolve("wal"))) {
      assertThat(segments.map(p -> p.getFileName().toString()))
          .as("the first segments are gone").doesNotContain(String.format("wal-%020d.seg", 1));
    }
    try (LaminarDB db = open()) {
      assertThat(contents(db)).isEqualTo(before);
      assertThat(db.lastCheckpointEpoch()).isEqualTo(4);
      write(db, 1200, 1300);
      assertThat(db.checkpoint().epoch()).isEqualTo(5);
    }
  }

  @Test
  void shouldFallBackToTheOlderCheckpointWhenTheNewestIsDamaged() throws IOException {
    List<String> before;
    try (LaminarDB db = open()) {
      define(db);
      write(db, 0, 200);
      db.checkpoint();
      write(db, 200, 400);
      db.checkpoint();
      write(db, 400, 450);
      before = contents(db);
    }
    Path newest = dir.resolve("checkpoints").resolve(String.format("epoch-%020d", 2));
    Path state;
    try (Stream<Path> files = Files.list(newest)) {
      state = files.filter(p -> p.getFileName().toString().startsWith("state-")).findFirst()
          .orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(state.toFile(), "rw")) {
      f.seek(f.length() / 2);
      int b = f.read();
      f.seek(f.length() / 2);
      f.write(b ^ 0x10);
    }
    try (LaminarDB db = open()) {
      assertThat(contents(db)).isEqualTo(before);
      assertThat(db.lastCheckpointEpoch()).isEqualTo(1);
      assertThat(db.checkpoint().epoch()).as("epochs keep increasing past the damaged one")
          .isEqualTo(3);
    }
  }

  @Test
  void shouldReuseTheFilesOfObjectsThatDidNotChange() throws IOException {
    try (LaminarDB db = open()) {
      define(db);
      db.execute("CREATE SOURCE other (v BIGINT)");
      db.execute("CREATE MATERIALIZED VIEW other_sum AS SELECT SUM(v) AS s FROM other");
      db.execute("INSERT INTO other VALUES (1), (2)");
      write(db, 0, 100);
      db.checkpoint();
      write(db, 100, 200);
      db.checkpoint();
      Path first = dir.resolve("checkpoints").resolve(String.format("epoch-%020d", 1));
      Path second = dir.resolve("checkpoints").resolve(String.format("epoch-%020d", 2));
      int reused = 0;
      int rewritten = 0;
      try (Stream<Path> files = Files.list(second)) {
        for (Path f : files.filter(p -> p.getFileName().toString().startsWith("state-"))
            .toList()) {
          Path old = first.resolve(f.getFileName());
          if (Files.exists(old) && Files.isSameFile(old, f)) {
            reused++;
          } else {
            rewritten++;
          }
        }
      }
      assertThat(reused).as("files of other and other_sum taken over").isEqualTo(2);
      assertThat(rewritten).as("files of t, per_k and per_min written again").isEqualTo(3);
      db.execute("INSERT INTO other VALUES (3)");
    }
    try (LaminarDB db = open()) {
      assertThat(Rows.of(db, "SELECT s FROM other_sum")).containsExactly("6");
      assertThat(Rows.of(db, "SELECT SUM(n) FROM per_k")).containsExactly("200");
    }
  }

  @Test
  void shouldCheckpointABackgroundCopyWhileWritersGoOn() throws Exception {
    java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
    try (LaminarDB db = LaminarDB.builder().path(dir).walSync(WalSync.NONE)
        .checkpointInterval(Duration.ZERO).backgroundCheckpoints(true).open()) {
      define(db);
      Thread writer = new Thread(() -> {
        for (int i = 0; i < 3000; i++) {
          write(db, i, i + 1);
          written.incrementAndGet();
        }
      });
      writer.start();
      for (int i = 0; i < 5; i++) {
        db.checkpoint();
      }
      db.execute("CREATE MATERIALIZED VIEW late_comer AS SELECT COUNT(*) AS n FROM t");
      writer.join();
      db.checkpoint();
      write(db, 3000, 3010); // after the last checkpoint: from the log
    }
    try (LaminarDB db = open()) {
      assertThat(Rows.of(db, "SELECT SUM(n) FROM per_k")).containsExactly("3010");
      assertThat(Rows.of(db, "SELECT SUM(s) FROM per_k"))
          .containsExactly(Long.toString(3009L * 3010 / 2));
      long lateComer = Long.parseLong(Rows.of(db, "SELECT n FROM late_comer").get(0));
      assertThat(lateComer).as("rows after the view was created").isBetween(10L, 3010L);
    }
  }

  @Test
  void shouldCheckpointInMemoryWithoutFiles() {
    try (LaminarDB db = LaminarDB.open()) {
      db.execute("CREATE SOURCE s (v BIGINT)");
      db.execute("CHECKPOINT");
      CheckpointStats stats = db.checkpoint();
      assertThat(stats.epoch()).isEqualTo(2);
      assertThat(stats.sizeBytes()).isZero();
      assertThat(db.checkpoints()).extracting(CheckpointStats::epoch).containsExactly(2L);
    }
  }

  @Test
  void shouldRejectNegativeCheckpointIntervals() {
    assertThatThrownBy(() -> LaminarDB.builder().checkpointInterval(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checkpoint");
  }

  @Test
  void shouldCheckpointPeriodically() throws InterruptedException {
    try (LaminarDB db = LaminarDB.builder().path(dir).checkpointInterval(Duration.ofMillis(20))
        .open()) {
      define(db);
      write(db, 0, 50);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (db.lastCheckpointEpoch() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(db.lastCheckpointEpoch()).isGreaterThanOrEqualTo(2);
    }
  }
}
