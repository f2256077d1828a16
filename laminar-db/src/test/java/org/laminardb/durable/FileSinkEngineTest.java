package org.laminardb.durable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.laminardb.LaminarDB;
import org.laminardb.WalSync;

/**
 * The FILES sink driven by the engine: epochs end at checkpoints and become visible when they
 * complete; a reopened durable database neither loses nor repeats committed output.
 */
@Timeout(60)
class FileSinkEngineTest {
  @TempDir Path dir;
  @TempDir Path out;

  /** Lines of the committed (visible) files, in epoch order, headers dropped. */
  static List<String> committedLines(Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> all = Files.list(out)) {
      files = all.filter(p -> !p.getFileName().toString().startsWith(".")
          && !p.getFileName().toString().startsWith("_")).sorted().toList();
    }
    for (Path f : files) {
      List<String> content = Files.readAllLines(f, StandardCharsets.UTF_8);
      lines.addAll(content.subList(1, content.size()));
    }
    return lines;
  }

  private LaminarDB openDurable() {
    return openDurable(false);
  }

  private LaminarDB openDurable(boolean background) {
    return LaminarDB.builder().path(dir).walSync(WalSync.NONE).checkpointInterval(Duration.ZERO)
        .backgroundCheckpoints(background).open();
  }

  @Test
  void shouldMakeRowsVisibleWhenTheCheckpointCompletesInMemory() throws IOException {
    try (LaminarDB db = LaminarDB.builder().checkpointInterval(Duration.ZERO).open()) {
      db.execute("CREATE SOURCE t (id BIGINT, name VARCHAR)");
      db.execute("CREATE SINK s INTO FILES (path = '" + out + "', format = 'csv') "
          + "AS SELECT id, name FROM t WHERE id > 0");
      db.execute("INSERT INTO t VALUES (1, 'a'), (-1, 'x'), (2, 'b,c')");
      assertThat(committedLines(out)).isEmpty();
      db.execute("CHECKPOINT");
      assertThat(committedLines(out)).containsExactly("1,a,+I", "2,\"b,c\",+I");
      try (Stream<Path> files = Files.list(out)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .containsExactly("s-00000000000000000001.csv");
      }
      db.execute("INSERT INTO t VALUES (3, 'c')");
      db.checkpoint();
      db.checkpoint();
      assertThat(committedLines(out)).containsExactly("1,a,+I", "2,\"b,c\",+I", "3,c,+I");
    }
  }

  @Test
  void shouldWriteTheChangelogOfAView() throws IOException {
    try (LaminarDB db = LaminarDB.builder().checkpointInterval(Duration.ZERO).open()) {
      db.execute("CREATE SOURCE t (k VARCHAR, v BIGINT)");
      db.execute("CREATE MATERIALIZED VIEW sums AS SELECT k, SUM(v) AS s FROM t GROUP BY k");
      db.execute("CREATE SINK s FROM sums INTO FILES (path = '" + out + "', format = 'json')");
      db.execute("INSERT INTO t VALUES ('a', 1)");
      db.execute("INSERT INTO t VALUES ('a', 2)");
      db.checkpoint();
      List<String> lines = new ArrayList<>();
      try (Stream<Path> files = Files.list(out)) {
        for (Path f : files.sorted().toList()) {
          lines.addAll(Files.readAllLines(f));
        }
      }
      assertThat(lines).containsExactly("{\"k\":\"a\",\"s\":1,\"__op\":\"+I\"}",
          "{\"k\":\"a\",\"s\":1,\"__op\":\"-U\"}", "{\"k\":\"a\",\"s\":3,\"__op\":\"+U\"}");
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "background copy: {0}")
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void shouldNeitherLoseNorRepeatOutputAcrossReopens(boolean background) throws IOException {
    try (LaminarDB db = openDurable(background)) {
      db.execute("CREATE SOURCE t (id BIGINT)");
      db.execute("CREATE SINK s INTO FILES (path = '" + out + "') AS SELECT id FROM t");
      db.execute("INSERT INTO t VALUES (1), (2)");
      db.checkpoint();
      db.execute("INSERT INTO t VALUES (3)"); // after the checkpoint: produced again on reopen
    }
    try (LaminarDB db = openDurable(background)) {
      assertThat(committedLines(out)).containsExactly("1,+I", "2,+I");
      db.execute("INSERT INTO t VALUES (4)");
      db.checkpoint();
      assertThat(committedLines(out)).containsExactly("1,+I", "2,+I", "3,+I", "4,+I");
    }
    try (LaminarDB db = openDurable(background)) {
      db.checkpoint();
      assertThat(committedLines(out)).containsExactly("1,+I", "2,+I", "3,+I", "4,+I");
      try (Stream<Path> files = Files.list(out)) {
        assertThat(files.filter(p -> p.getFileName().toString().startsWith(".")
            || p.getFileName().toString().startsWith("_"))).as("no unfinished files").isEmpty();
      }
    }
  }
}
