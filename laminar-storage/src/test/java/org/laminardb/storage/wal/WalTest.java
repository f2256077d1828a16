package org.laminardb.storage.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.laminardb.storage.wal.WalTestSupport.appendCommit;
import static org.laminardb.storage.wal.WalTestSupport.expected;
import static org.laminardb.storage.wal.WalTestSupport.readAll;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.laminardb.error.LaminarDBException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalTest {
  @TempDir Path dir;

  private static final WalOptions SMALL = WalOptions.defaults().withSegmentBytes(1024);

  private List<Path> segmentFiles() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".seg")).sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void roundTripAndReopenContinuesLsns() {
    try (Wal wal = Wal.open(dir, WalOptions.defaults())) {
      assertThat(wal.lastLsn()).isZero();
      for (long i = 1; i <= 10; i++) {
        assertThat(appendCommit(wal, 7, i)).isEqualTo(i);
      }
      assertThat(readAll(wal, 1)).isEqualTo(expected(1, 10, 7));
      assertThat(readAll(wal, 4)).isEqualTo(expected(4, 10, 7));
    }
    try (Wal wal = Wal.open(dir, WalOptions.defaults())) {
      assertThat(wal.lastLsn()).isEqualTo(10);
      assertThat(appendCommit(wal, 7, 11)).isEqualTo(11);
      assertThat(readAll(wal, 1)).isEqualTo(expected(1, 11, 7));
    }
  }

  @Test
  void appendWithoutCommitIsWrittenOnClose() {
    try (Wal wal = Wal.open(dir, WalOptions.defaults().withSyncPolicy(SyncPolicy.NONE))) {
      byte[] p = WalTestSupport.payload(1);
      wal.append(1, p, 0, p.length);
    }
    try (Wal wal = Wal.open(dir, WalOptions.defaults())) {
      assertThat(readAll(wal, 1)).isEqualTo(expected(1, 1, 1));
    }
  }

  @Test
  void emptyPayloadAndIntervalPolicy() {
    try (Wal wal = Wal.open(dir, WalOptions.defaults().withSyncPolicy(SyncPolicy.interval(5)))) {
      assertThat(wal.appendAndCommit(3, new byte[0], 0, 0)).isEqualTo(1);
      try (WalReader r = wal.reader(1)) {
        assertThat(r.next()).isTrue();
        assertThat(r.payloadLength()).isZero();
        assertThat(r.next()).isFalse();
      }
    }
  }

  @Test
  void manySegmentsRolloverAndTruncate() throws IOException {
    try (Wal wal = Wal.open(dir, SMALL)) {
      for (long i = 1; i <= 500; i++) {
        appendCommit(wal, 1, i);
      }
      // a record larger than a segment gets a segment of its own
      byte[] big = new byte[5000];
      assertThat(wal.appendAndCommit(2, big, 0, big.length)).isEqualTo(501);
      appendCommit(wal, 1, 502);
      assertThat(segmentFiles().size()).isGreaterThan(10);
      List<String> all = readAll(wal, 1);
      assertThat(all).hasSize(502);
      assertThat(all.subList(0, 500)).isEqualTo(expected(1, 500, 1));
      assertThat(all.get(501)).isEqualTo("502:1:record-502");

      wal.truncateBefore(300);
      assertThat(wal.firstLsn()).isLessThanOrEqualTo(300).isGreaterThan(200);
      assertThat(readAll(wal, 300).get(0)).isEqualTo("300:1:record-300");
      long first = wal.firstLsn();
      assertThatThrownBy(() -> wal.reader(first - 1)).isInstanceOf(LaminarDBException.class)
          .hasMessageContaining("truncated");
      wal.truncateBefore(Long.MAX_VALUE);
      assertThat(segmentFiles()).hasSize(1); // the segment being written stays
    }
    try (Wal wal = Wal.open(dir, SMALL)) {
      assertThat(wal.lastLsn()).isEqualTo(502);
      assertThat(appendCommit(wal, 1, 503)).isEqualTo(503);
      assertThat(readAll(wal, wal.firstLsn())).endsWith("503:1:record-503");
    }
  }

  @Test
  void tornTailAtEveryOffsetKeepsEveryCompleteRecord() throws IOException {
    try (Wal wal = Wal.open(dir, WalOptions.defaults())) {
      for (long i = 1; i <= 5; i++) {
        appendCommit(wal, 1, i);
      }
    }
    Path seg = segmentFiles().get(0);
    byte[] full = Files.readAllBytes(seg);
    int lastLen = WalFormat.RECORD_HEADER_BYTES + WalTestSupport.payload(5).length;
    int lastStart = full.length - lastLen;
    for (int cut = lastStart; cut < full.length; cut++) {
      Files.write(seg, java.util.Arrays.copyOf(full, cut));
      try (Wal wal = Wal.open(dir, WalOptions.defaults())) {
        assertThat(wal.lastLsn()).as("cut at %d", cut).isEqualTo(4);
        assertThat(readAll(wal, 1)).isEqualTo(expected(1, 4, 1));
        assertThat(appendCommit(wal, 1, 5)).isEqualTo(5);
        assertThat(readAll(wal, 1)).isEqualTo(expected(1, 5, 1));
      }
    }
    // garbage after the last record
    byte[] garbage = new byte[37];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 31 + 7);
    }
    Files.write(seg, garbage, StandardOpenOption.APPEND);
    try (Wal wal = Wal.open(dir, WalOptions.defaults())) {
      assertThat(readAll(wal, 1)).isEqualTo(expected(1, 5, 1));
      assertThat(appendCommit(wal, 1, 6)).isEqualTo(6);
    }
    assertThat(Files.size(seg)).isEqualTo(full.length + lastLen);
  }

  @Test
  void bitFlipInEarlierSegmentIsCorruption() throws IOException {
    writeSegments();
    Path first = segmentFiles().get(0);
    flip(first, WalFormat.HEADER_BYTES + WalFormat.RECORD_HEADER_BYTES + 2);
    assertCorrupted(first);
  }

  @Test
  void bitFlipInEveryByteOfAnEarlierSegmentIsDetected() throws IOException {
    writeSegments();
    Path second = segmentFiles().get(1);
    byte[] orig = Files.readAllBytes(second);
    for (int off = 0; off < orig.length; off += 7) {
      byte[] b = orig.clone();
      b[off] ^= 0x10;
      Files.write(second, b);
      assertThatThrownBy(() -> Wal.open(dir, SMALL).close()).as("flip at %d", off)
          .isInstanceOf(LaminarDBException.class)
          .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isIn("XX001", "0A000"));
    }
    Files.write(second, orig);
    Wal.open(dir, SMALL).close();
  }

  @Test
  void bitFlipInsideTheLastSegmentIsCorruptionNotATornTail() throws IOException {
    try (Wal wal = Wal.open(dir, WalOptions.defaults())) {
      for (long i = 1; i <= 5; i++) {
        appendCommit(wal, 1, i);
      }
    }
    Path seg = segmentFiles().get(0);
    int recordBytes = WalFormat.RECORD_HEADER_BYTES + WalTestSupport.payload(1).length;
    flip(seg, WalFormat.HEADER_BYTES + 2 * recordBytes + WalFormat.RECORD_HEADER_BYTES + 1);
    assertThatThrownBy(() -> Wal.open(dir, WalOptions.defaults()))
        .isInstanceOf(LaminarDBException.class).hasMessageContaining(seg.toString())
        .hasMessageContaining("offset " + (WalFormat.HEADER_BYTES + 2 * recordBytes))
        .hasMessageContaining("a valid record follows")
        .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("XX001"));
    assertThat(Files.size(seg)).isEqualTo(WalFormat.HEADER_BYTES + 5L * recordBytes);
  }

  @Test
  void bitFlipInHeaderIsCorruption() throws IOException {
    writeSegments();
    List<Path> segs = segmentFiles();
    Path last = segs.get(segs.size() - 1);
    flip(last, 10); // first LSN field
    assertCorrupted(last);
  }

  @Test
  void gapBetweenSegmentsIsCorruption() throws IOException {
    writeSegments();
    List<Path> segs = segmentFiles();
    Files.delete(segs.get(1));
    assertCorrupted(segs.get(2));
  }

  @Test
  void unknownMagicIsCorruption() throws IOException {
    writeSegments();
    Path first = segmentFiles().get(0);
    flip(first, 0);
    assertThatThrownBy(() -> Wal.open(dir, SMALL)).isInstanceOf(LaminarDBException.class)
        .hasMessageContaining("unknown magic").hasMessageContaining(first.toString());
  }

  @Test
  void newerFormatVersionIsRefused() throws IOException {
    writeSegments();
    Path first = segmentFiles().get(0);
    try (FileChannel ch = FileChannel.open(first, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.allocate(4).putInt(0, 2), 4);
    }
    assertThatThrownBy(() -> Wal.open(dir, SMALL)).isInstanceOf(LaminarDBException.class)
        .hasMessageContaining("incompatible format version 2, this build reads 1")
        .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("0A000"));
  }

  @Test
  void secondOpenIsRefused() {
    try (Wal wal = Wal.open(dir, WalOptions.defaults())) {
      assertThatThrownBy(() -> Wal.open(dir, WalOptions.defaults()))
          .isInstanceOf(LaminarDBException.class).hasMessageContaining("in use")
          .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("55006"));
      appendCommit(wal, 1, 1);
    }
    try (Wal wal = Wal.open(dir, WalOptions.defaults())) {
      assertThat(wal.lastLsn()).isEqualTo(1);
    }
  }

  @Test
  void closedWalRefusesAppends() {
    Wal wal = Wal.open(dir, WalOptions.defaults());
    wal.close();
    wal.close();
    assertThatThrownBy(() -> wal.append(1, new byte[1], 0, 1))
        .isInstanceOf(LaminarDBException.class).hasMessageContaining("closed");
  }

  @Test
  void concurrentWritersShareCommitsAndGetUniqueLsns() throws Exception {
    int threads = 4;
    int perThread = 10_000;
    Set<Long> acked = ConcurrentHashMap.newKeySet();
    try (Wal wal = Wal.open(dir, WalOptions.defaults().withSegmentBytes(256 << 10))) {
      List<Thread> ts = new ArrayList<>();
      List<Throwable> errors = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int stream = t;
        Thread th = new Thread(() -> {
          for (long i = 0; i < perThread; i++) {
            byte[] p = WalTestSupport.payload(stream * 1_000_000L + i);
            long lsn = wal.appendAndCommit(stream, p, 0, p.length);
            if (!acked.add(lsn)) {
              throw new AssertionError("duplicate LSN " + lsn);
            }
          }
        });
        th.setUncaughtExceptionHandler((x, e) -> {
          synchronized (errors) {
            errors.add(e);
          }
        });
        ts.add(th);
        th.start();
      }
      for (Thread th : ts) {
        th.join();
      }
      assertThat(errors).isEmpty();
    }
    assertThat(acked).hasSize(threads * perThread);
    try (Wal wal = Wal.open(dir, WalOptions.defaults())) {
      Set<String> payloads = new java.util.HashSet<>();
      long count = 0;
      try (WalReader r = wal.reader(1)) {
        while (r.next()) {
          count++;
          assertThat(acked).contains(r.lsn());
          payloads.add(new String(r.payload(), 0, r.payloadLength(),
              java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      assertThat(count).isEqualTo(threads * perThread);
      assertThat(payloads).hasSize(threads * perThread);
    }
  }

  @Test
  void closeDuringCommitsKeepsEveryAcknowledgedRecord() throws Exception {
    Set<Long> acked = ConcurrentHashMap.newKeySet();
    Wal wal = Wal.open(dir, SMALL);
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th = new Thread(() -> {
        try {
          for (long i = 0; ; i++) {
            acked.add(appendCommit(wal, 1, i));
          }
        } catch (LaminarDBException e) {
          assertThat(e.getMessage()).contains("closed");
        }
      });
      ts.add(th);
      th.start();
    }
    while (acked.size() < 200) {
      Thread.sleep(1);
    }
    wal.close();
    for (Thread th : ts) {
      th.join();
    }
    try (Wal again = Wal.open(dir, SMALL)) {
      Set<Long> present = new java.util.HashSet<>();
      try (WalReader r = again.reader(1)) {
        while (r.next()) {
          assertThat(present.add(r.lsn())).isTrue();
        }
      }
      assertThat(present).containsAll(acked);
    }
  }

  private void writeSegments() throws IOException {
    try (Wal wal = Wal.open(dir, SMALL)) {
      for (long i = 1; i <= 200; i++) {
        appendCommit(wal, 1, i);
      }
    }
    assertThat(segmentFiles().size()).isGreaterThanOrEqualTo(3);
  }

  private static void flip(Path file, int offset) throws IOException {
    byte[] b = Files.readAllBytes(file);
    b[offset] ^= 0x04;
    Files.write(file, b);
  }

  private void assertCorrupted(Path file) {
    assertThatThrownBy(() -> Wal.open(dir, SMALL)).isInstanceOf(LaminarDBException.class)
        .hasMessageContaining(file.toString())
        .satisfies(e -> assertThat(((LaminarDBException) e).sqlState()).isEqualTo("XX001"));
  }
}
