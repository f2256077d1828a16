package org.laminardb.storage.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laminardb.error.ErrorCode;
import org.laminardb.error.LaminarDBException;

class CheckpointStoreTest {
  @TempDir Path dir;

  private static byte[] data(long epoch, String file) {
    return (file + "@" + epoch + ":" + "x".repeat((int) (epoch % 7) * 100))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Writes a checkpoint with state files "agg" and "join" and source offset 10 * epoch. */
  private static void write(CheckpointStore store, long epoch) {
    CheckpointWriter w = store.begin(epoch);
    w.writeStateFile("agg", data(epoch, "agg"));
    w.writeStateFile("join", data(epoch, "join"));
    w.complete(w.manifest(Map.of("src", 10 * epoch), Map.of("src", 1000 * epoch),
        Map.of("sink", "txn-" + epoch)));
  }

  private Path cpDir(long epoch) {
    return dir.resolve(CheckpointFormat.epochDirName(epoch));
  }

  private static void assertEpoch(CheckpointStore store, long epoch) {
    Optional<Checkpoint> cp = store.latestValid();
    assertThat(cp).isPresent();
    assertThat(cp.get().epoch()).isEqualTo(epoch);
    assertThat(cp.get().manifest().sourceOffsets()).isEqualTo(Map.of("src", 10 * epoch));
    assertThat(cp.get().readStateFile("agg")).isEqualTo(data(epoch, "agg"));
    assertThat(cp.get().readStateFile("join")).isEqualTo(data(epoch, "join"));
  }

  private static void flipBit(Path file, long offset) throws IOException {
    byte[] b = Files.readAllBytes(file);
    b[(int) offset] ^= 0x10;
    Files.write(file, b);
  }

  private static void truncate(Path file, long by) throws IOException {
    byte[] b = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(b, (int) (b.length - by)));
  }

  @Test
  void roundTrip() throws IOException {
    try (CheckpointStore store = CheckpointStore.open(dir, 3)) {
      assertThat(store.latestValid()).isEmpty();
      CheckpointWriter w = store.begin(5);
      try (OutputStream out = w.stateFile("big.state")) {
        for (int i = 0; i < 100_000; i++) {
          out.write(i);
        }
      }
      w.writeStateFile("empty", new byte[0]);
      Manifest m = new Manifest(5, 1234, Map.of("a", 7L, "b", -1L), Map.of("w", Long.MIN_VALUE),
          w.stateFiles(), Map.of("s1", "ü-txn", "s2", ""));
      w.complete(m);
      assertThat(Files.exists(cpDir(5).resolve("manifest"))).isTrue();
      assertThat(Files.exists(cpDir(5).resolve("manifest.tmp"))).isFalse();
    }
    try (CheckpointStore store = CheckpointStore.open(dir, 3)) {
      Checkpoint cp = store.latestValid().orElseThrow();
      assertThat(cp.epoch()).isEqualTo(5);
      assertThat(cp.manifest().createdAtMillis()).isEqualTo(1234);
      assertThat(cp.manifest().sourceOffsets()).isEqualTo(Map.of("a", 7L, "b", -1L));
      assertThat(cp.manifest().watermarks()).isEqualTo(Map.of("w", Long.MIN_VALUE));
      assertThat(cp.manifest().sinkStates()).isEqualTo(Map.of("s1", "ü-txn", "s2", ""));
      assertThat(cp.manifest().stateFiles()).extracting(StateFileRef::name)
          .containsExactly("big.state", "empty");
      byte[] big = cp.readStateFile("big.state");
      assertThat(big).hasSize(100_000);
      for (int i = 0; i < big.length; i++) {
        assertThat(big[i]).isEqualTo((byte) i);
      }
      assertThat(cp.readStateFile("empty")).isEmpty();
      assertThatThrownBy(() -> cp.readStateFile("nope")).isInstanceOf(LaminarDBException.class);
      List<CheckpointInfo> list = store.list();
      assertThat(list).hasSize(1);
      assertThat(list.get(0).epoch()).isEqualTo(5);
      assertThat(list.get(0).totalBytes())
          .isEqualTo(100_000 + 24 + Files.size(cpDir(5).resolve("manifest")));
    }
  }

  @Test
  void manifestEncodingIsDeterministicAndRoundTrips() {
    Manifest m = new Manifest(9, 42, Map.of("z", 1L, "a", 2L), Map.of(),
        List.of(new StateFileRef("f", 3, 0xCAFEBABE)), Map.of("k", "v"));
    byte[] b = CheckpointFormat.encode(m, 99);
    assertThat(CheckpointFormat.encode(m, 99)).isEqualTo(b);
    CheckpointFormat.Decoded d = CheckpointFormat.decode(b, dir);
    assertThat(d.manifest()).isEqualTo(m);
    assertThat(d.completedAtMillis()).isEqualTo(99);
    assertThat(ByteBuffer.wrap(b).getInt(0)).isEqualTo(0x4C434B50);
    assertThat(ByteBuffer.wrap(b).getInt(4)).isEqualTo(1);
  }

  @Test
  void keepsTheNewestN() {
    try (CheckpointStore store = CheckpointStore.open(dir, 2)) {
      for (long e = 1; e <= 5; e++) {
        write(store, e);
      }
      assertThat(store.list()).extracting(CheckpointInfo::epoch).containsExactly(4L, 5L);
      assertThat(Files.exists(cpDir(3))).isFalse();
      assertEpoch(store, 5);
    }
  }

  @Test
  void epochsMustIncrease() {
    try (CheckpointStore store = CheckpointStore.open(dir, 2)) {
      write(store, 3);
      assertThatThrownBy(() -> store.begin(3)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("increase");
      assertThatThrownBy(() -> store.begin(2)).isInstanceOf(IllegalArgumentException.class);
      CheckpointWriter w = store.begin(4);
      assertThatThrownBy(() -> store.begin(5)).isInstanceOf(LaminarDBException.class)
          .hasMessageContaining("still being written");
      w.abort();
      assertThat(Files.exists(cpDir(4))).isFalse();
      assertThatThrownBy(() -> store.begin(4)).isInstanceOf(IllegalArgumentException.class);
    }
    try (CheckpointStore store = CheckpointStore.open(dir, 2)) {
      assertThatThrownBy(() -> store.begin(3)).isInstanceOf(IllegalArgumentException.class);
      write(store, 4);
    }
  }

  @Test
  void manifestMustMatchTheFilesWritten() {
    try (CheckpointStore store = CheckpointStore.open(dir, 2)) {
      CheckpointWriter w = store.begin(1);
      w.writeStateFile("a", new byte[] {1, 2});
      Manifest wrongCrc = new Manifest(1, 0, Map.of(), Map.of(),
          List.of(new StateFileRef("a", 2, 0)), Map.of());
      assertThatThrownBy(() -> w.complete(wrongCrc))
          .isInstanceOf(IllegalArgumentException.class);
      Manifest wrongEpoch = new Manifest(2, 0, Map.of(), Map.of(), w.stateFiles(), Map.of());
      assertThatThrownBy(() -> w.complete(wrongEpoch))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> w.writeStateFile("a", new byte[0]))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> w.writeStateFile("manifest", new byte[0]))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> w.writeStateFile("../x", new byte[0]))
          .isInstanceOf(IllegalArgumentException.class);
      w.complete(w.manifest(Map.of(), Map.of(), Map.of()));
      assertThat(store.latestValid().orElseThrow().readStateFile("a"))
          .containsExactly(1, 2);
    }
  }

  @Test
  void incompleteCheckpointFallsBack() throws IOException {
    try (CheckpointStore store = CheckpointStore.open(dir, 3)) {
      write(store, 1);
      CheckpointWriter w = store.begin(2);
      w.writeStateFile("agg", data(2, "agg"));
      // not completed: a crash here leaves epoch 2 without a manifest
      List<String> skipped = new ArrayList<>();
      assertThat(store.latestValid(skipped).orElseThrow().epoch()).isEqualTo(1);
      w.abort();
    }
    Files.createDirectory(cpDir(2));
    Files.write(cpDir(2).resolve("agg"), data(2, "agg"));
    try (CheckpointStore store = CheckpointStore.open(dir, 3)) {
      List<String> skipped = new ArrayList<>();
      assertThat(store.latestValid(skipped).orElseThrow().epoch()).isEqualTo(1);
      assertThat(skipped).singleElement().asString().contains("checkpoint 2 skipped")
          .contains("incomplete");
      // the next checkpoint replaces the leftover; completing it removes nothing valid
      write(store, 2);
      assertEpoch(store, 2);
    }
  }

  private void corruptAndExpectFallback(String what, IoAction damage) throws IOException {
    try (CheckpointStore store = CheckpointStore.open(dir, 3)) {
      write(store, 1);
      write(store, 2);
      damage.run(cpDir(2));
      List<String> skipped = new ArrayList<>();
      Checkpoint cp = store.latestValid(skipped).orElseThrow();
      assertThat(cp.epoch()).as(what).isEqualTo(1);
      assertEpoch(store, 1);
      assertThat(skipped).as(what).singleElement().asString().contains("checkpoint 2 skipped");
    }
  }

  interface IoAction {
    void run(Path cpDir) throws IOException;
  }

  @Test
  void missingStateFileFallsBack() throws IOException {
    corruptAndExpectFallback("missing", d -> Files.delete(d.resolve("join")));
  }

  @Test
  void truncatedStateFileFallsBack() throws IOException {
    corruptAndExpectFallback("truncated", d -> truncate(d.resolve("agg"), 1));
  }

  @Test
  void truncatedTrailerlessStateFileFallsBack() throws IOException {
    corruptAndExpectFallback("no trailer", d -> truncate(d.resolve("agg"), 12));
  }

  @Test
  void bitFlippedStateFileFallsBack() throws IOException {
    corruptAndExpectFallback("flip data", d -> flipBit(d.resolve("agg"), 3));
  }

  @Test
  void bitFlippedTrailerFallsBack() throws IOException {
    corruptAndExpectFallback("flip trailer",
        d -> flipBit(d.resolve("join"), Files.size(d.resolve("join")) - 2));
  }

  @Test
  void bitFlippedManifestFallsBackAtEveryByte() throws IOException {
    try (CheckpointStore store = CheckpointStore.open(dir, 3)) {
      write(store, 1);
      write(store, 2);
      Path m = cpDir(2).resolve("manifest");
      byte[] good = Files.readAllBytes(m);
      for (int i = 0; i < good.length; i++) {
        byte[] bad = good.clone();
        bad[i] ^= (byte) (1 << (i % 8));
        Files.write(m, bad);
        List<String> skipped = new ArrayList<>();
        assertThat(store.latestValid(skipped).orElseThrow().epoch()).as("byte %d", i)
            .isEqualTo(1);
        assertThat(skipped).as("byte %d", i).singleElement().asString()
            .contains("checkpoint 2 skipped").contains("manifest");
      }
      for (int len = 0; len < good.length; len += 5) {
        Files.write(m, java.util.Arrays.copyOf(good, len));
        assertThat(store.latestValid().orElseThrow().epoch()).as("length %d", len).isEqualTo(1);
      }
      Files.write(m, good);
      assertEpoch(store, 2);
    }
  }

  @Test
  void manifestFromAnotherEpochIsRejected() throws IOException {
    corruptAndExpectFallback("moved manifest", d -> Files.copy(
        cpDir(1).resolve("manifest"), d.resolve("manifest"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING));
  }

  @Test
  void allCorruptIsEmptyWithReasons() throws IOException {
    try (CheckpointStore store = CheckpointStore.open(dir, 3)) {
      write(store, 1);
      write(store, 2);
      flipBit(cpDir(1).resolve("agg"), 0);
      Files.delete(cpDir(2).resolve("manifest"));
      List<String> skipped = new ArrayList<>();
      assertThat(store.latestValid(skipped)).isEmpty();
      assertThat(skipped).hasSize(2);
      assertThat(skipped.get(0)).contains("checkpoint 2 skipped").contains("incomplete");
      assertThat(skipped.get(1)).contains("checkpoint 1 skipped").contains("checksum mismatch")
          .contains("agg");
    }
  }

  @Test
  void readStateFileChecksAgain() throws IOException {
    try (CheckpointStore store = CheckpointStore.open(dir, 3)) {
      write(store, 1);
      Checkpoint cp = store.latestValid().orElseThrow();
      flipBit(cpDir(1).resolve("agg"), 5);
      assertThatThrownBy(() -> cp.readStateFile("agg"))
          .isInstanceOfSatisfying(LaminarDBException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA_CORRUPTED))
          .hasMessageContaining("checksum mismatch").hasMessageContaining("agg");
      truncate(cpDir(1).resolve("join"), 4);
      assertThatThrownBy(() -> cp.readStateFile("join"))
          .isInstanceOfSatisfying(LaminarDBException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.DATA_CORRUPTED));
    }
  }

  @Test
  void newerFormatVersionIsRefused() throws IOException {
    try (CheckpointStore store = CheckpointStore.open(dir, 3)) {
      write(store, 1);
      write(store, 2);
      Path m = cpDir(2).resolve("manifest");
      byte[] b = Files.readAllBytes(m);
      ByteBuffer.wrap(b).putInt(4, 2);
      CRC32C crc = new CRC32C();
      crc.update(b, 0, b.length - 4);
      ByteBuffer.wrap(b).putInt(b.length - 4, (int) crc.getValue());
      Files.write(m, b);
      assertThatThrownBy(store::latestValid)
          .isInstanceOfSatisfying(LaminarDBException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.FEATURE_NOT_SUPPORTED))
          .hasMessageContaining("incompatible format version 2, this build reads 1");
    }
  }

  @Test
  void secondOpenIsRefused() {
    try (CheckpointStore store = CheckpointStore.open(dir, 1)) {
      assertThatThrownBy(() -> CheckpointStore.open(dir, 1))
          .isInstanceOfSatisfying(LaminarDBException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.OBJECT_IN_USE));
      write(store, 1);
    }
    try (CheckpointStore store = CheckpointStore.open(dir, 1)) {
      assertEpoch(store, 1);
    }
  }

  @Test
  void closeAbortsTheWriter() {
    try (CheckpointStore store = CheckpointStore.open(dir, 1)) {
      write(store, 1);
      try (CheckpointWriter w = store.begin(2)) {
        w.writeStateFile("agg", new byte[10]);
      }
      assertThat(Files.exists(cpDir(2))).isFalse();
      assertEpoch(store, 1);
    }
  }
}
